// Word documents built here from XML, so each test states exactly which runs are bold.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource } from '../../db/import/read-source';
import { isCommonplaceError } from '../../shared/errors';
import {
  FIXTURES,
  bodyOf,
  checkTurnInvariants,
  labelOf,
  makeDocx,
  makeZipWithoutDocument,
  tempDir,
} from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

async function problemOf(file: string): Promise<string> {
  const error = await readSource(file).then(
    () => null,
    (e: unknown) => e,
  );
  if (!isCommonplaceError(error) || error.code !== 'bad-input')
    throw new Error(`expected bad input, got ${String(error)}`);
  return error.message.slice(file.length + 2);
}

describe('DOCX', () => {
  it('bold labels, one paragraph per line, soft breaks, € and accents', async () => {
    const file = tmp.write(
      'interview.docx',
      makeDocx([
        [{ b: 'Interview 7 — Leeds' }],
        ['Recorded 3 May; price quoted in €.'],
        [{ b: 'Interviewer:' }, ' How long have you lived here?'],
        [{ b: 'Zoë' }, ': Twelve years.\nBefore that, Lyon.'],
        ['It’s changed a lot.'],
        [],
        [{ b: 'Interviewer:' }, ' And the rent?'],
        [{ b: 'Zoë:' }, ' 450 € a month.'],
      ]),
    );
    const doc = await readSource(file);
    expect(doc).toMatchObject({ format: 'docx', encoding: 'docx' });
    expect(doc.text).toBe(
      [
        'Interview 7 — Leeds',
        'Recorded 3 May; price quoted in €.',
        'Interviewer: How long have you lived here?',
        'Zoë: Twelve years.',
        'Before that, Lyon.',
        'It’s changed a lot.',
        '',
        'Interviewer: And the rent?',
        'Zoë: 450 € a month.',
      ].join('\n'),
    );
    expect(doc.turns.map((t) => [t.speaker, labelOf(doc, t), bodyOf(doc, t)])).toEqual([
      ['Interviewer', 'Interviewer: ', 'How long have you lived here?'],
      ['Zoë', 'Zoë: ', 'Twelve years.\nBefore that, Lyon.\nIt’s changed a lot.'],
      ['Interviewer', 'Interviewer: ', 'And the rent?'],
      ['Zoë', 'Zoë: ', '450 € a month.'],
    ]);
    checkTurnInvariants(doc);
  });

  it('a bold label is trusted even when it appears once; a bold heading with a colon is not a label', async () => {
    const mono = await readSource(
      tmp.write(
        'mono.docx',
        makeDocx([[{ b: 'Key findings: housing' }], [{ b: 'Sam:' }, ' I grew up on this estate.']]),
      ),
    );
    expect(mono.turns.map((t) => [t.speaker, bodyOf(mono, t)])).toEqual([
      ['Sam', 'I grew up on this estate.'],
    ]);
    const plain = await readSource(tmp.write('plain.docx', makeDocx([['Sam: I grew up on this estate.']])));
    expect(plain.turns).toEqual([]);
  });

  it('a transcript laid out as a table with a speaker column', async () => {
    const file = tmp.write(
      'table.docx',
      makeDocx([
        ['Focus group 2'],
        {
          header: true,
          table: [
            ['Time', 'Speaker', 'Text'],
            ['00:00:05', 'Facilitator', 'Welcome.'],
            ['00:00:09', 'José', 'Thanks.'],
            ['00:01:02', 'Facilitator', 'Let us begin.'],
          ],
        },
      ]),
    );
    const doc = await readSource(file);
    expect(doc.text).toBe(
      'Focus group 2\nTime\tSpeaker\tText\n[00:00:05] Facilitator: Welcome.\n[00:00:09] José: Thanks.\n' +
        '[00:01:02] Facilitator: Let us begin.',
    );
    expect(doc.turns.map((t) => [t.speaker, t.time, bodyOf(doc, t)])).toEqual([
      ['Facilitator', 5, 'Welcome.'],
      ['José', 9, 'Thanks.'],
      ['Facilitator', 62, 'Let us begin.'],
    ]);
  });

  it('an ordinary table keeps its cells separated by tabs', async () => {
    const doc = await readSource(
      tmp.write(
        'demographics.docx',
        makeDocx([
          {
            table: [
              ['Age', '34'],
              ['Ward', 'North'],
            ],
          },
        ]),
      ),
    );
    expect(doc.text).toBe('Age\t34\nWard\tNorth');
    expect(doc.turns).toEqual([]);
  });

  it.skipIf(!existsSync(FIXTURES))('refuses fake, damaged and empty Word files', async () => {
    const asText = tmp.write('renamed.docx', 'Interviewer: this is really a text file\n');
    expect(await problemOf(asText)).toMatch(/not a Word document: it looks like a plain text file renamed/);
    const zip = tmp.write('archive.docx', makeZipWithoutDocument());
    expect(await problemOf(zip)).toBe(
      'is a ZIP archive but not a Word document (it has no word/document.xml)',
    );
    const real = readFileSync(path.join(FIXTURES, 'qualcoder_example_ID1.docx'));
    const truncated = tmp.write('truncated.docx', real.subarray(0, Math.floor(real.length / 2)));
    expect(await problemOf(truncated)).toMatch(
      /damaged or incomplete and cannot be opened as a Word document/,
    );
    const binary = tmp.write('binary.docx', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0xff]));
    expect(await problemOf(binary)).toMatch(/^is not a Word document/);
    const doc = tmp.write('old.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(await problemOf(doc)).toMatch(/old Word 97-2003/);
    const empty = tmp.write('empty.docx', makeDocx([[], ['   ']]));
    expect(await problemOf(empty)).toMatch(/contains no text/);
  });
});
