import type { Database } from 'better-sqlite3';
import type { Project } from '../project';
import type { AnalysisData } from './data';
import { paramList } from '../sql';

// The same word and timestamp patterns as countWords in shared/text.ts (a test keeps them in step).
// Timestamps are blanked with spaces of the same length so offsets stay valid.
const TIMESTAMP = /\[?\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b\]?/g;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Offsets where each word starts, as countWords counts words. A word belongs to a range when its first
 * character lies inside it: that makes "words in a range" additive and lets ranges be counted by binary
 * search instead of re-scanning text.
 */
export function wordStarts(text: string): Int32Array {
  const cleaned = /\d:\d/.test(text) ? text.replace(TIMESTAMP, (m) => ' '.repeat(m.length)) : text;
  const out: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(cleaned); m; m = WORD.exec(cleaned)) out.push(m.index);
  return Int32Array.from(out);
}

/** First index i with xs[i] >= x. */
export function lowerBound(xs: Int32Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Scanning the benchmark corpus takes ~60 ms, more than the rest of a matrix, so word offsets are kept
// per open database and reused while the document's content hash is unchanged.
const cache = new WeakMap<Database, Map<number, { hash: string; starts: Int32Array }>>();

export function documentWordStarts(project: Project, documentIds: number[]): Map<number, Int32Array> {
  let byDoc = cache.get(project.db);
  if (!byDoc) cache.set(project.db, (byDoc = new Map()));
  const out = new Map<number, Int32Array>();
  if (documentIds.length === 0) return out;
  const hashes = project.db
    .prepare(`SELECT id, content_hash AS hash FROM documents WHERE id IN (${paramList(documentIds.length)})`)
    .all(...documentIds) as { id: number; hash: string }[];
  const text = project.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  for (const { id, hash } of hashes) {
    let entry = byDoc.get(id);
    if (!entry || entry.hash !== hash) {
      entry = { hash, starts: wordStarts(text.get(id) as string) };
      byDoc.set(id, entry);
    }
    out.set(id, entry.starts);
  }
  return out;
}

/** Which columns words count in, for one document. Labels never count. */
export interface WordPlacement {
  /** Columns for words outside any turn. */
  gap: readonly number[];
  /** Columns for words in the body of a turn (index into AnalysisData.turns). */
  turn: (turnIndex: number) => readonly number[];
}

export interface WordTally {
  cells: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
  /** Words each column holds (its denominator for percentages), and in all columns together. */
  colWords: number[];
  allWords: number;
}

/**
 * Words coded: for each row, the union of its codings' ranges (a word coded twice counts once), keeping
 * only words whose first character is in a column's text: never in a speaker label, and for speaker
 * columns only in the body of that speaker's turns. Totals are unions too, never sums of cells.
 * Everything is counted range by range (binary searches in the word offsets), never word by word.
 */
export function tallyWords(
  project: Project,
  data: AnalysisData,
  rowsOf: Map<number, number[]>,
  rowCount: number,
  colCount: number,
  place: (documentId: number) => WordPlacement | null,
): WordTally {
  const zeros = () => new Array<number>(colCount).fill(0);
  const rows: Sink[] = Array.from({ length: rowCount }, () => ({ cells: zeros(), total: 0 }));
  const cols: Sink = { cells: zeros(), total: 0 };
  const area: Sink = { cells: zeros(), total: 0 };
  const starts = documentWordStarts(project, data.documentIds);
  // Each row's union is built by extending or closing one open range, since codings come sorted by start.
  const openStart = new Float64Array(rowCount);
  const openEnd = new Float64Array(rowCount);
  let k = 0;
  for (const doc of data.documentIds) {
    const first = k;
    while (k < data.codings.length && data.codings[k]!.documentId === doc) k++;
    const placement = place(doc);
    const ws = starts.get(doc);
    if (!placement || !ws) continue;
    const ctx = docContext(data, doc, ws, placement);
    addPieces(ctx, 0, Infinity, area);
    openStart.fill(-1);
    let allStart = -1;
    let allEnd = -1;
    for (let i = first; i < k; i++) {
      const { codeId, start, end } = data.codings[i]!;
      const rs = rowsOf.get(codeId);
      if (!rs) continue;
      for (const r of rs) {
        if (openStart[r]! >= 0 && start <= openEnd[r]!) openEnd[r] = Math.max(openEnd[r]!, end);
        else {
          if (openStart[r]! >= 0) addPieces(ctx, openStart[r]!, openEnd[r]!, rows[r]!);
          openStart[r] = start;
          openEnd[r] = end;
        }
      }
      if (allStart >= 0 && start <= allEnd) allEnd = Math.max(allEnd, end);
      else {
        if (allStart >= 0) addPieces(ctx, allStart, allEnd, cols);
        allStart = start;
        allEnd = end;
      }
    }
    for (let r = 0; r < rowCount; r++)
      if (openStart[r]! >= 0) addPieces(ctx, openStart[r]!, openEnd[r]!, rows[r]!);
    if (allStart >= 0) addPieces(ctx, allStart, allEnd, cols);
  }
  return {
    cells: rows.map((r) => r.cells),
    rowTotals: rows.map((r) => r.total),
    colTotals: cols.cells,
    total: cols.total,
    colWords: area.cells,
    allWords: area.total,
  };
}

/** Word counts per column, and words that landed in at least one column. */
interface Sink {
  cells: number[];
  total: number;
}

/** A document's turns, with each boundary turned into a word index once, so pieces cost arithmetic only. */
interface DocContext {
  data: AnalysisData;
  place: WordPlacement;
  ws: Int32Array;
  /** The document's turns are data.turns[from .. to). */
  from: number;
  to: number;
  /** Per turn (i - from): index of the first word at or after its start, body start and end. */
  wStart: Int32Array;
  wBody: Int32Array;
  wEnd: Int32Array;
}

function docContext(data: AnalysisData, doc: number, ws: Int32Array, place: WordPlacement): DocContext {
  const [from, to] = data.turnRange.get(doc) ?? [0, 0];
  const n = to - from;
  const ctx = {
    data,
    place,
    ws,
    from,
    to,
    wStart: new Int32Array(n),
    wBody: new Int32Array(n),
    wEnd: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const t = data.turns[from + i]!;
    ctx.wStart[i] = lowerBound(ws, t.start);
    ctx.wBody[i] = lowerBound(ws, t.bodyStart);
    ctx.wEnd[i] = lowerBound(ws, t.end);
  }
  return ctx;
}

function addWords(sink: Sink, cols: readonly number[], n: number): void {
  if (n <= 0 || cols.length === 0) return;
  sink.total += n;
  for (const c of cols) sink.cells[c]! += n;
}

/**
 * Adds the words starting in [s, e) of a document to their columns: gap pieces to the gap's, turn bodies
 * to the turn's, labels to none. Hot path (tens of thousands of calls per matrix): no closures, two
 * binary searches for the range, then arithmetic on word indexes.
 */
function addPieces(ctx: DocContext, s: number, e: number, sink: Sink): void {
  const { data, ws, place, from, to, wStart, wBody, wEnd } = ctx;
  const a = lowerBound(ws, s);
  const b = e === Infinity ? ws.length : lowerBound(ws, e);
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (data.turns[mid]!.end <= s) lo = mid + 1;
    else hi = mid;
  }
  let pos = a; // word index reached so far
  for (let q = lo; q < to && data.turns[q]!.start < e; q++) {
    const i = q - from;
    addWords(sink, place.gap, Math.min(b, wStart[i]!) - pos);
    addWords(sink, place.turn(q), Math.min(b, wEnd[i]!) - Math.max(a, wBody[i]!));
    pos = Math.max(pos, Math.min(b, wEnd[i]!));
  }
  addWords(sink, place.gap, b - pos);
}
