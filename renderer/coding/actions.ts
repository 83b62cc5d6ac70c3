import type { Coding } from '../../shared/types';
import { call } from '../api';
import { useWorkspace } from '../store';
import type { ChangeOptions } from '../store';
import { withCoding, withMemo, withoutCodings } from './preview';
import { useRecentCodes } from './recent';
import { isTentative, nextTentativeId, settleTentativeId } from './tentative';
import { useCodingUi } from './ui-store';
import type { Passage } from './ui-store';

// Every coding change goes through the core and then store.change refreshes the workspace. Where the
// call's result says exactly what changed, the transcript shows it at once (a preview) and the refresh,
// which fetches only codings, follows in the background; the transcript updates only the blocks whose
// codings changed. Applying a code goes one step further: its highlight shows the moment the reader
// presses Enter, under a tentative id that the core's answer replaces (or its failure takes away).

/** Performance marks, read by the end-to-end tests for information. */
export const APPLY_MARK = 'commonplace:apply-code';

const change = <T>(run: () => Promise<T>, preview?: ChangeOptions<T>['preview']) =>
  useWorkspace.getState().change(run, { codingsOnly: true, preview });
const announce = (text: string) => useCodingUi.getState().announce(text);
const codeName = (id: number) => useWorkspace.getState().codes.find((c) => c.id === id)?.path ?? 'the code';
const isKnownCode = (id: number) => useWorkspace.getState().codes.some((c) => c.id === id);

/** The coding the core has just made, as it will list it (its timestamp is reconciled by the refresh). */
function newCoding(passage: Passage, codeId: number, id: number): Coding {
  const { documentId, start, end } = passage;
  const coder = useWorkspace.getState().project?.coder ?? '';
  return { id, documentId, codeId, start, end, coder, createdAt: new Date().toISOString(), memo: null };
}

/** Shows the coding about to be made, unless the passage already has it; returns its tentative id. */
function showTentative(passage: Passage, codeId: number): number | null {
  const { view } = useWorkspace.getState();
  const { documentId, start, end } = passage;
  if (!view || view.summary.id !== documentId || !isKnownCode(codeId)) return null;
  if (view.codings.some((k) => k.codeId === codeId && k.start === start && k.end === end)) return null;
  const id = nextTentativeId();
  const shown = withCoding(view, newCoding(passage, codeId, id));
  if (!shown) return null;
  useWorkspace.setState({ view: shown });
  return id;
}

/** Runs `fn` once the browser has painted the next frame. */
const afterPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn));

/**
 * Replaces a tentative coding with the one the core made (or just removes it), if it is still shown: a
 * refresh that landed first (an undo, a removal) has already shown what the core has, and the coding
 * must not come back.
 */
function settleTentative(tentative: number, made: Coding | null): void {
  const { view } = useWorkspace.getState();
  if (!view) return;
  const without = withoutCodings(view, [tentative]);
  if (!without) return;
  const settled = made ? (withCoding(without, made) ?? without) : without;
  useWorkspace.setState({ view: settled });
}

export async function applyCode(passage: Passage, codeId: number): Promise<boolean> {
  performance.mark(APPLY_MARK);
  const tentative = showTentative(passage, codeId);
  const done = await change(
    () =>
      call('codings.add', {
        documentId: passage.documentId,
        codeId,
        start: passage.start,
        end: passage.end,
      }),
    (result, view) => {
      const id = result.ids[0];
      const made = id === undefined ? null : newCoding(passage, codeId, id);
      if (tentative !== null) {
        // A popover opened on the highlight follows the coding to its real id from now on.
        if (made) settleTentativeId(tentative, made.id);
        // Its highlight is on screen already: swapping in the core's id can wait until after the next
        // paint, so a quick answer does not hold that paint up.
        afterPaint(() => settleTentative(tentative, made));
        return view;
      }
      // Already coded so: nothing more to show, and nothing to wait for.
      if (!made) return result.existing ? view : null;
      return isKnownCode(codeId) ? (withCoding(view, made) ?? view) : null;
    },
  );
  // Nothing new to draw: no transcript update will end the apply measure, so it must not linger.
  if (!done?.added) performance.clearMarks(APPLY_MARK);
  if (!done) {
    // The core made nothing: take the highlight away now, not only when the refresh comes back.
    if (tentative !== null) settleTentative(tentative, null);
    return false;
  }
  useRecentCodes.getState().use(codeId);
  announce(done.added ? `Coded with ${codeName(codeId)}.` : `Already coded with ${codeName(codeId)}.`);
  return true;
}

/** Creates a code (under `parentId` if given) and applies it: two calls, two undo steps. */
export async function createAndApply(
  passage: Passage,
  name: string,
  parentId: number | null,
): Promise<boolean> {
  performance.mark(APPLY_MARK);
  const codeId = await change(async () => {
    const id = await call('codes.create', { name, parentId });
    await call('codings.add', {
      documentId: passage.documentId,
      codeId: id,
      start: passage.start,
      end: passage.end,
    });
    return id;
  });
  if (codeId === undefined) return false;
  useRecentCodes.getState().use(codeId);
  announce(`Created ${codeName(codeId)} and coded with it.`);
  return true;
}

/** Codes the passage with a new (or existing) code named after its own words. */
export async function applyInVivo(passage: Passage): Promise<boolean> {
  performance.mark(APPLY_MARK);
  const result = await change(
    () =>
      call('codings.addInVivo', { documentId: passage.documentId, start: passage.start, end: passage.end }),
    // A code made for these words is not in the codebook yet: the refresh brings it and its highlight.
    ({ codeId, codingId }, view) =>
      codingId !== null && isKnownCode(codeId)
        ? withCoding(view, newCoding(passage, codeId, codingId))
        : null,
  );
  if (!result) return false;
  useRecentCodes.getState().use(result.codeId);
  announce(`Coded in vivo with ${codeName(result.codeId)}.`);
  return true;
}

export async function removeCoding(id: number): Promise<boolean> {
  if (isTentative(id)) return false;
  const removed =
    (await change(
      () => call('codings.remove', { ids: [id] }),
      (_, view) => withoutCodings(view, [id]),
    )) !== undefined;
  if (removed) announce('Coding removed.');
  return removed;
}

/** Saves a coding's memo; the core removes a memo left empty. */
export async function setCodingMemo(id: number, memo: string): Promise<boolean> {
  if (isTentative(id)) return false;
  const done = await change(
    async () => {
      await call('codings.setMemo', { id, memo });
      return true;
    },
    (_, view) => withMemo(view, id, memo),
  );
  if (done) announce(memo.trim() ? 'Memo saved.' : 'Memo removed.');
  return done === true;
}
