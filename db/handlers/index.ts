import type { Project } from '../project';
import type { CallName, Envelope } from '../../shared/contract';
import { contract } from '../../shared/contract';
import { CommonplaceError, isCommonplaceError } from '../../shared/errors';
import type { CoreHandlers, HandlerEvents, Handlers, HostHandlers } from './types';
import { projectHandlers } from './project-handlers';
import { codingHandlers } from './coding-handlers';
import { retrievalHandlers } from './retrieval-handlers';
import { analysisHandlers } from './analysis-handlers';

export type { CoreHandlers, HandlerEvents, Handlers, HostHandlers } from './types';
export { historyState } from './project-handlers';

const unsupported = (what: string) => () => {
  throw new CommonplaceError('unsupported', `${what} is only available in the desktop app.`);
};

/** Host calls for hosts without native dialogs (loopback and test bridges); the renderer falls back. */
export const browserHost: HostHandlers = {
  'host.saveFile': unsupported('Saving through a dialog'),
  'host.importDialog': unsupported('The import dialog'),
  'host.exportProject': unsupported('Exporting through a dialog'),
  'host.capabilities': () => ({ nativeDialogs: false }),
};

/** The core behind the contract, for one open project, plus the host's own calls. */
export function createHandlers(
  project: Project,
  host: HostHandlers = browserHost,
  events: HandlerEvents = {},
): Handlers {
  const core: CoreHandlers = {
    ...projectHandlers(project),
    ...codingHandlers(project),
    ...retrievalHandlers(project, events),
    ...analysisHandlers(project),
  };
  return { ...core, ...host };
}

/**
 * The arguments with every lone UTF-16 surrogate replaced by U+FFFD, as SQLite would store it anyway
 * (as three replacement characters): two names differing only there were stored alike, slipping past
 * uniqueness checks, and undo/redo then failed on them.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd');
  if (!value || typeof value !== 'object') return value;
  // Copied only where something changed: most calls carry no such text, and some carry 100,000 items.
  const entries = Object.entries(value);
  const clean = entries.map(([, v]) => wellFormed(v));
  if (clean.every((v, i) => v === entries[i]![1])) return value;
  return Array.isArray(value) ? clean : Object.fromEntries(entries.map(([k], i) => [k, clean[i]]));
}

/**
 * Validates and runs one call from an untrusted caller (renderer, loopback bridge). Never throws:
 * bad names and arguments become typed errors, unexpected failures an 'internal' error.
 */
export async function dispatch(handlers: Handlers, name: unknown, args: unknown): Promise<Envelope<unknown>> {
  if (typeof name !== 'string' || !Object.hasOwn(contract, name)) {
    return { ok: false, error: { code: 'invalid-argument', message: `Unknown call "${String(name)}".` } };
  }
  const key = name as CallName;
  const parsed = contract[key].args.safeParse(args ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`)
      .join('; ');
    return { ok: false, error: { code: 'invalid-argument', message: `Bad arguments for ${key}: ${detail}` } };
  }
  try {
    const handler = handlers[key] as (a: unknown) => unknown;
    const value = await handler(wellFormed(parsed.data));
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    if (isCommonplaceError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    return {
      ok: false,
      error: { code: 'internal', message: `Unexpected error in ${key}: ${(e as Error)?.message ?? e}` },
    };
  }
}
