import type { ColumnSpec } from './columns';
import type { MatrixResult } from './matrix';
import { toCsv } from '../../shared/export/csv';
import { invalidArgument } from '../../shared/errors';

/** `document`, `group`, `speaker`, `doc-attr:KEY` or `speaker-attr:KEY` (as the CLI spells them). */
export function parseColumnSpec(text: string): ColumnSpec {
  const t = text.trim();
  if (t === 'document' || t === 'doc') return { kind: 'document' };
  if (t === 'group') return { kind: 'group' };
  if (t === 'speaker') return { kind: 'speaker' };
  const m = /^(doc|document|speaker)-attr(?:ibute)?:(.+)$/.exec(t);
  if (m && m[2]!.trim()) {
    const kind = m[1] === 'speaker' ? 'speaker-attribute' : 'document-attribute';
    return { kind, name: m[2]!.trim() };
  }
  throw invalidArgument(
    `Unknown columns "${text}"; use document, group, speaker, doc-attr:NAME or speaker-attr:NAME.`,
  );
}

/** Percentages to two decimals; counts stay whole. */
export const roundCell = (v: number): number => Math.round(v * 100) / 100;

/** The matrix as CSV: a header of column labels, one row per code (by path), and totals. */
export function matrixToCsv(m: MatrixResult): string {
  return toCsv([
    ['code', ...m.cols.map((c) => c.label), 'Total'],
    ...m.rows.map((r, i) => [r.path, ...m.cells[i]!.map(roundCell), roundCell(m.rowTotals[i]!)]),
    ['Total', ...m.colTotals.map(roundCell), roundCell(m.total)],
  ]);
}
