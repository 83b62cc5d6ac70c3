import type { DocumentView } from '../../shared/contract';
import type { CodingInfoRequest, QuickCodeRequest } from '../coding/ui-store';
import { blockOf, bodyEndOf, bodyStartOf } from './offsets';
import { selectionOffsets } from './dom-range';
import type { TextRange } from './sentences';

// Turns what the reader pointed at (a selection, a block, a highlight) into popup requests over
// document offsets.

/** A short quotation of a passage for the popup's heading. */
export function quoteOf(text: string, start: number, end: number, max = 90): string {
  const words = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (words.length <= max) return `“${words}”`;
  const cut = words.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `“${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…”`;
}

export function blockKeyOf(el: Element | null): string | null {
  return (el as HTMLElement | null)?.dataset?.block ?? null;
}

export function blockBody(el: HTMLElement): TextRange {
  return { start: bodyStartOf(el), end: bodyEndOf(el) };
}

export function blockName(el: HTMLElement): string {
  const speaker = el.querySelector('.turn-speaker')?.textContent;
  return speaker ? `Whole turn of ${speaker}` : 'Whole paragraph';
}

/** Quick-code over a range inside (or starting in) a block. */
export function rangeRequest(
  view: DocumentView,
  range: TextRange,
  block: HTMLElement | null,
  reselect: boolean,
): QuickCodeRequest {
  return {
    documentId: view.summary.id,
    start: range.start,
    end: range.end,
    what: quoteOf(view.text, range.start, range.end),
    blockKey: blockKeyOf(block),
    reselect,
  };
}

/** Quick-code over a whole turn body (or paragraph). */
export function blockRequest(view: DocumentView, block: HTMLElement): QuickCodeRequest | null {
  const body = blockBody(block);
  if (body.end <= body.start) return null;
  return { ...rangeRequest(view, body, block, false), what: blockName(block) };
}

/** Quick-code over the window's selection in the transcript, if any. */
export function selectionRequest(view: DocumentView, root: HTMLElement): QuickCodeRequest | null {
  const range = selectionOffsets(root, view.text);
  if (!range) return null;
  const selection = root.ownerDocument.getSelection();
  const anchor = selection?.anchorNode ?? null;
  const block = anchor && root.contains(anchor) ? (blockOf(anchor, root) as HTMLElement | null) : null;
  return rangeRequest(view, range, block, true);
}

/** Codings overlapping [start, end), in document order. */
export function codingsOverlapping(
  view: DocumentView,
  start: number,
  end: number,
  codeId?: number,
): number[] {
  return view.codings
    .filter((k) => k.start < end && k.end > start && (codeId === undefined || k.codeId === codeId))
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((k) => k.id);
}

export function infoRequest(
  view: DocumentView,
  range: TextRange,
  codingIds: number[],
  block: HTMLElement | null,
  pinned: boolean,
): CodingInfoRequest {
  return { documentId: view.summary.id, ...range, codingIds, blockKey: blockKeyOf(block), pinned };
}
