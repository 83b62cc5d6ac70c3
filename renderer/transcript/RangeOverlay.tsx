import { useLayoutEffect, useState } from 'react';
import { useCodingUi } from '../coding/ui-store';
import { offsetsToRange } from './dom-range';

// Passages marked over the text without touching it: the one being coded while focus is in the popup
// (the browser's own selection is gone by then), and the one just jumped to, flashed briefly.

interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export function rectsOf(root: HTMLElement, frame: HTMLElement, start: number, end: number): Rect[] {
  const range = offsetsToRange(root, start, end);
  if (!range) return [];
  const origin = frame.getBoundingClientRect();
  return [...range.getClientRects()]
    .filter((r) => r.width > 0.5)
    .map((r) => ({ top: r.top - origin.top, left: r.left - origin.left, width: r.width, height: r.height }));
}

function useRects(
  root: HTMLElement | null,
  frame: HTMLElement | null,
  passage: { start: number; end: number } | null,
  synced: number,
): Rect[] {
  const [rects, setRects] = useState<Rect[]>([]);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!frame) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(frame);
    return () => observer.disconnect();
  }, [frame]);
  const start = passage?.start;
  const end = passage?.end;
  useLayoutEffect(() => {
    setRects(
      root && frame && start !== undefined && end !== undefined ? rectsOf(root, frame, start, end) : [],
    );
  }, [root, frame, start, end, synced, width]);
  return rects;
}

interface Props {
  root: HTMLElement | null;
  frame: HTMLElement | null;
  documentId: number;
  /** Bumped after every transcript update, when layout may have moved. */
  synced: number;
}

export function RangeOverlay({ root, frame, documentId, synced }: Props) {
  const quick = useCodingUi((s) => (s.quick?.documentId === documentId ? s.quick : null));
  const flash = useCodingUi((s) => (s.flash?.documentId === documentId ? s.flash : null));
  const clearFlash = useCodingUi((s) => s.clearFlash);
  const pending = useRects(root, frame, quick, synced);
  const flashed = useRects(root, frame, flash, synced);
  return (
    <div className="range-overlay" aria-hidden="true">
      {pending.map((r, i) => (
        <div key={`p${i}`} className="pending-range" style={r} />
      ))}
      {flash &&
        flashed.map((r, i) => (
          <div
            key={`f${flash.nonce}:${i}`}
            className="jump-flash"
            style={r}
            onAnimationEnd={i === 0 ? () => clearFlash(flash.nonce) : undefined}
          />
        ))}
    </div>
  );
}
