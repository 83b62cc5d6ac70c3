import { useCodingUi } from './ui-store';
import type { CodingInfoRequest } from './ui-store';

// Hovering a highlight shows its codings after a short pause, and the popover stays while the pointer
// moves from the highlight into it. A pinned popover (opened by click or key) ignores all of this.

const OPEN_DELAY = 300;
const CLOSE_DELAY = 250;

let openTimer: ReturnType<typeof setTimeout> | undefined;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

const busy = () => {
  const s = useCodingUi.getState();
  return s.quick !== null || s.info?.pinned === true;
};

export function cancelHover(): void {
  clearTimeout(openTimer);
  clearTimeout(closeTimer);
}

export function hoverOpen(request: CodingInfoRequest): void {
  clearTimeout(closeTimer);
  clearTimeout(openTimer);
  if (busy()) return;
  const shown = useCodingUi.getState().info;
  if (shown && shown.start === request.start && shown.end === request.end) return;
  openTimer = setTimeout(() => {
    if (!busy()) useCodingUi.getState().openInfo(request);
  }, OPEN_DELAY);
}

export function hoverClose(): void {
  clearTimeout(openTimer);
  clearTimeout(closeTimer);
  closeTimer = setTimeout(() => {
    const { info, closeInfo } = useCodingUi.getState();
    if (info && !info.pinned) closeInfo();
  }, CLOSE_DELAY);
}

/** The pointer reached the popover: keep it. */
export function holdHover(): void {
  clearTimeout(closeTimer);
}
