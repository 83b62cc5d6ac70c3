import { call } from '../../api';
import { useWorkspace } from '../../store';
import type { Memo, MemoKind } from '../../../shared/types';
import { EMPTY_MEMO, normalizeMemo, sameMemo } from './autosave';
import type { MemoContent } from './autosave';

// Loading and saving memos for the editors. Per memo it remembers the content known to be stored, so a
// reload after some unrelated change does not reset an editor to what it already shows, and it orders
// a load after any save still on its way (switching away and straight back must not show old text).

interface Entry {
  known: MemoContent | null;
  /** Bumped when a save starts: a load that began earlier may carry older text and is ignored. */
  version: number;
  pending: Promise<unknown>;
}

const entries = new Map<string, Entry>();

function entry(kind: MemoKind, targetId: number): Entry {
  const key = `${kind}:${targetId}`;
  let e = entries.get(key);
  if (!e) {
    e = { known: null, version: 0, pending: Promise.resolve() };
    entries.set(key, e);
  }
  return e;
}

const contentOf = (memo: Memo | null): MemoContent =>
  memo ? normalizeMemo({ text: memo.contentText, json: memo.contentJson }) : EMPTY_MEMO;

/**
 * The stored memo, and whether it differs from what this window last loaded or saved (a reason to
 * show it afresh: undo, redo, or an edit elsewhere).
 */
export async function loadMemo(
  kind: MemoKind,
  targetId: number,
): Promise<{ memo: Memo | null; changed: boolean }> {
  const e = entry(kind, targetId);
  await e.pending.catch(() => undefined);
  const version = e.version;
  const memo = await call('memos.get', { kind, targetId });
  if (version !== e.version) return { memo, changed: false };
  const content = contentOf(memo);
  const changed = e.known === null || !sameMemo(content, e.known);
  e.known = content;
  return { memo, changed };
}

/** Saves one memo as one undoable step, then updates the Undo button (no full reload needed). */
export function saveMemo(kind: MemoKind, targetId: number, content: MemoContent): Promise<void> {
  const e = entry(kind, targetId);
  e.version += 1;
  const c = normalizeMemo(content);
  const run = e.pending
    .catch(() => undefined)
    .then(() => call('memos.save', { kind, targetId, text: c.text, json: c.json }))
    .then(() => {
      e.known = c;
      // The store has no narrower refresh, and a full one would rebuild the open transcript on every
      // pause in typing. A failure here leaves only the Undo label stale, so it is not the save's failure.
      call('history.state', {})
        .then((history) => useWorkspace.setState({ history }))
        .catch(() => undefined);
    });
  e.pending = run;
  return run;
}

/** Forgets what is known about memos (tests; a different project). */
export function resetMemoCache(): void {
  entries.clear();
}
