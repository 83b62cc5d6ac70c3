import type { Database } from 'better-sqlite3';
import type { Project } from '../project';
import { type AnalysisData, type CodingRow } from './data';
import { dataVersion } from '../sql';
import { scanWordStarts } from '../../shared/word-scan';
import { WordStarts } from './word-starts';

// The same timestamp pattern as countWords in shared/text.ts, and its words (word-scan.ts); a test keeps
// them in step.
// Timestamps are blanked with spaces of the same length so offsets stay valid.
const TIMESTAMP = /\[?\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b\]?/g;

/**
 * Offsets where each word starts, as countWords counts words. A word belongs to a range when its first
 * character lies inside it: that makes "words in a range" additive and lets ranges be counted by binary
 * search instead of re-scanning text.
 */
export function wordStarts(text: string): WordStarts {
  return wordStartsOfUtf8(Buffer.from(text, 'utf8'));
}

/** A document's text is read in stretches about this long, cut at a space or line break. */
const STRETCH = 32 * 1024;

/**
 * wordStarts() of a text given as UTF-8 bytes, decoded a stretch at a time: a whole text is a large
 * string that only a full garbage collection frees, and indexing 9M words this way left 64 MB of them
 * behind at once. A space or line break is never inside a word, a timestamp or a UTF-8 sequence, so
 * the stretches are cut there.
 */
export function wordStartsOfUtf8(bytes: Uint8Array): WordStarts {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Words are separated, so a stretch holds at most half its length (rounded up) of them.
  if (scratch.length < Math.ceil(buf.length / 2)) scratch = new Int32Array(Math.ceil(buf.length / 2));
  let n = 0;
  let unit = 0;
  for (let from = 0; from < buf.length;) {
    let to = Math.min(from + STRETCH, buf.length);
    if (to < buf.length) {
      const cut = Math.max(buf.lastIndexOf(0x20, to), buf.lastIndexOf(0x0a, to));
      // A stretch without a break runs on to the next one.
      const next = [buf.indexOf(0x20, to), buf.indexOf(0x0a, to)].filter((i) => i >= 0);
      to = cut > from ? cut : next.length ? Math.min(...next) : buf.length;
    }
    const text = buf.toString('utf8', from, to);
    const cleaned = /\d:\d/.test(text) ? text.replace(TIMESTAMP, (m) => ' '.repeat(m.length)) : text;
    const base = unit;
    scanWordStarts(cleaned, (at) => (scratch[n++] = base + at));
    unit += text.length;
    from = to;
  }
  return WordStarts.from(scratch, n);
}

let scratch = new Int32Array(0);

// Scanning the benchmark corpus takes ~60 ms, more than the rest of a matrix, so word offsets are kept
// per open database and reused while the document's content hash is unchanged. Hashes are only re-read
// after the project changed: reading them walks past each document's text (~25 ms at 9M words).
interface WordStartCache {
  version: string;
  byDoc: Map<number, { hash: string; starts: WordStarts }>;
}
const cache = new WeakMap<Database, WordStartCache>();

export function documentWordStarts(project: Project, documentIds: number[]): Map<number, WordStarts> {
  const version = dataVersion(project);
  let c = cache.get(project.db);
  if (!c) cache.set(project.db, (c = { version: '', byDoc: new Map() }));
  if (c.version !== version) {
    const hashes = new Map(
      project.db.prepare('SELECT id, content_hash FROM documents').raw().all() as [number, string][],
    );
    for (const [id, entry] of c.byDoc) if (hashes.get(id) !== entry.hash) c.byDoc.delete(id);
    c.version = version;
  }
  const text = project.db
    .prepare('SELECT CAST(text AS BLOB), content_hash FROM documents WHERE id = ?')
    .raw();
  const out = new Map<number, WordStarts>();
  for (const id of documentIds) {
    let entry = c.byDoc.get(id);
    if (!entry) {
      const row = text.get(id) as [Buffer, string] | undefined;
      if (!row) continue;
      entry = { hash: row[1], starts: wordStartsOfUtf8(row[0]) };
      c.byDoc.set(id, entry);
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
  // Each row's union is built by extending or closing one open span, since codings come sorted by start.
  const open = Array.from({ length: rowCount }, (): Span => ({ s: -1, e: 0, a: 0, b: 0, turn: 0 }));
  const all: Span = { s: -1, e: 0, a: 0, b: 0, turn: 0 };
  let k = 0;
  for (const doc of data.documentIds) {
    const first = k;
    while (k < data.codings.length && data.codings[k]!.documentId === doc) k++;
    const placement = place(doc);
    const ws = starts.get(doc);
    if (!placement || !ws) continue;
    const ctx = docContext(data, doc, ws, placement);
    addPieces(ctx, { s: 0, e: Infinity, a: 0, b: ws.length, turn: ctx.from }, area);
    for (const o of open) o.s = -1;
    all.s = -1;
    for (let i = first; i < k; i++) {
      const coding = data.codings[i]!;
      const rs = rowsOf.get(coding.codeId);
      if (!rs) continue;
      if (coding.wordFrom < 0) {
        coding.wordFrom = ws.lowerBound(coding.start);
        coding.wordTo = ws.lowerBound(coding.end);
      }
      for (const r of rs) extend(ctx, open[r]!, coding, rows[r]!);
      extend(ctx, all, coding, cols);
    }
    for (let r = 0; r < rowCount; r++) if (open[r]!.s >= 0) addPieces(ctx, open[r]!, rows[r]!);
    if (all.s >= 0) addPieces(ctx, all, cols);
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
  ws: WordStarts;
  /** The document's turns are data.turns[from .. to). */
  from: number;
  to: number;
  /** Per turn (i - from): the columns its body's words count in. */
  turnCols: (readonly number[])[];
  /** Per turn (i - from): index of the first word at or after its start, body start and end. */
  wStart: Int32Array;
  wBody: Int32Array;
  wEnd: Int32Array;
}

type TurnWords = Pick<DocContext, 'wStart' | 'wBody' | 'wEnd'>;

// Turn boundaries as word indexes, per document, for as long as the project's turns array is the same one
// (analysis data loads new turns whenever turns or texts change): ~70 ms per matrix otherwise.
const turnWordsCache = new WeakMap<AnalysisData['turns'], Map<number, TurnWords>>();

function turnWords(data: AnalysisData, doc: number, ws: WordStarts, from: number, to: number): TurnWords {
  let byDoc = turnWordsCache.get(data.turns);
  if (!byDoc) turnWordsCache.set(data.turns, (byDoc = new Map()));
  let tw = byDoc.get(doc);
  if (tw && tw.wStart.length === to - from) return tw;
  const n = to - from;
  tw = { wStart: new Int32Array(n), wBody: new Int32Array(n), wEnd: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const t = data.turns[from + i]!;
    tw.wStart[i] = ws.lowerBound(t.start);
    tw.wBody[i] = ws.lowerBound(t.bodyStart);
    tw.wEnd[i] = ws.lowerBound(t.end);
  }
  byDoc.set(doc, tw);
  return tw;
}

function docContext(data: AnalysisData, doc: number, ws: WordStarts, place: WordPlacement): DocContext {
  const [from, to] = data.turnRange.get(doc) ?? [0, 0];
  const turnCols = new Array<readonly number[]>(to - from);
  for (let q = from; q < to; q++) turnCols[q - from] = place.turn(q);
  return { data, place, ws, from, to, turnCols, ...turnWords(data, doc, ws, from, to) };
}

function addWords(sink: Sink, cols: readonly number[], n: number): void {
  if (n <= 0 || cols.length === 0) return;
  sink.total += n;
  for (const c of cols) sink.cells[c]! += n;
}

/**
 * A range of a document [s, e) with the word indexes a = first word at or after s, b = first word at or
 * after e, and the first turn ending after s: a union of codings carries its first coding's turn and word
 * index, so nothing needs a binary search.
 */
interface Span {
  s: number;
  e: number;
  a: number;
  b: number;
  turn: number;
}

/** Adds `coding` to the open span (overlapping or touching), or flushes the span and starts anew. */
function extend(ctx: DocContext, span: Span, coding: CodingRow, sink: Sink): void {
  if (span.s >= 0 && coding.start <= span.e) {
    if (coding.end > span.e) {
      span.e = coding.end;
      span.b = coding.wordTo;
    }
    return;
  }
  if (span.s >= 0) addPieces(ctx, span, sink);
  span.s = coding.start;
  span.e = coding.end;
  span.a = coding.wordFrom;
  span.b = coding.wordTo;
  span.turn = coding.turnFrom;
}

/**
 * Adds the words starting in a span of a document to their columns: gap pieces to the gap's, turn bodies
 * to the turn's, labels to none. Hot path (hundreds of thousands of calls per matrix): arithmetic on
 * word indexes only.
 */
function addPieces(ctx: DocContext, span: Span, sink: Sink): void {
  const { data, place, to, from, turnCols, wStart, wBody, wEnd } = ctx;
  const { e, a, b } = span;
  let pos = a; // word index reached so far
  for (let q = span.turn; q < to && data.turns[q]!.start < e; q++) {
    const i = q - from;
    addWords(sink, place.gap, Math.min(b, wStart[i]!) - pos);
    addWords(sink, turnCols[i]!, Math.min(b, wEnd[i]!) - Math.max(a, wBody[i]!));
    pos = Math.max(pos, Math.min(b, wEnd[i]!));
  }
  addWords(sink, place.gap, b - pos);
}
