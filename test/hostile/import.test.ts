// Hostile and broken input for import: every bad file gets a clear error that names it and says what
// is wrong, nothing is written to the project, and nothing crashes or exhausts memory. Each case runs
// twice: from a path (CLI, native dialog) and from bytes (a file dropped into the app).

import { openSync, closeSync, ftruncateSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import type { Project } from '../../db/project';
import { importFiles, importSources } from '../../db/import/import-files';
import { MAX_LINE_CHARS, MAX_SOURCE_BYTES } from '../../db/import/read-source';
import { zipProblem } from '../../db/import/zip-guard';
import { checkProject } from '../../db/check';
import { projectStats } from '../../db/stats';
import { listDocuments } from '../../db/documents';
import { isCommonplaceError } from '../../shared/errors';
import { cleanupTempDirs, newProject } from '../helpers/project';
import { makeDocx, tempDir as importTempDir } from '../import/helpers';
import { buildZip, deflated, deflatedZeros, docxWith } from './zips';

const tmp = importTempDir();
let project: Project;
beforeAll(() => {
  project = newProject();
});
afterAll(() => {
  project.close();
  cleanupTempDirs();
  tmp.remove();
});

const snapshot = (p: Project) => ({
  stats: projectStats(p),
  steps: p.db.prepare('SELECT count(*) FROM history_steps').pluck().get(),
});

async function problemOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!isCommonplaceError(error)) throw new Error(`expected a Commonplace error, got ${String(error)}`);
  expect(error.code).toBe('bad-input');
  return error.message;
}

/** Imports `bytes` as `name` both ways; both must fail naming the file and `problem`, changing nothing. */
async function expectRefused(name: string, bytes: Uint8Array, problem: RegExp): Promise<void> {
  const before = snapshot(project);
  const file = tmp.write(name, bytes);
  const fromPath = await problemOf(() => importFiles(project, [file]));
  expect(fromPath).toContain(file);
  expect(fromPath).toMatch(problem);
  const fromBytes = await problemOf(() => importSources(project, [{ name, data: bytes }]));
  expect(fromBytes).toContain(name);
  expect(fromBytes).toMatch(problem);
  expect(snapshot(project)).toEqual(before);
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const GOOD = 'Facilitator: Welcome back.\n\nSam (Police): We had a little miracle last month.\n';

describe('hostile text files', () => {
  it('empty, blank and binary files', async () => {
    await expectRefused('empty.txt', new Uint8Array(), /is empty/);
    await expectRefused('blank.txt', utf8(' \n\t\n  \r\n'), /contains no text/);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]);
    await expectRefused('photo.txt', png, /not a text file \(it contains binary data\)/);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expectRefused('noise.txt', noise, /not a text file|text encoding we cannot recognise/);
    await expectRefused('scan.txt', utf8('%PDF-1.7\n...'), /is a PDF file/);
  });

  it(`a 5 MB single line (over the ${MAX_LINE_CHARS.toLocaleString('en')}-character line limit)`, async () => {
    await expectRefused(
      'minified.txt',
      utf8(`Sam: ${'a'.repeat(5 * 1024 * 1024)}`),
      /has a line of more than 1,000,000 characters/,
    );
  });

  it('a file over the size limit is refused before it is read', async () => {
    const before = snapshot(project);
    const file = tmp.write('huge.txt', '');
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, MAX_SOURCE_BYTES + 1); // sparse: no 50 MB written to disk
    closeSync(fd);
    const message = await problemOf(() => importFiles(project, [file]));
    expect(message).toContain(`${file}: is`);
    expect(message).toMatch(/larger than the 50 MB limit/);
    const bytes = await problemOf(() =>
      importSources(project, [{ name: 'huge.txt', data: new Uint8Array(MAX_SOURCE_BYTES + 1) }]),
    );
    expect(bytes).toMatch(/huge\.txt.*larger than the 50 MB limit/);
    expect(snapshot(project)).toEqual(before);
  });

  it('invalid UTF-8 falls back to Windows-1252, and is refused when it is not that either', async () => {
    // 0x92 is a curly apostrophe in Windows-1252: the usual "saved in Word on an old PC" file.
    const cp1252 = Buffer.concat([utf8('Sam: It'), Buffer.from([0x92]), utf8('s changed.\n')]);
    const result = await importSources(project, [{ name: 'old-pc.txt', data: cp1252 }]);
    expect(result.imported[0]).toMatchObject({ encoding: 'windows-1252' });
    expect(listDocuments(project).find((d) => d.name === 'old-pc')).toMatchObject({
      encoding: 'windows-1252',
    });
    // 0x81 and 0x8D are unassigned in Windows-1252: some other encoding, so refuse rather than guess.
    await expectRefused(
      'unknown.txt',
      Buffer.concat([utf8('Sam: caf'), Buffer.from([0x81, 0x8d]), utf8('\n')]),
      /text encoding we cannot recognise/,
    );
  });

  it('mislabelled encodings: a BOM that does not match the bytes', async () => {
    const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);
    await expectRefused(
      'utf8-bom.txt',
      withBom([0xef, 0xbb, 0xbf], Buffer.from([0x53, 0x61, 0x6d, 0x3a, 0x20, 0x92, 0x0a])),
      /marked as UTF-8 but contains bytes that are not valid UTF-8/,
    );
    // Odd length: cannot be UTF-16 at all.
    await expectRefused('utf16-odd.txt', withBom([0xff, 0xfe], utf8('Sam: hello there\n')), /UTF-16/);
    await expectRefused(
      'utf32.txt',
      withBom([0xff, 0xfe, 0, 0], Buffer.alloc(16)),
      /UTF-32, which is not supported/,
    );
  });

  it('mislabelled encodings: a UTF-16 BOM on UTF-8 text is not imported as mojibake', async () => {
    const body = utf8('Facilitator: Welcome back, everyone!\n\n');
    expect(body.length % 2).toBe(0);
    await expectRefused('utf16-on-utf8.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), body]), /UTF-16/);
  });

  it('a genuine UTF-16 file still imports', async () => {
    const data = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(GOOD.replace('Sam', 'Zoë'), 'utf16le'),
    ]);
    const result = await importSources(project, [{ name: 'utf16.txt', data }]);
    expect(result.imported[0]).toMatchObject({
      encoding: 'utf-16le',
      speakers: ['Facilitator', 'Zoë (Police)'],
    });
  });
});

describe('hostile Word files', () => {
  let bomb: Uint8Array;
  beforeAll(() => {
    bomb = deflatedZeros(210); // ~210 KB that inflates to 210 MB
  }, 60_000);

  it('truncated, fake and foreign DOCX files', async () => {
    const real = makeDocx([[{ b: 'Sam:' }, ' hello']]);
    await expectRefused('cut.docx', real.subarray(0, Math.floor(real.length / 2)), /damaged or incomplete/);
    await expectRefused('notes.docx', utf8(GOOD), /plain text file renamed to \.docx/);
    await expectRefused(
      'old.docx',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      /Word 97-2003/,
    );
    await expectRefused(
      'archive.docx',
      buildZip([deflated('readme.txt', 'hello')]),
      /has no word\/document\.xml/,
    );
    const garbled = docxWith({
      ...deflated('word/document.xml', '<w:document/>'),
      data: Buffer.from('not deflate data at all!'),
    });
    await expectRefused('garbled.docx', garbled, /damaged or incomplete/);
  });

  it('a real compressed DOCX passes the guard and imports', async () => {
    const stored = unzipSync(
      makeDocx([
        [{ b: 'Sam:' }, ' hello there'],
        [{ b: 'Jo:' }, ' hi'],
      ]),
    );
    const compressed = zipSync(stored, { level: 6 });
    expect(zipProblem(compressed)).toBeNull();
    const result = await importSources(project, [{ name: 'real.docx', data: compressed }]);
    expect(result.imported[0]).toMatchObject({ format: 'docx', speakers: ['Sam', 'Jo'] });
  });

  it('a zip bomb that states its size is refused before anything is unpacked', async () => {
    const started = Date.now();
    await expectRefused(
      'bomb.docx',
      docxWith({ name: 'word/document.xml', data: bomb, method: 8, statedSize: 210 * 1024 * 1024 }),
      /word\/document\.xml would unpack to more than 200 MB/,
    );
    expect(Date.now() - started).toBeLessThan(20_000); // generous: only proves it did not inflate 210 MB twice
  });

  it('a zip bomb that lies about its size is stopped as soon as it exceeds what it stated', async () => {
    const small = docxWith({ name: 'word/document.xml', data: bomb, method: 8, statedSize: 4096 });
    await expectRefused('liar.docx', small, /unpacks to more than its stated size/);
    const ratio = docxWith({
      name: 'word/document.xml',
      data: bomb,
      method: 8,
      statedSize: 150 * 1024 * 1024,
    });
    await expectRefused('ratio.docx', ratio, /compressed more than 100 to 1/);
  });

  it('an archive of thousands of tiny files is refused', async () => {
    const many = buildZip(Array.from({ length: 12_000 }, (_, i) => deflated(`x/${i}.xml`, 'a')));
    await expectRefused('many.docx', many, /holds 12,000 files/);
  });

  it('nothing was written by any refused import', () => {
    const names = listDocuments(project)
      .map((d) => d.name)
      .sort();
    expect(names).toEqual(['old-pc', 'real', 'utf16']);
    expect(checkProject(project)).toEqual({ ok: true, findings: [] });
    expect(readFileSync(project.path).length).toBeGreaterThan(0);
  });
});
