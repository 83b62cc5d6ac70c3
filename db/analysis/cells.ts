import type { Project } from '../project';
import type { Excerpt } from '../../shared/types';
import { queryExcerpts } from '../excerpts';
import { hasSpeakerFilter, loadAnalysisData } from './data';
import { isBySpeaker, layoutColumns } from './columns';
import { type MatrixQuery, matrixRows } from './matrix';
import { forEachPlaced } from './placement';

/**
 * Ids of the codings behind a matrix cell, placed exactly as computeMatrix places them. `row` or `col`
 * null means the row's or column's total (null and null: every coding in the matrix). For word measures
 * these are the codings whose words are counted, including any part outside the column.
 */
export function matrixCellCodingIds(
  project: Project,
  q: MatrixQuery,
  row: number | null,
  col: number | null,
): number[] {
  const { rows, rowsOf } = matrixRows(project, q.codeIds, !!q.subcodes);
  const needTurns = isBySpeaker(q.columns) || hasSpeakerFilter(q);
  const data = loadAnalysisData(project, q, {
    turns: needTurns,
    codeIds: q.codeIds ? [...rowsOf.keys()] : undefined,
  });
  const layout = layoutColumns(project, q.columns, data);
  if (row !== null && !rows[row]) return [];
  if (col !== null && !layout.cols[col]) return [];
  const ids: number[] = [];
  forEachPlaced(data, layout, rowsOf, false, (p) => {
    if ((row === null || rowsOf.get(p.codeId)!.includes(row)) && (col === null || p.cols.includes(col)))
      ids.push(p.codingId);
  });
  return ids;
}

/** The coded excerpts behind a matrix cell (see matrixCellCodingIds), in the usual excerpt order. */
export function matrixCellExcerpts(
  project: Project,
  q: MatrixQuery,
  row: number | null,
  col: number | null,
  contextChars?: number,
): Excerpt[] {
  const ids = matrixCellCodingIds(project, q, row, col);
  if (ids.length === 0) return [];
  // queryExcerpts narrows by the cell's own codes and documents (so a small cell of a big project stays
  // cheap) and the cheap filters; the cell's own placement decides the rest.
  const distinct = (column: string) =>
    project.db
      .prepare(`SELECT DISTINCT ${column} FROM codings WHERE id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(JSON.stringify(ids)) as number[];
  const docs = distinct('document_id');
  const wanted = new Set(ids);
  return queryExcerpts(project, {
    codeIds: distinct('code_id'),
    coderIds: q.coderIds,
    groupIds: q.groupIds,
    documentIds: q.documentIds?.length ? q.documentIds.filter((d) => docs.includes(d)) : docs,
    contextChars,
  }).filter((e) => wanted.has(e.codingId));
}
