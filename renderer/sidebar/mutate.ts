import { ApiError, errorInfo } from '../api';
import { useWorkspace } from '../store';
import type { Failure } from '../store';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Failure };

/**
 * Runs a change through store.change (so the workspace refreshes and the history is shared), but hands
 * a refusal from the core back to the caller: a rename field or dialog shows "A code named … already
 * exists" next to what the user typed, rather than in the banner at the top of the window.
 */
export async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  const refused: { error: Failure | null } = { error: null };
  const result = await useWorkspace.getState().change(async () => {
    try {
      return { value: await run() };
    } catch (e) {
      refused.error = errorInfo(e);
      return null;
    }
  });
  if (refused.error) return { ok: false, error: refused.error };
  if (!result) {
    // The change went through but the refresh after it failed; the banner already says why.
    const shown = useWorkspace.getState().error;
    return { ok: false, error: shown ?? { code: 'internal', message: 'The project could not be reloaded.' } };
  }
  return { ok: true, value: result.value };
}

/** For changes without a field of their own to show an error in: a refusal goes to the workspace banner. */
export async function changeOrReport<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  const outcome = await attempt(run);
  if (!outcome.ok) {
    useWorkspace.getState().reportError(new ApiError(outcome.error.code, outcome.error.message));
  }
  return outcome;
}
