import { useState } from 'react';
import { attempt } from '../mutate';

/** Runs a dialog's change, keeping the dialog open with the core's refusal if it fails. */
export function useDialogChange() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (change: () => Promise<unknown>, done: () => void) => {
    setBusy(true);
    setError(null);
    const outcome = await attempt(change);
    setBusy(false);
    if (outcome.ok) done();
    else setError(outcome.error.message);
  };
  return { error, busy, run };
}
