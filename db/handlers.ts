import type { Project } from './project';
import type { CallName, CallResult, Envelope, ParsedArgs } from '../shared/contract';
import { contract } from '../shared/contract';
import { isCommonplaceError } from '../shared/errors';
import { documentSummary, getDocument, listDocuments } from './documents';
import { listSpeakers, listTurns } from './speakers';
import { createCode, listCodes } from './codes';
import { addCoding, listCodings, removeCodings } from './codings';
import { queryExcerpts } from './excerpts';
import { searchText } from './search';
import { projectStats } from './stats';

export type Handlers = { [K in CallName]: (args: ParsedArgs<K>) => CallResult<K> | Promise<CallResult<K>> };

function historyState(project: Project) {
  return { undo: project.history.peekUndo()?.label ?? null, redo: project.history.peekRedo()?.label ?? null };
}

/** The core behind the contract, for one open project. */
export function createHandlers(project: Project): Handlers {
  return {
    'project.info': () => ({ name: project.name, path: project.path, coder: project.coder }),
    'project.stats': () => projectStats(project),
    'documents.list': () => listDocuments(project),
    'documents.get': ({ id }) => ({
      summary: documentSummary(project, id),
      text: getDocument(project, id).text,
      turns: listTurns(project, id),
      codings: listCodings(project, id),
    }),
    'speakers.list': ({ documentId }) => listSpeakers(project, documentId),
    'codes.list': () => listCodes(project),
    'codes.create': (a) => createCode(project, a),
    'codings.add': (a) => addCoding(project, a),
    'codings.remove': ({ ids }) => removeCodings(project, ids),
    'excerpts.query': (q) => queryExcerpts(project, q),
    'search.text': ({ query, limit }) => searchText(project, query, { limit }),
    'history.state': () => historyState(project),
    'history.undo': () => {
      project.history.undo();
      return historyState(project);
    },
    'history.redo': () => {
      project.history.redo();
      return historyState(project);
    },
  };
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
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    if (isCommonplaceError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    return {
      ok: false,
      error: { code: 'internal', message: `Unexpected error in ${key}: ${(e as Error)?.message ?? e}` },
    };
  }
}
