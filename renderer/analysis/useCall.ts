import { useEffect, useRef, useState } from 'react';
import { errorInfo } from '../api';
import { useWorkspace } from '../store';

export interface CallState<T> {
  data: T | undefined;
  /** The key `data` was asked for: while a new answer loads, what is on screen still matches it. */
  dataKey: string | null;
  /** A request is out; the previous answer stays on screen meanwhile. */
  busy: boolean;
  error: { code: string; message: string } | null;
}

// The last answer per slot, so a view that remounts (after a jump to a passage) shows its table at once.
const cache = new Map<string, { key: string; data: unknown }>();
const keyPart = (full: string) => full.slice(full.indexOf('|') + 1);

/**
 * Calls `load` when `key` (the call's arguments) or the project's revision changes, never on a mere
 * re-render. Answers to superseded requests are dropped. `key` null means "not yet": nothing is asked.
 */
export function useCall<T>(slot: string, key: string | null, load: () => Promise<T>): CallState<T> {
  const revision = useWorkspace((s) => s.revision);
  const full = key === null ? null : `${revision}|${key}`;
  const cached = cache.get(slot) as { key: string; data: T } | undefined;
  const [state, setState] = useState<CallState<T>>(() => ({
    data: cached?.data,
    dataKey: cached ? keyPart(cached.key) : null,
    busy: full !== null && cached?.key !== full,
    error: null,
  }));
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    if (full === null) return;
    const hit = cache.get(slot);
    if (hit?.key === full) {
      setState({ data: hit.data as T, dataKey: keyPart(full), busy: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, busy: true }));
    latest.current().then(
      (data) => {
        cache.set(slot, { key: full, data });
        if (live) setState({ data, dataKey: keyPart(full), busy: false, error: null });
      },
      (e: unknown) => live && setState((s) => ({ ...s, busy: false, error: errorInfo(e) })),
    );
    return () => {
      live = false;
    };
  }, [slot, full]);
  return state;
}

/** Forgets cached answers (tests, and a project being reopened). */
export function clearCallCache(): void {
  cache.clear();
}
