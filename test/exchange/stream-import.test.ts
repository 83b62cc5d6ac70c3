// The import writes each source as project.qde is read (issue 7). What it writes must not depend on that:
// the same file in another element order (read whole first) gives the same project, speaker cases are
// resolved as if all were read at once, and a failure late in the file still leaves nothing behind.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Project } from '../../db/project';
import { importQdpx } from '../../db/exchange/import-project';
import { GuidMap } from '../../db/exchange/guid-map';
import { isCommonplaceError } from '../../shared/errors';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { writeZip } from './helpers';

afterEach(cleanupTempDirs);

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TEXT_A = 'Anna: Hello there.\nBob: Hi Anna.\nAnna: Bye now.';
const TEXT_B = 'Anna: Second doc.\nA coded part and an idle part.';

function sel(guid: number, text: string, phrase: string, inner = '', name = '') {
  const start = text.indexOf(phrase);
  return `<PlainTextSelection guid="${G(guid)}" name="${name}" startPosition="${start}" endPosition="${start + phrase.length}">${inner}</PlainTextSelection>`;
}
const coding = (guid: number) => `<Coding guid="${G(guid)}"><CodeRef targetGUID="${G(10)}"/></Coding>`;
const refs = (...ns: number[]) => ns.map((n) => `<SelectionRef targetGUID="${G(n)}"/>`).join('');

const PARTS = {
  users: `<Users><User guid="${G(1)}" name="Ana"/></Users>`,
  codebook: `<CodeBook><Codes><Code guid="${G(10)}" name="Topic" isCodable="true"/></Codes></CodeBook>`,
  variables: `<Variables><Variable guid="${G(20)}" name="Place" typeOfVariable="Text"/></Variables>`,
  cases:
    `<Cases><Case guid="${G(30)}" name="Anna">${refs(51, 53, 61, 99, 51)}</Case>` +
    `<Case guid="${G(31)}" name="Bob">${refs(52, 54)}</Case>` +
    `<Case guid="${G(32)}" name="Site"><VariableValue><VariableRef targetGUID="${G(20)}"/><TextValue>Leeds</TextValue></VariableValue>` +
    `<SourceRef targetGUID="${G(41)}"/></Case></Cases>`,
  sources:
    `<Sources><TextSource guid="${G(40)}" name="A"><PlainTextContent>${TEXT_A}</PlainTextContent>` +
    sel(51, TEXT_A, 'Anna: Hello there.', '', 'Anna [00:00:05.000]') +
    sel(52, TEXT_A, 'Bob: Hi Anna.') +
    sel(53, TEXT_A, 'Anna: Bye now.') +
    sel(54, TEXT_A, 'Hello') +
    `</TextSource><TextSource guid="${G(41)}" name="B"><PlainTextContent>${TEXT_B}</PlainTextContent>` +
    sel(61, TEXT_B, 'Anna: Second doc.') +
    sel(62, TEXT_B, 'A coded part', `<Description>Why coded</Description>${coding(70)}`) +
    sel(63, TEXT_B, 'an idle part', '<Description>Idle thought</Description>') +
    sel(64, TEXT_B, 'idle') +
    `</TextSource></Sources>`,
  notes: `<Notes><Note guid="${G(80)}" name="On coded"><PlainTextContent>Linked note</PlainTextContent></Note></Notes>`,
  links: `<Links><Link guid="${G(81)}" originGUID="${G(80)}" targetGUID="${G(62)}"/></Links>`,
};

const qde = (order: (keyof typeof PARTS)[]) =>
  `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p" creatingUserGUID="${G(1)}">` +
  order.map((k) => PARTS[k]).join('') +
  '</Project>';
const SCHEMA_ORDER: (keyof typeof PARTS)[] = [
  'users',
  'codebook',
  'variables',
  'cases',
  'sources',
  'notes',
  'links',
];

async function importOrder(order: (keyof typeof PARTS)[]) {
  const path = join(tempDir(), 'p.commonplace');
  const result = await importQdpx(writeZip({ 'project.qde': qde(order) }), path, { coder: 'importer' });
  const project = Project.open(path);
  const all = (sql: string) => project.db.prepare(sql).all();
  const facts = {
    documents: all('SELECT id, name, text FROM documents ORDER BY id'),
    codings: all('SELECT id, guid, document_id, start, end, memo FROM codings ORDER BY id'),
    speakers: all('SELECT id, guid, name FROM speakers ORDER BY id'),
    turns: all(
      'SELECT document_id, speaker_id, start, end, body_start, time, words FROM turns ORDER BY document_id, start',
    ),
    memos: all('SELECT kind, target_id, content_text FROM memos ORDER BY id'),
    attributes: all(
      'SELECT d.scope, d.name, v.target_id, v.value FROM attribute_values v JOIN attribute_defs d ON d.id = v.def_id',
    ),
  };
  project.close();
  return { result, facts };
}

describe('sources written as the file is read', () => {
  it('resolves speaker cases as if every case and source were read at once', async () => {
    const { result, facts } = await importOrder(SCHEMA_ORDER);
    const at = (text: string, phrase: string): [number, number] => [
      text.indexOf(phrase),
      text.indexOf(phrase) + phrase.length,
    ];
    const [a1, a1End] = at(TEXT_A, 'Anna: Hello there.');
    const [b, bEnd] = at(TEXT_A, 'Bob: Hi Anna.');
    const [a2, a2End] = at(TEXT_A, 'Anna: Bye now.');
    const [a3, a3End] = at(TEXT_B, 'Anna: Second doc.');
    expect(facts.speakers).toEqual([
      { id: 1, guid: G(30), name: 'Anna' },
      { id: 2, guid: G(31), name: 'Bob' },
    ]);
    expect(facts.turns).toEqual([
      { document_id: 1, speaker_id: 1, start: a1, end: a1End, body_start: a1 + 6, time: 5, words: 2 },
      { document_id: 1, speaker_id: 2, start: b, end: bEnd, body_start: b + 5, time: null, words: 2 },
      { document_id: 1, speaker_id: 1, start: a2, end: a2End, body_start: a2 + 6, time: null, words: 2 },
      { document_id: 2, speaker_id: 1, start: a3, end: a3End, body_start: a3 + 6, time: null, words: 2 },
    ]);
    expect(result.report.skipped).toEqual([
      { what: '1 passage(s) of case "Anna"', why: 'they are not text selections that were imported' },
      {
        what: '1 passage(s) of case "Anna"',
        why: "they overlap another speaker's turn, and turns cannot overlap",
      },
      {
        what: '1 passage(s) of case "Bob"',
        why: "they overlap another speaker's turn, and turns cannot overlap",
      },
      {
        what: 'case "Site" as a case',
        why: 'it covers whole sources; its variables were set on its 1 document(s)',
      },
      {
        what: '1 uncoded selection(s) without memo in "B"',
        why: 'Commonplace keeps passages only as codings, memos or speaker turns',
      },
    ]);
    expect(facts.codings).toEqual([
      expect.objectContaining({ guid: G(70), document_id: 2, memo: 'Why coded\n\nOn coded\nLinked note' }),
    ]);
    expect(facts.memos).toEqual([{ kind: 'document', target_id: 2, content_text: 'Idle thought' }]);
    expect(facts.attributes).toEqual([{ scope: 'document', name: 'Place', target_id: 2, value: 'Leeds' }]);
  });

  it.each([
    [
      'sources before the users and codebook',
      ['sources', 'users', 'codebook', 'variables', 'cases', 'notes', 'links'],
    ],
    ['cases after the sources', ['users', 'codebook', 'variables', 'sources', 'cases', 'notes', 'links']],
    ['links and notes first', ['links', 'notes', 'users', 'codebook', 'variables', 'cases', 'sources']],
  ] as const)('gives the same project for a file with %s', async (_, order) => {
    expect(await importOrder([...order])).toEqual(await importOrder(SCHEMA_ORDER));
  });

  it('writes nothing when a source late in the file fails, after earlier ones were written', async () => {
    const late = `<TextSource guid="${G(90)}" name="Late" plainTextPath="internal://late.txt"/>`;
    const xml = qde(SCHEMA_ORDER).replace('</Sources>', `${late}</Sources>`);
    const file = writeZip({ 'project.qde': xml });
    const out = join(dirname(file), 'out.commonplace');
    const before = readdirSync(dirname(file)).sort();
    let error: unknown;
    try {
      await importQdpx(file, out);
    } catch (e) {
      error = e;
    }
    expect(isCommonplaceError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `${file}: source "Late" refers to "internal://late.txt", but the archive has no sources/late.txt`,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dirname(file)).sort()).toEqual(before);
  });

  it('reports a GUID repeated after the sources as the problem, not what followed from it', async () => {
    const xml = qde(SCHEMA_ORDER).replace(`<Note guid="${G(80)}"`, `<Note guid="${G(62)}"`);
    const file = writeZip({ 'project.qde': xml });
    await expect(importQdpx(file, join(dirname(file), 'out.commonplace'))).rejects.toThrow(
      `${file}: project.qde gives the GUID ${G(62)} to two elements (PlainTextSelection and Note)`,
    );
    expect(existsSync(join(dirname(file), 'out.commonplace'))).toBe(false);
  });
});

describe('GuidMap', () => {
  it('maps GUID keys, in sequence or at random, and other keys, through many growths', async () => {
    const map = new GuidMap();
    const keys = Array.from({ length: 20_000 }, (_, i) => G(i));
    const random = Array.from({ length: 5_000 }, () => crypto.randomUUID());
    keys.forEach((k, i) => map.set(k, i));
    random.forEach((k, i) => map.set(k, -i));
    map.set('c001', 7);
    map.set('', 8);
    expect(keys.every((k, i) => map.get(k) === i)).toBe(true);
    expect(random.every((k, i) => map.get(k) === -i)).toBe(true);
    expect([map.get('c001'), map.get(''), map.get(G(20_000)), map.get('c002')]).toEqual([
      7,
      8,
      undefined,
      undefined,
    ]);
    map.set(G(5), 42);
    expect(map.get(G(5))).toBe(42);
    expect(new GuidMap().get(G(1))).toBeUndefined();
  });

  it('keeps columns apart: a key set in one is absent from the other, through growths', () => {
    const map = new GuidMap(2);
    const keys = Array.from({ length: 5_000 }, (_, i) => G(i));
    keys.forEach((k, i) => map.set(k, i));
    keys.filter((_, i) => i % 3 === 0).forEach((k, i) => map.set(k, -i - 1, 1));
    map.set('c001', 7, 1);
    expect(keys.every((k, i) => map.get(k) === i)).toBe(true);
    expect(keys.every((k, i) => map.get(k, 1) === (i % 3 === 0 ? -(i / 3) - 1 : undefined))).toBe(true);
    expect([map.get('c001'), map.get('c001', 1), map.get(G(9_999), 1)]).toEqual([undefined, 7, undefined]);
    map.set(G(9_999), 5, 1);
    expect([map.get(G(9_999)), map.get(G(9_999), 1)]).toEqual([undefined, 5]);
  });
});
