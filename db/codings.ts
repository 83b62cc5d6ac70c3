import type { Project } from './project';
import type { Coding } from '../shared/types';
import { invalidArgument, notFound } from '../shared/errors';
import { newGuid, now } from './sql';

export interface NewCoding {
  documentId: number;
  codeId: number;
  start: number;
  end: number;
  memo?: string | null;
}

export interface CodingResult {
  /** Codings created. */
  added: number;
  /** Requests that matched an existing coding of the same code and range. */
  existing: number;
  /** Ids of the codings created (for batches of 1,000 or more, in code and document order). */
  ids: number[];
}

/** Checks a batch against the project before anything is written: unknown ids and bad ranges are errors. */
function validate(project: Project, codings: NewCoding[]): void {
  const lengths = new Map<number, { length: number; exact: boolean }>();
  // SQLite's length() counts code points, a lower bound of the UTF-16 length our offsets use: only a range
  // ending past it needs the text itself, so a large batch does not copy every document into JS.
  const codePoints = project.db.prepare('SELECT length(text) FROM documents WHERE id = ?').pluck();
  const docText = project.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const codeExists = project.db.prepare('SELECT 1 FROM codes WHERE id = ?').pluck();
  const codes = new Set<number>();
  codings.forEach((c, i) => {
    const where = codings.length > 1 ? ` (item ${i + 1})` : '';
    let len = lengths.get(c.documentId);
    if (len === undefined) {
      const n = codePoints.get(c.documentId) as number | undefined;
      if (n === undefined) throw notFound(`No document with id ${c.documentId}${where}.`);
      len = { length: n, exact: false };
      lengths.set(c.documentId, len);
    }
    if (c.end > len.length && !len.exact) {
      len = { length: (docText.get(c.documentId) as string).length, exact: true };
      lengths.set(c.documentId, len);
    }
    if (!codes.has(c.codeId)) {
      if (!codeExists.get(c.codeId)) throw notFound(`No code with id ${c.codeId}${where}.`);
      codes.add(c.codeId);
    }
    if (
      !Number.isInteger(c.start) ||
      !Number.isInteger(c.end) ||
      c.start < 0 ||
      c.end <= c.start ||
      c.end > len.length
    ) {
      throw invalidArgument(
        `Range ${c.start}–${c.end} is not inside the document (length ${len.length})${where}.`,
      );
    }
  });
}

/** Inserts codings inside the caller's transaction; the same code on the same range is never duplicated. */
export function insertCodings(project: Project, codings: NewCoding[]): CodingResult {
  validate(project, codings);
  const coder = project.currentCoderId();
  const created = now();
  const insert = project.db.prepare(
    `INSERT INTO codings(guid, document_id, code_id, start, end, coder_id, created_at, memo)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code_id, document_id, start, end) DO NOTHING`,
  );
  const result: CodingResult = { added: 0, existing: 0, ids: [] };
  const bulk = codings.length >= BULK_ROWS;
  const insertAll = () => {
    for (const c of bulk ? inIndexOrder(codings) : codings) {
      const r = insert.run(newGuid(), c.documentId, c.codeId, c.start, c.end, coder, created, c.memo ?? null);
      if (r.changes) {
        result.added++;
        result.ids.push(Number(r.lastInsertRowid));
      } else result.existing++;
    }
  };
  // A small batch (applying a code) is recorded row by row by the undo trigger.
  if (!bulk) {
    insertAll();
    return result;
  }
  // Bulk path (auto-code, imports): per-row undo records would double the cost of the batch.
  project.history.bulkInsert('codings', insertAll);
  for (let i = 0; i < result.ids.length; i += 1000) {
    project.history.logInverse(
      `DELETE FROM codings WHERE id IN (${result.ids.slice(i, i + 1000).join(',')})`,
    );
  }
  return result;
}

// From this size on a batch takes the bulk path, inserted in the order of the unique (code, document,
// start, end) index so that its B-tree writes stay local (1.3–1.5× faster for 200,000 codings); smaller
// batches keep their order, and their ids come back in request order.
const BULK_ROWS = 1000;

function inIndexOrder(codings: NewCoding[]): NewCoding[] {
  return [...codings].sort(
    (a, b) => a.codeId - b.codeId || a.documentId - b.documentId || a.start - b.start || a.end - b.end,
  );
}

export function addCodings(project: Project, codings: NewCoding[], label?: string): CodingResult {
  if (codings.length === 0) return { added: 0, existing: 0, ids: [] };
  return project.mutate(
    label ?? (codings.length === 1 ? 'Apply code' : `Apply ${codings.length} codings`),
    () => insertCodings(project, codings),
  );
}

export function addCoding(project: Project, coding: NewCoding): CodingResult {
  return addCodings(project, [coding]);
}

export function removeCodings(project: Project, ids: number[]): number {
  return project.mutate(ids.length === 1 ? 'Remove coding' : `Remove ${ids.length} codings`, () => {
    const del = project.db.prepare('DELETE FROM codings WHERE id = ?');
    let n = 0;
    for (const id of ids) {
      const r = del.run(id);
      if (!r.changes) throw notFound(`No coding with id ${id}.`);
      n += r.changes;
    }
    return n;
  });
}

export function setCodingMemo(project: Project, id: number, memo: string | null): void {
  project.mutate('Edit coding memo', () => {
    const r = project.db
      .prepare('UPDATE codings SET memo = ? WHERE id = ?')
      .run(memo && memo.trim() ? memo : null, id);
    if (!r.changes) throw notFound(`No coding with id ${id}.`);
  });
}

const CODING_SQL = `SELECT k.id, k.document_id AS documentId, k.code_id AS codeId, k.start, k.end, u.name AS coder,
  k.created_at AS createdAt, k.memo FROM codings k JOIN coders u ON u.id = k.coder_id`;

export function listCodings(project: Project, documentId: number): Coding[] {
  return project.db
    .prepare(`${CODING_SQL} WHERE k.document_id = ? ORDER BY k.start, k.end`)
    .all(documentId) as Coding[];
}

export function getCoding(project: Project, id: number): Coding {
  const row = project.db.prepare(`${CODING_SQL} WHERE k.id = ?`).get(id) as Coding | undefined;
  if (!row) throw notFound(`No coding with id ${id}.`);
  return row;
}
