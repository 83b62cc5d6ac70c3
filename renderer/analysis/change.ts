import { errorInfo } from '../api';
import { useWorkspace } from '../store';

export type ChangeOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs an edit through the workspace's `change` (so it refreshes and joins the undo history) but hands a
 * refusal back to the caller, to be shown beside the control that caused it rather than in the banner.
 */
export async function runChange<T>(run: () => Promise<T>): Promise<ChangeOutcome<T>> {
  let failure: string | null = null;
  const value = await useWorkspace.getState().change(async () => {
    try {
      return await run();
    } catch (e) {
      failure = errorInfo(e).message;
      throw e;
    }
  });
  if (failure !== null) {
    useWorkspace.getState().dismissError();
    return { ok: false, message: failure };
  }
  return { ok: true, value: value as T };
}
