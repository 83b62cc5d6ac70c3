import type { Project } from './project';
import type { CodeInfo } from '../shared/types';
import { conflict, invalidArgument, notFound } from '../shared/errors';
import { newGuid } from './sql';
import { CODE_PALETTE, isColor } from '../shared/colors';

export interface NewCode {
  name: string;
  parentId?: number | null;
  color?: string;
  description?: string;
}

interface CodeRow {
  id: number;
  guid: string;
  parentId: number | null;
  name: string;
  color: string;
  description: string;
  position: number;
}

/** A code in tree order without its coding count. */
export type CodeTreeEntry = Omit<CodeInfo, 'codings'>;

/** All codes in tree order (parents before children, siblings by position), each with its full path. */
export function listCodes(project: Project): CodeInfo[] {
  const counts = new Map(
    project.db.prepare('SELECT code_id, count(*) FROM codings GROUP BY code_id').raw().all() as [
      number,
      number,
    ][],
  );
  return codeTree(project).map((c) => ({ ...c, codings: counts.get(c.id) ?? 0 }));
}

/**
 * listCodes() without the coding counts, for queries that only need the order and paths: counting
 * 200,000 codings costs ~4 ms, a twentieth of an excerpt list.
 */
export function codeTree(project: Project): CodeTreeEntry[] {
  const rows = project.db
    .prepare(
      `SELECT id, guid, parent_id AS parentId, name, color, description, position
       FROM codes ORDER BY position, name COLLATE NOCASE`,
    )
    .all() as CodeRow[];
  const children = new Map<number | null, CodeRow[]>();
  for (const r of rows) {
    const list = children.get(r.parentId) ?? [];
    list.push(r);
    children.set(r.parentId, list);
  }
  const out: CodeTreeEntry[] = [];
  const walk = (parent: number | null, prefix: string) => {
    for (const r of children.get(parent) ?? []) {
      const path = prefix ? `${prefix}/${r.name}` : r.name;
      out.push({ ...r, path });
      walk(r.id, path);
    }
  };
  walk(null, '');
  return out;
}

export function getCode(project: Project, id: number): CodeInfo {
  const code = listCodes(project).find((c) => c.id === id);
  if (!code) throw notFound(`No code with id ${id}.`);
  return code;
}

/** Finds a code by full path ('Parent/Child') or, when unambiguous, by its name alone (case-insensitive). */
export function findCode(project: Project, nameOrPath: string): CodeInfo | undefined {
  const codes = listCodes(project);
  const key = nameOrPath.trim().toLowerCase();
  const byPath = codes.find((c) => c.path.toLowerCase() === key);
  if (byPath) return byPath;
  const byName = codes.filter((c) => c.name.toLowerCase() === key);
  if (byName.length > 1) {
    throw invalidArgument(
      `"${nameOrPath}" names several codes (${byName.map((c) => c.path).join(', ')}); give the full path.`,
    );
  }
  return byName[0];
}

export function requireCode(project: Project, nameOrPath: string): CodeInfo {
  const code = findCode(project, nameOrPath);
  if (!code) throw notFound(`No code named "${nameOrPath}".`);
  return code;
}

function checkName(project: Project, name: string, parentId: number | null, exceptId = -1): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw invalidArgument('A code name cannot be empty.');
  const clash = project.db
    .prepare('SELECT 1 FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE AND id <> ?')
    .get(parentId ?? 0, clean, exceptId);
  if (clash) throw conflict(`A code named "${clean}" already exists at that level of the codebook.`);
  return clean;
}

function checkColor(color: string): string {
  if (!isColor(color)) throw invalidArgument(`"${color}" is not a colour; use #RRGGBB.`);
  return color.toUpperCase();
}

function nextPosition(project: Project, parentId: number | null): number {
  return (
    ((project.db
      .prepare('SELECT max(position) FROM codes WHERE ifnull(parent_id, 0) = ?')
      .pluck()
      .get(parentId ?? 0) as number | null) ?? -1) + 1
  );
}

/** Inserts a code inside the caller's transaction. */
export function insertCode(project: Project, code: NewCode, guid = newGuid()): number {
  const parentId = code.parentId ?? null;
  if (parentId !== null) getCode(project, parentId);
  const name = checkName(project, code.name, parentId);
  const count = project.db.prepare('SELECT count(*) FROM codes').pluck().get() as number;
  const color = checkColor(code.color ?? CODE_PALETTE[count % CODE_PALETTE.length]!);
  return Number(
    project.db
      .prepare(
        'INSERT INTO codes(guid, parent_id, name, color, description, position) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(guid, parentId, name, color, code.description ?? '', nextPosition(project, parentId))
      .lastInsertRowid,
  );
}

export function createCode(project: Project, code: NewCode): number {
  return project.mutate(`Create code "${code.name.trim()}"`, () => insertCode(project, code));
}

export function renameCode(project: Project, id: number, name: string): void {
  const code = getCode(project, id);
  project.mutate(`Rename code "${code.name}" to "${name.trim()}"`, () => {
    project.db
      .prepare('UPDATE codes SET name = ? WHERE id = ?')
      .run(checkName(project, name, code.parentId, id), id);
  });
}

export function recolorCode(project: Project, id: number, color: string): void {
  const code = getCode(project, id);
  project.mutate(`Recolour code "${code.name}"`, () => {
    project.db.prepare('UPDATE codes SET color = ? WHERE id = ?').run(checkColor(color), id);
  });
}

export function describeCode(project: Project, id: number, description: string): void {
  const code = getCode(project, id);
  project.mutate(`Describe code "${code.name}"`, () => {
    project.db.prepare('UPDATE codes SET description = ? WHERE id = ?').run(description, id);
  });
}

/** Moves a code (with its sub-codes) under `parentId` (null: top level) at `index` among its new siblings. */
export function moveCode(project: Project, id: number, parentId: number | null, index?: number): void {
  const code = getCode(project, id);
  if (parentId !== null) {
    for (let p: number | null = parentId; p !== null; p = getCode(project, p).parentId) {
      if (p === id) throw invalidArgument(`Cannot move "${code.name}" inside itself.`);
    }
  }
  project.mutate(`Move code "${code.name}"`, () => {
    checkName(project, code.name, parentId, id);
    const siblings = project.db
      .prepare(
        'SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND id <> ? ORDER BY position, name COLLATE NOCASE',
      )
      .pluck()
      .all(parentId ?? 0, id) as number[];
    const at = Math.max(0, Math.min(index ?? siblings.length, siblings.length));
    siblings.splice(at, 0, id);
    project.db.prepare('UPDATE codes SET parent_id = ? WHERE id = ?').run(parentId, id);
    const setPos = project.db.prepare('UPDATE codes SET position = ? WHERE id = ? AND position IS NOT ?');
    siblings.forEach((sid, i) => setPos.run(i, sid, i));
  });
}

/** Merges `sourceId` into `targetId`: codings move (duplicates collapse), sub-codes move, the source is deleted. */
export function mergeCode(project: Project, sourceId: number, targetId: number): void {
  if (sourceId === targetId) throw invalidArgument('Cannot merge a code into itself.');
  const source = getCode(project, sourceId);
  const target = getCode(project, targetId);
  for (let p: number | null = target.parentId; p !== null; p = getCode(project, p).parentId) {
    if (p === sourceId)
      throw invalidArgument(`Cannot merge "${source.name}" into its own sub-code "${target.name}".`);
  }
  project.mutate(`Merge code "${source.path}" into "${target.path}"`, () => {
    const { db } = project;
    db.prepare(
      `DELETE FROM codings WHERE code_id = ? AND EXISTS (SELECT 1 FROM codings t WHERE t.code_id = ?
         AND t.document_id = codings.document_id AND t.start = codings.start AND t.end = codings.end)`,
    ).run(sourceId, targetId);
    db.prepare('UPDATE codings SET code_id = ? WHERE code_id = ?').run(targetId, sourceId);
    for (const child of db
      .prepare('SELECT id, name FROM codes WHERE parent_id = ?')
      .all(sourceId) as CodeRow[]) {
      checkName(project, child.name, targetId, child.id);
      db.prepare('UPDATE codes SET parent_id = ?, position = ? WHERE id = ?').run(
        targetId,
        nextPosition(project, targetId),
        child.id,
      );
    }
    mergeMemo(project, sourceId, targetId, source.path);
    if (source.description && !target.description) {
      db.prepare('UPDATE codes SET description = ? WHERE id = ?').run(source.description, targetId);
    }
    db.prepare('DELETE FROM codes WHERE id = ?').run(sourceId);
  });
}

function mergeMemo(project: Project, sourceId: number, targetId: number, sourcePath: string): void {
  const { db } = project;
  const src = db
    .prepare("SELECT id, content_text AS text FROM memos WHERE kind = 'code' AND target_id = ?")
    .get(sourceId) as { id: number; text: string } | undefined;
  if (!src) return;
  const dst = db
    .prepare("SELECT id, content_text AS text FROM memos WHERE kind = 'code' AND target_id = ?")
    .get(targetId) as { id: number; text: string } | undefined;
  if (!dst) {
    db.prepare('UPDATE memos SET target_id = ? WHERE id = ?').run(targetId, src.id);
    return;
  }
  // Rich text cannot be merged losslessly; keep both texts, the target's as plain text from now on.
  const text = `${dst.text}\n\nFrom merged code "${sourcePath}":\n${src.text}`;
  db.prepare("UPDATE memos SET content_text = ?, content_json = '' WHERE id = ?").run(text, dst.id);
  db.prepare('DELETE FROM memos WHERE id = ?').run(src.id);
}

/** Deletes a code, its sub-codes and all their codings and memos (one undoable step). */
export function deleteCode(project: Project, id: number): void {
  const code = getCode(project, id);
  project.mutate(`Delete code "${code.path}"`, () => {
    const { db } = project;
    const ids = subtreeIds(project, id);
    for (const cid of ids.reverse()) {
      db.prepare('DELETE FROM codings WHERE code_id = ?').run(cid);
      db.prepare("DELETE FROM memos WHERE kind = 'code' AND target_id = ?").run(cid);
      db.prepare('DELETE FROM codes WHERE id = ?').run(cid);
    }
  });
}

/** The code and all codes below it, parents first. */
export function subtreeIds(project: Project, id: number): number[] {
  return project.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id)
       SELECT id FROM sub`,
    )
    .pluck()
    .all(id) as number[];
}
