// The renderer is untrusted: every call crosses `dispatch`, which must answer every input with an
// Envelope, never throw, and never call an argument problem an internal error. Arguments are
// generated from each call's own zod schema (so new calls are fuzzed without touching this file):
// mostly near-valid values that reach the handlers, mixed with junk, edge numbers, huge strings
// and prototype-pollution keys. The seed makes a failure replayable.

import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CALL_NAMES, contract } from '../../shared/contract';
import { createHandlers, dispatch } from '../../db/handlers';
import { createCode } from '../../db/codes';
import { addCoding } from '../../db/codings';
import { checkProject } from '../../db/check';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import { mulberry32 } from '../durability/random';

afterAll(cleanupTempDirs);

const SEED = 6;
const CALLS_PER_NAME = 150;

type Random = () => number;
/** Ids of rows that exist right now, by table, so near-valid calls reach the code behind the checks. */
const liveIds: Record<string, number[]> = {};
let currentCall = '';
const TABLES = ['documents', 'codes', 'codings', 'speakers', 'doc_groups', 'coders'];

/** The table an id argument most likely names, from its key and the call's prefix. */
function tableFor(key: string): string | undefined {
  if (!/^ids?$|Ids?$/.test(key)) return undefined; // offsets, limits and indexes are not ids
  if (/^document/.test(key)) return 'documents';
  if (/^(code|parent|source|target)/.test(key)) return 'codes';
  if (/^speaker/.test(key)) return 'speakers';
  if (/^group/.test(key)) return 'doc_groups';
  if (/^coder/.test(key)) return 'coders';
  const prefix = currentCall.split('.')[0];
  return { documents: 'documents', codes: 'codes', codings: 'codings', groups: 'doc_groups' }[prefix ?? ''];
}
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const EDGE_NUMBERS = [
  0,
  1,
  2,
  3,
  5,
  8,
  13,
  -1,
  -0,
  0.5,
  1e-9,
  NaN,
  Infinity,
  -Infinity,
  2 ** 31,
  2 ** 31 - 1,
  2 ** 32,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e21,
];
const STRINGS = [
  '',
  ' ',
  'Targets',
  'Managerial domination/Targets',
  'Zoë (Housing)',
  'northgate',
  'secret caseload*',
  '"little miracle"',
  'trust OR care',
  'NEAR(a b)',
  '*',
  '"',
  '^',
  'AND',
  "'; DROP TABLE codings; --",
  '\u0000',
  '\ud800',
  '😀',
  '\u202e\u200b',
  '../../../etc/passwd',
  'C:\\Windows\\system32',
  '#E6194B',
  '#zzzzzz',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'x'.repeat(501),
  'y'.repeat(20_000),
];
const FILE_NAMES = [
  'focus.txt',
  'notes.md',
  'call.vtt',
  'call.srt',
  'word.docx',
  'image.png',
  'noext',
  '.txt',
];
const base64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const FILE_DATA = [
  base64(FOCUS_GROUP),
  base64(''),
  base64(new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0])),
  base64(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])),
  base64(new Uint8Array([0xff, 0xfe, 0x41, 0x42])),
  'not base64 at all!!',
  base64('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Sam>Hello'),
];

function junk(r: Random, depth = 0): unknown {
  const kind = Math.floor(r() * (depth > 2 ? 6 : 9));
  switch (kind) {
    case 0:
      return pick(r, EDGE_NUMBERS);
    case 1:
      return pick(r, STRINGS);
    case 2:
      return pick(r, [true, false, null, undefined]);
    case 3:
      return BigInt(Math.floor(r() * 1e6));
    case 4:
      return 'z'.repeat(Math.floor(r() * 2_000_000));
    case 5:
      return pick(r, [() => 1, Symbol('s'), new Date(NaN), /re/g, new Map([[1, 2]])]);
    case 6:
      return Array.from({ length: Math.floor(r() * 4) }, () => junk(r, depth + 1));
    case 7:
      return withHostileKeys(r, { a: junk(r, depth + 1) });
    default:
      return Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`k${i}`, junk(r, depth + 1)]));
  }
}

/** Own `__proto__`/`constructor` keys, as JSON.parse makes them from a hostile renderer's message. */
function withHostileKeys(r: Random, base: unknown): object {
  const out: Record<string, unknown> = typeof base === 'object' && base !== null ? { ...base } : {};
  const key = pick(r, ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']);
  Object.defineProperty(out, key, {
    value: JSON.parse('{"polluted": true, "__proto__": {"polluted": true}}'),
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return out;
}

type Schema = z.ZodType & { def: Record<string, unknown> & { type: string } };

/** A value that mostly fits `schema`, with edge cases that test the handler behind it. */
function near(schema: Schema, r: Random, key = ''): unknown {
  const def = schema.def;
  if (r() < 0.04) return junk(r);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(shape)) {
        if (s.def.type === 'optional' && r() < 0.4) continue;
        out[k] = near(s, r, k);
      }
      return out;
    }
    case 'optional':
    case 'nullable':
      if (r() < 0.2) return def.type === 'optional' ? undefined : null;
      return near(def.innerType as Schema, r, key);
    case 'array': {
      const n = r() < 0.05 ? 100_001 : Math.floor(r() * 4);
      return Array.from({ length: n }, () => near(def.element as Schema, r, key));
    }
    case 'enum':
      return r() < 0.9 ? pick(r, Object.values(def.entries as Record<string, string>)) : 'nonsense';
    case 'boolean':
      return r() < 0.9 ? r() < 0.5 : 'yes';
    case 'number': {
      // Live ids and small offsets reach real rows and ranges; the rest probe limits.
      const live = liveIds[tableFor(key) ?? ''] ?? [];
      if (r() < 0.6 && live.length) return pick(r, live);
      return r() < 0.5 ? Math.floor(r() * 120) : pick(r, EDGE_NUMBERS);
    }
    case 'string':
      if (key === 'data') return pick(r, FILE_DATA);
      if (key === 'name' && r() < 0.5) return pick(r, FILE_NAMES);
      if (key === 'color' && r() < 0.7) return pick(r, ['#3CB44B', '#ffe119', '#000000']);
      return r() < 0.8
        ? `${pick(r, STRINGS)}${r() < 0.3 ? ` ${Math.floor(r() * 1000)}` : ''}`
        : pick(r, STRINGS);
    default:
      return junk(r);
  }
}

function argumentsFor(name: string, r: Random): unknown {
  const schema = (contract as unknown as Record<string, { args: Schema }>)[name]!.args;
  const roll = r();
  if (roll < 0.1) return junk(r);
  if (roll < 0.2) return withHostileKeys(r, near(schema, r));
  if (roll < 0.3) {
    const args = near(schema, r);
    if (typeof args !== 'object' || args === null || Array.isArray(args)) return args;
    const keys = Object.keys(args);
    if (keys.length) (args as Record<string, unknown>)[pick(r, keys)] = junk(r);
    return args;
  }
  return near(schema, r);
}

describe('IPC fuzzing', () => {
  it(
    'answers every call with an Envelope and keeps the project consistent',
    { timeout: 120_000 },
    async () => {
      const project = newProject('fuzzer');
      let generation = 0;
      // Random deletions and undos empty the project; top it up so later rounds still have rows to hit.
      const replenish = () => {
        generation++;
        const docs = ['northgate', 'eastbridge'].map((n) =>
          addTextDocument(project, `${n} ${generation}`, FOCUS_GROUP),
        );
        const codes = ['Targets', 'Trust'].map((n) => createCode(project, { name: `${n} ${generation}` }));
        for (const [i, d] of docs.entries())
          addCoding(project, { documentId: d, codeId: codes[i]!, start: 45, end: 70 });
      };
      replenish();
      const handlers = createHandlers(project);
      const r = mulberry32(SEED);
      const problems = new Map<string, string>();
      const note = (name: string, what: string) => {
        const key = `${name}: ${what.slice(0, 160)}`;
        if (!problems.has(key)) problems.set(key, key);
      };
      const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
      const names = [...CALL_NAMES, 'no.such.call', '__proto__', 'constructor', 'toString', ''];
      let calls = 0;
      for (let round = 0; round < CALLS_PER_NAME; round++) {
        if (project.db.prepare('SELECT count(*) FROM documents').pluck().get() === 0) replenish();
        for (const t of TABLES)
          liveIds[t] = project.db.prepare(`SELECT id FROM ${t}`).pluck().all() as number[];
        for (const name of names) {
          currentCall = name;
          const args = argumentsFor(Object.hasOwn(contract, name) ? name : 'project.info', r);
          calls++;
          let envelope: Awaited<ReturnType<typeof dispatch>>;
          try {
            envelope = await dispatch(handlers, name, args);
          } catch (e) {
            note(name, `threw ${(e as Error)?.stack ?? e}`);
            continue;
          }
          if (envelope?.ok === true) {
            if (!('value' in envelope)) note(name, 'ok without a value');
            try {
              structuredClone(envelope); // what Electron IPC does to it
            } catch (e) {
              note(name, `answer cannot cross IPC: ${(e as Error).message}`);
            }
          } else if (envelope?.ok === false) {
            const { code, message } = envelope.error ?? {};
            if (typeof code !== 'string' || !/^[a-z-]+$/.test(code))
              note(name, `bad error code ${String(code)}`);
            else if (code === 'internal') note(name, `internal error: ${message}`);
            if (typeof message !== 'string' || !message) note(name, 'error without a message');
          } else note(name, `not an Envelope: ${JSON.stringify(envelope)}`);
        }
        if (round % 40 === 39) {
          const report = checkProject(project);
          if (!report.ok) note('check', JSON.stringify(report.findings.slice(0, 3)));
        }
      }
      expect([...problems.values()], `after ${calls} calls`).toEqual([]);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(checkProject(project).findings.filter((f) => f.severity === 'error')).toEqual([]);
      project.close();
    },
  );
});
