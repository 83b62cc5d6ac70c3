import { create } from 'zustand';
import type { MatrixMeasure } from '../../shared/contract/analysis-calls';
import type { AttributeScope } from '../../shared/types';

export type CompareTab = 'matrix' | 'cooccurrence' | 'charts' | 'attributes';

/** Which codings every comparison counts; shared by the matrix, co-occurrence and charts. */
export interface CompareFilters {
  coderIds: number[];
  groupIds: number[];
  excludeSpeakerIds: number[];
}

export interface CompareState {
  tab: CompareTab;
  filters: CompareFilters;
  /** `document`, `group`, `speaker`, `doc-attr:NAME` or `speaker-attr:NAME`; null until the project says. */
  columns: string | null;
  measure: MatrixMeasure;
  subcodes: boolean;
  within: 'overlap' | 'turn';
  chartCodeId: number | null;
  chartBy: string | null;
  chartMeasure: MatrixMeasure;
  /** null: all documents. */
  participationDocId: number | null;
  attributeScope: AttributeScope;
  set(patch: Partial<Omit<CompareState, 'set' | 'setFilters'>>): void;
  setFilters(patch: Partial<CompareFilters>): void;
}

// Outlives the Compare view, so jumping to a passage and coming back finds the table as it was left.
export const useCompare = create<CompareState>()((set) => ({
  tab: 'matrix',
  filters: { coderIds: [], groupIds: [], excludeSpeakerIds: [] },
  columns: null,
  measure: 'codings',
  subcodes: false,
  within: 'overlap',
  chartCodeId: null,
  chartBy: null,
  chartMeasure: 'codings',
  participationDocId: null,
  attributeScope: 'document',
  set: (patch) => set(patch),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
}));

/** The filters as call arguments: empty lists left out, so the call (and its cache key) stays small. */
export function filterArgs(f: CompareFilters): Partial<CompareFilters> {
  const out: Partial<CompareFilters> = {};
  if (f.coderIds.length) out.coderIds = [...f.coderIds].sort((a, b) => a - b);
  if (f.groupIds.length) out.groupIds = [...f.groupIds].sort((a, b) => a - b);
  if (f.excludeSpeakerIds.length) out.excludeSpeakerIds = [...f.excludeSpeakerIds].sort((a, b) => a - b);
  return out;
}

/**
 * Forgets filter groups that are gone (deleted, or their creation undone): such a filter would match no
 * document while showing no chip to clear it.
 */
export function keepExistingGroups(groups: { id: number }[]): void {
  const { filters, setFilters } = useCompare.getState();
  const known = new Set(groups.map((g) => g.id));
  const kept = filters.groupIds.filter((id) => known.has(id));
  if (kept.length !== filters.groupIds.length) setFilters({ groupIds: kept });
}
