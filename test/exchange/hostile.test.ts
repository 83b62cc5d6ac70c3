// Archives built to hurt: path traversal, zip bombs, entity expansion, external entities, and files that
// lie about themselves. Each is refused with the archive's name and the problem, and nothing is written.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { importQdpx } from '../../db/exchange/import-project';
import { importCodebook } from '../../db/exchange/codebook';
import { listCodes } from '../../db/codes';
import { isCommonplaceError } from '../../shared/errors';
import { cleanupTempDirs, newProject, tempDir } from '../helpers/project';
import { writeZip } from './helpers';

afterEach(cleanupTempDirs);

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const project = (body: string, attrs = '') =>
  `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"${attrs}>${body}</Project>`;
const source = (path: string, selections = '') =>
  `<Sources><TextSource guid="${G(1)}" name="a" plainTextPath="${path}">${selections}</TextSource></Sources>`;
const codebook = `<CodeBook><Codes><Code guid="${G(2)}" name="c" isCodable="true"/></Codes></CodeBook>`;

/** Imports `file` next to itself and returns the error, checking that the folder holds nothing new. */
async function refusal(file: string): Promise<Error> {
  const dir = dirname(file);
  const before = readdirSync(dir).sort();
  let error: unknown;
  try {
    await importQdpx(file, join(dir, 'out.commonplace'));
  } catch (e) {
    error = e;
  }
  expect(readdirSync(dir).sort()).toEqual(before);
  expect(isCommonplaceError(error)).toBe(true);
  expect((error as Error).message.startsWith(file)).toBe(true);
  return error as Error;
}

/** Offsets of central-directory records in a zip, to forge fields the writer would get right. */
function centralRecords(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) out.push(i);
  return out;
}

function forged(
  entries: Record<string, string | Uint8Array>,
  patch: (view: DataView, record: number) => void,
): string {
  const zip = zipSync(
    Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
  );
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  patch(view, centralRecords(zip)[0]!);
  const path = join(tempDir(), 'forged.qdpx');
  writeFileSync(path, zip);
  return path;
}

describe('hostile archives are refused, and nothing is written', () => {
  it.each([
    ['../evil.txt', 'climbs out of the archive with ".."'],
    ['sources/../../evil.txt', 'climbs out of the archive with ".."'],
    ['sources\\..\\..\\evil.txt', 'climbs out of the archive with ".."'],
    ['/etc/evil.txt', 'is an absolute path'],
    ['C:/Windows/evil.txt', 'is an absolute path with a drive letter'],
  ])('entry named %s', async (name, problem) => {
    const file = writeZip({ 'project.qde': project(''), [name]: 'x' });
    expect((await refusal(file)).message).toBe(
      `${file}: has an entry "${name}" that ${problem}; refusing the archive`,
    );
  });

  it('an entry whose declared size is over the limit', async () => {
    const file = writeZip({ 'project.qde': project(codebook) });
    let error: unknown;
    try {
      await importQdpx(file, join(dirname(file), 'out.commonplace'), { limits: { maxEntryBytes: 100 } });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toMatch(
      /has an entry "project\.qde" of \d+ bytes, more than the limit of 100$/,
    );
    expect(readdirSync(dirname(file))).toEqual([basename(file)]);
  });

  it('a zip bomb: an entry that expands thousands of times', async () => {
    const file = writeZip({ 'project.qde': project(' '.repeat(8 * 2 ** 20)) });
    expect((await refusal(file)).message).toMatch(
      /has an entry "project\.qde" that expands \d{4,} times \(a zip bomb\?\)$/,
    );
  });

  it('an entry that inflates to more than its declared size (the streaming check)', async () => {
    const file = forged({ 'project.qde': project(' '.repeat(200_000)) }, (v, r) =>
      v.setUint32(r + 24, 1000, true),
    );
    expect((await refusal(file)).message).toBe(
      `${file}: has an entry "project.qde" that inflates to more than its declared 1000 bytes (a zip bomb?)`,
    );
  });

  it('a damaged entry (checksum mismatch) and an encrypted one', async () => {
    const damaged = forged({ 'project.qde': project(codebook) }, (v, r) => v.setUint32(r + 16, 12345, true));
    expect((await refusal(damaged)).message).toBe(
      `${damaged}: has a damaged entry "project.qde" (checksum mismatch)`,
    );
    const locked = forged({ 'project.qde': project(codebook) }, (v, r) => v.setUint16(r + 8, 1, true));
    expect((await refusal(locked)).message).toMatch(
      /has an encrypted entry "project\.qde"; export it again without a password$/,
    );
  });

  it('"billion laughs" entity expansion', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>`;
    const file = writeZip({ 'project.qde': laughs });
    expect((await refusal(file)).message).toMatch(
      /project\.qde contains a DOCTYPE or ENTITY declaration; .* so the file is refused$/,
    );
  });

  it('an external entity (XXE)', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`;
    const file = writeZip({ 'project.qde': xxe });
    expect((await refusal(file)).message).toContain('contains a DOCTYPE or ENTITY declaration');
  });

  it('duplicate GUIDs', async () => {
    const body = `${codebook}<Sources><TextSource guid="{${G(2).toUpperCase()}}" name="a"><PlainTextContent>x</PlainTextContent></TextSource></Sources>`;
    const file = writeZip({ 'project.qde': project(body) });
    expect((await refusal(file)).message).toBe(
      `${file}: project.qde gives the GUID {${G(2).toUpperCase()}} to two elements (Code and TextSource); GUIDs must be unique, so references would be ambiguous`,
    );
  });

  it('a coding outside its text, however positions are counted', async () => {
    const sel = `<PlainTextSelection guid="${G(5)}" startPosition="2" endPosition="99"><Coding guid="${G(6)}"><CodeRef targetGUID="${G(2)}"/></Coding></PlainTextSelection>`;
    const file = writeZip({
      'project.qde': project(codebook + source('internal://a.txt', sel)),
      'sources/a.txt': 'short text',
    });
    expect((await refusal(file)).message).toBe(
      `${file}: selection ${G(5)} in source "a" runs from 2 to 99, outside its text (10 characters) however its positions are counted; refusing the file`,
    );
  });

  it('a missing source file, and a source path that tries to leave the sources folder', async () => {
    const missing = writeZip({ 'project.qde': project(source('internal://missing.txt')) });
    expect((await refusal(missing)).message).toBe(
      `${missing}: source "a" refers to "internal://missing.txt", but the archive has no sources/missing.txt`,
    );
    const sneaky = writeZip({ 'project.qde': project(source('internal://../project.qde')) });
    expect((await refusal(sneaky)).message).toBe(
      `${sneaky}: source "a" refers to "internal://../project.qde", which is not a plain file name inside the archive`,
    );
  });

  it('files that are not REFI-QDA projects at all', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.qdpx');
    writeFileSync(text, 'just text');
    expect((await refusal(text)).message).toBe(
      `${text}: is not a ZIP archive (a .qdpx file is a ZIP archive)`,
    );
    const noQde = writeZip({ 'sources/a.txt': 'x' });
    expect((await refusal(noQde)).message).toBe(
      `${noQde}: holds no project.qde, so it is not a REFI-QDA project file`,
    );
    const two = writeZip({ 'a.qde': project(''), 'b.qde': project('') });
    expect((await refusal(two)).message).toContain('holds 2 .qde files and none is named project.qde');
    const wrongRoot = writeZip({ 'project.qde': '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>' });
    expect((await refusal(wrongRoot)).message).toBe(
      `${wrongRoot}: project.qde has a <CodeBook> root, not a REFI-QDA <Project>`,
    );
    const broken = writeZip({ 'project.qde': '<Project name="x"><Users></Project>' });
    expect((await refusal(broken)).message).toMatch(/project\.qde is not well-formed XML \(line 1: /);
  });

  it('a failure halfway through writing the project leaves no temporary file behind', async () => {
    // Notes are read while the new project is being written; a binary note file fails there.
    const body = `${codebook}<Notes><Note guid="${G(7)}" name="n" plainTextPath="internal://n.txt"/></Notes>`;
    const file = writeZip({
      'project.qde': project(body),
      'sources/n.txt': new Uint8Array([0, 1, 2, 0, 0, 3]),
    });
    expect((await refusal(file)).message).toMatch(/\(sources\/n\.txt\): is not a text file/);
  });

  it('an existing project file is never overwritten', async () => {
    const file = writeZip({ 'project.qde': project(codebook) });
    const target = join(dirname(file), 'exists.commonplace');
    writeFileSync(target, 'precious');
    await expect(importQdpx(file, target)).rejects.toThrow(/a file already exists here/);
    expect(readdirSync(dirname(file)).sort()).toEqual([basename(target), basename(file)].sort());
  });

  it('a codebook with a DOCTYPE is refused and the codebook is left alone', async () => {
    const p = newProject();
    const file = join(tempDir(), 'evil.qdc');
    writeFileSync(
      file,
      `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${G(1)}" name="&x;" isCodable="true"/></Codes></CodeBook>`,
    );
    expect(() => importCodebook(p, file)).toThrow(/the codebook contains a DOCTYPE or ENTITY declaration/);
    expect(listCodes(p)).toEqual([]);
    expect(p.history.peekUndo()).toBeUndefined();
    p.close();
  });
});
