// Opens the reports in a real office suite: LibreOffice converts them to PDF and the PDF text must
// hold the headings, the excerpts and non-ASCII names. Skipped on a developer machine without
// LibreOffice; when CI is set it must run, so a missing install fails loudly instead of hiding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codebookToDocx } from '../../db/reports/codebook-docx';
import { excerptsToDocx } from '../../db/reports/docx';
import { excerptsToXlsx } from '../../db/reports/xlsx';
import { cleanupTempDirs } from '../helpers/project';
import { CODES, DEEP_CODES, EXCERPTS, excerpt } from './fixtures';
import { convertToPdfText, findSoffice, hasPdftotext } from './helpers';

const soffice = findSoffice();
const INSTALL =
  'apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils';
const skip = !soffice && !process.env.CI;
if (skip) console.warn(`Skipping the LibreOffice round trip: libreoffice is not installed (${INSTALL}).`);

const OPTIONS = {
  title: 'Coded excerpts — Multi-agency study',
  projectName: 'Multi-agency study',
  date: '14 March 2025',
  filters: ['Groups: Northgate, Eastbridge'],
};
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(skip)(`LibreOffice round trip${soffice ? '' : ' (libreoffice not installed)'}`, () => {
  let pdf: Record<string, string> = {};
  // Each test reads its PDF through this, so a missing tool fails every test rather than skipping it.
  const pdfText = (name: string) => {
    const t = pdf[name];
    if (t === undefined)
      throw new Error(`No PDF for ${name}: LibreOffice or pdftotext is missing (${INSTALL}).`);
    return t;
  };
  beforeAll(async () => {
    if (!soffice || !hasPdftotext()) return;
    const nasty = excerpt(3, {
      text: 'Before\u0000\u0001\u000B after\uD800 end',
      memo: 'memo\u001F',
      before: '',
      after: '',
    });
    pdf = convertToPdfText(soffice, {
      'report.docx': await excerptsToDocx(EXCERPTS, { ...OPTIONS, codes: CODES }),
      'bare.docx': await excerptsToDocx([...EXCERPTS, nasty], { ...OPTIONS, context: false }),
      'codebook.docx': await codebookToDocx(DEEP_CODES, {
        projectName: 'Multi-agency study',
        date: '14 March 2025',
      }),
      'workbook.xlsx': await excerptsToXlsx(EXCERPTS, CODES, { ...OPTIONS, sheetPerCode: true }),
    });
  }, 180_000);
  afterAll(cleanupTempDirs);

  it('has LibreOffice and pdftotext (required when CI is set)', () => {
    expect(soffice, `libreoffice is not installed; run: ${INSTALL}`).toBeTruthy();
    expect(hasPdftotext(), `pdftotext is not installed; run: ${INSTALL}`).toBe(true);
  });

  it('renders the excerpt report with its header, headings, quotes, sources and memos', () => {
    const text = pdfText('report.docx');
    for (const s of [
      'Coded excerpts — Multi-agency study',
      'Filters: Groups: Northgate, Eastbridge',
      'Managerial domination / Targets',
      'Secret caseloads',
      'Little miracles',
      'Numerical targets named as driving practice.',
      'Honestly the targets drive everything. My manager counts tenancies sustained, not people helped.',
      'Sam (Police): They matter more than the people, if I am honest.',
      "That's the secret caseload nobody reports.",
      'Zoë (Housing): Trust. An honest relationship with one worker who stayed.',
      'Speakers: Facilitator, Zoë (Housing)',
      'Key quote for the paper — compare Eastbridge.',
      'Page 1 of',
    ]) {
      expect(text).toContain(flat(s));
    }
  });

  it('opens a report built from text full of illegal XML characters', () => {
    const text = pdfText('bare.docx');
    expect(text).toContain('Before');
    expect(text).toContain('after\uFFFD end');
    expect(text).not.toContain('keep coming back to this');
  });

  it('renders the codebook with headings, hex colours and definitions', () => {
    const text = pdfText('codebook.docx');
    for (const s of [
      'Codebook',
      'Overview',
      'Daily quota',
      '#F58231',
      '#000075',
      'Work done off the books',
      'No description yet.',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('renders the workbook', () => {
    const text = pdfText('workbook.xlsx');
    for (const s of [
      'Code path',
      'Zoë (Housing)',
      'Secret caseloads',
      'Managerial domination/Targets',
      '#4363D8',
      'alice',
    ]) {
      expect(text).toContain(s);
    }
  });
});
