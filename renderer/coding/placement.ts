// Where a popup goes: just below the passage it belongs to, or above it when there is no room below,
// kept inside the visible part of the transcript. Coordinates are in the transcript frame's space (the
// popup scrolls with the text it belongs to).

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
}

export function placePopup(
  anchor: Box,
  size: { width: number; height: number },
  visible: Box,
  gap = 8,
): Placement {
  const roomBelow = visible.bottom - anchor.bottom - gap;
  const roomAbove = anchor.top - visible.top - gap;
  const below = roomBelow >= size.height || roomBelow >= roomAbove;
  const top = below ? anchor.bottom + gap : anchor.top - gap - size.height;
  const maxLeft = Math.max(visible.left, visible.right - size.width);
  const left = Math.min(Math.max(anchor.left, visible.left), maxLeft);
  return { top: Math.round(top), left: Math.round(left), side: below ? 'below' : 'above' };
}

/** The box around a passage's last line (where the reader's eye and pointer are after selecting). */
export function anchorBox(rects: readonly Box[]): Box | null {
  if (rects.length === 0) return null;
  const last = rects[rects.length - 1]!;
  const first = rects[0]!;
  // Left-aligned under a one-line passage; under the last line's start for longer ones.
  return {
    top: first.top,
    bottom: last.bottom,
    left: rects.length === 1 ? first.left : last.left,
    right: last.right,
  };
}
