import type { DocumentView } from '../../shared/contract';
import type { Coding } from '../../shared/types';

// The open document as a coding change leaves it, worked out from the change's own result, so the
// transcript shows it without waiting for the refresh (which then reconciles, e.g. the exact timestamp).
// Null means "not this document": the refresh shows the change instead.

const byPlace = (a: Coding, b: Coding) => a.start - b.start || a.end - b.end;

function withCount(view: DocumentView, codings: Coding[]): DocumentView {
  const count = view.summary.codings + codings.length - view.codings.length;
  return { ...view, codings, summary: { ...view.summary, codings: count } };
}

/** The view with a coding the core has just added (kept in the core's order: start, then end). */
export function withCoding(view: DocumentView, coding: Coding): DocumentView | null {
  if (coding.documentId !== view.summary.id || view.codings.some((k) => k.id === coding.id)) return null;
  return withCount(view, [...view.codings, coding].sort(byPlace));
}

/** The view without the removed codings; null when none of them are in it. */
export function withoutCodings(view: DocumentView, ids: readonly number[]): DocumentView | null {
  const gone = new Set(ids);
  const codings = view.codings.filter((k) => !gone.has(k.id));
  return codings.length === view.codings.length ? null : withCount(view, codings);
}

/** The view with a coding's memo changed; the core keeps no memo that is only whitespace. */
export function withMemo(view: DocumentView, id: number, memo: string): DocumentView | null {
  if (!view.codings.some((k) => k.id === id)) return null;
  const kept = memo.trim() ? memo : null;
  return { ...view, codings: view.codings.map((k) => (k.id === id ? { ...k, memo: kept } : k)) };
}
