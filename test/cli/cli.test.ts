import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { cli, cliJson } from './run';

const NORTHGATE = `Northgate community of practice — 12 March 2026

Facilitator: Welcome back, everyone. Let's start with the Hartley case.

Zoë (Housing): Honestly the targets drive everything. My manager counts tenancies sustained, not people helped.
That's the secret caseload nobody reports.

Sam (Police): We had a little miracle last month. He turned up to probation on his own. 🎉

Facilitator: What made that possible?

Zoë (Housing): Trust. An honest relationship with one worker who stayed.
`;

const EASTBRIDGE = `Eastbridge session\r\n\r\nFACILITATOR: What does a good week look like?\r\n\r\nPriya: A week where nobody hides a secret caseload from the manager.\r\n\r\nJosé: The little miracles. A client who keeps a tenancy.\r\n`;

let dir: string;
let project: string;

beforeAll(async () => {
  dir = tempDir();
  project = join(dir, 'study.commonplace');
  mkdirSync(join(dir, 'transcripts', 'Northgate'), { recursive: true });
  mkdirSync(join(dir, 'transcripts', 'Eastbridge'), { recursive: true });
  writeFileSync(join(dir, 'transcripts', 'Northgate', 'northgate-march.txt'), NORTHGATE);
  writeFileSync(join(dir, 'transcripts', 'Eastbridge', 'eastbridge-march.txt'), EASTBRIDGE);
  expect((await cli('init', project)).code).toBe(0);
});

afterAll(cleanupTempDirs);

interface Doc {
  name: string;
  groups: string[];
  words: number;
  turns: number;
  codings: number;
}

describe('commonplace CLI contract', () => {
  it('init refuses to overwrite an existing file', async () => {
    const r = await cli('init', project);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/already exists/);
  });

  it('imports a folder with groups from folders and reports speakers and words', async () => {
    const imported = await cliJson<
      { name: string; format: string; encoding: string; turns: number; speakers: string[]; words: number }[]
    >('import', project, join(dir, 'transcripts'), '--group-from-folder', '--json');
    expect(imported.map((d) => d.name).sort()).toEqual(['eastbridge-march', 'northgate-march']);
    const north = imported.find((d) => d.name === 'northgate-march')!;
    expect(north).toMatchObject({ format: 'txt', encoding: 'utf-8', turns: 5 });
    expect(north.speakers).toEqual(['Facilitator', 'Zoë (Housing)', 'Sam (Police)']);
    const docs = await cliJson<Doc[]>('docs', project, '--json');
    expect(docs.map((d) => [d.name, d.groups, d.turns, d.codings])).toEqual([
      ['eastbridge-march', ['Eastbridge'], 3, 0],
      ['northgate-march', ['Northgate'], 5, 0],
    ]);
  });

  it('lists speakers with words spoken and turns with times and text', async () => {
    const speakers = await cliJson<{ name: string; turns: number; words: number; documents: number }[]>(
      'speakers',
      project,
      '--json',
    );
    const zoe = speakers.find((s) => s.name === 'Zoë (Housing)')!;
    expect(zoe).toEqual({ name: 'Zoë (Housing)', turns: 2, words: 19 + 9, documents: 1 });
    expect(speakers.find((s) => s.name.toLowerCase() === 'facilitator')).toMatchObject({
      turns: 3,
      documents: 2,
    });
    const inDoc = await cliJson<{ name: string }[]>(
      'speakers',
      project,
      '--doc',
      'eastbridge-march',
      '--json',
    );
    expect(inDoc.map((s) => s.name)).toHaveLength(3);
    const turns = await cliJson<
      { speaker: string; start: number; end: number; time: number | null; text: string }[]
    >('turns', project, '--doc', 'northgate-march', '--json');
    expect(turns[2]).toMatchObject({ speaker: 'Sam (Police)', time: null });
    expect(turns[2]!.text).toBe(
      'We had a little miracle last month. He turned up to probation on his own. 🎉',
    );
    expect(NORTHGATE.slice(turns[2]!.start, turns[2]!.start + 13)).toBe('Sam (Police):');
  });

  it('builds a codebook and lists it with paths', async () => {
    expect(
      (
        await cli(
          'codes',
          'add',
          project,
          'Managerial domination',
          '--color',
          '#e6194b',
          '--description',
          'Targets over care',
        )
      ).code,
    ).toBe(0);
    expect((await cli('codes', 'add', project, 'Targets', '--parent', 'Managerial domination')).code).toBe(0);
    expect((await cli('codes', 'add', project, 'Secret caseloads')).code).toBe(0);
    expect((await cli('codes', 'add', project, 'Little miracles')).code).toBe(0);
    const codes = await cliJson<
      { name: string; path: string; color: string; description: string; codings: number }[]
    >('codes', 'list', project, '--json');
    expect(codes.map((c) => c.path)).toEqual([
      'Managerial domination',
      'Managerial domination/Targets',
      'Secret caseloads',
      'Little miracles',
    ]);
    expect(codes[0]).toEqual({
      name: 'Managerial domination',
      path: 'Managerial domination',
      color: '#E6194B',
      description: 'Targets over care',
      codings: 0,
    });
    const dup = await cli('codes', 'add', project, 'targets', '--parent', 'Managerial domination');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
  });

  it('codes a range and a batch; a bad batch writes nothing', async () => {
    const start = NORTHGATE.indexOf('the targets drive everything');
    expect(
      (
        await cli(
          'code',
          project,
          '--doc',
          'northgate-march',
          '--start',
          String(start),
          '--end',
          String(start + 28),
          '--code',
          'Targets',
          '--memo',
          'Key quote',
        )
      ).code,
    ).toBe(0);
    const batch = join(dir, 'codings.jsonl');
    const s = NORTHGATE.indexOf("That's the secret caseload");
    writeFileSync(
      batch,
      [
        JSON.stringify({ doc: 'northgate-march', start: s, end: s + 42, code: 'Secret caseloads' }),
        JSON.stringify({
          doc: 'Northgate/northgate-march.txt',
          start,
          end: start + 28,
          code: 'Managerial domination',
        }),
      ].join('\n'),
    );
    expect(await cliJson('code', project, '--batch', batch, '--json')).toEqual({ added: 2, existing: 0 });
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      [
        JSON.stringify({ doc: 'northgate-march', start: 0, end: 5, code: 'Targets' }),
        JSON.stringify({ doc: 'northgate-march', start: 0, end: 99999, code: 'Targets' }),
      ].join('\n'),
    );
    const r = await cli('code', project, '--batch', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad.jsonl: Range 0–99999 is not inside the document \(length \d+\) \(line 2\)/);
    const unknown = join(dir, 'unknown.jsonl');
    writeFileSync(unknown, JSON.stringify({ doc: 'nope', start: 0, end: 5, code: 'Targets' }));
    expect((await cli('code', project, '--batch', unknown)).stderr).toMatch(
      /unknown.jsonl: line 1: No document named "nope"/,
    );
    const stats = await cliJson<{ codings: number }>('stats', project, '--json');
    expect(stats.codings).toBe(3);
  });

  it('auto-codes hits by speaker and scope', async () => {
    const r = await cliJson<{ hits: number; added: number }>(
      'autocode',
      project,
      '--query',
      'little miracle*',
      '--code',
      'Little miracles',
      '--scope',
      'sentence',
      '--speaker',
      'Sam (Police)',
      '--json',
    );
    expect(r).toEqual({ hits: 1, added: 1, existing: 0 });
  });

  it('searches with keyword in context', async () => {
    const hits = await cliJson<
      { doc: string; start: number; end: number; speaker: string | null; context: string }[]
    >('search', project, 'secret caseload', '--json');
    expect(hits.map((h) => [h.doc, h.speaker])).toEqual([
      ['eastbridge-march', 'Priya'],
      ['northgate-march', 'Zoë (Housing)'],
    ]);
    expect(hits[1]!.context).toContain("That's the secret caseload nobody reports.");
  });

  it('retrieves excerpts as json, csv, md and html', async () => {
    const ex = await cliJson<Record<string, unknown>[]>(
      'excerpts',
      project,
      '--code',
      'Managerial domination',
      '--subcodes',
    );
    expect(ex.map((e) => Object.keys(e))).toEqual(
      Array(2).fill([
        'doc',
        'groups',
        'speakers',
        'code',
        'path',
        'start',
        'end',
        'text',
        'context',
        'memo',
        'coder',
      ]),
    );
    expect(ex.map((e) => [e.path, e.text, e.speakers, e.groups, e.memo])).toEqual([
      ['Managerial domination', 'the targets drive everything', ['Zoë (Housing)'], ['Northgate'], null],
      [
        'Managerial domination/Targets',
        'the targets drive everything',
        ['Zoë (Housing)'],
        ['Northgate'],
        'Key quote',
      ],
    ]);
    const bySpeaker = await cliJson<{ doc: string }[]>(
      'excerpts',
      project,
      '--speaker',
      'Sam (Police)',
      '--format',
      'json',
    );
    expect(bySpeaker).toHaveLength(1);
    expect(await cliJson('excerpts', project, '--group', 'Eastbridge')).toEqual([]);
    const csv = join(dir, 'out.csv');
    expect((await cli('excerpts', project, '--format', 'csv', '--out', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFDocument,')).toBe(true);
    const md = await cli('excerpts', project, '--format', 'md');
    expect(md.stdout).toContain('Secret caseloads');
    const html = await cli('excerpts', project, '--format', 'html');
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
    const docx = join(dir, 'out.docx');
    expect(
      (await cli('excerpts', project, '--code', 'Targets', '--format', 'docx', '--out', docx)).code,
    ).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const xlsx = join(dir, 'out.xlsx');
    expect((await cli('excerpts', project, '--format', 'xlsx', '--sheet-per-code', '--out', xlsx)).code).toBe(
      0,
    );
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect((await cli('excerpts', project, '--format', 'docx')).stderr).toMatch(/needs --out FILE/);
    const codebook = join(dir, 'codebook.docx');
    expect((await cli('export-codebook', project, codebook)).stdout).toMatch(/Exported 4 codes/);
    expect(readFileSync(codebook).subarray(0, 2).toString()).toBe('PK');
    const bad = await cli('excerpts', project, '--format', 'pdf');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown format "pdf"/);
  });

  it('undoes and redoes through the shared history', async () => {
    expect(await cliJson('undo', project, '--json')).toEqual({
      undo: 'Auto-code "little miracle*" as "Little miracles"',
    });
    expect((await cliJson<{ codings: number }>('stats', project, '--json')).codings).toBe(3);
    expect((await cli('redo', project)).stdout).toMatch(/Redid: Auto-code/);
    expect((await cliJson<{ codings: number }>('stats', project, '--json')).codings).toBe(4);
    const none = await cli('redo', project);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/Nothing to redo/);
  });

  it('reports bad input on stderr with a non-zero exit, changing nothing', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const r = await cli(
      'import',
      project,
      empty,
      join(dir, 'transcripts', 'Northgate', 'northgate-march.txt'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('empty.txt');
    expect(r.stderr).toMatch(/already in the project/);
    expect((await cliJson<Doc[]>('docs', project, '--json')).length).toBe(2);
    expect((await cli('docs', join(dir, 'missing.commonplace'))).stderr).toMatch(/no project file here/);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('runs as a real command through the launcher', () => {
    const out = execFileSync(process.execPath, ['bin/commonplace.js', 'stats', project, '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toMatchObject({ documents: 2, codes: 4, codings: 4 });
  });
});
