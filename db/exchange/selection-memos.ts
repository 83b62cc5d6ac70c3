// What selections bring to memos (their descriptions and notes, and their codings' notes), noted while
// each document's text is at hand and attached once the notes themselves have been read, at the end of
// the file. Only selections that bring something are noted, so a large project keeps next to nothing.

import type { QdeSelection } from './qde-model';
import { kept } from './import-docs';
import type { ImportState, MemoFragment, MemoTarget } from './import-state';

type Attach = (target: MemoTarget, noteKeys: string[], description?: string, title?: string) => void;
type FromNote = (key: string, title?: string) => MemoFragment | null;

type Noted =
  /** A coding's own notes. */
  | { codingId: number; noteRefs: string[] }
  /** A coded selection's description and notes, which go to each of its codings. */
  | { codingIds: number[]; noteRefs: string[]; description: string }
  /** An uncoded selection's, which go to its document under the passage's first words. */
  | { documentId: number; noteRefs: string[]; description: string; title: string };

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

export class SelectionMemos {
  private readonly noted: Noted[] = [];
  /** Uncoded selections without memo that no case claims, by source name: lost, so reported. */
  private readonly uncoded = new Map<string, number>();

  /**
   * One selection of a document being imported. `codingIds` holds the id of each of its codings, or
   * null where one was not kept.
   */
  note(
    s: QdeSelection,
    codingIds: (number | null)[],
    at: { documentId: number; sourceName: string; text: string; start: number; end: number },
    isTurn: boolean,
  ): void {
    s.codings.forEach((c, i) => {
      const id = codingIds[i];
      if (id != null && c.noteRefs.length) this.noted.push({ codingId: id, noteRefs: c.noteRefs });
    });
    const has = !!s.description.trim() || s.noteRefs.length > 0;
    const ids = kept(codingIds);
    if (ids.length) {
      if (has) this.noted.push({ codingIds: ids, noteRefs: s.noteRefs, description: s.description });
    } else if (has) {
      const title = `Memo on “${excerpt(at.text.slice(at.start, at.end))}”`;
      this.noted.push({ documentId: at.documentId, noteRefs: s.noteRefs, description: s.description, title });
    } else if (!isTurn && !s.codings.length) {
      this.uncoded.set(at.sourceName, (this.uncoded.get(at.sourceName) ?? 0) + 1);
    }
  }

  /** Attaches what was noted, in the order the selections came, then reports the uncoded ones. */
  replay(state: ImportState, attach: Attach, fromNote: FromNote): void {
    for (const n of this.noted) {
      if ('codingId' in n) attach({ kind: 'coding', id: n.codingId }, n.noteRefs);
      else if ('codingIds' in n)
        for (const id of n.codingIds) attach({ kind: 'coding', id }, n.noteRefs, n.description);
      else {
        const target: MemoTarget = { kind: 'document', id: n.documentId };
        attach(target, [], n.description, n.title);
        for (const k of n.noteRefs) {
          const f = fromNote(k, n.title);
          if (f) state.addMemo(target, { ...f, titled: true });
        }
      }
    }
    for (const [source, n] of this.uncoded)
      state.skip(
        `${n} uncoded selection(s) without memo in "${source}"`,
        'Commonplace keeps passages only as codings, memos or speaker turns',
      );
  }
}
