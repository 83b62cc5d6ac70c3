// Pure text helpers over canonical document text (UTF-16 offsets).

import { scanWordStarts } from './word-scan';

// Clock stamps such as [00:23:00], 0:03 or 01:02:03.500 are not words anybody spoke.
const TIMESTAMP = /\[?\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b\]?/g;

/**
 * Words as [\p{L}\p{N}\p{M}]+ joined by ' ’ - or . between word characters (word-scan.ts finds them
 * without a match object per word: an import of 9M words made 2 GB of them), timestamps left out.
 */
export function countWords(text: string): number {
  return scanWordStarts(/\d:\d/.test(text) ? text.replace(TIMESTAMP, ' ') : text);
}

/** Decoded text to canonical form: BOM removed, CRLF and lone CR to LF. */
export function canonicalText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.replace(/\r\n?/g, '\n');
}

/** Moves `i` back to the nearest word boundary at or before it, at most `max` units. */
function snapBack(text: string, i: number): number {
  if (i <= 0) return 0;
  const space = text.lastIndexOf(' ', i);
  const nl = text.lastIndexOf('\n', i);
  const b = Math.max(space, nl);
  return b >= 0 && i - b < 30 ? b + 1 : i;
}

function snapForward(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const m = /[\s]/.exec(text.slice(i, i + 30));
  return m ? i + m.index : i;
}

/** Avoids cutting a surrogate pair in half when slicing around an offset. */
function safe(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i + 1 : i;
}

export interface Context {
  before: string;
  after: string;
}

/**
 * How far either side of a range `surrounding` may read for a given width: the width, up to 30 units to a
 * word boundary, and one for a surrogate pair. A caller handing it a window of the text, not the whole
 * text, reads at least this much either side.
 */
export const contextReach = (width: number): number => width + 31;

/**
 * What `\s+` -> ' ' changes: runs of whitespace and any whitespace but a plain space. Matching every
 * single space too made each context a new string (9 MB of garbage per 4,909-excerpt list); this way a
 * context without line breaks or double spaces is the text's own slice.
 */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/** Roughly `width` characters of whole words either side of [start, end), on one line each side. */
export function surrounding(text: string, start: number, end: number, width = 80): Context {
  const from = safe(text, snapBack(text, Math.max(0, start - width)));
  const to = safe(text, snapForward(text, Math.min(text.length, end + width)));
  const before = text.slice(from, start).replace(SPACE_RUN, ' ');
  const after = text.slice(end, to).replace(SPACE_RUN, ' ');
  return { before: (from > 0 ? '…' : '') + before, after: after + (to < text.length ? '…' : '') };
}

/** Sentence around [start, end): from after the previous terminator or line break to the next. */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
  limit?: { start: number; end: number },
): [number, number] {
  const lo = limit?.start ?? 0;
  const hi = limit?.end ?? text.length;
  let s = start;
  while (s > lo && !/[.!?\n]/.test(text[s - 1]!)) s--;
  while (s < start && /\s/.test(text[s]!)) s++;
  let e = end;
  while (e < hi && !/[.!?\n]/.test(text[e]!)) e++;
  if (e < hi && text[e] !== '\n') {
    e++;
    while (e < hi && /['"’”)\]]/.test(text[e]!)) e++;
  }
  return [s, Math.max(e, end)];
}
