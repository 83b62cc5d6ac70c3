import { z } from 'zod';
import type {
  CodeInfo,
  Coding,
  DocumentSummary,
  Excerpt,
  ProjectStats,
  SearchHit,
  SpeakerSummary,
  Turn,
} from './types';

// The one declaration of every call the renderer can make. Main validates `args` at run time with these
// schemas; the result type is compile-time only (the core is trusted).
const call = <Args extends z.ZodType, Result>(args: Args) => ({
  args,
  result: undefined as unknown as Result,
});

const id = z.number().int().nonnegative();
const none = z.object({}).strict();

export interface DocumentView {
  summary: DocumentSummary;
  text: string;
  turns: Turn[];
  codings: Coding[];
}

export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

export const contract = {
  'project.info': call<typeof none, { name: string; path: string; coder: string }>(none),
  'project.stats': call<typeof none, ProjectStats>(none),
  'documents.list': call<typeof none, DocumentSummary[]>(none),
  'documents.get': call<z.ZodObject<{ id: typeof id }>, DocumentView>(z.object({ id }).strict()),
  'speakers.list': call<z.ZodObject<{ documentId: z.ZodOptional<typeof id> }>, SpeakerSummary[]>(
    z.object({ documentId: id.optional() }).strict(),
  ),
  'codes.list': call<typeof none, CodeInfo[]>(none),
  'codes.create': (() => {
    const args = z
      .object({
        name: z.string().min(1).max(200),
        parentId: id.nullable().optional(),
        color: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/)
          .optional(),
        description: z.string().max(20_000).optional(),
      })
      .strict();
    return call<typeof args, number>(args);
  })(),
  'codings.add': (() => {
    const args = z
      .object({ documentId: id, codeId: id, start: id, end: id, memo: z.string().max(20_000).optional() })
      .strict();
    return call<typeof args, { added: number; ids: number[] }>(args);
  })(),
  'codings.remove': (() => {
    const args = z.object({ ids: z.array(id).min(1).max(100_000) }).strict();
    return call<typeof args, number>(args);
  })(),
  'excerpts.query': (() => {
    const args = z
      .object({
        codeIds: z.array(id).max(10_000).optional(),
        subcodes: z.boolean().optional(),
        documentIds: z.array(id).max(100_000).optional(),
        groupIds: z.array(id).max(10_000).optional(),
        speakerIds: z.array(id).max(100_000).optional(),
      })
      .strict();
    return call<typeof args, Excerpt[]>(args);
  })(),
  'search.text': (() => {
    const args = z
      .object({
        query: z.string().min(1).max(1000),
        limit: z.number().int().positive().max(100_000).optional(),
      })
      .strict();
    return call<typeof args, SearchHit[]>(args);
  })(),
  'history.state': call<typeof none, HistoryState>(none),
  'history.undo': call<typeof none, HistoryState>(none),
  'history.redo': call<typeof none, HistoryState>(none),
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallArgs<K extends CallName> = z.input<Contract[K]['args']>;
export type ParsedArgs<K extends CallName> = z.output<Contract[K]['args']>;
export type CallResult<K extends CallName> = Contract[K]['result'];

export const CALL_NAMES = Object.keys(contract) as CallName[];

export interface CallError {
  code: string;
  message: string;
}

/** What crosses the bridge: errors are values, so their code and message survive serialisation. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** What the preload exposes as `window.commonplace`. */
export interface Bridge {
  call<K extends CallName>(name: K, args: CallArgs<K>): Promise<Envelope<CallResult<K>>>;
}
