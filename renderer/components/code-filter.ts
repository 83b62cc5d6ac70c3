import type { CodeInfo } from '../../shared/types';

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

/** The choice of no parent code, offered when moving a code. */
export const TOP_LEVEL = 'top';
export type CodeChoice = number | typeof TOP_LEVEL;

export interface PickerOption {
  value: CodeChoice;
  name: string;
  path: string;
  color: string | null;
  depth: number;
}

const TOP_OPTION: PickerOption = {
  value: TOP_LEVEL,
  name: 'Top level of the codebook',
  path: 'Top level of the codebook',
  color: null,
  depth: 0,
};

/** What a code picker lists for the words typed; the top level, when offered, stays first whatever is typed. */
export function pickerOptions(
  codes: readonly CodeInfo[],
  query: string,
  offerTopLevel = false,
): PickerOption[] {
  const options = filterCodes(codes, query).map((c) => ({
    value: c.id,
    name: c.name,
    path: c.path,
    color: c.color,
    depth: codeDepth(c),
  }));
  return offerTopLevel ? [TOP_OPTION, ...options] : options;
}
