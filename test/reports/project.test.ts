// The reports fed from a real project file, as the CLI will call them.
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import { createCode, listCodes } from '../../db/codes';
import { addCodings } from '../../db/codings';
import { queryExcerpts } from '../../db/excerpts';
import { codebookToDocx, writeExcerptReport, type ReportFormat } from '../../db/reports';
import { headings, paragraphs, xmlProblems } from './helpers';

afterEach(cleanupTempDirs);

const EASTBRIDGE = `Eastbridge community of practice

Facilitator: What does a good week look like?

Sam (Police): A week where nobody hides a secret caseload from the manager. Honestly, that's rare.

Zoë (Housing): For us it's the little miracles: a client who gets a tenancy and keeps it.
`;

function study() {
  const p = newProject('alice');
  const north = addTextDocument(p, 'Northgate 1', FOCUS_GROUP, ['Northgate']);
  const east = addTextDocument(p, 'Eastbridge 1', EASTBRIDGE, ['Eastbridge']);
  const md = createCode(p, {
    name: 'Managerial domination',
    description: 'Targets and audit crowd out care',
  });
  const targets = createCode(p, {
    name: 'Targets',
    parentId: md,
    description: 'Numbers named as driving practice',
  });
  const secret = createCode(p, { name: 'Secret caseloads' });
  const miracles = createCode(p, { name: 'Little miracles', description: 'Small unexpected successes' });
  const at = (text: string, phrase: string) => ({
    start: text.indexOf(phrase),
    end: text.indexOf(phrase) + phrase.length,
  });
  addCodings(p, [
    { documentId: north, codeId: targets, ...at(FOCUS_GROUP, 'the targets drive everything') },
    {
      documentId: north,
      codeId: secret,
      ...at(FOCUS_GROUP, "That's the secret caseload nobody reports."),
      memo: 'Emoji just before',
    },
    {
      documentId: east,
      codeId: secret,
      ...at(EASTBRIDGE, 'nobody hides a secret caseload from the manager'),
    },
    {
      documentId: north,
      codeId: miracles,
      ...at(
        FOCUS_GROUP,
        'We had a little miracle last month. He turned up to probation on his own.\n\nFacilitator: What made that possible?',
      ),
    },
    { documentId: east, codeId: miracles, ...at(EASTBRIDGE, "it's the little miracles") },
  ]);
  return p;
}

describe('reports from a project', () => {
  it.each<ReportFormat>(['docx', 'xlsx'])('writes %s from queryExcerpts and listCodes', async (format) => {
    const p = study();
    const excerpts = queryExcerpts(p, { contextChars: 40 });
    const codes = listCodes(p);
    p.close();
    const buffer = await writeExcerptReport(format, excerpts, codes, {
      title: 'Coded excerpts — study',
      projectName: 'study',
      filters: [],
      date: new Date('2025-03-14T12:00:00Z'),
    });
    expect(xmlProblems(buffer)).toEqual([]);
    if (format === 'docx') {
      const ps = paragraphs(buffer);
      expect(headings(ps).map((h) => h.text.slice(2))).toEqual([
        'Managerial domination',
        'Managerial domination / Targets',
        'Secret caseloads',
        'Little miracles',
      ]);
      const texts = ps.map((x) => x.text);
      expect(texts).toContain('Date: 14 March 2025');
      expect(texts).toContain('Numbers named as driving practice');
      expect(texts.some((t) => t.includes('Sam (Police): We had a little miracle last month.'))).toBe(true);
      // The second line of that excerpt, its context after it in the same paragraph.
      expect(
        texts.some((t) => t.startsWith('Facilitator: What made that possible? Zoë (Housing): Trust.')),
      ).toBe(true);
      expect(texts.some((t) => t.includes('Speakers: Sam (Police), Facilitator'))).toBe(true);
    } else {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet('Excerpts')!;
      expect(ws.rowCount).toBe(excerpts.length + 1);
      expect(ws.getCell('E2').value).toBe('Managerial domination/Targets');
      expect(ws.getCell('C2').value).toBe('Zoë (Housing)');
      expect(wb.getWorksheet('Codebook')!.rowCount).toBe(codes.length + 1);
    }
  });

  it('writes the codebook with the coding counts from the project', async () => {
    const p = study();
    const codes = listCodes(p);
    p.close();
    const ps = paragraphs(await codebookToDocx(codes, { projectName: 'study' }));
    expect(ps.map((x) => x.text)).toContain('Contents: 4 codes · 5 codings');
    expect(ps.map((x) => x.text)).toContain(
      'Managerial domination  ·  Colour #' + codes[0]!.color.slice(1) + '  ·  0 codings, 1 with sub-codes',
    );
  });

  it('refuses an unknown format', async () => {
    await expect(writeExcerptReport('pdf' as ReportFormat, [], [])).rejects.toThrow(
      /Unknown report format "pdf"/,
    );
  });
});
