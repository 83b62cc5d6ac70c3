import type { CodeInfo } from '../../../shared/types';

/** Lower case without accents, so "zoe" finds "Zoë". */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Codes whose path contains every word typed, in codebook order (the tree order people know), so
 * "trust work" finds "Trust/Named worker".
 */
export function filterCodes(codes: readonly CodeInfo[], query: string): CodeInfo[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...codes];
  return codes.filter((c) => {
    const path = fold(c.path);
    return words.every((w) => path.includes(w));
  });
}

export const codeDepth = (c: Pick<CodeInfo, 'path'>): number => c.path.split('/').length - 1;
