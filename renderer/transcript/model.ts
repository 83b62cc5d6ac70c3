import type { Coding, Turn } from '../../shared/types';
import { assignLanes } from './lanes';

// Turns a document (text + speaker turns + codings) into display blocks. Pure, so it is unit-tested
// without a browser. Offsets are the document's UTF-16 offsets; every segment keeps its own, which is
// what lets a DOM selection map back to exact document offsets.

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Codings covering this whole segment, in codebook order, so colours stack the same way everywhere. */
  codingIds: number[];
}

export type Line = Segment[];

interface BlockBase {
  /** Stable identity across reloads (kind and start offset), used to update blocks in place. */
  key: string;
  start: number;
  end: number;
  /** The text shown: after a turn's label and timestamp, without trailing whitespace. */
  bodyStart: number;
  bodyEnd: number;
  lines: Line[];
  /** Ids of the codings touching this block, in codebook order. */
  codingIds: number[];
  /** Each touching coding's underline lane within this block (0 nearest the text). */
  lanes: Map<number, number>;
}

export interface TurnBlock extends BlockBase {
  kind: 'turn';
  speaker: string;
  time: number | null;
}

export interface TextBlock extends BlockBase {
  kind: 'text';
}

export type Block = TurnBlock | TextBlock;

/** Elementary intervals between coding boundaries, each with the codings active over it. */
export interface Interval {
  start: number;
  end: number;
  active: number[];
}

export function intervalsOf(codings: readonly Coding[], order: CodingOrder): Interval[] {
  const points = [...new Set(codings.flatMap((c) => [c.start, c.end]))].sort((a, b) => a - b);
  const starting = new Map<number, Coding[]>();
  for (const c of codings) {
    const list = starting.get(c.start);
    if (list) list.push(c);
    else starting.set(c.start, [c]);
  }
  const out: Interval[] = [];
  let active: Coding[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    active = active.filter((c) => c.end > start).concat(starting.get(start) ?? []);
    if (active.length) out.push({ start, end, active: active.map((c) => c.id).sort(order) });
  }
  return out;
}

/** First interval whose end is after `offset` (binary search). */
function firstIntervalAfter(intervals: readonly Interval[], offset: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function segmentsOf(text: string, start: number, end: number, intervals: readonly Interval[]): Segment[] {
  const out: Segment[] = [];
  let cursor = start;
  const push = (a: number, b: number, codingIds: number[]) => {
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b), codingIds });
  };
  for (let i = firstIntervalAfter(intervals, start); i < intervals.length; i++) {
    const iv = intervals[i]!;
    if (iv.start >= end) break;
    const a = Math.max(iv.start, start);
    const b = Math.min(iv.end, end);
    push(cursor, a, []);
    push(a, b, iv.active);
    cursor = b;
  }
  push(cursor, end, []);
  return out;
}

function linesOf(text: string, start: number, end: number, intervals: readonly Interval[]): Line[] {
  const lines: Line[] = [];
  let lineStart = start;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    lines.push(segmentsOf(text, lineStart, lineEnd, intervals));
    if (lineEnd >= end) return lines;
    lineStart = lineEnd + 1;
  }
}

/** End of [from, to) without trailing whitespace: a turn's closing newline is not part of what is shown. */
export function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  return end;
}

export type Draft =
  Omit<TextBlock, 'lines' | 'codingIds' | 'lanes'> | Omit<TurnBlock, 'lines' | 'codingIds' | 'lanes'>;

/** Paragraphs (separated by blank lines) of text outside any turn, e.g. a transcript's title. */
function textDrafts(text: string, from: number, to: number): Draft[] {
  const drafts: Draft[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const start = m.index;
    const end = Math.min(start + m[0].length, to);
    if (!text.slice(start, end).trim()) continue;
    drafts.push({
      kind: 'text',
      key: `p${start}`,
      start,
      end,
      bodyStart: start,
      bodyEnd: trimEnd(text, start, end),
    });
  }
  return drafts;
}

/** Each coding's extent inside a block: the union of the segments it covers. */
function extentsOf(lines: readonly Line[]): Map<number, { start: number; end: number }> {
  const extents = new Map<number, { start: number; end: number }>();
  for (const line of lines) {
    for (const s of line) {
      for (const id of s.codingIds) {
        const e = extents.get(id);
        if (e) e.end = s.end;
        else extents.set(id, { start: s.start, end: s.end });
      }
    }
  }
  return extents;
}

/** Where the blocks are, from the text and its turns alone: one per turn, one per paragraph between turns. */
export function transcriptDrafts(text: string, turns: readonly Turn[]): Draft[] {
  const drafts: Draft[] = [];
  let cursor = 0;
  for (const turn of [...turns].sort((a, b) => a.start - b.start)) {
    if (turn.start > cursor) drafts.push(...textDrafts(text, cursor, turn.start));
    drafts.push({
      kind: 'turn',
      key: `t${turn.start}`,
      start: turn.start,
      end: turn.end,
      bodyStart: turn.bodyStart,
      // Importers may leave the newline that ends a turn inside it: it must not become an empty line.
      bodyEnd: trimEnd(text, turn.bodyStart, turn.end),
      speaker: turn.speaker,
      time: turn.time,
    });
    cursor = Math.max(cursor, turn.end);
  }
  if (cursor < text.length) drafts.push(...textDrafts(text, cursor, text.length));
  return drafts;
}

export type CodingOrder = (a: number, b: number) => number;

/** `codeOrder` (each coding's codebook position) as a comparison, ties broken by coding id. */
export const codingOrder =
  (codeOrder: (codingId: number) => number): CodingOrder =>
  (a, b) =>
    codeOrder(a) - codeOrder(b) || a - b;

/** Does a coding show in a block? Only codings overlapping its shown text do (not its label). */
export const overlapsBody = (d: Draft, start: number, end: number): boolean =>
  start < d.bodyEnd && end > d.bodyStart;

/** One block, from the codings that overlap it (others, and their boundaries, do not change it). */
export function blockFrom(
  draft: Draft,
  text: string,
  intervals: readonly Interval[],
  order: CodingOrder,
): Block {
  const lines = linesOf(text, draft.bodyStart, draft.bodyEnd, intervals);
  const extents = extentsOf(lines);
  const codingIds = [...extents.keys()].sort(order);
  const lanes = assignLanes(
    codingIds.map((id) => ({ id, ...extents.get(id)! })),
    order,
  );
  return { ...draft, lines, codingIds, lanes } as Block;
}

/**
 * Blocks in document order: one per speaker turn (its body, after label and timestamp) and one per
 * paragraph of text between turns. `codeOrder` gives each coding's sort key (its code's codebook
 * position), so overlapping highlights stack consistently.
 */
export function buildTranscript(
  text: string,
  turns: readonly Turn[],
  codings: readonly Coding[],
  codeOrder: (codingId: number) => number = () => 0,
): Block[] {
  const order = codingOrder(codeOrder);
  const intervals = intervalsOf(codings, order);
  return transcriptDrafts(text, turns).map((d) => blockFrom(d, text, intervals, order));
}
