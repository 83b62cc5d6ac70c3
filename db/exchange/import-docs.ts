// Texts -> documents (with speaker turns detected like a plain-text import when no Case supplies them),
// selections -> codings, Sets of sources -> document groups.

import { insertDocument } from '../documents';
import { detectTurns } from '../../shared/transcript';
import type { QdeCoding } from './qde-model';
import type { PreparedText } from './import-texts';
import { isoDate, uniqueName, type ImportState } from './import-state';

export function importDocuments(
  state: ImportState,
  texts: PreparedText[],
  detect: (t: PreparedText) => boolean,
): void {
  const taken = new Set<string>();
  // The source's creation date travels with it, so exporting an imported project keeps the original date.
  const setGuid = state.project.db.prepare(
    'UPDATE documents SET guid = ?, imported_at = coalesce(?, imported_at) WHERE id = ?',
  );
  for (const t of texts) {
    const name = uniqueName(t.text.name, taken);
    if (name !== t.text.name)
      state.warnings.push(`Two sources are named "${t.text.name}"; the later one is "${name}".`);
    const id = insertDocument(state.project, {
      name,
      originalName: t.originalName,
      text: t.canonical,
      format: 'txt',
      encoding: t.encoding,
      turns: detect(t) ? detectTurns(t.canonical) : [],
    });
    setGuid.run(state.guidFor(t.keys[0]!), t.text.created ? isoDate(t.text.created) : null, id);
    for (const k of t.keys) state.documents.set(k, id);
    state.report.sources++;
  }
}

interface Tally {
  dangling: number;
  empty: number;
  duplicate: number;
}

export function importCodings(state: ImportState, texts: PreparedText[]): void {
  const insert = state.project.db.prepare(
    `INSERT INTO codings(guid, document_id, code_id, start, end, coder_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code_id, document_id, start, end) DO NOTHING`,
  );
  for (const t of texts) {
    const documentId = state.documents.get(t.keys[0]!)!;
    const tally: Tally = { dangling: 0, empty: 0, duplicate: 0 };
    const add = (
      c: QdeCoding,
      start: number,
      end: number,
      user?: string,
      created?: string,
    ): number | null => {
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
      state.codings.set(c.key, id);
      state.report.codings++;
      return id;
    };
    for (const s of t.text.selections) {
      const [start, end] = t.ranges.get(s.key)!;
      const codingIds = s.codings
        .map((c) => add(c, start, end, s.user, s.created))
        .filter((id): id is number => id !== null);
      state.selections.set(s.key, {
        documentId,
        documentName: t.text.name,
        start,
        end,
        selection: s,
        codingIds,
      });
    }
    const whole = [...t.text.codings, ...(t.source.kind === 'TextSource' ? [] : t.source.codings)];
    for (const c of whole) add(c, 0, t.canonical.length, t.text.user, t.text.created);
    const where = `in "${t.text.name}"`;
    if (tally.dangling)
      state.skip(`${tally.dangling} coding(s) ${where}`, 'they refer to a code that is not in the codebook');
    if (tally.empty)
      state.skip(
        `${tally.empty} coding(s) ${where}`,
        'they select no text (zero length), which Commonplace cannot show',
      );
    if (tally.duplicate)
      state.skip(
        `${tally.duplicate} coding(s) ${where}`,
        'they repeat the same code on the same passage as another coding',
      );
  }
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
