// Word and Excel reports of coded excerpts and the codebook, for the CLI and the desktop app.
import type { CodeInfo, Excerpt } from '../../shared/types';
import { invalidArgument } from '../../shared/errors';
import type { ReportOptions } from './common';
import { excerptsToDocx } from './docx';
import { excerptsToXlsx, type XlsxReportOptions } from './xlsx';

export { excerptsToDocx, type DocxReportOptions } from './docx';
export { excerptsToXlsx, sheetName, cellText, MAX_CELL_CHARS, type XlsxReportOptions } from './xlsx';
export { codebookToDocx, type CodebookDocxOptions } from './codebook-docx';
export { xmlSafe, type ReportOptions, type ProgressCallback } from './common';

export type ReportFormat = 'docx' | 'xlsx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'xlsx'];

/**
 * One entry point for `excerpts --format docx|xlsx`. `codes` is the project's codebook (listCodes):
 * it orders the code sections and supplies descriptions in DOCX, and becomes the Codebook sheet in XLSX.
 */
export function writeExcerptReport(
  format: ReportFormat,
  excerpts: Excerpt[],
  codes: CodeInfo[],
  options: ReportOptions & Pick<XlsxReportOptions, 'sheetPerCode' | 'codebook'> = {},
): Promise<Buffer> {
  if (format === 'docx') return excerptsToDocx(excerpts, { ...options, codes });
  if (format === 'xlsx') return excerptsToXlsx(excerpts, codes, options);
  return Promise.reject(invalidArgument(`Unknown report format "${String(format)}"; use docx or xlsx.`));
}
