// Pure helpers for the comparison tables: number formatting, column choices, and copying as a table.
import type {
  AttributeDefInfo,
  MatrixMeasure,
  MatrixResult,
  MatrixRow,
} from '../../shared/contract/analysis-calls';
import type { CodeInfo } from '../../shared/types';
import { heatColor, type HeatCell } from '../../shared/charts';

const counts = new Intl.NumberFormat();
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A cell as printed: counts whole with separators, percentages to one decimal with a % sign. */
export function formatValue(v: number, percent: boolean): string {
  if (!Number.isFinite(v)) return '–';
  return percent ? `${oneDecimal.format(v)}%` : counts.format(Math.round(v));
}

export interface ColumnChoice {
  value: string;
  label: string;
  group: 'Basic' | 'Document attributes' | 'Speaker attributes';
}

/** What the matrix columns can be: documents, groups, speakers, and every attribute by name. */
export function columnChoices(defs: readonly AttributeDefInfo[]): ColumnChoice[] {
  const byName = (a: AttributeDefInfo, b: AttributeDefInfo) => a.name.localeCompare(b.name);
  return [
    { value: 'group', label: 'Document groups', group: 'Basic' },
    { value: 'document', label: 'Documents', group: 'Basic' },
    { value: 'speaker', label: 'Speakers', group: 'Basic' },
    ...defs
      .filter((d) => d.scope === 'document')
      .sort(byName)
      .map((d) => ({ value: `doc-attr:${d.name}`, label: d.name, group: 'Document attributes' as const })),
    ...defs
      .filter((d) => d.scope === 'speaker')
      .sort(byName)
      .map((d) => ({ value: `speaker-attr:${d.name}`, label: d.name, group: 'Speaker attributes' as const })),
  ];
}

/** The columns to start with: groups when the project has them, else documents. */
export function defaultColumns(hasGroups: boolean): string {
  return hasGroups ? 'group' : 'document';
}

/** Keeps a chosen column spec only while it still exists (an attribute may be renamed or removed). */
export function validColumns(
  spec: string | null,
  choices: readonly ColumnChoice[],
  hasGroups: boolean,
): string {
  return spec && choices.some((c) => c.value === spec) ? spec : defaultColumns(hasGroups);
}

export interface RowLabel {
  name: string;
  path: string;
  depth: number;
  color: string;
}

/** A row's code by name (the path is its tooltip), indented by depth, with its colour when known. */
export function rowLabels(rows: readonly MatrixRow[], codes: readonly CodeInfo[]): RowLabel[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  return rows.map((r) => {
    const code = byId.get(r.codeId);
    return {
      name: code?.name ?? r.path.slice(r.path.lastIndexOf('/') + 1),
      path: r.path,
      depth: r.depth,
      color: code?.color ?? '#888888',
    };
  });
}

const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

/**
 * The matrix as tab-separated text for pasting into a spreadsheet or a word processor's table: header
 * of column labels, one row per code (by path, so nesting survives), totals, numbers as on screen.
 */
export function matrixToTsv(m: MatrixResult, percent: boolean): string {
  const f = (v: number) => formatValue(v, percent);
  const lines = [
    ['Code', ...m.cols.map((c) => oneLine(c.label)), 'Total'],
    ...m.rows.map((r, i) => [oneLine(r.path), ...m.cells[i]!.map(f), f(m.rowTotals[i]!)]),
    ['Total', ...m.colTotals.map(f), f(m.total)],
  ];
  return lines.map((l) => l.join('\t')).join('\n') + '\n';
}

/** A heat scale over the cells, ignoring the diagonal when asked (co-occurrence: it holds other counts). */
export function heatFor(cells: readonly number[][], skipDiagonal = false): (v: number) => HeatCell {
  let max = 0;
  let min = 0;
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if ((skipDiagonal && r === c) || !Number.isFinite(v)) return;
      max = Math.max(max, v);
      min = Math.min(min, v);
    }),
  );
  return (v) => heatColor(v, max, min);
}

/** The largest shaded value, for the legend. */
export function heatMax(cells: readonly number[][], skipDiagonal = false): number {
  let max = 0;
  cells.forEach((row, r) => row.forEach((v, c) => (skipDiagonal && r === c ? 0 : (max = Math.max(max, v)))));
  return max;
}

const NOUNS: Record<MatrixMeasure, [string, string]> = {
  codings: ['coding', 'codings'],
  documents: ['document', 'documents'],
  speakers: ['speaker', 'speakers'],
  words: ['word coded', 'words coded'],
  'words-percent': ["of the column's words coded", "of the column's words coded"],
  'codings-percent': ["of the code's codings", "of the code's codings"],
};

/** A cell's accessible name: "3 codings: Trust, Northgate" (null row or column: a total). */
export function cellName(
  measure: MatrixMeasure,
  value: number,
  row: string | null,
  col: string | null,
): string {
  const [one, many] = NOUNS[measure];
  const amount = `${formatValue(value, measure.endsWith('percent'))} ${value === 1 ? one : many}`;
  if (row === null && col === null) return `${amount}: grand total`;
  return `${amount}: ${row ?? 'all codes'}, ${col ?? 'total'}`;
}

/** The table's title: "Codings by document group", "Words coded by role (speaker attribute)". */
export function matrixTitle(measureLabel: string, spec: string): string {
  const by =
    spec === 'group'
      ? 'document group'
      : spec === 'document' || spec === 'speaker'
        ? spec
        : spec.startsWith('doc-attr:')
          ? `${spec.slice(9)} (document attribute)`
          : `${spec.slice(spec.indexOf(':') + 1)} (speaker attribute)`;
  return `${measureLabel} by ${by}`;
}

/** Why a matrix has no columns, in words a researcher can act on. */
export function noColumnsMessage(spec: string): string {
  if (spec === 'document') return 'No documents match these filters.';
  if (spec === 'group') return 'None of the documents left by these filters is in a group.';
  if (spec === 'speaker') return 'No speaker has a turn in the documents left by these filters.';
  const who = spec.startsWith('doc-attr:') ? 'document' : 'speaker';
  const name = spec.slice(spec.indexOf(':') + 1);
  return `No ${who} left by these filters has a value for “${name}”. Fill it in on the Attributes tab.`;
}
