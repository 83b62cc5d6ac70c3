import { useLayoutEffect, useRef, useState } from 'react';
import type { CSSProperties, RefObject } from 'react';
import { anchorBox, placePopup } from './placement';
import type { Placement } from './placement';
import { rectsOf } from '../transcript/RangeOverlay';
import { scrollParent } from '../transcript/dom-range';

/** Where the transcript's popups are drawn: the frame around the text, and the text's root. */
export interface Surface {
  root: HTMLElement | null;
  frame: HTMLElement | null;
  /** Gives focus back to a block when a popup closes, optionally selecting a passage again. */
  returnTo(blockKey: string | null, select?: { start: number; end: number }): void;
}

/**
 * Places a popup next to the passage [start, end) (measured after it renders, so its real size counts),
 * and again whenever `revision` changes.
 */
export function usePlacement(
  surface: Surface,
  start: number,
  end: number,
  revision: unknown,
): { ref: RefObject<HTMLDivElement | null>; style: CSSProperties; side: Placement['side'] } {
  const ref = useRef<HTMLDivElement | null>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const { root, frame } = surface;
  useLayoutEffect(() => {
    const popup = ref.current;
    if (!root || !frame || !popup) return;
    const rects = rectsOf(root, frame, start, end).map((r) => ({
      top: r.top,
      left: r.left,
      bottom: r.top + r.height,
      right: r.left + r.width,
    }));
    const anchor = anchorBox(rects) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const origin = frame.getBoundingClientRect();
    const view = scrollParent(frame).getBoundingClientRect();
    const visible = {
      top: Math.max(view.top, origin.top) - origin.top,
      bottom: view.bottom - origin.top,
      left: 0,
      right: origin.width,
    };
    setPlacement(placePopup(anchor, { width: popup.offsetWidth, height: popup.offsetHeight }, visible));
  }, [root, frame, start, end, revision]);
  const style: CSSProperties = placement
    ? { top: placement.top, left: placement.left }
    : // Measured before it is placed; still focusable (unlike visibility: hidden), so focus can move in.
      { top: 0, left: 0, opacity: 0, pointerEvents: 'none' };
  return { ref, style, side: placement?.side ?? 'below' };
}
