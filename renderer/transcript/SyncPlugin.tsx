import { useLayoutEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Block } from './model';
import { $applySync, planIsEmpty, planSync } from './populate';
import type { CodingLookup, SyncResult, SyncState } from './populate';
import { APPLY_MARK } from '../coding/actions';
import { captureAnchor, restoreAnchor } from './anchor';
import { scrollParent } from './dom-range';

/** Performance measures, read by the end-to-end tests for information. */
export const MEASURE_FIRST = 'commonplace:transcript-populate';
export const MEASURE_UPDATE = 'commonplace:transcript-update';
export const MEASURE_APPLY = 'commonplace:apply-code-to-update';

interface Props {
  blocks: readonly Block[];
  lookup: CodingLookup;
  /** Called after the DOM reflects `blocks` (so overlays, roving focus and jumps can rely on it). */
  onSynced(root: HTMLElement | null, changed: readonly string[], rebuilt: boolean): void;
}

/**
 * Keeps the editor showing `blocks`: filled once when the document opens, then updated in place, block
 * by block, before the browser paints, with the reader's place kept.
 */
export function SyncPlugin({ blocks, lookup, onSynced }: Props) {
  const [editor] = useLexicalComposerContext();
  const state = useRef<SyncState | null>(null);
  const synced = useRef(onSynced);
  synced.current = onSynced;

  useLayoutEffect(() => {
    const plan = planSync(blocks, lookup, state.current);
    if (planIsEmpty(plan)) return;
    const root = editor.getRootElement();
    const scroller = root ? scrollParent(root) : null;
    const anchor = root && scroller && state.current ? captureAnchor(root, scroller) : null;
    const first = state.current === null;
    const started = performance.now();
    const box: { result?: SyncResult } = {};
    editor.update(
      () => {
        box.result = $applySync(plan, lookup, state.current);
      },
      { discrete: true, tag: 'commonplace-sync' },
    );
    if (!box.result) return;
    const { state: next, changed, rebuilt } = box.result;
    state.current = next;
    performance.measure(first ? MEASURE_FIRST : MEASURE_UPDATE, {
      start: started,
      end: performance.now(),
      detail: { blocks: blocks.length, changed: changed.length },
    });
    if (!first && performance.getEntriesByName(APPLY_MARK, 'mark').length) {
      performance.measure(MEASURE_APPLY, APPLY_MARK);
      performance.clearMarks(APPLY_MARK);
    }
    if (root && scroller) restoreAnchor(root, scroller, anchor);
    synced.current(root, changed, rebuilt);
  }, [editor, blocks, lookup]);

  return null;
}
