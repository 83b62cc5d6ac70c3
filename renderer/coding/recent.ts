import { create } from 'zustand';

// Recently applied codes, most recent first, one key (1–9) away in the quick-code popup. Kept per
// project file in the renderer's own storage: a convenience of this machine, not project data.

export const MAX_RECENT = 9;
const STORAGE_PREFIX = 'commonplace.recent-codes:';

/** `list` with `codeId` moved (or added) to the front, at most `max` long. */
export function pushRecent(list: readonly number[], codeId: number, max = MAX_RECENT): number[] {
  return [codeId, ...list.filter((id) => id !== codeId)].slice(0, max);
}

/** Recent ids that still name a code, in order. */
export function liveRecent(list: readonly number[], codeIds: ReadonlySet<number>): number[] {
  return list.filter((id) => codeIds.has(id));
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function load(project: string): number[] {
  try {
    const raw = storage()?.getItem(STORAGE_PREFIX + project);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? parsed.filter((n): n is number => Number.isInteger(n)).slice(0, MAX_RECENT)
      : [];
  } catch {
    return [];
  }
}

function save(project: string, list: readonly number[]): void {
  try {
    storage()?.setItem(STORAGE_PREFIX + project, JSON.stringify(list));
  } catch {
    // Storage full or disabled: recent codes simply do not outlive the session.
  }
}

interface RecentCodes {
  /** The project the list belongs to (its file path). */
  project: string | null;
  ids: number[];
  forProject(project: string): void;
  use(codeId: number): void;
}

export const useRecentCodes = create<RecentCodes>()((set, get) => ({
  project: null,
  ids: [],
  forProject: (project) => {
    if (get().project !== project) set({ project, ids: load(project) });
  },
  use: (codeId) => {
    const { project, ids } = get();
    const next = pushRecent(ids, codeId);
    set({ ids: next });
    if (project !== null) save(project, next);
  },
}));
