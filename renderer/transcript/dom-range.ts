import { domPointToOffset, offsetToDomPoint, tidyRange } from './offsets';
import type { TextRange } from './sentences';

// The browser side of offsets.ts: DOM selections and ranges to document offsets and back.

/** The part of a DOM range that lies in the transcript, as document offsets (tidied), or null. */
export function rangeToOffsets(root: HTMLElement, range: Range, text: string): TextRange | null {
  if (!range.intersectsNode(root)) return null;
  // Selections dragged in from outside the transcript count from its first or to its last text.
  const startInside = root.contains(range.startContainer);
  const endInside = root.contains(range.endContainer);
  const start = startInside
    ? domPointToOffset(root, range.startContainer, range.startOffset, 'start')
    : domPointToOffset(root, root, 0, 'start');
  const end = endInside
    ? domPointToOffset(root, range.endContainer, range.endOffset, 'end')
    : domPointToOffset(root, root, root.childNodes.length, 'end');
  if (start === null || end === null) return null;
  return tidyRange(text, start, end);
}

/** The window's current selection in the transcript, as document offsets, or null. */
export function selectionOffsets(root: HTMLElement, text: string): TextRange | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return rangeToOffsets(root, selection.getRangeAt(0), text);
}

/** A DOM range over the shown text of [start, end), or null when none of it is shown. */
export function offsetsToRange(root: HTMLElement, start: number, end: number): Range | null {
  const a = offsetToDomPoint(root, start, 'start');
  const b = offsetToDomPoint(root, end, 'end');
  if (!a || !b) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(a.node as Node, a.offset);
  range.setEnd(b.node as Node, b.offset);
  return range.collapsed ? null : range;
}

/** Makes [start, end) the window's selection (what the reader sees and what Ctrl+C copies). */
export function selectOffsets(root: HTMLElement, start: number, end: number): boolean {
  const range = offsetsToRange(root, start, end);
  const selection = root.ownerDocument.getSelection();
  if (!range || !selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

export function clearSelection(root: HTMLElement): void {
  const selection = root.ownerDocument.getSelection();
  if (selection && selection.rangeCount && root.contains(selection.anchorNode)) selection.removeAllRanges();
}

/** The nearest ancestor that scrolls vertically (the workspace's centre column). */
export function scrollParent(el: HTMLElement): HTMLElement {
  for (let n = el.parentElement; n; n = n.parentElement) {
    const { overflowY } = getComputedStyle(n);
    if (overflowY === 'auto' || overflowY === 'scroll') return n;
  }
  return el.ownerDocument.scrollingElement as HTMLElement;
}
