import type { Project } from '../project';
import { codeTree, type CodeTreeEntry } from '../codes';
import { type AnalysisData, type AnalysisFilters, hasSpeakerFilter, loadAnalysisData } from './data';
import { type ColumnLayout, type ColumnSpec, type MatrixColumn, isBySpeaker, layoutColumns } from './columns';
import { type WordPlacement, tallyWords } from './words';
import { countTally, distinctTally, forEachPlaced, forEachSqlPlaced } from './placement';

// Definitions (the brute-force model in test/analysis/model.ts spells out the same rules independently):
//
// Placement. A coding (after the coder, group, document and speaker filters of AnalysisFilters) falls in a
// document, group or document-attribute column through its document. It falls in a speaker (or
// speaker-attribute) column when it overlaps, by at least one character, a turn of that speaker, label
// included: a coding spanning two turns lands in both speakers' columns, and one outside every turn (a
// title) in none. Documents without a group or value, and speakers without a value, are in no column.
//
// Measures, per cell:
// - codings: codings of the row's code(s) placed in the column;
// - documents: distinct documents holding those codings;
// - speakers: distinct allowed speakers whose turns those codings overlap (for speaker columns, only the
//   column's speakers);
// - words: words coded. A word is counted where its first character lies (the way countWords counts
//   words, timestamps excluded). Words coded = words whose first character is inside the union of the
//   row's codings (a word coded twice counts once) and inside the column's text. A document column's text
//   is the document minus speaker labels (minus excluded speakers' turns; with speakerIds, only those
//   speakers' turn bodies). A speaker column's text is the bodies of that speaker's turns, so a coding
//   spanning two turns gives each speaker only the words of their own part, and labels never count;
// - words-percent: words coded / words of the column's text × 100 (coverage). Row totals divide by the
//   words of all columns' text together;
// - codings-percent: codings in the cell / the row's codings in the matrix (its row total) × 100; column
//   totals are the column's share of all codings in the matrix.
//
// Totals are the measure over the union of what the row (column, whole matrix) holds, never sums of
// cells: a document in two groups, a coding in two speakers' columns or a sub-code's coding in a rolled-up
// parent counts once.
export type MatrixMeasure =
  'codings' | 'documents' | 'speakers' | 'words' | 'words-percent' | 'codings-percent';
export const MATRIX_MEASURES: readonly MatrixMeasure[] = [
  'codings',
  'documents',
  'speakers',
  'words',
  'words-percent',
  'codings-percent',
];

export interface MatrixQuery extends AnalysisFilters {
  columns: ColumnSpec;
  /** Default: codings. */
  measure?: MatrixMeasure;
  /** Roll sub-codes up: a parent's row counts its own and all its descendants' codings. */
  subcodes?: boolean;
  /** Only these codes as rows (still in tree order). Default: the whole codebook. */
  codeIds?: number[];
}

export interface MatrixRow {
  codeId: number;
  path: string;
  /** 0 for top-level codes. */
  depth: number;
}

export interface MatrixResult {
  measure: MatrixMeasure;
  rows: MatrixRow[];
  cols: MatrixColumn[];
  cells: number[][];
  /** The measure over everything in the row (see Totals above), not the sum of its cells. */
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

/** The rows of a matrix and, for each code, the rows it counts in (itself, plus ancestors when rolling up). */
export function matrixRows(project: Project, codeIds: number[] | undefined, subcodes: boolean) {
  const codes = codeTree(project);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const depth = (c: CodeTreeEntry): number => (c.parentId === null ? 0 : 1 + depth(byId.get(c.parentId)!));
  const wanted = codeIds ? new Set(codeIds) : null;
  const rows: MatrixRow[] = codes
    .filter((c) => !wanted || wanted.has(c.id))
    .map((c) => ({ codeId: c.id, path: c.path, depth: depth(c) }));
  const rowIndex = new Map(rows.map((r, i) => [r.codeId, i]));
  const rowsOf = new Map<number, number[]>();
  for (const c of codes) {
    const rs: number[] = [];
    for (
      let p: CodeTreeEntry | undefined = c;
      p;
      p = subcodes && p.parentId !== null ? byId.get(p.parentId) : undefined
    ) {
      const r = rowIndex.get(p.id);
      if (r !== undefined) rs.push(r);
    }
    if (rs.length) rowsOf.set(c.id, rs);
  }
  return { rows, rowsOf };
}

const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : 0);

export function computeMatrix(project: Project, q: MatrixQuery): MatrixResult {
  const measure = q.measure ?? 'codings';
  const { rows, rowsOf } = matrixRows(project, q.codeIds, !!q.subcodes);
  const codeFilter = q.codeIds ? [...rowsOf.keys()] : undefined;
  const needTurns = isBySpeaker(q.columns) || ['speakers', 'words', 'words-percent'].includes(measure);
  // Codings by code and document can be counted by SQLite itself; speaker placement needs the sweep.
  const sqlPath = !needTurns && !hasSpeakerFilter(q);
  const data = loadAnalysisData(project, q, { turns: needTurns, codings: !sqlPath, codeIds: codeFilter });
  const layout = layoutColumns(project, q.columns, data);
  const R = rows.length;
  const C = layout.cols.length;
  const base = { measure, rows, cols: layout.cols };

  if (measure === 'words' || measure === 'words-percent') {
    const { colWords, allWords, ...t } = tallyWords(project, data, rowsOf, R, C, wordPlacement(data, layout));
    if (measure === 'words') return { ...base, ...t };
    return {
      ...base,
      cells: t.cells.map((row) => row.map((v, c) => pct(v, colWords[c]!))),
      rowTotals: t.rowTotals.map((v) => pct(v, allWords)),
      colTotals: t.colTotals.map((v, c) => pct(v, colWords[c]!)),
      total: pct(t.total, allWords),
    };
  }

  const one = [0];
  const tally =
    measure === 'documents'
      ? distinctTally(rowsOf, R, C, (p) => ((one[0] = p.documentId), one))
      : measure === 'speakers'
        ? distinctTally(rowsOf, R, C, (p, i) => p.speakers[i]!)
        : countTally(rowsOf, R, C);
  if (sqlPath) forEachSqlPlaced(project, q, layout, codeFilter, tally.add);
  else forEachPlaced(data, layout, rowsOf, measure === 'speakers', tally.add);
  const t = tally.result();
  if (measure !== 'codings-percent') return { ...base, ...t };
  return {
    ...base,
    cells: t.cells.map((row, r) => row.map((v) => pct(v, t.rowTotals[r]!))),
    rowTotals: t.rowTotals.map((v) => (v > 0 ? 100 : 0)),
    colTotals: t.colTotals.map((v) => pct(v, t.total)),
    total: t.total > 0 ? 100 : 0,
  };
}

const NONE: readonly number[] = [];

/** Which columns a word counts in: speaker columns take only allowed speakers' turn bodies. */
function wordPlacement(data: AnalysisData, layout: ColumnLayout) {
  const speakerOf = (q: number) => data.turns[q]!.speakerId;
  if (layout.bySpeaker) {
    const turn = (q: number) =>
      data.speakerAllowed(speakerOf(q)) ? (layout.ofSpeaker.get(speakerOf(q)) ?? NONE) : NONE;
    return (): WordPlacement => ({ gap: NONE, turn });
  }
  return (doc: number): WordPlacement | null => {
    const cols = layout.ofDocument.get(doc);
    if (!cols) return null;
    return {
      gap: data.onlySomeSpeakers ? NONE : cols,
      turn: (q) => (data.speakerAllowed(speakerOf(q)) ? cols : NONE),
    };
  };
}
