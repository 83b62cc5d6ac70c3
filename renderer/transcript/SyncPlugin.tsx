import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import type { Block } from './model';
import { $applySync, blockSignature, planIsEmpty, planSync } from './populate';
import type { CodingLookup, SyncPlan, SyncResult, SyncState } from './populate';
import { APPLY_MARK } from '../coding/actions';
import { captureAnchor, restoreAnchor } from './anchor';
import { scrollParent } from './dom-range';

/** Performance measures, read by the end-to-end tests and the bench for information. */
export const MEASURE_FIRST = 'commonplace:transcript-populate';
/** From the first slice to the last block in the editor (wall time, other work and frames included). */
export const MEASURE_FILLED = 'commonplace:transcript-filled';
export const MEASURE_UPDATE = 'commonplace:transcript-update';
export const MEASURE_APPLY = 'commonplace:apply-code-to-update';

/**
 * A long transcript goes into the editor a slice at a time: the first slice (more than a screenful) paints
 * at once, and the rest follows in tasks short enough (~20 ms) not to hold up the reader's input.
 */
export const FIRST_SLICE = 40;
export const SLICE = 200;

interface Props {
  blocks: readonly Block[];
  lookup: CodingLookup;
  /**
   * What block signatures read of the codebook `lookup` draws from (each code's id, colour and path):
   * while it stays the same, a block object's signature does too. A new codebook array that differs only
   * elsewhere (its coding counts, after every apply) keeps the signatures already worked out.
   */
  codesKey: string;
  /**
   * Called after the DOM reflects `blocks` (so overlays, roving focus and jumps can rely on it): not
   * while the first slices are going in, then after every change.
   */
  onSynced(root: HTMLElement | null, changed: readonly string[], rebuilt: boolean): void;
}

/** Puts a plan into the editor, keeping the reader's place when blocks in view may change height. */
function applyPlan(editor: LexicalEditor, plan: SyncPlan, lookup: CodingLookup, previous: SyncState | null) {
  const root = editor.getRootElement();
  const scroller = root ? scrollParent(root) : null;
  // Blocks added at the end never move the view: only changes need the reader's place kept.
  const moves = plan.rebuild || plan.changed.length > 0;
  const anchor = root && scroller && previous && moves ? captureAnchor(root, scroller) : null;
  const started = performance.now();
  const box: { result?: SyncResult } = {};
  editor.update(
    () => {
      box.result = $applySync(plan, lookup, previous);
    },
    { discrete: true, tag: 'commonplace-sync' },
  );
  const result = box.result!;
  performance.measure(previous ? MEASURE_UPDATE : MEASURE_FIRST, {
    start: started,
    end: performance.now(),
    detail: { blocks: plan.blocks.length, changed: result.changed.length },
  });
  if (plan.changed.length > 0 && performance.getEntriesByName(APPLY_MARK, 'mark').length) {
    performance.measure(MEASURE_APPLY, APPLY_MARK);
    performance.clearMarks(APPLY_MARK);
  }
  if (root && scroller && anchor) restoreAnchor(root, scroller, anchor);
  return { result, started };
}

/**
 * Keeps the editor showing `blocks`: filled when the document opens, then updated in place, block by
 * block, before the browser paints, with the reader's place kept.
 */
export function SyncPlugin({ blocks, lookup, codesKey, onSynced }: Props) {
  const [editor] = useLexicalComposerContext();
  const state = useRef<SyncState | null>(null);
  const synced = useRef(onSynced);
  synced.current = onSynced;
  // Unchanged blocks are the same objects from one build to the next (incremental.ts).
  const signatures = useRef({ codesKey, known: new WeakMap<Block, string>() });
  const [filled, setFilled] = useState(FIRST_SLICE);
  const shown = useMemo(() => (filled >= blocks.length ? blocks : blocks.slice(0, filled)), [blocks, filled]);
  /** When the first slice went in, until the last one has. */
  const fillStarted = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (signatures.current.codesKey !== codesKey) signatures.current = { codesKey, known: new WeakMap() };
    const { known } = signatures.current;
    const signatureOf = (block: Block) => {
      let signature = known.get(block);
      if (signature === undefined) known.set(block, (signature = blockSignature(block, lookup)));
      return signature;
    };
    const complete = shown === blocks;
    const plan = planSync(shown, lookup, state.current, signatureOf);
    if (!planIsEmpty(plan)) {
      const first = state.current === null;
      const { result, started } = applyPlan(editor, plan, lookup, state.current);
      state.current = result.state;
      if (first) fillStarted.current = started;
      if (complete && fillStarted.current !== null) {
        performance.measure(MEASURE_FILLED, { start: fillStarted.current, end: performance.now() });
        fillStarted.current = null;
      }
      if (complete) synced.current(editor.getRootElement(), result.changed, result.rebuilt);
    }
    if (complete) return;
    const timer = setTimeout(() => setFilled((n) => n + SLICE));
    return () => clearTimeout(timer);
  }, [editor, shown, blocks, lookup, codesKey]);

  return null;
}
