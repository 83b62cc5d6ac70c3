// Grouping and small formatting helpers shared by the Markdown and HTML excerpt reports.
import type { Excerpt } from '../types';

export interface CodeGroup {
  path: string;
  /** Path split into code names, root first. */
  segments: string[];
  code: string;
  color: string;
  excerpts: Excerpt[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

// Compared segment by segment rather than as whole strings so that a parent always precedes its
// sub-codes: as plain strings 'Care work' would sort between 'Care' and 'Care/Unpaid'.
function comparePaths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = collator.compare(a[i]!, b[i]!) || (a[i]! < b[i]! ? -1 : a[i]! > b[i]! ? 1 : 0);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * Excerpts grouped by code path, codes in hierarchical alphabetical order. Within a code the
 * caller's order is kept, since the query that produced the excerpts already chose one.
 */
export function groupByCode(excerpts: Excerpt[]): CodeGroup[] {
  const groups = new Map<string, CodeGroup>();
  for (const e of excerpts) {
    let g = groups.get(e.path);
    if (!g) {
      g = { path: e.path, segments: e.path.split('/'), code: e.code, color: e.color, excerpts: [] };
      groups.set(e.path, g);
    }
    g.excerpts.push(e);
  }
  return [...groups.values()].sort((a, b) => comparePaths(a.segments, b.segments));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Offsets are UTF-16 code units into the document text, end exclusive. */
export function position(e: Excerpt): string {
  return `${e.start}–${e.end}`;
}

export function countDistinct(excerpts: Excerpt[], key: (e: Excerpt) => string): number {
  return new Set(excerpts.map(key)).size;
}
