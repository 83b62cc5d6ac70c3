import { useEffect, useRef, useState } from 'react';
import { errorInfo } from '../../api';

export interface AsyncState<T> {
  data: T | undefined;
  /** True while a request is out; earlier data stays visible meanwhile. */
  loading: boolean;
  error: { code: string; message: string } | null;
}

/**
 * Runs `load` whenever `key` changes (and `enabled` is true), keeping the last answer on screen while the
 * next one loads and dropping answers that arrive after a newer request was made.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  key: string,
  enabled = true,
): AsyncState<T> & { retry(): void } {
  const [state, setState] = useState<AsyncState<T>>({ data: undefined, loading: enabled, error: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    latest.current().then(
      (data) => live && setState({ data, loading: false, error: null }),
      (e: unknown) => live && setState((s) => ({ ...s, loading: false, error: errorInfo(e) })),
    );
    return () => {
      live = false;
    };
  }, [key, enabled, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
