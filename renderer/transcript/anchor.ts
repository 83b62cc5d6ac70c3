import { blocksOf } from './offsets';

// Keeps the reader's place when the transcript changes under them (a coding added above, undo, a full
// rebuild): the first block at the top of the view stays exactly where it was on screen.

export interface ScrollAnchor {
  blockKey: string;
  /** The block's top relative to the scroller's top, in pixels. */
  offset: number;
}

/** The first block whose bottom is below `top` (a viewport y), by bisection. */
export function blockAtTop(root: HTMLElement, top: number): HTMLElement | null {
  const blocks = blocksOf(root) as HTMLElement[];
  let lo = 0;
  let hi = blocks.length - 1;
  let found: HTMLElement | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const el = blocks[mid]!;
    if (el.getBoundingClientRect().bottom > top) {
      found = el;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

export function captureAnchor(root: HTMLElement, scroller: HTMLElement): ScrollAnchor | null {
  const top = scroller.getBoundingClientRect().top;
  const el = blockAtTop(root, top);
  const blockKey = el?.dataset.block;
  if (!el || !blockKey) return null;
  return { blockKey, offset: el.getBoundingClientRect().top - top };
}

export function blockElement(root: HTMLElement, key: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`:scope > [data-block="${CSS.escape(key)}"]`);
}

export function restoreAnchor(root: HTMLElement, scroller: HTMLElement, anchor: ScrollAnchor | null): void {
  if (!anchor) return;
  const el = blockElement(root, anchor.blockKey);
  if (!el) return;
  const drift = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - anchor.offset;
  if (Math.abs(drift) >= 1) scroller.scrollTop += drift;
}
