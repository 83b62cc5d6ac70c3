import type { CallName, CallResult, CoreCallName, HostCallName, ParsedArgs } from '../../shared/contract';

type HandlerOf<K extends CallName> = (args: ParsedArgs<K>) => CallResult<K> | Promise<CallResult<K>>;

export type CoreHandlers = { [K in CoreCallName]: HandlerOf<K> };
export type HostHandlers = { [K in HostCallName]: HandlerOf<K> };
export type Handlers = CoreHandlers & HostHandlers;
export type Some<K extends CoreCallName> = { [P in K]: HandlerOf<P> };

/** What a host can listen to while long calls run (the desktop app shows export progress). */
export interface HandlerEvents {
  progress?: (done: number, total: number, what: string) => void;
}
