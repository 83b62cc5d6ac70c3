import { z } from 'zod';

// A call's argument schema (checked at run time by main) and its result type (compile time only: the core
// is trusted, the renderer is not).
export const call = <Args extends z.ZodType, Result>(args: Args) => ({
  args,
  result: undefined as unknown as Result,
});

export const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const offset = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 31);
export const none = z.object({}).strict();
export const name = z.string().trim().min(1).max(500);
export const longText = z.string().max(1_000_000);
export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
export const ids = (max = 100_000) => z.array(id).max(max);

export interface CallError {
  code: string;
  message: string;
}

/** What crosses the bridge: errors are values, so their code and message survive serialisation. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: CallError };
