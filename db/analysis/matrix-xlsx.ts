// The code matrix as an Excel workbook: the table as on screen (heat fills, totals in bold, numbers as
// numbers so they can be charted) and an About sheet saying what was counted and how it was filtered.
import ExcelJS from 'exceljs';
import type { MatrixResult } from './matrix';
import { heatScale } from '../../shared/charts/heat-scale';
import { cellText } from '../reports/xlsx';
import { reportDate, filtersLine } from '../reports/common';

export interface MatrixXlsxOptions {
  projectName: string;
  /** What the cells count, in words ("Codings", "% of the column's words"). */
  measure: string;
  /** What the columns are ("Document groups", "Speaker attribute: role"). */
  columns: string;
  subcodes: boolean;
  filters: string[];
  date?: Date | string;
}

const FONT = { name: 'Calibri', size: 11 };
const HEADER_FILL = 'FFE9ECEF';
const isPercent = (m: MatrixResult) => m.measure.endsWith('percent');

export async function matrixToXlsx(m: MatrixResult, o: MatrixXlsxOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Commonplace';
  const ws = wb.addWorksheet('Matrix', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const numFmt = isPercent(m) ? '0.0' : '#,##0';
  ws.columns = [
    { width: Math.min(60, Math.max(24, ...m.rows.map((r) => r.path.length + 2))) },
    ...m.cols.map((c) => ({ width: Math.min(28, Math.max(10, c.label.length + 2)) })),
    { width: 10 },
  ];
  const header = ws.addRow(['Code', ...m.cols.map((c) => cellText(c.label)), 'Total']);
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'bottom', wrapText: true };
  });
  const heat = heatScale(m.cells);
  m.rows.forEach((r, i) => {
    const cells = m.cells[i]!;
    const row = ws.addRow([cellText(r.path), ...cells, m.rowTotals[i]!]);
    row.getCell(1).alignment = { indent: Math.min(r.depth * 2, 15) };
    cells.forEach((v, c) => {
      const cell = row.getCell(c + 2);
      const h = heat(v);
      cell.numFmt = numFmt;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${h.background.slice(1)}` } };
      cell.font = { ...FONT, color: { argb: `FF${h.text.slice(1)}` } };
    });
    const total = row.getCell(cells.length + 2);
    total.numFmt = numFmt;
    total.font = { ...FONT, bold: true };
  });
  const totals = ws.addRow(['Total', ...m.colTotals, m.total]);
  totals.eachCell((cell, col) => {
    cell.font = { ...FONT, bold: true };
    cell.border = { top: { style: 'thin', color: { argb: 'FF57606A' } } };
    if (col > 1) cell.numFmt = numFmt;
  });

  const about = wb.addWorksheet('About');
  about.columns = [
    { width: 16, style: { font: { ...FONT, bold: true }, alignment: { vertical: 'top' } } },
    { width: 80, style: { alignment: { vertical: 'top', wrapText: true } } },
  ];
  const rows: [string, string | number][] = [
    ['Project', cellText(o.projectName)],
    ['Date', reportDate(o.date)],
    ['Rows', o.subcodes ? 'Codes, with sub-codes rolled up into their parents' : 'Codes'],
    ['Columns', cellText(o.columns)],
    ['Cells', cellText(o.measure)],
    ['Filters', cellText(filtersLine(o.filters).replace('None (all coded excerpts)', 'None'))],
    ['Totals', 'Counted over everything in the row or column, not summed from the cells'],
    ['Created by', 'Commonplace'],
  ];
  for (const r of rows) about.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
