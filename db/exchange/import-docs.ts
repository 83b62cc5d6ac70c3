// A text -> a document (with speaker turns detected like a plain-text import when no Case supplies them),
// its selections -> codings; Sets of sources -> document groups.

import { insertDocument } from '../documents';
import { detectTurns } from '../../shared/transcript';
import type { QdeCoding } from './qde-model';
import type { PreparedText } from './import-texts';
import { isoDate, uniqueName, type ImportState, type Skipped } from './import-state';

/** Inserts one text as a document, named uniquely among the names in `taken`; returns its id. */
export function importDocument(
  state: ImportState,
  t: PreparedText,
  detectSpeakers: boolean,
  taken: Set<string>,
  warnings: string[],
): number {
  const name = uniqueName(t.text.name, taken);
  if (name !== t.text.name)
    warnings.push(`Two sources are named "${t.text.name}"; the later one is "${name}".`);
  const id = insertDocument(state.project, {
    name,
    originalName: t.originalName,
    text: t.canonical,
    format: 'txt',
    encoding: t.encoding,
    turns: detectSpeakers ? detectTurns(t.canonical) : [],
  });
  // The source's creation date travels with it, so exporting an imported project keeps the original date.
  state.project.db
    .prepare('UPDATE documents SET guid = ?, imported_at = coalesce(?, imported_at) WHERE id = ?')
    .run(state.guidFor(t.keys[0]!), t.text.created ? isoDate(t.text.created) : null, id);
  for (const k of t.keys) state.documents.set(k, id);
  state.report.sources++;
  return id;
}

export const kept = (ids: (number | null)[]): number[] => ids.filter((id): id is number => id !== null);

interface Tally {
  dangling: number;
  empty: number;
  duplicate: number;
}

/**
 * Inserts the codings of one text (of its selections and of the whole text), telling `skipped` what
 * could not be kept. Returns, for each of `t.text.selections` in their order, the id each of its codings
 * was given, or null where a coding was not kept.
 */
export function importCodings(
  state: ImportState,
  t: PreparedText,
  documentId: number,
  skipped: Skipped[],
): (number | null)[][] {
  const insert = state.project.db.prepare(
    `INSERT INTO codings(guid, document_id, code_id, start, end, coder_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code_id, document_id, start, end) DO NOTHING`,
  );
  const tally: Tally = { dangling: 0, empty: 0, duplicate: 0 };
  const add = (c: QdeCoding, start: number, end: number, user?: string, created?: string): number | null => {
    const codeId = state.codes.get(c.code);
    if (codeId === undefined) return (tally.dangling++, null);
    if (end <= start) return (tally.empty++, null);
    const r = insert.run(
      state.guidFor(c.key),
      documentId,
      codeId,
      start,
      end,
      state.coderFor(c.user, user),
      isoDate(c.created ?? created),
    );
    if (!r.changes) return (tally.duplicate++, null);
    const id = Number(r.lastInsertRowid);
    state.addTarget(c.key, [id]);
    state.report.codings++;
    return id;
  };
  const codingIds = t.text.selections.map((s, i) => {
    const [start, end] = t.ranges[i]!;
    const ids = s.codings.map((c) => add(c, start, end, s.user, s.created));
    state.addTarget(s.key, kept(ids), documentId);
    return ids;
  });
  const whole = [...t.text.codings, ...(t.source.kind === 'TextSource' ? [] : t.source.codings)];
  for (const c of whole) add(c, 0, t.canonical.length, t.text.user, t.text.created);
  const where = `in "${t.text.name}"`;
  if (tally.dangling)
    skipped.push({
      what: `${tally.dangling} coding(s) ${where}`,
      why: 'they refer to a code that is not in the codebook',
    });
  if (tally.empty)
    skipped.push({
      what: `${tally.empty} coding(s) ${where}`,
      why: 'they select no text (zero length), which Commonplace cannot show',
    });
  if (tally.duplicate)
    skipped.push({
      what: `${tally.duplicate} coding(s) ${where}`,
      why: 'they repeat the same code on the same passage as another coding',
    });
  return codingIds;
}

export function importSets(state: ImportState): void {
  const { db } = state.project;
  const insertGroup = db.prepare('INSERT INTO doc_groups(guid, name, description) VALUES (?, ?, ?)');
  const addMember = db.prepare('INSERT OR IGNORE INTO group_members(group_id, document_id) VALUES (?, ?)');
  const taken = new Set<string>();
  state.model.sets.forEach((set, i) => {
    const label = set.name || `Set ${i + 1}`;
    const others = [
      set.codes.length && `${set.codes.length} code(s)`,
      set.notes.length && `${set.notes.length} note(s)`,
    ].filter(Boolean);
    if (others.length)
      state.skip(`${others.join(' and ')} in set "${label}"`, 'Commonplace groups hold documents only');
    if (!set.sources.length && others.length) return;
    const name = uniqueName(label, taken);
    const groupId = Number(
      insertGroup.run(state.guidFor(set.key), name, set.description.replace(/\r\n?/g, '\n')).lastInsertRowid,
    );
    const missing = set.sources.filter((k) => !state.documents.has(k)).length;
    for (const k of set.sources) if (state.documents.has(k)) addMember.run(groupId, state.documents.get(k)!);
    if (missing)
      state.skip(
        `${missing} member(s) of set "${label}"`,
        'they are sources that were not imported or not in the file',
      );
  });
}
