import type { Bridge, CallName, Envelope } from '../shared/contract';

/** Sends one call to the main process and resolves with its envelope. */
export type Invoke = (name: CallName, args: unknown) => Promise<unknown>;

const failure = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

/**
 * The object the preload exposes as `window.commonplace`. Unknown names are refused here, before any IPC,
 * so a typo or hostile script never reaches main; main validates arguments again (it trusts no renderer).
 */
export function createBridge(invoke: Invoke, names: readonly CallName[]): Bridge {
  const known = new Set<string>(names);
  const call = async (name: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (typeof name !== 'string' || !known.has(name)) {
      return failure('invalid-argument', `Unknown call "${String(name)}".`);
    }
    try {
      return (await invoke(name as CallName, args ?? {})) as Envelope<unknown>;
    } catch (e) {
      // Only a broken channel (window closing, main crashed) gets here: handlers return envelopes.
      return failure('io', `Lost contact with the Commonplace core: ${(e as Error)?.message ?? String(e)}`);
    }
  };
  return Object.freeze({ call }) as Bridge;
}
