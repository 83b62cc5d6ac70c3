import { useEffect, useRef } from 'react';
import type { DocumentView } from '../../shared/contract';
import { useCodingUi } from '../coding/ui-store';
import { cancelHover, hoverClose, hoverOpen } from '../coding/hover';
import { blockOf, segmentEnd, segmentStart } from './offsets';
import { blockRequest, codingsOverlapping, infoRequest, selectionRequest } from './requests';
import type { TextRange } from './sentences';

// The mouse in the transcript: selecting text opens quick-code next to it; clicking a highlight pins
// its codings' popover (hovering shows it); the turn header's buttons code the turn or list its codings.

function markRange(mark: HTMLElement): TextRange | null {
  const pieces = mark.querySelectorAll<HTMLElement>('[data-start]');
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return first && last ? { start: segmentStart(first), end: segmentEnd(last) } : null;
}

const codingIdsOf = (mark: HTMLElement): number[] =>
  (mark.dataset.codings ?? '').split(' ').filter(Boolean).map(Number);

export function useTranscriptMouse(root: HTMLElement | null, view: DocumentView): void {
  const current = useRef(view);
  current.current = view;

  useEffect(() => {
    if (!root) return;
    const doc = root.ownerDocument;
    let pressed = false;
    const block = (n: Node) => blockOf(n, root) as HTMLElement | null;

    const onMouseDown = (e: MouseEvent) => {
      pressed = e.button === 0;
    };
    const onMouseUp = (e: MouseEvent) => {
      if (!pressed || e.button !== 0) return;
      pressed = false;
      const view = current.current;
      const request = selectionRequest(view, root);
      if (request) {
        cancelHover();
        useCodingUi.getState().openQuick(request);
        return;
      }
      const mark = (e.target as Element).closest?.('mark.coded');
      if (!(mark instanceof HTMLElement) || !root.contains(mark)) return;
      const range = markRange(mark);
      if (!range) return;
      cancelHover();
      useCodingUi.getState().openInfo(infoRequest(view, range, codingIdsOf(mark), block(mark), true));
    };
    const onClick = (e: MouseEvent) => {
      const button = (e.target as Element).closest?.('[data-action]');
      if (!(button instanceof HTMLElement) || !root.contains(button)) return;
      const el = block(button);
      if (!el) return;
      const view = current.current;
      if (button.dataset.action === 'code-block') {
        const request = blockRequest(view, el);
        if (request) useCodingUi.getState().openQuick(request);
      } else if (button.dataset.action === 'codings') {
        const body = { start: Number(el.dataset.bodyStart), end: Number(el.dataset.bodyEnd) };
        const ids = codingsOverlapping(view, body.start, body.end, Number(button.dataset.code));
        useCodingUi.getState().openInfo(infoRequest(view, body, ids, el, true));
      }
    };
    const onOver = (e: MouseEvent) => {
      const mark = (e.target as Element).closest?.('mark.coded');
      if (!(mark instanceof HTMLElement) || pressed) return;
      const range = markRange(mark);
      if (range) hoverOpen(infoRequest(current.current, range, codingIdsOf(mark), block(mark), false));
    };
    const onOut = (e: MouseEvent) => {
      const from = (e.target as Element).closest?.('mark.coded');
      const to = (e.relatedTarget as Element | null)?.closest?.('mark.coded');
      if (from && from !== to) hoverClose();
    };

    root.addEventListener('mousedown', onMouseDown);
    doc.addEventListener('mouseup', onMouseUp);
    root.addEventListener('click', onClick);
    root.addEventListener('mouseover', onOver);
    root.addEventListener('mouseout', onOut);
    return () => {
      root.removeEventListener('mousedown', onMouseDown);
      doc.removeEventListener('mouseup', onMouseUp);
      root.removeEventListener('click', onClick);
      root.removeEventListener('mouseover', onOver);
      root.removeEventListener('mouseout', onOut);
      cancelHover();
    };
  }, [root]);
}
