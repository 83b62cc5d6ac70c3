import type { Project } from '../project';
import { type AnalysisData, type AnalysisFilters, codingCondition } from './data';
import type { ColumnLayout } from './columns';

/**
 * A coding placed in its columns (or, on the SQL path, `n` codings of one code in one document). The
 * visitor gets one reused object, so nothing is allocated per coding: copy what you keep.
 */
export interface Placed {
  codingId: number;
  codeId: number;
  documentId: number;
  n: number;
  cols: readonly number[];
  /** Per entry of `cols`, the allowed speakers of the coding that fall in that column (when asked for). */
  speakers: number[][];
}

const NONE: readonly number[] = [];

/**
 * Places each filtered coding: in its document's columns, or in the columns of the allowed speakers whose
 * turns it overlaps (a coding spanning two turns lands in both speakers' columns, once per column).
 */
export function forEachPlaced(
  data: AnalysisData,
  layout: ColumnLayout,
  rowsOf: Map<number, number[]>,
  withSpeakers: boolean,
  visit: (p: Placed) => void,
): void {
  const cols: number[] = [];
  const speakers: number[][] = [];
  const p: Placed = { codingId: 0, codeId: 0, documentId: 0, n: 1, cols, speakers };
  for (const k of data.codings) {
    if (!rowsOf.has(k.codeId)) continue;
    p.codingId = k.id;
    p.codeId = k.codeId;
    p.documentId = k.documentId;
    if (layout.bySpeaker) {
      cols.length = 0;
      speakers.length = 0;
      for (let q = k.turnFrom; q < k.turnTo; q++) {
        const s = data.turns[q]!.speakerId;
        if (!data.speakerAllowed(s)) continue;
        for (const c of layout.ofSpeaker.get(s) ?? NONE) {
          const at = cols.indexOf(c);
          if (at < 0) {
            cols.push(c);
            if (withSpeakers) speakers.push([s]);
          } else if (withSpeakers && !speakers[at]!.includes(s)) speakers[at]!.push(s);
        }
      }
    } else {
      p.cols = layout.ofDocument.get(k.documentId) ?? NONE;
      if (withSpeakers) {
        const all: number[] = [];
        for (let q = k.turnFrom; q < k.turnTo; q++) {
          const s = data.turns[q]!.speakerId;
          if (data.speakerAllowed(s) && !all.includes(s)) all.push(s);
        }
        p.speakers = p.cols.map(() => all);
      }
    }
    if (p.cols.length) visit(p);
  }
}

/** Codings counted per code and document by SQLite itself, for document-based columns without speaker filters. */
export function forEachSqlPlaced(
  project: Project,
  f: AnalysisFilters,
  layout: ColumnLayout,
  codeIds: number[] | undefined,
  visit: (p: Placed) => void,
): void {
  const cond = codingCondition(f, codeIds);
  const groups = project.db
    .prepare(
      `SELECT code_id, document_id, count(*) FROM codings k WHERE ${cond.sql} GROUP BY code_id, document_id`,
    )
    .raw()
    .all(...cond.params) as [number, number, number][];
  const p: Placed = { codingId: 0, codeId: 0, documentId: 0, n: 0, cols: NONE, speakers: [] };
  for (const [codeId, documentId, n] of groups) {
    p.codeId = codeId;
    p.documentId = documentId;
    p.n = n;
    p.cols = layout.ofDocument.get(documentId) ?? NONE;
    if (p.cols.length) visit(p);
  }
}

export interface Tally {
  cells: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

const zeros = (n: number) => new Array<number>(n).fill(0);

/**
 * Codings are distinct things, so counts add up: each adds to every row it counts in (its code and, rolled
 * up, its ancestors), and once to each of its columns and to the total.
 */
export function countTally(rowsOf: Map<number, number[]>, R: number, C: number) {
  const t: Tally = {
    cells: Array.from({ length: R }, () => zeros(C)),
    rowTotals: zeros(R),
    colTotals: zeros(C),
    total: 0,
  };
  const add = (p: Placed) => {
    for (const r of rowsOf.get(p.codeId)!) {
      t.rowTotals[r]! += p.n;
      for (const c of p.cols) t.cells[r]![c]! += p.n;
    }
    for (const c of p.cols) t.colTotals[c]! += p.n;
    t.total += p.n;
  };
  return { add, result: () => t };
}

/** Documents and speakers repeat across codings, so every cell and total is the size of a set. */
export function distinctTally(
  rowsOf: Map<number, number[]>,
  R: number,
  C: number,
  valuesOf: (p: Placed, colIndex: number) => readonly number[],
) {
  const cells = Array.from({ length: R * C }, () => new Set<number>());
  const rowSets = Array.from({ length: R }, () => new Set<number>());
  const colSets = Array.from({ length: C }, () => new Set<number>());
  const all = new Set<number>();
  const add = (p: Placed) => {
    const rs = rowsOf.get(p.codeId)!;
    p.cols.forEach((c, i) => {
      for (const v of valuesOf(p, i)) {
        for (const r of rs) {
          cells[r * C + c]!.add(v);
          rowSets[r]!.add(v);
        }
        colSets[c]!.add(v);
        all.add(v);
      }
    });
  };
  const result = (): Tally => ({
    cells: Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => cells[r * C + c]!.size)),
    rowTotals: rowSets.map((s) => s.size),
    colTotals: colSets.map((s) => s.size),
    total: all.size,
  });
  return { add, result };
}
