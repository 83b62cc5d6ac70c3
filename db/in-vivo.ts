import type { Project } from './project';
import { getDocument } from './documents';
import { insertCode } from './codes';
import { insertCodings } from './codings';
import { invalidArgument } from '../shared/errors';

const MAX_NAME = 60;

/** A code name from selected words: whitespace collapsed, quotes trimmed, cut at a word boundary. */
export function inVivoName(selection: string): string {
  const clean = selection
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“‘]+|["'”’.,;:!?]+$/g, '');
  if (clean.length <= MAX_NAME) return clean;
  const cut = clean.slice(0, MAX_NAME);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).trim()}…`;
}

/** Creates (or reuses) a code named after the selected words and applies it, as one undoable step. */
export function codeInVivo(
  project: Project,
  documentId: number,
  start: number,
  end: number,
  parentId: number | null = null,
): { codeId: number; codingId: number | null } {
  const { text } = getDocument(project, documentId);
  const name = inVivoName(text.slice(start, end));
  if (!name) throw invalidArgument('Select some words to name an in-vivo code after.');
  return project.mutate(`In-vivo code "${name}"`, () => {
    const existing = project.db
      .prepare('SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE')
      .pluck()
      .get(parentId ?? 0, name) as number | undefined;
    const codeId = existing ?? insertCode(project, { name, parentId });
    const r = insertCodings(project, [{ documentId, codeId, start, end }]);
    return { codeId, codingId: r.ids[0] ?? null };
  });
}
