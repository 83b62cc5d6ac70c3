import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { cli, cliJson } from './cli-run';

const NORTHGATE = `Northgate community of practice

Facilitator: Welcome back, everyone. Let's start with the Hartley case.

Zoë: Honestly the targets drive everything. That's the secret caseload nobody reports.

Sam: We had a little miracle last month.

Facilitator: What made that possible?

Zoë: Trust. An honest relationship with one worker who stayed.
`;

const EASTBRIDGE = `Facilitator: What does a good week look like?\n\nPriya: A week where nobody hides a secret caseload.\n\nJo: The little miracles. A client who keeps a tenancy.\n`;

let dir: string;
let project: string;
const at = (text: string, phrase: string) => [
  String(text.indexOf(phrase)),
  String(text.indexOf(phrase) + phrase.length),
];

beforeAll(async () => {
  dir = tempDir();
  project = join(dir, 'study.commonplace');
  mkdirSync(join(dir, 'transcripts', 'Northgate'), { recursive: true });
  mkdirSync(join(dir, 'transcripts', 'Eastbridge'), { recursive: true });
  writeFileSync(join(dir, 'transcripts', 'Northgate', 'northgate.txt'), NORTHGATE);
  writeFileSync(join(dir, 'transcripts', 'Eastbridge', 'eastbridge.txt'), EASTBRIDGE);
  for (const args of [
    ['init', project],
    ['import', project, join(dir, 'transcripts'), '--group-from-folder'],
    ['codes', 'add', project, 'Secret caseloads'],
    ['codes', 'add', project, 'Little miracles'],
    ['codes', 'add', project, 'Miracles at work', '--parent', 'Little miracles'],
  ]) {
    const r = await cli(...args);
    expect(r.code, r.stderr).toBe(0);
  }
  const codings: [string, string, string][] = [
    ['northgate', NORTHGATE, 'the secret caseload nobody reports.'],
    ['eastbridge', EASTBRIDGE, 'nobody hides a secret caseload.'],
    ['northgate', NORTHGATE, 'a little miracle last month.'],
    ['eastbridge', EASTBRIDGE, 'The little miracles.'],
  ];
  const codes = ['Secret caseloads', 'Secret caseloads', 'Miracles at work', 'Little miracles'];
  for (const [i, [doc, text, phrase]] of codings.entries()) {
    const [start, end] = at(text, phrase);
    const r = await cli('code', project, '--doc', doc, '--start', start!, '--end', end!, '--code', codes[i]!);
    expect(r.code, r.stderr).toBe(0);
  }
});

afterAll(cleanupTempDirs);

describe('attrs', () => {
  it('sets, lists, deletes, renames and retypes attributes', async () => {
    expect((await cli('attrs', 'set', project, '--speaker', 'Zoë', 'role=Housing', 'years=4')).code).toBe(0);
    expect(
      (await cli('attrs', 'set', project, '--doc', 'northgate', 'wave=1', '--type', 'number')).code,
    ).toBe(0);
    expect(await cliJson('attrs', 'list', project, '--json')).toEqual([
      { scope: 'document', target: 'northgate', name: 'wave', type: 'number', value: '1' },
      { scope: 'speaker', target: 'Zoë', name: 'role', type: 'text', value: 'Housing' },
      { scope: 'speaker', target: 'Zoë', name: 'years', type: 'text', value: '4' },
    ]);
    expect((await cli('attrs', 'type', project, 'years', 'number', '--speakers')).code).toBe(0);
    expect((await cli('attrs', 'rename', project, 'years', 'experience', '--speakers')).code).toBe(0);
    expect((await cli('attrs', 'delete', project, '--speaker', 'Zoë', 'experience')).code).toBe(0);
    expect(await cliJson('attrs', 'list', project, '--speakers', '--json')).toEqual([
      { scope: 'speaker', target: 'Zoë', name: 'role', type: 'text', value: 'Housing' },
    ]);
  });

  it('reports bad input on stderr with exit code 1 and changes nothing', async () => {
    const before = await cliJson('attrs', 'list', project, '--json');
    const bad: [string[], RegExp][] = [
      [['attrs', 'set', project, '--speaker', 'Nobody', 'role=x'], /No speaker named "Nobody"/],
      [['attrs', 'set', project, '--speaker', 'Zoë', 'role'], /"role" is not KEY=VALUE/],
      [['attrs', 'set', project, 'role=x'], /exactly one of --doc NAME or --speaker NAME/],
      [['attrs', 'set', project, '--doc', 'northgate', 'wave=soon'], /wave is a number; "soon" is not/],
      [
        ['attrs', 'type', project, 'role', 'date', '--speakers'],
        /Cannot make "role" a date attribute: 1 value\(s\) do not fit: Zoë \("Housing"\)/,
      ],
      [['attrs', 'import', project, join(dir, 'none.csv'), '--docs'], /none\.csv: cannot read the file/],
    ];
    for (const [args, message] of bad) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(await cliJson('attrs', 'list', project, '--json')).toEqual(before);
  });

  it('imports a semicolon CSV of speakers, and refuses unknown names naming file, row and name', async () => {
    const ok = join(dir, 'speakers.csv');
    writeFileSync(
      ok,
      '\uFEFFname;role;experienced\r\nSam;Police;yes\r\nPriya;Housing;no\r\nJo;Police;no\r\n',
    );
    const r = await cliJson<{ values: number }>('attrs', 'import', project, ok, '--speakers', '--json');
    expect(r.values).toBe(6);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'name,role\nSam,Police\nSammy,Police\n');
    const e = await cli('attrs', 'import', project, bad, '--speakers');
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(
      `${bad}: Unknown speaker name(s): row 3: no speaker named "Sammy". Nothing was imported.`,
    );
    expect((await cli('attrs', 'import', project, ok)).stderr).toMatch(/Give --docs or --speakers/);
  });
});

describe('matrix and co-occurrence', () => {
  it('prints the matrix as JSON exactly {rows, cols, cells}', async () => {
    const m = await cliJson('matrix', project, '--cols', 'group', '--format', 'json');
    expect(m).toEqual({
      rows: ['Secret caseloads', 'Little miracles', 'Little miracles/Miracles at work'],
      cols: ['Eastbridge', 'Northgate'],
      cells: [
        [1, 1],
        [1, 0],
        [0, 1],
      ],
    });
    const rolled = await cliJson<{ cells: number[][] }>(
      'matrix',
      project,
      '--cols',
      'group',
      '--subcodes',
      '--format',
      'json',
    );
    expect(rolled.cells[1]).toEqual([1, 1]);
  });

  it('uses speaker attributes, excludes speakers and measures words', async () => {
    const roles = await cliJson(
      'matrix',
      project,
      '--cols',
      'speaker-attr:role',
      '--measure',
      'speakers',
      '--format',
      'json',
    );
    expect(roles).toEqual({
      rows: ['Secret caseloads', 'Little miracles', 'Little miracles/Miracles at work'],
      cols: ['Housing', 'Police'],
      cells: [
        [2, 0],
        [0, 1],
        [0, 1],
      ],
    });
    const words = await cliJson<{ cols: string[]; cells: number[][] }>(
      'matrix',
      project,
      '--cols',
      'speaker',
      '--measure',
      'words',
      '--exclude-speaker',
      'Facilitator',
      '--format',
      'json',
    );
    expect(words.cols).toEqual(['Jo', 'Priya', 'Sam', 'Zoë']);
    expect(words.cells[0]).toEqual([0, 5, 0, 5]);
  });

  it('writes CSV with totals, to a file when asked', async () => {
    const out = join(dir, 'matrix.csv');
    expect((await cli('matrix', project, '--cols', 'document', '--out', out)).code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'code,eastbridge,northgate,Total',
      'Secret caseloads,1,1,2',
      'Little miracles,1,0,1',
      'Little miracles/Miracles at work,0,1,1',
      'Total,2,2,4',
    ]);
  });

  it('refuses unknown columns, measures and attributes', async () => {
    for (const [args, message] of [
      [['--cols', 'colour'], /Unknown columns "colour"/],
      [['--cols', 'group', '--measure', 'vibes'], /Unknown measure "vibes"/],
      [['--cols', 'doc-attr:nope'], /No document attribute named "nope"/],
      [['--cols', 'group', '--exclude-speaker', 'Nobody'], /No speaker named "Nobody"/],
    ] as [string[], RegExp][]) {
      const r = await cli('matrix', project, ...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('prints co-occurrence as {codes, cells}', async () => {
    const overlap = await cliJson<{ codes: string[]; cells: number[][] }>('cooccur', project, '--json');
    expect(overlap).toEqual({
      codes: ['Secret caseloads', 'Little miracles', 'Little miracles/Miracles at work'],
      cells: [
        [2, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    });
    const turn = await cliJson<{ cells: number[][] }>('cooccur', project, '--within', 'turn', '--json');
    expect(turn.cells).toEqual(overlap.cells);
    expect((await cli('cooccur', project, '--within', 'page')).stderr).toMatch(/overlap or turn/);
  });

  it('prints participation', async () => {
    const rows = await cliJson<{ speaker: string; turns: number; words: number }[]>(
      'participation',
      project,
      '--doc',
      'northgate',
      '--json',
    );
    expect(rows.map((r) => [r.speaker, r.turns])).toEqual([
      ['Facilitator', 2],
      ['Sam', 1],
      ['Zoë', 2],
    ]);
  });
});

describe('speaker edits', () => {
  it('renames and merges speakers without breaking the speakers list command', async () => {
    expect((await cli('speakers-rename', project, 'Jo', 'Jo B.')).code).toBe(0);
    expect((await cli('attrs', 'set', project, '--speaker', 'Zoë', 'experienced=yes')).code).toBe(0);
    expect((await cli('attrs', 'set', project, '--speaker', 'Priya', 'years=3')).code).toBe(0);
    const merged = await cliJson('speakers-merge', project, 'Priya', 'Zoë', '--json');
    expect(merged).toEqual({
      from: 'Priya',
      into: 'Zoë',
      turns: 1,
      attributesAdded: ['years'],
      conflicts: [{ name: 'experienced', kept: 'yes', dropped: 'no' }],
    });
    const speakers = await cliJson<{ name: string; turns: number; documents: number }[]>(
      'speakers',
      project,
      '--json',
    );
    expect(speakers.map((s) => [s.name, s.turns, s.documents])).toEqual([
      ['Facilitator', 3, 2],
      ['Jo B.', 1, 1],
      ['Sam', 1, 1],
      ['Zoë', 3, 2],
    ]);
    const clash = await cli('speakers-rename', project, 'Sam', 'zoë');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/already exists; merge "Sam" into "Zoë" instead/);
    expect((await cli('undo', project)).code).toBe(0);
    expect((await cliJson<{ name: string }[]>('speakers', project, '--json')).map((s) => s.name)).toContain(
      'Priya',
    );
  });
});
