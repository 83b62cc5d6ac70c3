import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { blocksOf } from './offsets';
import { blockAtTop, blockElement } from './anchor';
import { scrollParent } from './dom-range';
import { setTabStopKey, tabStopKey } from './tab-stop';

// Keyboard focus in the transcript: blocks (turns and paragraphs) are focusable, and exactly one of them
// is in the tab order at a time (a roving tab stop), together with the buttons in its header. Tab
// therefore enters the transcript on the current block and leaves it after that block's actions.

export function useRootElement(): HTMLElement | null {
  const [editor] = useLexicalComposerContext();
  const [root, setRoot] = useState<HTMLElement | null>(() => editor.getRootElement());
  useEffect(() => editor.registerRootListener((next) => setRoot(next)), [editor]);
  return root;
}

function setHeaderTabbable(block: HTMLElement, tabbable: boolean): void {
  for (const button of block.querySelectorAll<HTMLElement>(':scope > .turn-head button')) {
    button.tabIndex = tabbable ? 0 : -1;
  }
}

/** Makes `block` the transcript's tab stop (and only it). */
export function makeTabStop(root: HTMLElement, block: HTMLElement): void {
  if (block.dataset.block) setTabStopKey(root, block.dataset.block);
  for (const other of root.querySelectorAll<HTMLElement>(':scope > [data-block][tabindex="0"]')) {
    if (other === block) continue;
    other.tabIndex = -1;
    setHeaderTabbable(other, false);
  }
  block.tabIndex = 0;
  setHeaderTabbable(block, true);
}

/** After the transcript changed: keep the tab stop where it was if that block still exists, else the
 * block the reader is looking at. */
export function ensureTabStop(root: HTMLElement): HTMLElement | null {
  const key = tabStopKey(root);
  const block =
    (key ? blockElement(root, key) : null) ??
    firstVisibleBlock(root) ??
    (blocksOf(root)[0] as HTMLElement | undefined);
  if (block) makeTabStop(root, block);
  return block ?? null;
}

export function isVisibleIn(el: HTMLElement, scroller: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  const s = scroller.getBoundingClientRect();
  return r.bottom > s.top && r.top < s.bottom;
}

/**
 * The block at the top of the view (where Tab should land after mouse scrolling): the first one that
 * starts in view, so focusing it does not scroll, or else the one the view is inside.
 */
export function firstVisibleBlock(root: HTMLElement): HTMLElement | null {
  const view = scrollParent(root).getBoundingClientRect();
  const top = blockAtTop(root, view.top + 1);
  if (!top || top.getBoundingClientRect().top >= view.top) return top;
  const next = top.nextElementSibling as HTMLElement | null;
  return next?.dataset.block && next.getBoundingClientRect().top < view.bottom - 40 ? next : top;
}

/** Focuses a block without the browser's jump, then scrolls just enough to show it. */
export function focusBlock(root: HTMLElement, block: HTMLElement): void {
  makeTabStop(root, block);
  block.focus({ preventScroll: true });
  block.scrollIntoView({ block: 'nearest' });
}

/** Scrolls so a DOM range is comfortably in view (centred when it was off screen). */
export function revealRange(root: HTMLElement, range: Range, center = false): void {
  const scroller = scrollParent(root);
  const r = range.getBoundingClientRect();
  const s = scroller.getBoundingClientRect();
  const margin = 48;
  if (!center && r.top >= s.top + margin && r.bottom <= s.bottom - margin) return;
  const offscreen = r.bottom < s.top || r.top > s.bottom;
  if (center || offscreen || r.height > s.height - 2 * margin) {
    scroller.scrollTop += r.top - s.top - Math.max(margin, (s.height - r.height) / 2);
  } else if (r.top < s.top + margin) scroller.scrollTop += r.top - s.top - margin;
  else scroller.scrollTop += r.bottom - s.bottom + margin;
}
