import { useEffect, useRef } from 'react';
import type { DocumentView } from '../../shared/contract';
import { useCodingUi } from '../coding/ui-store';
import { blockOf, blocksOf } from './offsets';
import { clearSelection, offsetsToRange, selectOffsets, selectionOffsets, scrollParent } from './dom-range';
import { firstVisibleBlock, focusBlock, isVisibleIn, makeTabStop, revealRange } from './focus';
import { blockBody, blockRequest, codingsOverlapping, infoRequest, rangeRequest } from './requests';
import { extendBySentence, nextSentence, previousSentence, sentenceRanges } from './sentences';
import type { TextRange } from './sentences';

// Coding without a mouse. On a focused block: ↓/J and ↑/K move between blocks, Home/End to the ends;
// S and Shift+S select the next or previous sentence, E extends the selection by a sentence; Enter or C
// opens quick-code for the selection (or the whole turn); I lists the codings there; Escape drops the
// selection; ? shows the keys. The list is shown to readers in KeyboardHelp.

/** The selection if it lies inside this block. */
function selectionIn(root: HTMLElement, block: HTMLElement, view: DocumentView): TextRange | null {
  const range = selectionOffsets(root, view.text);
  const body = blockBody(block);
  return range && range.start >= body.start && range.end <= body.end ? range : null;
}

function selectAndReveal(root: HTMLElement, range: TextRange | null): void {
  if (!range || !selectOffsets(root, range.start, range.end)) return;
  const dom = offsetsToRange(root, range.start, range.end);
  if (dom) revealRange(root, dom);
}

export function useTranscriptKeys(root: HTMLElement | null, view: DocumentView): void {
  const current = useRef(view);
  current.current = view;

  useEffect(() => {
    if (!root) return;
    const blocks = () => blocksOf(root) as HTMLElement[];

    const move = (from: HTMLElement, step: number | 'first' | 'last') => {
      const all = blocks();
      const i = all.indexOf(from);
      const next =
        step === 'first' ? all[0] : step === 'last' ? all[all.length - 1] : all[Math.max(0, i + step)];
      if (next && next !== from) {
        clearSelection(root);
        focusBlock(root, next);
      }
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement;
      const block = blockOf(target, root) as HTMLElement | null;
      if (!block) return;
      const onBlock = target === block;
      const view = current.current;
      const ui = useCodingUi.getState();
      const key = e.key;
      let handled = true;
      if (key === 'ArrowDown' || key === 'j') move(block, 1);
      else if (key === 'ArrowUp' || key === 'k') move(block, -1);
      else if (onBlock && key === 'Home') move(block, 'first');
      else if (onBlock && key === 'End') move(block, 'last');
      else if ((onBlock && key === 'Enter') || key === 'c' || key === 'C') {
        const selected = selectionIn(root, block, view);
        const request = selected ? rangeRequest(view, selected, block, true) : blockRequest(view, block);
        if (request) ui.openQuick(request);
      } else if (key === 's' || key === 'S' || key === 'e' || key === 'E') {
        const body = blockBody(block);
        const sentences = sentenceRanges(view.text, body.start, body.end);
        const selected = selectionIn(root, block, view);
        const pick = key === 's' ? nextSentence : key === 'S' ? previousSentence : extendBySentence;
        if (!onBlock) block.focus({ preventScroll: true });
        selectAndReveal(root, pick(sentences, selected));
      } else if (key === 'i' || key === 'I') {
        const range = selectionIn(root, block, view) ?? blockBody(block);
        ui.openInfo(infoRequest(view, range, codingsOverlapping(view, range.start, range.end), block, true));
      } else if (key === 'Escape' && selectionIn(root, block, view)) clearSelection(root);
      else if (key === '?') ui.setHelp(true);
      else handled = false;
      if (handled) e.preventDefault();
    };

    const onFocusIn = (e: FocusEvent) => {
      const block = blockOf(e.target as HTMLElement, root) as HTMLElement | null;
      if (block) makeTabStop(root, block);
    };

    // While the reader scrolls with the mouse, the tab stop follows the view, so Tab enters the
    // transcript where they are reading rather than where they last were.
    const scroller = scrollParent(root);
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (root.contains(root.ownerDocument.activeElement)) return;
        const current = root.querySelector<HTMLElement>(':scope > [data-block][tabindex="0"]');
        if (current && isVisibleIn(current, scroller)) return;
        const visible = firstVisibleBlock(root);
        if (visible) makeTabStop(root, visible);
      });
    };

    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusin', onFocusIn);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focusin', onFocusIn);
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [root]);
}
