// Coded excerpts as an Excel workbook for sorting, filtering and pivoting: one row per excerpt with
// every field, optionally a sheet per code, the codebook, and an About sheet saying what was exported.
import ExcelJS from 'exceljs';
import type { CodeInfo, Excerpt } from '../../shared/types';
import { treeOrder } from '../../shared/export/codebook';
import { countDistinct } from '../../shared/export/group';
import {
  filtersLine,
  hexColor,
  inkOn,
  orderedGroups,
  progressReporter,
  reportDate,
  xmlSafe,
  type ReportOptions,
} from './common';

export interface XlsxReportOptions extends ReportOptions {
  /** Also a sheet per code holding only that code's excerpts. Default false. */
  sheetPerCode?: boolean;
  /** Include the codebook as a sheet. Default true. */
  codebook?: boolean;
}

type Value = string | number | Date | null;

interface ColumnSpec {
  header: string;
  width: number;
  wrap?: boolean;
  numFmt?: string;
  value: (e: Excerpt) => Value;
}

// Excel refuses a cell longer than this, and reports the whole file as damaged.
export const MAX_CELL_CHARS = 32_767;

/** Text made safe for a cell: legal XML, and cut (with a note saying so) to Excel's cell limit. */
export function cellText(text: string | null | undefined): string {
  const safe = xmlSafe(text);
  if (safe.length <= MAX_CELL_CHARS) return safe;
  const note = ` … [cut: ${safe.length.toLocaleString('en')} characters in full]`;
  let end = MAX_CELL_CHARS - note.length;
  if (/[\uD800-\uDBFF]/.test(safe[end - 1]!)) end--;
  return safe.slice(0, end) + note;
}

// An empty cell rather than an empty string, so the filter menu offers "(Blanks)".
const orBlank = (text: string | null | undefined): Value => cellText(text) || null;

function created(iso: string): Value {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? cellText(iso) : d;
}

const COLUMNS: ColumnSpec[] = [
  { header: 'Document', width: 24, wrap: true, value: (e) => orBlank(e.doc) },
  { header: 'Groups', width: 16, wrap: true, value: (e) => orBlank(e.groups.join('; ')) },
  { header: 'Speakers', width: 22, wrap: true, value: (e) => orBlank(e.speakers.join('; ')) },
  { header: 'Code', width: 20, wrap: true, value: (e) => orBlank(e.code) },
  { header: 'Code path', width: 30, wrap: true, value: (e) => orBlank(e.path) },
  { header: 'Start', width: 8, value: (e) => e.start },
  { header: 'End', width: 8, value: (e) => e.end },
  { header: 'Text', width: 70, wrap: true, value: (e) => orBlank(e.text) },
  { header: 'Context', width: 70, wrap: true, value: (e) => orBlank(e.context) },
  { header: 'Memo', width: 40, wrap: true, value: (e) => orBlank(e.memo) },
  { header: 'Coder', width: 12, value: (e) => orBlank(e.coder) },
  // Stored as a date so it sorts and filters as one; Excel dates have no zone, so this is UTC.
  { header: 'Created', width: 17, numFmt: 'yyyy-mm-dd hh:mm', value: (e) => created(e.createdAt) },
];

const HEADER_FILL = 'FFE9ECEF';
// A font given without a name falls back to the application's default, a serif in LibreOffice.
const FONT = { name: 'Calibri', size: 11 };
const LINE_POINTS = 15;
const MAX_ROW_POINTS = 409;

/**
 * Sets a row tall enough for its wrapped text. Neither Excel nor LibreOffice reliably re-fits rows
 * when opening a file, so without this a multi-line excerpt shows as one clipped line. Width is in
 * characters of '0'; prose averages about one character per unit once word wrapping is allowed for.
 */
function fitRow(row: ExcelJS.Row, columns: Omit<ColumnSpec, 'value'>[]): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const spec = columns[col - 1];
    if (!spec?.wrap || typeof cell.value !== 'string') return;
    const perLine = Math.max(1, Math.floor(spec.width));
    const n = cell.value.split('\n').reduce((sum, l) => sum + Math.max(1, Math.ceil(l.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  if (lines > 1) row.height = Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 3);
}

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Omit<ColumnSpec, 'value'>[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: { alignment: { vertical: 'top', wrapText: !!c.wrap }, ...(c.numFmt ? { numFmt: c.numFmt } : {}) },
  }));
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.style = {
      font: { ...FONT, bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
      alignment: { vertical: 'middle' },
      border: { bottom: { style: 'thin', color: { argb: 'FFADB5BD' } } },
    };
  });
  return ws;
}

function finishSheet(ws: ExcelJS.Worksheet, columns: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(ws.rowCount, 1), column: columns } };
}

const RESERVED_SHEETS = ['Excerpts', 'Codebook', 'About'];

/**
 * A legal, unique worksheet name: at most 31 characters, none of []:*?/\, no apostrophe at either
 * end, not Excel's reserved "History", and unique ignoring case (Excel's rule), numbered on clashes.
 */
export function sheetName(raw: string, used: Set<string>): string {
  let base = xmlSafe(raw)
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s']+|[\s']+$/g, '');
  if (!base) base = 'Code';
  if (base.toLowerCase() === 'history') base += ' (code)';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    let head = base.slice(0, 31 - suffix.length);
    if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
    const name = head.replace(/[\s']+$/, '') + suffix;
    if (name && !used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

const CODEBOOK_COLUMNS = [
  { header: 'Path', width: 36, wrap: true },
  { header: 'Name', width: 28, wrap: true },
  { header: 'Level', width: 7 },
  { header: 'Colour', width: 10 },
  { header: 'Description', width: 70, wrap: true },
  { header: 'Codings', width: 9 },
];

function codebookSheet(wb: ExcelJS.Workbook, codes: CodeInfo[]): void {
  const ws = addSheet(wb, 'Codebook', CODEBOOK_COLUMNS);
  for (const { code, depth } of treeOrder(codes)) {
    const hex = hexColor(code.color);
    const row = ws.addRow([
      cellText(code.path),
      cellText(code.name),
      depth + 1,
      `#${hex}`,
      cellText(code.description),
      code.codings,
    ]);
    row.getCell(2).alignment = { vertical: 'top', wrapText: true, indent: Math.min(depth, 15) };
    // The fill is the swatch; the hex stays in the cell as text, in black or white for contrast.
    const swatch = row.getCell(4);
    swatch.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex}` } };
    swatch.font = { ...FONT, color: { argb: `FF${inkOn(hex)}` } };
    fitRow(row, CODEBOOK_COLUMNS);
  }
  finishSheet(ws, 6);
}

function aboutSheet(
  wb: ExcelJS.Workbook,
  excerpts: Excerpt[],
  options: XlsxReportOptions,
  title: string,
): void {
  const ws = wb.addWorksheet('About');
  ws.columns = [
    { width: 14, style: { font: { ...FONT, bold: true }, alignment: { vertical: 'top' } } },
    { width: 80, style: { alignment: { vertical: 'top', wrapText: true } } },
  ];
  const rows: [string, Value][] = [
    ['Title', cellText(title)],
    ['Project', cellText(options.projectName ?? '')],
    ['Date', reportDate(options.date)],
    ['Filters', cellText(filtersLine(options.filters))],
    ['Excerpts', excerpts.length],
    ['Codes', countDistinct(excerpts, (e) => e.path)],
    ['Documents', countDistinct(excerpts, (e) => e.doc)],
    ['Created by', 'Commonplace'],
  ];
  for (const r of rows) ws.addRow(r);
}

export async function excerptsToXlsx(
  excerpts: Excerpt[],
  codes: CodeInfo[],
  options: XlsxReportOptions = {},
): Promise<Buffer> {
  const title = options.title ?? 'Coded excerpts';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Commonplace';
  wb.title = cellText(title);
  wb.created = options.date instanceof Date ? options.date : new Date();

  const groups = options.sheetPerCode ? orderedGroups(excerpts, codes) : [];
  const progress = progressReporter(excerpts.length * (groups.length ? 2 : 1), options.onProgress);
  let done = 0;
  const fill = async (ws: ExcelJS.Worksheet, rows: Excerpt[]) => {
    for (const e of rows) {
      await progress.tick(done++);
      fitRow(ws.addRow(COLUMNS.map((c) => c.value(e))), COLUMNS);
    }
    finishSheet(ws, COLUMNS.length);
  };

  await fill(addSheet(wb, 'Excerpts', COLUMNS), excerpts);
  const used = new Set(RESERVED_SHEETS.map((s) => s.toLowerCase()));
  for (const g of groups) await fill(addSheet(wb, sheetName(g.code, used), COLUMNS), g.excerpts);
  if (options.codebook ?? true) codebookSheet(wb, codes);
  aboutSheet(wb, excerpts, options, title);

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  progress.finish();
  return buffer;
}
