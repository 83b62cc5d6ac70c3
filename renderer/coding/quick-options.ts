import type { CodeInfo } from '../../shared/types';

// What the quick-code popup offers for what has been typed: recent codes (numbered 1–9) and the whole
// codebook when nothing is typed; otherwise the best matches and, unless the name exists, "Create".
// Pure, so ranking and the create rules are unit-tested.

export type QuickOption =
  | {
      kind: 'code';
      code: CodeInfo;
      group: 'recent' | 'codes' | 'matches';
      key: number | null;
      applied: boolean;
    }
  | { kind: 'create'; name: string; parentId: number | null; parentPath: string | null };

/** Case- and accent-insensitive form for matching. */
export const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** How well a code matches (lower is better), or null when it does not. */
export function matchScore(code: CodeInfo, query: string): number | null {
  const q = fold(query);
  if (!q) return 0;
  const name = fold(code.name);
  const path = fold(code.path);
  if (name === q || path === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.split(/[\s/\-_]+/).some((w) => w.startsWith(q))) return 2;
  if (path.includes(q)) return 3;
  const words = q.split(' ');
  if (words.length > 1 && words.every((w) => path.includes(w))) return 4;
  // Letters in order ("mgt" finds "Managerial targets"), for quick typing.
  let i = 0;
  for (const ch of name) if (ch === q[i]) i++;
  return i === q.length ? 5 : null;
}

interface Ranked {
  code: CodeInfo;
  position: number;
  score: number;
}

function ranked(codes: readonly CodeInfo[], query: string): Ranked[] {
  return codes
    .map((code, position) => ({ code, position, score: matchScore(code, query) }))
    .filter((m): m is Ranked => m.score !== null)
    .sort((a, b) => a.score - b.score || a.position - b.position);
}

/** Matching codes, best first, codebook order among equals. */
export const rankCodes = (codes: readonly CodeInfo[], query: string): CodeInfo[] =>
  ranked(codes, query).map((m) => m.code);

/** Above this score a match is loose (scattered letters), and Enter should rather create the code. */
const LOOSE = 3;

/**
 * The code "Create" would make for what was typed: "Parent/Child" creates Child under an existing
 * Parent; null when a code of that name already exists there.
 */
export function newCodeFor(
  query: string,
  codes: readonly CodeInfo[],
): { name: string; parentId: number | null; parentPath: string | null } | null {
  const typed = query.trim().replace(/\s+/g, ' ');
  if (!typed) return null;
  let name = typed;
  let parent: CodeInfo | undefined;
  const slash = typed.lastIndexOf('/');
  if (slash > 0 && slash < typed.length - 1) {
    const parentPath = fold(typed.slice(0, slash));
    parent = codes.find((c) => fold(c.path) === parentPath);
    if (parent) name = typed.slice(slash + 1).trim();
  }
  const parentId = parent?.id ?? null;
  const exists = codes.some((c) => c.parentId === parentId && fold(c.name) === fold(name));
  return exists || !name ? null : { name, parentId, parentPath: parent?.path ?? null };
}

const MAX_MATCHES = 60;

export function quickOptions(
  codes: readonly CodeInfo[],
  recentIds: readonly number[],
  query: string,
  appliedIds: ReadonlySet<number>,
): QuickOption[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  if (!query.trim()) {
    const recent = recentIds.flatMap((id, i) => {
      const code = byId.get(id);
      return code
        ? [{ kind: 'code' as const, code, group: 'recent' as const, key: i + 1, applied: appliedIds.has(id) }]
        : [];
    });
    const rest = codes.map((code) => ({
      kind: 'code' as const,
      code,
      group: 'codes' as const,
      key: null,
      applied: appliedIds.has(code.id),
    }));
    return [...recent.slice(0, 9), ...rest];
  }
  const found = ranked(codes, query).slice(0, MAX_MATCHES);
  const matches: QuickOption[] = found.map(({ code }) => ({
    kind: 'code',
    code,
    group: 'matches',
    key: null,
    applied: appliedIds.has(code.id),
  }));
  const create = newCodeFor(query, codes);
  if (!create) return matches;
  const option: QuickOption = { kind: 'create', ...create };
  // A new name that only loosely resembles existing codes: Enter creates it rather than guessing.
  return (found[0]?.score ?? Infinity) > LOOSE ? [option, ...matches] : [...matches, option];
}
