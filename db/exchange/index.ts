// REFI-QDA exchange: whole projects as .qdpx, codebooks as .qdc (and other formats by extension).
export { exportQdpx, type ExportSummary } from './export-project';
export { importQdpx, type ImportOptions, type ImportResult } from './import-project';
export type { ImportReport, Skipped } from './import-state';
export type { UnitReport } from './import-texts';
export {
  codebookFormats,
  exportCodebook,
  renderCodebook,
  importCodebook,
  registerCodebookFormat,
  type CodebookConflict,
  type CodebookImportReport,
  type CodebookWriter,
} from './codebook';
export { ORIGIN } from './snapshot';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-read';
