// readSource on files written byte for byte: encodings, line endings, Markdown, and every kind of
// file a researcher might pick by mistake.

import { chmodSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, SUPPORTED_EXTENSIONS, readSource } from '../../db/import/read-source';
import { isCommonplaceError } from '../../shared/errors';
import { bodyOf, checkTurnInvariants, labelOf, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

const INTERVIEW = 'Interviewer: Où habitez-vous ?\nZoë: À Montréal, près du café 😀.\nInterviewer: Merci.\n';

function utf16(text: string, endian: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const bytes = endian === 'le' ? le : le.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([Buffer.from(bom ? mark : []), bytes]);
}

describe('encodings and line endings', () => {
  it.each([
    ['utf-8', Buffer.from(INTERVIEW, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INTERVIEW, 'utf8')])],
    ['utf-16le', utf16(INTERVIEW, 'le')],
    ['utf-16be', utf16(INTERVIEW, 'be')],
  ])('%s', async (encoding, bytes) => {
    const doc = await readSource(tmp.write(`${encoding}.txt`, bytes));
    expect(doc.encoding).toBe(encoding);
    expect(doc.text).toBe(INTERVIEW);
    expect(doc.turns.map((t) => [t.speaker, bodyOf(doc, t)])).toEqual([
      ['Interviewer', 'Où habitez-vous ?'],
      ['Zoë', 'À Montréal, près du café 😀.'],
      ['Interviewer', 'Merci.'],
    ]);
  });

  it('UTF-16 without a byte-order mark is recognised by its zero bytes', async () => {
    const doc = await readSource(tmp.write('bomless16.txt', utf16(INTERVIEW, 'le', false)));
    expect(doc).toMatchObject({ encoding: 'utf-16le', text: INTERVIEW });
  });

  it('Windows-1252: accents and curly quotes, never mojibake', async () => {
    // "Zoë: It’s the “café” — 5€" in Windows-1252, with CRLF line endings.
    const bytes = Buffer.from([
      ...Buffer.from('Interviewer: Where?\r\nZo'), 0xeb, ...Buffer.from(': It'), 0x92, ...Buffer.from('s the '),
      0x93, ...Buffer.from('caf'), 0xe9, 0x94, 0x20, 0x97, ...Buffer.from(' 5'), 0x80, ...Buffer.from('\r\n'),
    ]); // prettier-ignore
    const doc = await readSource(tmp.write('legacy.txt', bytes));
    expect(doc.encoding).toBe('windows-1252');
    expect(doc.text).toBe('Interviewer: Where?\nZoë: It’s the “café” — 5€\n');
    expect(doc.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Zoë']);
  });

  it('CRLF and lone CR become LF; offsets refer to the LF text', async () => {
    const doc = await readSource(tmp.write('crlf.txt', 'Title\r\n\r\nP1: a\r\nb\rP2: c\r\n'));
    expect(doc.text).toBe('Title\n\nP1: a\nb\nP2: c\n');
    expect(doc.turns.map((t) => [labelOf(doc, t), bodyOf(doc, t)])).toEqual([
      ['P1: ', 'a\nb'],
      ['P2: ', 'c'],
    ]);
  });

  it('detectSpeakers: false keeps the text and returns no turns', async () => {
    const doc = await readSource(tmp.write('nodetect.txt', INTERVIEW), { detectSpeakers: false });
    expect(doc).toEqual({ text: INTERVIEW, format: 'txt', encoding: 'utf-8', turns: [] });
  });
});

describe('Markdown', () => {
  it('drops emphasis around labels only; offsets refer to the stored text', async () => {
    const md = [
      '# Interview 4',
      '',
      '**Interviewer:** What is *home* to you?',
      '',
      '**Niamh**: A place with **people**.',
      '',
      '**Note:** the recording cut out here.',
      '',
      '[00:04:10] __Interviewer:__ Go on.',
      '',
    ].join('\n');
    const doc = await readSource(tmp.write('interview.md', md));
    expect(doc.format).toBe('md');
    expect(doc.text).toBe(
      [
        '# Interview 4',
        '',
        'Interviewer: What is *home* to you?',
        '',
        'Niamh: A place with **people**.',
        '',
        '**Note:** the recording cut out here.',
        '',
        '[00:04:10] Interviewer: Go on.',
        '',
      ].join('\n'),
    );
    expect(doc.turns.map((t) => [t.speaker, labelOf(doc, t), bodyOf(doc, t), t.time])).toEqual([
      ['Interviewer', 'Interviewer: ', 'What is *home* to you?', null],
      ['Niamh', 'Niamh: ', 'A place with **people**.\n\n**Note:** the recording cut out here.', null],
      ['Interviewer', '[00:04:10] Interviewer: ', 'Go on.', 250],
    ]);
    checkTurnInvariants(doc);
  });

  it('a single bold label is trusted in Markdown, a plain one is not', async () => {
    const bold = await readSource(tmp.write('mono.md', 'Some intro.\n\n**Sam:** I grew up here.\n'));
    expect(bold.text).toBe('Some intro.\n\nSam: I grew up here.\n');
    expect(bold.turns.map((t) => t.speaker)).toEqual(['Sam']);
    const plain = await readSource(tmp.write('mono2.md', 'Some intro.\n\nSam: I grew up here.\n'));
    expect(plain.turns).toEqual([]);
  });
});

async function problemOf(file: string): Promise<string> {
  try {
    await readSource(file);
  } catch (e) {
    if (!isCommonplaceError(e)) throw e;
    expect(e.code).toBe('bad-input');
    expect(e.file).toBe(file);
    expect(e.message.startsWith(`${file}: `)).toBe(true);
    return e.message.slice(file.length + 2);
  }
  throw new Error(`${file} was accepted`);
}

describe('bad input is refused with a clear message', () => {
  it('empty and blank files', async () => {
    expect(await problemOf(tmp.write('empty.txt', ''))).toBe('is empty');
    expect(await problemOf(tmp.write('blank.txt', ' \n\r\n\t  \n'))).toMatch(/contains no text/);
    expect(await problemOf(tmp.write('blank16.txt', utf16('  \n  ', 'le')))).toMatch(/contains no text/);
    expect(await problemOf(tmp.write('bom-only.md', Buffer.from([0xef, 0xbb, 0xbf])))).toMatch(
      /contains no text/,
    );
  });

  it('binary files and files in other formats', async () => {
    const binary = Buffer.from([
      0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x0f, 0x76, 0x54, 0x49, 0x54,
    ]);
    expect(await problemOf(tmp.write('audio.txt', binary))).toMatch(
      /not a text file \(it contains binary data\)/,
    );
    const controls = Buffer.from(
      'P1: hello\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16 there',
    );
    expect(await problemOf(tmp.write('controls.srt', controls))).toMatch(/binary data/);
    expect(await problemOf(tmp.write('report.txt', '%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatch(/is a PDF file/);
    expect(await problemOf(tmp.write('old.txt', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])))).toMatch(
      /Word 97-2003/,
    );
    expect(await problemOf(tmp.write('utf32.txt', Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])))).toMatch(
      /UTF-32/,
    );
  });

  it('text in an unknown encoding', async () => {
    // 0x81 and 0x8D are unassigned in Windows-1252 (this is Windows-1251 Cyrillic, say).
    const bytes = Buffer.from([0x81, 0xe0, 0xe1, 0x8d, 0x20, 0x41]);
    expect(await problemOf(tmp.write('cyrillic.txt', bytes))).toMatch(
      /encoding we cannot recognise.*Save it as UTF-8/,
    );
    const badBom = Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]);
    expect(await problemOf(tmp.write('badbom.txt', badBom))).toMatch(/marked as UTF-8 but/);
    expect(await problemOf(tmp.write('odd16.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42])))).toMatch(
      /UTF-16/,
    );
  });

  it('a file over the size limit names the limit, and is not read', async () => {
    const file = tmp.write('huge.txt', '');
    truncateSync(file, MAX_SOURCE_BYTES + 1);
    expect(await problemOf(file)).toBe('is 52,428,801 bytes, larger than the 50 MB limit for one transcript');
    truncateSync(file, 73 * 1024 * 1024);
    expect(await problemOf(file)).toMatch(/^is 73 MB, larger than the 50 MB limit/);
  });

  it('a line over a million characters does not look like a transcript', async () => {
    const file = tmp.write('data.txt', `P1: ${'x'.repeat(1_000_001)}\n`);
    expect(await problemOf(file)).toBe(
      'has a line of more than 1,000,000 characters, so it does not look like a transcript',
    );
    await expect(readSource(tmp.write('ok.txt', 'y'.repeat(999_999)))).resolves.toMatchObject({ turns: [] });
  });

  it('unsupported or missing extensions name the supported ones', async () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.docx', '.vtt', '.srt']);
    expect(await problemOf(tmp.write('notes.pdf', 'hello'))).toBe(
      '".pdf" files are not supported. Supported formats: .txt, .md, .docx, .vtt, .srt',
    );
    expect(await problemOf(tmp.write('README', 'hello'))).toMatch(
      /^has no file extension.*Supported formats: \.txt/,
    );
  });

  it('missing files and folders', async () => {
    expect(await problemOf(path.join(tmp.dir, 'nope.txt'))).toBe(
      'cannot be found. It may have been moved, renamed or deleted',
    );
    const folder = path.join(tmp.dir, 'folder.txt');
    mkdirSync(folder);
    expect(await problemOf(folder)).toMatch(/^is a folder, not a file/);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const file = tmp.write('locked.txt', 'P1: secret\nP2: yes\n');
    chmodSync(file, 0o000);
    expect(await problemOf(file)).toBe('cannot be opened: permission denied');
  });

  it('subtitle files without cues', async () => {
    expect(await problemOf(tmp.write('empty.vtt', 'WEBVTT\n\nNOTE nothing here\n'))).toMatch(
      /contains no WebVTT subtitles/,
    );
    expect(await problemOf(tmp.write('prose.srt', 'This is just a paragraph of text.\n'))).toMatch(
      /contains no SRT subtitles/,
    );
    writeFileSync(path.join(tmp.dir, 'blank-cues.srt'), '1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n');
    expect(await problemOf(path.join(tmp.dir, 'blank-cues.srt'))).toMatch(/contains no text/);
  });
});
