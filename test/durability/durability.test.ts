// "Never lose a coding": a child process codes as fast as it can and is killed with SIGKILL at random
// moments; after every kill the project must be intact and hold exactly what was acknowledged (the
// one operation in flight may or may not have landed). The seed fixes every random choice; only the
// machine's speed decides where within an operation each kill lands.

import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Project } from '../../db/project';
import { createCode } from '../../db/codes';
import { checkProject } from '../../db/check';
import { lockPathFor } from '../../db/lock';
import { addTextDocument, cleanupTempDirs, tempDir } from '../helpers/project';
import { mulberry32 } from './random';

afterAll(cleanupTempDirs);

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const WORKER = join(ROOT, 'test/durability/worker.ts');
const SEED = 20240312;
const MAX_ROUNDS = 40;
/** Stop starting rounds after this long, so a slow machine runs fewer rounds rather than timing out. */
const BUDGET_MS = 35_000;

type Uncertain = { kind: 'add'; id: number | null; range: string } | { kind: 'remove'; id: number } | null;

interface RoundResult {
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

interface Kill {
  /** Kill on the n-th line matching `lines`: an announcement lands the kill inside that operation. */
  afterLines?: { n: number; lines: RegExp };
  afterMs?: number;
  maxOps?: number;
}

/** Runs the worker and kills it as `kill` says. */
function runWorker(path: string, seed: number, lock: 'exclusive' | 'none', kill: Kill): Promise<RoundResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, path, String(seed), lock, String(kill.maxOps ?? '')],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let seen = 0;
    const timer =
      kill.afterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      partial += chunk;
      const complete = partial.split('\n');
      partial = complete.pop()!; // a line cut by the kill was never acknowledged
      for (const line of complete) {
        lines.push(line);
        if (kill.afterLines && kill.afterLines.lines.test(line) && ++seen >= kill.afterLines.n)
          child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ lines, code, signal, stderr });
    });
  });
}

function setUp(): string {
  const path = join(tempDir(), 'durable.commonplace');
  const project = Project.create(path, { coder: 'setup' });
  // Plain BMP text: the worker picks offsets by JavaScript length.
  const text = Array.from(
    { length: 60 },
    (_, i) => `Speaker ${i % 4}: Zoë said the targets drive everything, and the care comes second (${i}).`,
  ).join('\n\n');
  addTextDocument(project, 'northgate', text);
  addTextDocument(project, 'eastbridge', text.toUpperCase());
  for (const name of ['Targets', 'Trust', 'Secret caseloads', 'Care']) createCode(project, { name });
  project.close();
  return path;
}

function codingsIn(project: Project): Map<number, string> {
  const rows = project.db
    .prepare(`SELECT id, document_id || ' ' || code_id || ' ' || start || ' ' || end AS range FROM codings`)
    .all() as { id: number; range: string }[];
  return new Map(rows.map((r) => [r.id, r.range]));
}

/** Replays the worker's announcements onto what the parent expects. */
function apply(expected: Map<number, string>, lines: string[]): Uncertain {
  let uncertain: Uncertain = null;
  for (const line of lines) {
    const [tag, id, ...range] = line.split(' ');
    if (tag === '?A') uncertain = { kind: 'add', id: id === '-' ? null : Number(id), range: range.join(' ') };
    else if (tag === 'A') {
      expected.set(Number(id), range.join(' '));
      uncertain = null;
    } else if (tag === '?R') uncertain = { kind: 'remove', id: Number(id) };
    else if (tag === 'R') {
      expected.delete(Number(id));
      uncertain = null;
    } else if (tag === 'X') uncertain = null;
  }
  return uncertain;
}

function verify(path: string, expected: Map<number, string>, uncertain: Uncertain, round: number): void {
  // Opening with the lock also proves a killed holder's stale lock is taken over.
  const project = Project.open(path, { lock: 'exclusive', app: 'durability test' });
  try {
    expect(project.db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
    const actual = codingsIn(project);
    for (const [id, range] of expected) {
      if (uncertain?.kind === 'remove' && uncertain.id === id) continue;
      expect(actual.get(id), `round ${round}: acknowledged coding ${id} (${range})`).toBe(range);
    }
    for (const [id, range] of actual) {
      if (expected.has(id)) continue;
      const inFlight =
        uncertain?.kind === 'add' &&
        (uncertain.id === null || uncertain.id === id) &&
        uncertain.range === range;
      expect(inFlight, `round ${round}: coding ${id} (${range}) was never announced`).toBe(true);
    }
    const orphans = project.db
      .prepare('SELECT count(*) FROM history_ops WHERE step_id NOT IN (SELECT id FROM history_steps)')
      .pluck()
      .get();
    expect(orphans, `round ${round}: undo records without a step`).toBe(0);
    const report = checkProject(project);
    expect(
      report.findings.filter((f) => f.severity === 'error'),
      `round ${round}`,
    ).toEqual([]);
    // The in-flight operation is now settled one way or the other.
    expected.clear();
    for (const [id, range] of actual) expected.set(id, range);
  } finally {
    project.close();
  }
}

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged coding and a consistent undo history', { timeout: 120_000 }, async () => {
    const path = setUp();
    const random = mulberry32(SEED);
    const expected = new Map<number, string>();
    const started = Date.now();
    let rounds = 0;
    let acknowledged = 0;
    while (rounds < MAX_ROUNDS && Date.now() - started < BUDGET_MS) {
      const lock = rounds % 2 === 0 ? 'exclusive' : 'none';
      // On an announcement (inside that operation's transaction), on an acknowledgement (between
      // operations), or at a random time, which can land while the worker is starting or opening.
      const dice = random();
      const n = 1 + Math.floor(random() * 300);
      const kill: Kill =
        dice < 0.5
          ? { afterLines: { n, lines: /^\?/ } }
          : dice < 0.75
            ? { afterLines: { n, lines: /^[AR] / } }
            : { afterMs: Math.floor(random() * 600) };
      const result = await runWorker(path, Math.floor(random() * 2 ** 31), lock, kill);
      expect(result.signal === 'SIGKILL' || result.code === 0, result.stderr).toBe(true);
      const uncertain = apply(expected, result.lines);
      acknowledged += result.lines.filter((l) => /^[AR] /.test(l)).length;
      verify(path, expected, uncertain, rounds);
      rounds++;
    }
    expect(rounds).toBeGreaterThanOrEqual(5);
    expect(acknowledged).toBeGreaterThan(100);

    // A clean finish releases the lock and folds the WAL back into the file.
    const clean = await runWorker(path, 1, 'exclusive', { maxOps: 50 });
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.lines.at(-1)).toBe('done');
    expect(existsSync(lockPathFor(path))).toBe(false);
    expect(existsSync(`${path}-wal`)).toBe(false);
    verify(path, expected, apply(expected, clean.lines), rounds);

    // The history written across all those crashes still undoes and redoes cleanly.
    const project = Project.open(path);
    try {
      const before = codingsIn(project);
      let undone = 0;
      for (; undone < 100 && project.history.peekUndo(); undone++) project.history.undo();
      expect(checkProject(project).ok).toBe(true);
      for (let i = 0; i < undone; i++) project.history.redo();
      expect(codingsIn(project)).toEqual(before);
      expect(checkProject(project).ok).toBe(true);
    } finally {
      project.close();
    }
  });
});
