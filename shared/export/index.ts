// Export formatters: pure string builders usable from the CLI, the main process and the renderer.
export { toCsv, type CsvCell } from './csv';
export {
  excerptsToCsv,
  excerptsToJson,
  excerptsToMarkdown,
  excerptsToHtml,
  type ExcerptJson,
  type MarkdownReportOptions,
  type HtmlReportOptions,
} from './excerpts';
export {
  codebookToCsv,
  codebookToMarkdown,
  treeOrder,
  type TreeEntry,
  type CodebookMarkdownOptions,
} from './codebook';
