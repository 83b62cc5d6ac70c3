import type { z } from 'zod';
import { projectCalls } from './project-calls';
import { codingCalls } from './coding-calls';
import { retrievalCalls } from './retrieval-calls';
import { hostCalls } from './host-calls';
import { analysisCalls } from './analysis-calls';
import type { Envelope } from './define';

export type { CallError, Envelope } from './define';
export type { DocumentView, HistoryState, ProjectInfo } from './project-calls';
export type { ExcerptQueryArgs, ExportedFile } from './retrieval-calls';

// The one declaration of every call the renderer can make.
export const contract = {
  ...projectCalls,
  ...codingCalls,
  ...retrievalCalls,
  ...analysisCalls,
  ...hostCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type HostCallName = keyof typeof hostCalls;
export type CoreCallName = Exclude<CallName, HostCallName>;
export type CallArgs<K extends CallName> = z.input<Contract[K]['args']>;
export type ParsedArgs<K extends CallName> = z.output<Contract[K]['args']>;
export type CallResult<K extends CallName> = Contract[K]['result'];

export const CALL_NAMES = Object.keys(contract) as CallName[];
export const HOST_CALL_NAMES = Object.keys(hostCalls) as HostCallName[];

/** What the preload exposes as `window.commonplace`. */
export interface Bridge {
  call<K extends CallName>(name: K, args: CallArgs<K>): Promise<Envelope<CallResult<K>>>;
}
