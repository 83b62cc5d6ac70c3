import { useEffect } from 'react';
import { useWorkspace } from '../store';
import { useCodingUi } from '../coding/ui-store';
import { blockIndexAt, blocksOf } from './offsets';
import { offsetsToRange } from './dom-range';
import { makeTabStop, revealRange } from './focus';

// Jump-to-passage (from excerpts, search, memos): once the target's document is showing, bring the
// passage to the middle of the view, flash it, and make its turn the transcript's tab stop.

export function useJump(root: HTMLElement | null, documentId: number, synced: number): void {
  const target = useWorkspace((s) => s.jumpTarget);
  useEffect(() => {
    if (!root || !target || target.documentId !== documentId || synced === 0) return;
    const ui = useCodingUi.getState();
    if (ui.handledJump === target.nonce) return;
    ui.markJumpHandled(target.nonce);
    const range = offsetsToRange(root, target.start, Math.max(target.end, target.start + 1));
    const blocks = blocksOf(root) as HTMLElement[];
    const block = blocks[Math.max(0, blockIndexAt(blocks, target.start))];
    // Focus stays where the jump came from (an excerpt, a search hit), so the reader can go on down that
    // list; the transcript's tab stop moves to the passage, one Tab (or F6) away.
    if (block) makeTabStop(root, block);
    if (range) revealRange(root, range, true);
    else block?.scrollIntoView({ block: 'center' });
    ui.flashPassage({ documentId, start: target.start, end: target.end });
  }, [root, target, documentId, synced]);
}
