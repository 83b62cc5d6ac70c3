import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject, tempDir } from '../helpers/project';
import {
  detectDelimiter,
  importAttributesCsv,
  importAttributesText,
  inferAttributeType,
} from '../../db/attribute-import';
import { listAttributeDefs, listAttributes, setAttribute } from '../../db/attributes';
import { expectNothingWritten, expectOneUndoableStep } from './undo';

afterEach(cleanupTempDirs);

function setup() {
  const p = newProject();
  addTextDocument(p, 'north', FOCUS_GROUP);
  addTextDocument(p, 'east', 'Priya: hello there\n\nJosé: hi\n');
  return p;
}

const rows = (p: ReturnType<typeof setup>) =>
  listAttributes(p).map((a) => [a.target, a.name, a.type, a.value]);

describe('attribute import from CSV', () => {
  it('infers each column type and writes everything as one undoable step', () => {
    const p = setup();
    const csv =
      'document,site,size,pilot,recorded,notes\nnorth,Northgate,12,yes,2026-03-12,first\neast,Eastbridge,7.5,FALSE,2026-04-01,007\n';
    const r = expectOneUndoableStep(p, () => importAttributesText(p, csv, 'document', 'docs.csv'));
    expect(r).toMatchObject({ scope: 'document', targets: 2, values: 10 });
    expect(listAttributeDefs(p).map((d) => [d.name, d.type])).toEqual([
      ['notes', 'text'],
      ['pilot', 'boolean'],
      ['recorded', 'date'],
      ['site', 'text'],
      ['size', 'number'],
    ]);
    expect(rows(p)).toContainEqual(['east', 'pilot', 'boolean', 'false']);
    expect(rows(p)).toContainEqual(['east', 'notes', 'text', '007']);
    expect(p.history.peekUndo()!.label).toBe('Import document attributes from docs.csv');
  });

  it('reads Excel files: BOM, CRLF, quoted line breaks, semicolons with decimal commas, blank rows', () => {
    const p = setup();
    const csv =
      '\uFEFFSpeaker;Role;Years;Notes\r\n"Sam (Police)";Police;3,5;"said ""yes""\r\nthen left"\r\n\r\nPriya;Probation;12;\r\n';
    const r = importAttributesText(p, csv, 'speaker', 'speakers.csv');
    expect(r.attributes).toEqual([
      { name: 'Role', type: 'text', created: true },
      { name: 'Years', type: 'number', created: true },
      { name: 'Notes', type: 'text', created: true },
    ]);
    expect(rows(p)).toEqual([
      ['Priya', 'Role', 'text', 'Probation'],
      ['Priya', 'Years', 'number', '12'],
      ['Sam (Police)', 'Notes', 'text', 'said "yes"\nthen left'],
      ['Sam (Police)', 'Role', 'text', 'Police'],
      ['Sam (Police)', 'Years', 'number', '3.5'],
    ]);
  });

  it('reads a Windows-1252 file from disk and accepts file names for documents', () => {
    const p = setup();
    const file = join(tempDir(), 'sites.csv');
    writeFileSync(file, iconv.encode('name,site\r\nnorth.txt,Caf\u00e9 Nord\r\n', 'windows-1252'));
    importAttributesCsv(p, file, 'document');
    expect(rows(p)).toEqual([['north', 'site', 'text', 'Café Nord']]);
  });

  it('refuses unknown names, naming the file, the rows and the names, and writes nothing', () => {
    const p = setup();
    const csv = 'document,site\nnorth,Northgate\nsouth,Southbay\n\nwest,Westfield\n';
    expectNothingWritten(
      p,
      () => importAttributesText(p, csv, 'document', 'docs.csv'),
      /^docs\.csv: Unknown document name\(s\): row 3: no document named "south"; row 5: no document named "west"\. Nothing was imported\.$/,
    );
  });

  it('refuses other problems with clear messages and writes nothing', () => {
    const p = setup();
    setAttribute(p, 'document', 1, 'size', '3', 'number');
    const bad: [string, RegExp][] = [
      [
        'document,size\nnorth,big\n',
        /Row 2, column "size": "big" does not fit the existing number attribute "size"/,
      ],
      ['document,site,Site\nnorth,a,b\n', /names "Site" twice/],
      ['document,,x\nnorth,a,b\n', /Column 2 has values but no attribute name/],
      ['document\nnorth\n', /must name the attributes/],
      ['document,site\nnorth,a\nNORTH,b\n', /Row 3 repeats "NORTH" \(already on row 2\)/],
      ['document,site\nnorth,"unclosed\n', /docs\.csv: is not valid CSV \(Quote Not Closed/],
      ['document,site\n,a\n', /Row 2 has values but no document name/],
    ];
    for (const [csv, message] of bad)
      expectNothingWritten(p, () => importAttributesText(p, csv, 'document', 'docs.csv'), message);
  });

  it('keeps the type of an existing attribute when the column fits it', () => {
    const p = setup();
    setAttribute(p, 'document', 1, 'code', 'A1');
    importAttributesText(p, 'document,code\nnorth,12\neast,,\n', 'document');
    expect(rows(p)).toEqual([['north', 'code', 'text', '12']]);
  });

  it('detects delimiters and infers types', () => {
    expect(detectDelimiter('a;b;"c,d,e"\n1,2,3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('name')).toBe(',');
    expect(inferAttributeType(['1', '-2.5', '', '1e3'])).toBe('number');
    expect(inferAttributeType(['3,5'])).toBe('text');
    expect(inferAttributeType(['3,5'], true)).toBe('number');
    expect(inferAttributeType(['Yes', 'no', 'TRUE'])).toBe('boolean');
    expect(inferAttributeType(['2026-01-31', '2024-02-29'])).toBe('date');
    expect(inferAttributeType(['2026-02-30'])).toBe('text');
    expect(inferAttributeType(['007', '12'])).toBe('text');
    expect(inferAttributeType([])).toBe('text');
  });
});
