// Memos arrive in three shapes (GUIDE §3, §7.6): Note + NoteRef (the spec), <Description> on a selection
// or source (ATLAS.ti, MAXQDA) and Link + Note (NVivo annotations). All of them are gathered per target:
// the project journal, a document memo, a code memo or a coding's memo. A note nothing points to, or that
// points at something we could not import, goes to the project journal under its name. Memos are
// stored as the memo editor's JSON: a note's rich text when it was read (see rich-notes.ts), otherwise
// paragraphs made from its plain text.

import { randomUUID } from 'node:crypto';
import { decodeText } from '../import/decode';
import type { QdpxArchive } from './archive';
import type { QdeText } from './qde-model';
import { isoDate, type ImportState, type MemoFragment, type MemoTarget } from './import-state';
import type { SelectionMemos } from './selection-memos';
import { memoJson, memoText, type MemoBlock } from './lexical-json';
import { codingMemoText, memoBlocks } from './memo-sections';

const nl = (s: string) => s.replace(/\r\n?/g, '\n');

function noteText(archive: QdpxArchive, note: QdeText): string {
  if (note.content !== undefined) return nl(note.content);
  if (!note.plainTextPath) return '';
  const entry = archive.internalEntry(note.plainTextPath, `note "${note.name}"`);
  return entry ? nl(decodeText(archive.read(entry), `${archive.file} (${entry.name})`).text) : '';
}

/**
 * @param richNotes the formatted content of notes whose rich-text file was read, by note key.
 */
export function importMemos(
  state: ImportState,
  archive: QdpxArchive,
  selections: SelectionMemos,
  richNotes: ReadonlyMap<string, MemoBlock[]> = new Map(),
): void {
  const { model } = state;
  const notes = new Map(model.notes.map((n) => [n.key, n]));
  const bodies = new Map<string, Pick<MemoFragment, 'text' | 'blocks'>>();
  const bodyOf = (note: QdeText) => {
    const blocks = richNotes.get(note.key);
    return blocks ? { text: memoText(blocks), blocks } : { text: noteText(archive, note) };
  };
  const fromNote = (key: string, title?: string): MemoFragment | null => {
    const note = notes.get(key);
    if (!note) return null;
    state.attachedNotes.add(key);
    if (!bodies.has(key)) bodies.set(key, bodyOf(note));
    return { ...bodies.get(key)!, title: title ?? note.name, guid: note.key, date: note.created };
  };
  const attach = (target: MemoTarget, noteKeys: string[], description = '', title?: string) => {
    if (description.trim()) state.addMemo(target, { text: nl(description), title });
    for (const k of noteKeys) {
      const f = fromNote(k);
      if (f) state.addMemo(target, f);
    }
  };

  attach({ kind: 'project' }, model.noteRefs, model.description);
  // Commonplace speakers have no memo of their own; a case's description goes to the journal.
  model.cases.forEach((c, i) => {
    const text = nl(c.description);
    if (text.trim())
      state.addMemo(
        { kind: 'project' },
        { title: `Case "${c.name ?? `Case ${i + 1}`}"`, text, titled: true },
      );
  });
  const walk = (codes: typeof model.codes) => {
    for (const c of codes) {
      const id = state.codes.get(c.key);
      if (id !== undefined) attach({ kind: 'code', id }, c.noteRefs);
      walk(c.children);
    }
  };
  walk(model.codes);
  for (const s of model.sources) {
    const docId = state.documents.get(s.key);
    const refs = [...s.noteRefs, ...s.texts.flatMap((t) => t.noteRefs)];
    const descriptions = [s.description, ...s.texts.filter((t) => t.key !== s.key).map((t) => t.description)];
    const target: MemoTarget = docId === undefined ? { kind: 'project' } : { kind: 'document', id: docId };
    const title = docId === undefined ? `Memo on source "${s.name}" (not imported)` : undefined;
    for (const d of descriptions) attach(target, [], d, title);
    attach(target, refs);
  }

  selections.replay(state, attach, fromNote);
  importLinks(state, fromNote);
  for (const n of model.notes) {
    if (n.selections.length || n.codings.length)
      state.skip(`codings inside note "${n.name}"`, 'Commonplace memos cannot be coded');
    if (state.attachedNotes.has(n.key)) continue;
    const f = fromNote(n.key);
    if (f) state.addMemo({ kind: 'project' }, { ...f, titled: true });
  }
  writeMemos(state);
}

function importLinks(state: ImportState, fromNote: (key: string) => MemoFragment | null): void {
  const noteKeys = new Set(state.model.notes.map((n) => n.key));
  const targetOf = (key: string | undefined): MemoTarget | null => {
    if (key === undefined) return null;
    const imported = state.targetOf(key);
    if (imported) return imported;
    if (state.codes.has(key)) return { kind: 'code', id: state.codes.get(key)! };
    if (state.documents.has(key)) return { kind: 'document', id: state.documents.get(key)! };
    return null;
  };
  let between = 0;
  for (const link of state.model.links) {
    const [note, other] = noteKeys.has(link.origin ?? '')
      ? [link.origin, link.target]
      : [link.target, link.origin];
    const target = note && noteKeys.has(note) ? targetOf(other) : null;
    if (!target) {
      between++;
      continue;
    }
    const f = fromNote(note!);
    if (f) state.addMemo(target, f);
  }
  if (between)
    state.skip(
      `${between} link(s) between items`,
      'Commonplace has no links; notes on them go to the project journal',
    );
}

function writeMemos(state: ImportState): void {
  const { db } = state.project;
  const insert = db.prepare(
    'INSERT INTO memos(guid, kind, target_id, content_json, content_text, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const codingMemo = db.prepare('UPDATE codings SET memo = ? WHERE id = ?');
  // A note attached to two things becomes two memos; only the first may keep the note's GUID.
  const used = new Set<string>();
  for (const { target, fragments } of state.memoEntries()) {
    state.report.memos += fragments.length;
    if (target.kind === 'coding') {
      codingMemo.run(codingMemoText(fragments), target.id);
      continue;
    }
    const only = fragments.length === 1 ? fragments[0]! : undefined;
    const guid = only?.guid && !used.has(only.guid) ? state.guidFor(only.guid) : randomUUID();
    used.add(guid);
    const blocks = memoBlocks(fragments);
    const id = target.kind === 'project' ? 0 : target.id;
    insert.run(guid, target.kind, id, memoJson(blocks), memoText(blocks), isoDate(only?.date));
  }
}
