// Which block is the transcript's tab stop is kept on the root element itself, so it survives Lexical
// recreating the blocks' elements and needs no React state.

export function isTabStop(root: HTMLElement | null, blockKey: string): boolean {
  return root?.dataset.tabStop === blockKey;
}

export function setTabStopKey(root: HTMLElement, blockKey: string): void {
  root.dataset.tabStop = blockKey;
}

export function tabStopKey(root: HTMLElement): string | null {
  return root.dataset.tabStop ?? null;
}
