// RFC 4180 CSV writer. Pure (no Node imports) so the renderer can build downloads too.

export type CsvCell = string | number | null;

// Excel, LibreOffice and Google Sheets evaluate a cell that starts with one of these as a formula,
// even in a file the user only meant to read. Transcript text and code names are untrusted (a
// participant can say "=HYPERLINK(...)"), so text cells that start this way get a leading
// apostrophe, which spreadsheets treat as "this is text" and do not display. Tab and CR are
// included per the OWASP CSV-injection guidance. Numbers are ours, never user text, so a negative
// number stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;

// Leading/trailing spaces are quoted so that importers which trim unquoted fields keep them.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows to CSV text: UTF-8 BOM first (without it Excel assumes the system code page and mangles
 * accents and emoji), CRLF after every row including the last, as RFC 4180 specifies.
 */
export function toCsv(rows: CsvCell[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',') + '\r\n').join('');
}
