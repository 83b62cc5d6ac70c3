import type { CodeInfo, Excerpt } from '../../../shared/types';

export interface ExcerptGroup {
  codeId: number;
  path: string;
  color: string;
  excerpts: Excerpt[];
  /** How many the code has in all, when `excerpts` is only the first page. */
  total: number;
}

/** Excerpts grouped by their code, in codebook order (codes the codebook no longer has go last). */
export function groupExcerpts(excerpts: readonly Excerpt[], codes: readonly CodeInfo[]): ExcerptGroup[] {
  const groups = new Map<number, ExcerptGroup>();
  for (const x of excerpts) {
    let g = groups.get(x.codeId);
    if (!g) {
      g = { codeId: x.codeId, path: x.path, color: x.color, excerpts: [], total: 0 };
      groups.set(x.codeId, g);
    }
    g.excerpts.push(x);
    g.total += 1;
  }
  const order = new Map(codes.map((c, i) => [c.id, i]));
  const rank = (g: ExcerptGroup) => order.get(g.codeId) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
}

/** Groups with at most `limit` excerpts in all, for drawing long results a page at a time. */
export function limitGroups(groups: readonly ExcerptGroup[], limit: number): ExcerptGroup[] {
  const out: ExcerptGroup[] = [];
  let left = limit;
  for (const g of groups) {
    if (left <= 0) break;
    out.push(g.excerpts.length <= left ? g : { ...g, excerpts: g.excerpts.slice(0, left) });
    left -= g.excerpts.length;
  }
  return out;
}

/** Collapses runs of whitespace in context snippets, which come from line-wrapped transcripts. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ');
