import { create } from 'zustand';
import type { DocumentView, HistoryState } from '../shared/contract';
import type { CodeInfo, DocumentSummary, GroupSummary, ProjectStats } from '../shared/types';
import { call, errorInfo } from './api';

export interface ProjectInfo {
  name: string;
  path: string;
  coder: string;
}

export interface Failure {
  code: string;
  message: string;
}

export type WorkspaceMode = 'documents' | 'compare';

export interface JumpTarget {
  documentId: number;
  start: number;
  end: number;
  /** Distinguishes two jumps to the same place, so the view scrolls again. */
  nonce: number;
}

/** What a change is known to do, so the workspace can show it before the refresh that confirms it. */
export interface ChangeOptions<T> {
  /**
   * The open document as the change's result says it now is (a coding added or removed), or null when
   * that cannot be known here. Shown at once; the refresh then runs in the background and reconciles.
   */
  preview?(result: T, view: DocumentView): DocumentView | null;
  /** Only codings changed: the refresh refetches the open document's codings, not its text and turns. */
  codingsOnly?: boolean;
}

export interface WorkspaceState {
  phase: 'loading' | 'ready' | 'failed';
  project: ProjectInfo | null;
  stats: ProjectStats | null;
  documents: DocumentSummary[];
  /** Every document group, with those no document is in (yet). */
  groups: GroupSummary[];
  codes: CodeInfo[];
  history: HistoryState;
  selectedId: number | null;
  view: DocumentView | null;
  viewLoading: boolean;
  /** Bumped on every reload of the open document or the codebook. */
  revision: number;
  /** The latest failure, shown until dismissed (the workspace stays usable). */
  error: Failure | null;
  /** Codes chosen in the codebook: the right panel retrieves their excerpts. */
  selectedCodeIds: number[];
  /** What the centre shows: the open document, or the comparison views (matrix, co-occurrence, charts, attributes). */
  mode: WorkspaceMode;
  setMode(mode: WorkspaceMode): void;
  /** A passage to bring into view (and flash) once its document is open; set by retrieval and search. */
  jumpTarget: JumpTarget | null;
  load(): Promise<void>;
  /** Reloads lists and the open document after any change made through the core. */
  refresh(): Promise<void>;
  /**
   * Runs a change through the core, then refreshes (in the background once a preview is shown); failures
   * land in `error` and resolve to undefined.
   */
  change<T>(run: () => Promise<T>, options?: ChangeOptions<T>): Promise<T | undefined>;
  selectCodes(ids: number[]): void;
  jumpTo(target: JumpTarget): Promise<void>;
  reportError(e: unknown): void;
  select(id: number): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  dismissError(): void;
}

async function fetchOverview() {
  const [project, stats, documents, groups, codes, history] = await Promise.all([
    call('project.info', {}),
    call('project.stats', {}),
    call('documents.list', {}),
    call('groups.list', {}),
    call('codes.list', {}),
    call('history.state', {}),
  ]);
  return { project, stats, documents, groups, codes, history };
}

export const useWorkspace = create<WorkspaceState>()((set, get) => {
  /** Bumped as each change starts, so a refresh overtaken by a later change drops its answers. */
  let changes = 0;
  /** Set when a change may have touched more than codings, until a whole refresh lands. */
  let wholeOwed = false;
  const changeStarts = (codingsOnly: boolean) => {
    changes++;
    if (!codingsOnly) wholeOwed = true;
  };

  /** The open document again, after a change: whole, or only its codings when nothing else changed. */
  const reloadView = async (id: number, codingsOnly: boolean, summary: DocumentSummary) => {
    const { view } = get();
    if (!codingsOnly || view?.summary.id !== id) return call('documents.get', { id });
    return { ...view, summary, codings: await call('codings.list', { documentId: id }) };
  };

  /** Reloads everything after a change (undo/redo), keeping the open document if it still exists. */
  const refresh = async (codingsOnly = false) => {
    const started = changes;
    const whole = !codingsOnly || wholeOwed;
    const overview = await fetchOverview();
    const { selectedId } = get();
    const summary = overview.documents.find((d) => d.id === selectedId);
    const view = selectedId !== null && summary ? await reloadView(selectedId, !whole, summary) : null;
    // A later change refreshes again when it is done; these answers may predate it.
    if (started !== changes) return;
    if (whole) wholeOwed = false;
    const codeIds = new Set(overview.codes.map((c) => c.id));
    set((s) => ({
      ...overview,
      // Another document opened meanwhile is select()'s to show.
      ...(s.selectedId === selectedId ? { selectedId: view ? selectedId : null, view } : {}),
      revision: s.revision + 1,
      selectedCodeIds: s.selectedCodeIds.filter((c) => codeIds.has(c)),
    }));
  };

  /** Refreshes without holding up the caller; a failure is reported like any other. */
  const refreshLater = (codingsOnly: boolean) => {
    refresh(codingsOnly).catch((e: unknown) => set({ error: errorInfo(e) }));
  };

  const changeHistory = async (name: 'history.undo' | 'history.redo') => {
    const { history } = get();
    if ((name === 'history.undo' ? history.undo : history.redo) === null) return;
    changeStarts(false);
    try {
      set({ history: await call(name, {}) });
      await refresh();
    } catch (e) {
      set({ error: errorInfo(e) });
      await refresh().catch(() => undefined);
    }
  };

  return {
    phase: 'loading',
    project: null,
    stats: null,
    documents: [],
    groups: [],
    codes: [],
    history: { undo: null, redo: null },
    selectedId: null,
    view: null,
    viewLoading: false,
    revision: 0,
    error: null,
    selectedCodeIds: [],
    jumpTarget: null,
    mode: 'documents',
    setMode: (mode) => set({ mode }),

    refresh: async () => {
      try {
        await refresh();
      } catch (e) {
        set({ error: errorInfo(e) });
      }
    },

    async change(run, options = {}) {
      const codingsOnly = options.codingsOnly ?? false;
      changeStarts(codingsOnly);
      try {
        const result = await run();
        const { view } = get();
        const shown = view && options.preview?.(result, view);
        if (!shown) {
          await refresh(codingsOnly);
          return result;
        }
        // The reader sees the change now; lists, counts and the exact codings follow.
        set({ view: shown });
        refreshLater(codingsOnly);
        return result;
      } catch (e) {
        set({ error: errorInfo(e) });
        await refresh().catch(() => undefined);
        return undefined;
      }
    },

    selectCodes: (ids) => set({ selectedCodeIds: ids }),

    async jumpTo(target) {
      set({ mode: 'documents' });
      if (get().selectedId !== target.documentId) await get().select(target.documentId);
      set({ jumpTarget: target });
    },

    reportError: (e) => set({ error: errorInfo(e) }),

    async load() {
      set({ phase: 'loading', error: null });
      try {
        set({ ...(await fetchOverview()), phase: 'ready' });
      } catch (e) {
        set({ phase: 'failed', error: errorInfo(e) });
      }
    },

    async select(id) {
      set({ selectedId: id, viewLoading: true, mode: 'documents' });
      try {
        const view = await call('documents.get', { id });
        // A later click wins: drop answers for documents no longer selected.
        if (get().selectedId === id) set((s) => ({ view, viewLoading: false, revision: s.revision + 1 }));
      } catch (e) {
        if (get().selectedId === id) set({ view: null, viewLoading: false, error: errorInfo(e) });
      }
    },

    undo: () => changeHistory('history.undo'),
    redo: () => changeHistory('history.redo'),
    dismissError: () => set({ error: null }),
  };
});
