import { call } from '../api';
import { useWorkspace } from '../store';
import { useRecentCodes } from './recent';
import { useCodingUi } from './ui-store';
import type { Passage } from './ui-store';

// Every coding change goes through the core and then store.change refreshes the workspace; the
// transcript updates only the blocks whose codings changed.

/** Performance marks, read by the end-to-end tests for information. */
export const APPLY_MARK = 'commonplace:apply-code';

const change = <T>(run: () => Promise<T>) => useWorkspace.getState().change(run);
const announce = (text: string) => useCodingUi.getState().announce(text);
const codeName = (id: number) => useWorkspace.getState().codes.find((c) => c.id === id)?.path ?? 'the code';

export async function applyCode(passage: Passage, codeId: number): Promise<boolean> {
  performance.mark(APPLY_MARK);
  const done = await change(() =>
    call('codings.add', {
      documentId: passage.documentId,
      codeId,
      start: passage.start,
      end: passage.end,
    }),
  );
  if (!done) return false;
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
  const result = await change(() =>
    call('codings.addInVivo', { documentId: passage.documentId, start: passage.start, end: passage.end }),
  );
  if (!result) return false;
  useRecentCodes.getState().use(result.codeId);
  announce(`Coded in vivo with ${codeName(result.codeId)}.`);
  return true;
}

export async function removeCoding(id: number): Promise<boolean> {
  const removed = (await change(() => call('codings.remove', { ids: [id] }))) !== undefined;
  if (removed) announce('Coding removed.');
  return removed;
}

/** Saves a coding's memo; the core removes a memo left empty. */
export async function setCodingMemo(id: number, memo: string): Promise<boolean> {
  const done = await change(async () => {
    await call('codings.setMemo', { id, memo });
    return true;
  });
  if (done) announce(memo.trim() ? 'Memo saved.' : 'Memo removed.');
  return done === true;
}
