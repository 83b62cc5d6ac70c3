import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Project } from '../../db/project';
import {
  backupDirFor,
  backupNow,
  BackupScheduler,
  listBackups,
  restoreBackup,
  verifyBackup,
  type Timers,
} from '../../db/backup';
import { lockPathFor } from '../../db/lock';
import { createCode } from '../../db/codes';
import { addCoding } from '../../db/codings';
import { SCHEMA_VERSION } from '../../db/migrations';
import { isCommonplaceError } from '../../shared/errors';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, tempDir } from '../helpers/project';
import { describeProject } from '../fixtures/describe';

afterAll(cleanupTempDirs);

function studyProject(dir = tempDir()): Project {
  const project = Project.create(join(dir, 'study.commonplace'), { coder: 'ana' });
  const doc = addTextDocument(project, 'northgate', FOCUS_GROUP);
  const code = createCode(project, { name: 'Targets' });
  addCoding(project, { documentId: doc, codeId: code, start: 45, end: 70, memo: 'first' });
  return project;
}

const described = (path: string) => {
  const p = Project.open(path);
  try {
    return describeProject(p);
  } finally {
    p.close();
  }
};

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isCommonplaceError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

/** Timers under the test's control: `fire()` runs what a real interval would run. */
function manualTimers() {
  const fns = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setInterval: (fn) => {
      fns.set(next, fn);
      return next++;
    },
    clearInterval: (h) => fns.delete(h as number),
  };
  return { timers, active: () => fns.size, fire: () => fns.forEach((fn) => fn()) };
}

describe('backups', () => {
  it('copy an open project into "<name> backups" as one self-contained file', async () => {
    const project = studyProject();
    const info = await backupNow(project, { now: () => new Date('2025-03-01T14:05:09Z') });
    expect(info.path).toBe(join(backupDirFor(project.path), 'study 2025-03-01 14-05-09 UTC.commonplace'));
    expect(readdirSync(backupDirFor(project.path))).toEqual([basename(info.path)]);
    const raw = new Database(info.path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    expect(verifyBackup(info.path)).toEqual({ schemaVersion: SCHEMA_VERSION });
    expect(described(info.path)).toEqual(describeProject(project));
    project.close();
  });

  it('keep the newest K and leave other files in the folder alone', async () => {
    const project = studyProject();
    const dir = join(tempDir(), 'elsewhere');
    let minute = 0;
    const now = () => new Date(Date.UTC(2025, 0, 1, 9, minute++));
    for (let i = 0; i < 13; i++) await backupNow(project, { dir, keep: 10, now });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'study final.commonplace'), 'mine too');
    await backupNow(project, { dir, keep: 10, now });
    const kept = listBackups(project.path, dir);
    expect(kept).toHaveLength(10);
    expect(kept[0]!.takenAt.toISOString()).toBe('2025-01-01T09:13:00.000Z');
    expect(kept[9]!.takenAt.toISOString()).toBe('2025-01-01T09:04:00.000Z');
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['notes.txt', 'study final.commonplace']));
    project.close();
  });

  it('see changes still in the WAL and changes made by another connection', async () => {
    const project = studyProject();
    const other = Project.open(project.path);
    createCode(other, { name: 'From the CLI' });
    const info = await backupNow(project);
    expect(described(info.path).codes.map((c) => c.path)).toContain('From the CLI');
    other.close();
    project.close();
  });
});

describe('BackupScheduler', () => {
  it('backs up on open, then on each interval only when something changed', async () => {
    const project = studyProject();
    const clock = manualTimers();
    const taken: string[] = [];
    let t = Date.UTC(2025, 4, 1, 8);
    const scheduler = new BackupScheduler(project, {
      timers: clock.timers,
      now: () => new Date((t += 60_000)),
      onBackup: (b) => taken.push(b.path),
    });
    expect(await scheduler.start()).not.toBeNull();
    expect(clock.active()).toBe(1);
    expect(await scheduler.tick()).toBeNull();
    addCoding(project, { documentId: 1, codeId: 1, start: 80, end: 90 });
    clock.fire();
    await scheduler.flush(); // waits for the backup the timer started
    expect(taken).toHaveLength(2);
    expect(clock.active()).toBe(0);
    // A change by another process shows up through data_version.
    const other = Project.open(project.path);
    createCode(other, { name: 'Elsewhere' });
    other.close();
    expect(await scheduler.tick()).not.toBeNull();
    expect(taken).toHaveLength(3);
    expect(described(taken[2]!).codes.map((c) => c.path)).toContain('Elsewhere');
    project.close();
  });

  it('does not rotate good backups away by reopening an unchanged project', async () => {
    const project = studyProject();
    const first = await new BackupScheduler(project, { timers: manualTimers().timers }).start();
    expect(first).not.toBeNull();
    project.close();
    for (let i = 0; i < 3; i++) {
      const again = Project.open(project.path);
      const scheduler = new BackupScheduler(again, { timers: manualTimers().timers });
      expect(await scheduler.start()).toBeNull();
      scheduler.stop();
      again.close();
    }
    expect(listBackups(project.path)).toHaveLength(1);
  });

  it('reports failures instead of throwing', async () => {
    const project = studyProject();
    const blocker = join(tempDir(), 'a file, not a folder');
    writeFileSync(blocker, '');
    const errors: unknown[] = [];
    const scheduler = new BackupScheduler(project, {
      dir: join(blocker, 'backups'),
      timers: manualTimers().timers,
      onError: (e) => errors.push(e),
    });
    expect(await scheduler.start()).toBeNull();
    expect(String(errors[0])).toMatch(/backup folder/);
    scheduler.stop();
    project.close();
  });
});

describe('restore', () => {
  it('puts a backup in place of a missing project', async () => {
    const project = studyProject();
    const backup = await backupNow(project);
    const expected = describeProject(project);
    project.close();
    const target = join(tempDir(), 'restored.commonplace');
    writeFileSync(`${target}-wal`, 'stale WAL of a deleted project');
    expect(restoreBackup(backup.path, target)).toEqual({ path: target, replacedKeptAt: null });
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(described(target)).toEqual(expected);
  });

  it('replaces an existing project only with force, keeping a copy of what it replaced', async () => {
    const project = studyProject();
    const backup = await backupNow(project);
    const atBackup = describeProject(project);
    addCoding(project, { documentId: 1, codeId: 1, start: 100, end: 120 });
    const later = describeProject(project);
    project.close();
    const before = readFileSync(project.path);
    expect(errorOf(() => restoreBackup(backup.path, project.path))).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/--force/),
    });
    expect(readFileSync(project.path)).toEqual(before);

    // A -wal left by a crash: valid frames that SQLite would replay onto whatever file has this name.
    const crashed = Project.open(project.path);
    addCoding(crashed, { documentId: 1, codeId: 1, start: 130, end: 140 });
    const wal = readFileSync(`${project.path}-wal`);
    crashed.close();
    writeFileSync(`${project.path}-wal`, wal);
    const result = restoreBackup(backup.path, project.path, { force: true });
    expect(existsSync(`${project.path}-wal`)).toBe(false);
    expect(described(project.path)).toEqual(atBackup);
    expect(result.replacedKeptAt).not.toBeNull();
    const replaced = described(result.replacedKeptAt!);
    expect(replaced.documents[0]!.codings).toHaveLength(later.documents[0]!.codings.length + 1);
  });

  it('refuses while someone has the project open', async () => {
    const project = studyProject();
    const backup = await backupNow(project);
    project.close();
    writeFileSync(
      lockPathFor(project.path),
      JSON.stringify({
        pid: process.ppid,
        host: hostname(),
        app: 'Commonplace',
        since: new Date().toISOString(),
      }),
    );
    expect(errorOf(() => restoreBackup(backup.path, project.path, { force: true })).code).toBe('locked');
  });

  it('checks the backup first: damaged, foreign, newer and missing files are refused', async () => {
    const dir = tempDir();
    const project = studyProject();
    const good = (await backupNow(project)).path;
    project.close();
    const target = join(dir, 'target.commonplace');

    const damaged = join(dir, 'damaged.commonplace');
    const bytes = readFileSync(good);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(damaged, bytes);
    const text = join(dir, 'text.commonplace');
    writeFileSync(text, 'Facilitator: hello\n'.repeat(300));
    const foreign = join(dir, 'foreign.sqlite');
    new Database(foreign).exec('CREATE TABLE t(x)');
    const newer = join(dir, 'newer.commonplace');
    copyFileSync(good, newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();

    expect(errorOf(() => restoreBackup(damaged, target)).message).toMatch(
      /damaged|not a Commonplace project/,
    );
    expect(errorOf(() => restoreBackup(text, target)).message).toMatch(
      /cannot be opened|not a Commonplace project/,
    );
    expect(errorOf(() => restoreBackup(foreign, target)).message).toMatch(/not a Commonplace project/);
    expect(errorOf(() => restoreBackup(newer, target))).toMatchObject({ code: 'schema-too-new' });
    expect(errorOf(() => restoreBackup(join(dir, 'missing.commonplace'), target)).message).toMatch(
      /cannot be opened/,
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('target'))).toEqual([]);
  });
});
