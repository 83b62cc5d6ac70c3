import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cellText, excerptsToXlsx, MAX_CELL_CHARS, sheetName } from '../../db/reports/xlsx';
import { CODES, EXCERPTS, excerpt } from './fixtures';
import { xmlProblems } from './helpers';

const HEADER = [
  'Document',
  'Groups',
  'Speakers',
  'Code',
  'Code path',
  'Start',
  'End',
  'Text',
  'Context',
  'Memo',
  'Coder',
  'Created',
];
const OPTIONS = {
  title: 'Coded excerpts — Multi-agency study',
  projectName: 'Multi-agency study',
  date: '14 March 2025',
  filters: ['Group: Northgate'],
};

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer; the bytes are what matter.
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1);

describe('excerptsToXlsx', () => {
  let buffer: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    buffer = await excerptsToXlsx(EXCERPTS, CODES, { ...OPTIONS, sheetPerCode: true });
    wb = await read(buffer);
  });

  it('has the excerpts, a sheet per code in codebook order, the codebook and an About sheet', () => {
    expect(xmlProblems(buffer)).toEqual([]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Excerpts',
      'Managerial domination',
      'Targets',
      'Secret caseloads',
      'Little miracles',
      'Codebook',
      'About',
    ]);
    expect(wb.creator).toBe('Commonplace');
  });

  it('puts one excerpt per row with every field, numbers as numbers and the date as a date', () => {
    const ws = wb.getWorksheet('Excerpts')!;
    expect(rowValues(ws, 1)).toEqual(HEADER);
    expect(ws.rowCount).toBe(EXCERPTS.length + 1);
    const e = EXCERPTS[6]!;
    expect(rowValues(ws, 8)).toEqual(
      [
        'Eastbridge FG2 19 March',
        'Eastbridge; Pilot sites',
        'Facilitator; Zoë (Housing)',
        'Little miracles',
        'Little miracles',
        e.start,
        e.end,
        'Facilitator: What made that possible?\n\nZoë (Housing): Trust. An honest relationship with one worker who stayed.',
        e.context,
        null,
        'bob',
        new Date('2025-03-14T09:30:00.000Z'),
      ].map((v) => (v === null ? undefined : v)),
    );
    expect(ws.getCell('L2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws.getCell('J2').value).toBe(
      'Key quote for the paper — compare Eastbridge.\nAsk Sam whether police see the same.',
    );
    expect(ws.getCell('H2').value).toContain('😀');
  });

  it('freezes the header row, filters every column and wraps the long text columns', () => {
    for (const name of ['Excerpts', 'Targets']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toMatch(/^A1:L\d+$/);
      expect(ws.getCell('A1').font?.bold).toBe(true);
    }
    const ws = wb.getWorksheet('Excerpts')!;
    expect(ws.autoFilter).toBe('A1:L8');
    expect(ws.getColumn(8).width).toBeGreaterThanOrEqual(50);
    expect(ws.getColumn(6).width).toBeLessThan(12);
    expect(ws.getCell('H3').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // Rows are sized for their wrapped text (four lines here), as neither Excel nor LibreOffice re-fits on open.
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(60);
    expect(ws.getRow(4).height ?? 15).toBeLessThanOrEqual(35);
  });

  it('puts only that code’s excerpts on a code’s sheet', () => {
    const ws = wb.getWorksheet('Targets')!;
    expect(ws.rowCount).toBe(3);
    expect([2, 3].map((r) => ws.getCell(r, 5).value)).toEqual([
      'Managerial domination/Targets',
      'Managerial domination/Targets',
    ]);
  });

  it('has the codebook in tree order with the colour as a fill and as text', () => {
    const ws = wb.getWorksheet('Codebook')!;
    expect(rowValues(ws, 1)).toEqual(['Path', 'Name', 'Level', 'Colour', 'Description', 'Codings']);
    expect(rowValues(ws, 3)).toEqual([
      'Managerial domination/Targets',
      'Targets',
      2,
      '#F58231',
      'Numerical targets named as driving practice.\nInclude complaints about "the numbers".',
      3,
    ]);
    expect(ws.getColumn(1).values.slice(2)).toEqual([
      'Managerial domination',
      'Managerial domination/Targets',
      'Secret caseloads',
      'Little miracles',
      'Unused',
    ]);
    expect(ws.getCell('D3').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFF58231' },
    });
    // Dark text on the pale swatch, white on the dark one.
    expect(ws.getCell('D6').font?.color?.argb).toBe('FF000000');
    expect(ws.getCell('B3').alignment?.indent).toBe(1);
  });

  it('says on the About sheet what was exported and how it was filtered', () => {
    const ws = wb.getWorksheet('About')!;
    const about = Object.fromEntries(
      ws
        .getSheetValues()
        .slice(1)
        .map((r) => (r as ExcelJS.CellValue[]).slice(1)),
    );
    expect(about).toMatchObject({
      Title: 'Coded excerpts — Multi-agency study',
      Project: 'Multi-agency study',
      Date: '14 March 2025',
      Filters: 'Group: Northgate',
      Excerpts: 7,
      Codes: 4,
      Documents: 2,
    });
  });

  it('keeps text that looks like a formula as text', async () => {
    const got = await read(
      await excerptsToXlsx(
        [excerpt(3, { text: '=HYPERLINK("http://evil.example","x")', memo: '@SUM(A1)' })],
        CODES,
      ),
    );
    const ws = got.getWorksheet('Excerpts')!;
    expect(ws.getCell('H2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('H2').value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(ws.getCell('J2').type).toBe(ExcelJS.ValueType.String);
  });

  it('strips characters XML forbids and cuts text to Excel’s cell limit with a note', async () => {
    const long = 'Zoë: ' + 'on and on '.repeat(5000);
    const got = await excerptsToXlsx(
      [
        excerpt(3, {
          text: `A\u0000B\u0007C\u000BD\uD800E`,
          memo: long,
          code: 'Bad\u0001code',
          doc: 'Doc\u001F',
        }),
      ],
      [...CODES, { ...CODES[4]!, id: 77, name: 'X\u0002', path: 'X\u0002', description: 'd\uDFFF' }],
      { sheetPerCode: true, title: 'T\u0003' },
    );
    expect(xmlProblems(got)).toEqual([]);
    const ws = (await read(got)).getWorksheet('Excerpts')!;
    expect(ws.getCell('H2').value).toBe('ABC\nD\uFFFDE');
    const memo = ws.getCell('J2').value as string;
    expect(memo.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(memo).toMatch(/^Zoë: on and on/);
    expect(memo).toMatch(/ … \[cut: 50,005 characters in full\]$/);
    expect(cellText('😀'.repeat(20_000)).length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cellText('😀'.repeat(20_000))).not.toMatch(/[\uD800-\uDBFF] …/);
  });

  it('writes 2,000 excerpts, reporting progress', async () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      excerpt([1, 2, 3, 4][i % 4]!, { text: `Excerpt ${i}: targets again.` }),
    );
    const calls: [number, number][] = [];
    const got = await read(
      await excerptsToXlsx(many, CODES, { sheetPerCode: true, onProgress: (d, t) => calls.push([d, t]) }),
    );
    expect(got.getWorksheet('Excerpts')!.rowCount).toBe(2001);
    expect(got.getWorksheet('Little miracles')!.rowCount).toBe(501);
    expect(calls[0]).toEqual([0, 4000]);
    expect(calls[calls.length - 1]).toEqual([4000, 4000]);
    expect(calls.every(([d], i) => i === 0 || d > calls[i - 1]![0])).toBe(true);
  });

  it('can leave out the codebook, and works with no excerpts', async () => {
    const got = await read(await excerptsToXlsx([], CODES, { codebook: false }));
    expect(got.worksheets.map((w) => w.name)).toEqual(['Excerpts', 'About']);
    expect(got.getWorksheet('Excerpts')!.rowCount).toBe(1);
  });
});

describe('sheetName', () => {
  it('makes legal, unique names of at most 31 characters', () => {
    const used = new Set(['excerpts', 'codebook', 'about']);
    const names = [
      'What? [sic]: a/b*c\\d',
      'A very long code name that goes on well past the limit',
      'A very long code name that goes on well past the limit too',
      'Targets',
      'targets',
      'History',
      "'quoted'",
      '***',
      'Codebook',
      'Zoë’s 😀 code',
    ].map((n) => sheetName(n, used));
    expect(names).toEqual([
      'What sic a b c d',
      'A very long code name that goes',
      'A very long code name that (2)',
      'Targets',
      'targets (2)',
      'History (code)',
      'quoted',
      'Code',
      'Codebook (2)',
      'Zoë’s 😀 code',
    ]);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    }
  });

  it('never splits an emoji when cutting', () => {
    const name = sheetName('x'.repeat(30) + '😀😀', new Set());
    expect(name).toBe('x'.repeat(30));
  });
});
