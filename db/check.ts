// `commonplace check`: everything that must hold for a project to be trusted, beyond what SQLite's
// constraints enforce on their own. Read-only apart from FTS5's integrity-check command, which is
// spelled as an INSERT but changes nothing.

import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Project } from './project';
import { schemaVersion } from './migrate';
import { SCHEMA_VERSION } from './migrations';

export interface Finding {
  severity: 'error' | 'warning';
  what: string;
  where: string;
}

export interface CheckReport {
  ok: boolean;
  findings: Finding[];
}

/** Stop listing one kind of problem after this many; the first few say enough. */
const MAX_PER_KIND = 50;

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

class Findings {
  readonly list: Finding[] = [];
  private readonly perKind = new Map<string, number>();

  add(severity: Finding['severity'], what: string, where: string): void {
    const n = (this.perKind.get(what) ?? 0) + 1;
    this.perKind.set(what, n);
    if (n <= MAX_PER_KIND) this.list.push({ severity, what, where });
    else if (n === MAX_PER_KIND + 1)
      this.list.push({ severity, what: `${what} (further cases not listed)`, where: '…' });
  }
}

function checkSqlite(db: Database.Database, f: Findings): void {
  const integrity = db.pragma('integrity_check(100)', { simple: false }) as { integrity_check: string }[];
  for (const row of integrity)
    if (row.integrity_check !== 'ok') f.add('error', 'the database file is damaged', row.integrity_check);
  const fks = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const r of fks)
    f.add('error', `a ${r.table} row refers to a missing ${r.parent} row`, `${r.table} ${r.rowid}`);
}

function checkDocuments(db: Database.Database, f: Findings): void {
  const docs = db.prepare('SELECT id, name FROM documents ORDER BY id').all() as {
    id: number;
    name: string;
  }[];
  const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const codings = db.prepare('SELECT id, start, end FROM codings WHERE document_id = ? ORDER BY start');
  const turns = db.prepare(
    'SELECT id, start, end, body_start AS bodyStart FROM turns WHERE document_id = ? ORDER BY start, id',
  );
  for (const d of docs) {
    // Offsets are UTF-16 code units, which is what JavaScript's length counts and SQLite's does not.
    const t = text.get(d.id) as string;
    const where = (kind: string, id: number) => `${kind} ${id} in document ${d.id} "${d.name}"`;
    for (const c of codings.all(d.id) as { id: number; start: number; end: number }[]) {
      if (!(
        Number.isInteger(c.start) &&
        Number.isInteger(c.end) &&
        c.start >= 0 &&
        c.end > c.start &&
        c.end <= t.length
      )) {
        f.add(
          'error',
          `a coding's range ${c.start}–${c.end} is outside its document (length ${t.length})`,
          where('coding', c.id),
        );
      } else if (isLowSurrogate(t.charCodeAt(c.start)) || isLowSurrogate(t.charCodeAt(c.end))) {
        f.add('warning', 'a coding starts or ends inside a character (half an emoji)', where('coding', c.id));
      }
    }
    let previousEnd = 0;
    for (const r of turns.all(d.id) as { id: number; start: number; end: number; bodyStart: number }[]) {
      if (!(r.start >= 0 && r.start <= r.bodyStart && r.bodyStart <= r.end && r.end <= t.length)) {
        f.add(
          'error',
          `a speaker turn's range ${r.start}–${r.end} is outside its document`,
          where('turn', r.id),
        );
      } else if (r.start < previousEnd) {
        f.add('error', 'two speaker turns overlap', where('turn', r.id));
      }
      previousEnd = Math.max(previousEnd, r.end);
    }
  }
}

function checkCodebook(db: Database.Database, f: Findings): void {
  const parents = new Map(
    (
      db.prepare('SELECT id, parent_id AS parentId FROM codes').all() as {
        id: number;
        parentId: number | null;
      }[]
    ).map((c) => [c.id, c.parentId]),
  );
  const cyclic = new Set<number>();
  for (const [id, parentId] of parents) {
    if (parentId !== null && !parents.has(parentId)) {
      f.add('error', `a code's parent (id ${parentId}) does not exist`, `code ${id}`);
      continue;
    }
    const seen = new Set<number>([id]);
    for (let p = parentId; p !== null && p !== undefined; p = parents.get(p) ?? null) {
      if (seen.has(p)) {
        if (!cyclic.has(id))
          f.add('error', 'a code is its own ancestor (the codebook has a cycle)', `code ${id}`);
        seen.forEach((s) => cyclic.add(s));
        break;
      }
      seen.add(p);
    }
  }
}

function checkSearchIndex(db: Database.Database, f: Findings): void {
  try {
    // rank 1 also compares the index with the documents it was built from.
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run();
  } catch (e) {
    f.add('error', 'the search index does not match the documents', (e as Error).message);
  }
}

function checkHistory(db: Database.Database, f: Findings): void {
  const orphans = db
    .prepare(
      'SELECT step_id AS step, count(*) AS n FROM history_ops WHERE step_id NOT IN (SELECT id FROM history_steps) GROUP BY step_id',
    )
    .all() as { step: number; n: number }[];
  for (const o of orphans)
    f.add('error', `${o.n} undo record(s) belong to a missing history step`, `history step ${o.step}`);
  // Undone steps form the redo stack: every one of them is newer than every step still done.
  const order = db
    .prepare(
      'SELECT (SELECT max(id) FROM history_steps WHERE undone = 0) AS lastDone, (SELECT min(id) FROM history_steps WHERE undone = 1) AS firstUndone',
    )
    .get() as { lastDone: number | null; firstUndone: number | null };
  if (order.lastDone !== null && order.firstUndone !== null && order.firstUndone < order.lastDone)
    f.add(
      'warning',
      'the undo history is out of order (an undone step precedes a done one)',
      `history step ${order.firstUndone}`,
    );
}

/** Checks an open connection to a project database. */
export function checkDatabase(db: Database.Database): CheckReport {
  const f = new Findings();
  const version = schemaVersion(db);
  if (version < 1 || version > SCHEMA_VERSION) {
    f.add(
      'error',
      `unknown schema version ${version} (this version of Commonplace knows 1–${SCHEMA_VERSION})`,
      'file header',
    );
    return { ok: false, findings: f.list };
  }
  const steps: [string, (db: Database.Database, f: Findings) => void][] = [
    ['database', checkSqlite],
    ['documents', checkDocuments],
    ['codebook', checkCodebook],
    ['search index', checkSearchIndex],
    ['history', checkHistory],
  ];
  for (const [name, step] of steps) {
    try {
      step(db, f);
    } catch (e) {
      // A damaged file can fail any query; say which part could not be checked and go on.
      f.add('error', `the ${name} could not be checked (${(e as Error).message})`, name);
    }
  }
  return { ok: !f.list.some((x) => x.severity === 'error'), findings: f.list };
}

export const checkProject = (project: Project): CheckReport => checkDatabase(project.db);

/**
 * Checks a project file as it is on disk: no migration, no lock, no undo triggers. A file SQLite
 * cannot open at all is reported as a finding rather than thrown.
 */
export function checkFile(path: string, options: { nativeBinding?: string } = {}): CheckReport {
  if (!existsSync(path))
    return { ok: false, findings: [{ severity: 'error', what: 'there is no file here', where: path }] };
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, nativeBinding: options.nativeBinding });
    db.pragma('busy_timeout = 2000');
    return checkDatabase(db);
  } catch (e) {
    return {
      ok: false,
      findings: [
        {
          severity: 'error',
          what: `not a readable Commonplace project (${(e as Error).message})`,
          where: path,
        },
      ],
    };
  } finally {
    db?.close();
  }
}
