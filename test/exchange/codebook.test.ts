import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCode, listCodes } from '../../db/codes';
import { saveMemo } from '../../db/memos';
import {
  codebookFormats,
  exportCodebook,
  importCodebook,
  registerCodebookFormat,
} from '../../db/exchange/codebook';
import { exportQdpx } from '../../db/exchange/export-project';
import { cleanupTempDirs, newProject, tempDir } from '../helpers/project';
import { canValidate, CODEBOOK_XSD, schemaErrors } from './helpers';

afterEach(cleanupTempDirs);

function studyCodebook() {
  const p = newProject();
  const md = createCode(p, {
    name: 'Managerial domination',
    color: '#E6194B',
    description: 'Targets & audit\nover care',
  });
  createCode(p, { name: 'Targets', parentId: md, color: '#3CB44B' });
  createCode(p, { name: 'Secret caseloads', color: '#4363D8', description: '' });
  saveMemo(p, 'code', md, 'private analytic memo');
  return p;
}

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const qdc = (codes: string, sets = '') =>
  `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other"><Codes>${codes}</Codes>${sets}</CodeBook>`;
function writeQdc(xml: string): string {
  const file = join(tempDir(), 'in.qdc');
  writeFileSync(file, xml);
  return file;
}

describe('codebook export', () => {
  it('writes a .qdc with the tree, colours and descriptions, and no memos', async () => {
    const p = studyCodebook();
    const out = join(tempDir(), 'codebook.qdc');
    expect(exportCodebook(p, out)).toEqual({ codes: 3, format: '.qdc' });
    const xml = readFileSync(out, 'utf8');
    const guid = (name: string) =>
      listCodes(p)
        .find((c) => c.name === name)!
        .guid.toUpperCase();
    expect(xml).toContain(
      `<Code guid="${guid('Managerial domination')}" name="Managerial domination" isCodable="true" color="#E6194B">\n` +
        `      <Description>Targets &amp; audit\nover care</Description>\n` +
        `      <Code guid="${guid('Targets')}" name="Targets" isCodable="true" color="#3CB44B"/>`,
    );
    expect(xml).not.toContain('private analytic memo');
    expect(xml).not.toContain('NoteRef');
    if (canValidate) expect(schemaErrors(xml, CODEBOOK_XSD)).toBe('');
    p.close();
  });

  it('writes CSV through the shared formatter, refuses unknown extensions, and accepts new formats', async () => {
    const p = studyCodebook();
    const csv = join(tempDir(), 'codebook.csv');
    exportCodebook(p, csv);
    expect(readFileSync(csv, 'utf8')).toContain(
      '\nManagerial domination/Targets,Targets,Managerial domination,2,#3CB44B,,0',
    );
    expect(() => exportCodebook(p, join(tempDir(), 'codebook.pdf'))).toThrow(
      /Cannot write a codebook as "\.pdf"; use \.qdc, \.csv/,
    );
    registerCodebookFormat('.TXT', (codes) => codes.map((c) => c.path).join('\n'));
    expect(codebookFormats()).toContain('.txt');
    const txt = join(tempDir(), 'codebook.txt');
    exportCodebook(p, txt);
    expect(readFileSync(txt, 'utf8')).toBe(
      'Managerial domination\nManagerial domination/Targets\nSecret caseloads',
    );
    p.close();
  });

  it('refuses to write an empty .qdc, which the schema would reject', async () => {
    const p = newProject();
    expect(() => exportCodebook(p, join(tempDir(), 'x.qdc'))).toThrow(/The codebook is empty/);
    p.close();
  });
});

describe('codebook import (merge)', () => {
  it('matches by GUID, then by path; adds the rest; reports differences and keeps the project’s values', async () => {
    const p = studyCodebook();
    const md = listCodes(p).find((c) => c.name === 'Managerial domination')!;
    const file = writeQdc(
      qdc(
        // Same GUID, different colour and description: matched, conflicts reported.
        `<Code guid="${md.guid.toUpperCase()}" name="Managerial domination" isCodable="true" color="#000000">
           <Description>Another definition</Description>
           <Code guid="${G(1)}" name="targets" isCodable="true" color="#3CB44B"/>
           <Code guid="${G(2)}" name="Audit culture" isCodable="true" color="#abc"><Description>New one</Description></Code>
         </Code>
         <Code guid="${G(3)}" name="Secret caseloads" isCodable="true"><Description>Filled in</Description></Code>
         <Code guid="${G(4)}" name="Folder" isCodable="false"><Code guid="${G(5)}" name="Inside" isCodable="true"/></Code>`,
        `<Sets><Set guid="${G(9)}" name="s"><MemberCode guid="${G(2)}"/></Set></Sets>`,
      ),
    );
    const report = importCodebook(p, file);
    expect(report).toEqual({
      added: 3,
      matched: 3,
      described: 1,
      conflicts: [
        { code: 'Managerial domination', what: 'color', project: '#E6194B', file: '#000000' },
        {
          code: 'Managerial domination',
          what: 'description',
          project: 'Targets & audit\nover care',
          file: 'Another definition',
        },
      ],
      skipped: [
        { what: '1 code set(s)', why: 'Commonplace has no sets of codes' },
        {
          what: '"not codable" flag of 1 code(s)',
          why: 'every Commonplace code can be applied; they were treated as ordinary codes',
        },
      ],
    });
    expect(listCodes(p).map((c) => [c.path, c.color, c.description])).toEqual([
      ['Managerial domination', '#E6194B', 'Targets & audit\nover care'],
      ['Managerial domination/Targets', '#3CB44B', ''],
      ['Managerial domination/Audit culture', '#AABBCC', 'New one'],
      ['Secret caseloads', '#4363D8', 'Filled in'],
      ['Folder', expect.stringMatching(/^#/), ''],
      ['Folder/Inside', expect.stringMatching(/^#/), ''],
    ]);
    expect(listCodes(p).find((c) => c.name === 'Audit culture')!.guid).toBe(G(2));

    // One undoable step restores the codebook exactly.
    expect(p.history.peekUndo()!.label).toBe('Import codebook "in.qdc"');
    p.history.undo();
    expect(listCodes(p).map((c) => c.path)).toEqual([
      'Managerial domination',
      'Managerial domination/Targets',
      'Secret caseloads',
    ]);
    expect(listCodes(p).find((c) => c.name === 'Secret caseloads')!.description).toBe('');
    p.close();
  });

  it('reports a renamed or moved code matched by GUID, and records no step when nothing changes', async () => {
    const p = studyCodebook();
    const targets = listCodes(p).find((c) => c.name === 'Targets')!;
    const steps = p.db.prepare('SELECT count(*) FROM history_steps').pluck().get();
    const file = writeQdc(qdc(`<Code guid="{${targets.guid}}" name="KPIs" isCodable="true"/>`));
    expect(importCodebook(p, file)).toEqual({
      added: 0,
      matched: 1,
      described: 0,
      conflicts: [
        { code: 'Managerial domination/Targets', what: 'name', project: 'Targets', file: 'KPIs' },
        {
          code: 'Managerial domination/Targets',
          what: 'parent',
          project: 'Managerial domination/Targets',
          file: 'KPIs',
        },
      ],
      skipped: [],
    });
    expect(p.db.prepare('SELECT count(*) FROM history_steps').pluck().get()).toBe(steps);
    p.close();
  });

  it('round-trips through .qdc: exporting and re-importing into an empty project gives the same codebook', async () => {
    const p = studyCodebook();
    const out = join(tempDir(), 'cb.qdc');
    exportCodebook(p, out);
    const q = newProject();
    expect(importCodebook(q, out)).toMatchObject({ added: 3, matched: 0, conflicts: [] });
    const shape = (x: typeof p) =>
      listCodes(x).map(({ guid, path, color, description, position }) => ({
        guid,
        path,
        color,
        description,
        position,
      }));
    expect(shape(q)).toEqual(shape(p));
    expect(importCodebook(q, out)).toMatchObject({ added: 0, matched: 3, conflicts: [] });
    p.close();
    q.close();
  });

  it('takes the codebook out of a .qdpx too', async () => {
    const p = studyCodebook();
    const out = join(tempDir(), 'whole.qdpx');
    await exportQdpx(p, out);
    const q = newProject();
    expect(importCodebook(q, out)).toMatchObject({ added: 3 });
    expect(listCodes(q).map((c) => c.path)).toEqual(listCodes(p).map((c) => c.path));
    p.close();
    q.close();
  });
});
