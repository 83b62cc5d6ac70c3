import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import type { DocumentView } from '../../shared/contract';
import type { CodeInfo } from '../../shared/types';
import { updateTranscript } from './incremental';
import type { TranscriptBuild } from './incremental';
import { codingLookup } from './populate';
import { TRANSCRIPT_NODES } from './nodes';
import { SyncPlugin } from './SyncPlugin';
import { RangeOverlay } from './RangeOverlay';
import { ensureTabStop, focusBlock, useRootElement } from './focus';
import { blockElement } from './anchor';
import { selectOffsets, clearSelection } from './dom-range';
import { useTranscriptMouse } from './useTranscriptMouse';
import { useTranscriptKeys } from './useTranscriptKeys';
import { useJump } from './useJump';
import { QuickCode } from '../coding/QuickCode';
import { CodingPopover } from '../coding/CodingPopover';
import type { Surface } from '../coding/usePlacement';
import { useCodingUi } from '../coding/ui-store';
import './transcript.css';

interface Props {
  view: DocumentView;
  codes: readonly CodeInfo[];
}

const theme = { mark: 'coded', markOverlap: 'coded-overlap' };

/** Everything inside the editor: keeping it in sync, and the reader's mouse, keys and jumps. */
function Transcript({ view, codes, frame }: Props & { frame: HTMLElement | null }) {
  const root = useRootElement();
  const [synced, setSynced] = useState(0);
  const order = useMemo(() => new Map(codes.map((c, i) => [c.id, i])), [codes]);
  const lookup = useMemo(() => codingLookup(view.codings, codes), [view.codings, codes]);
  // Exactly what block signatures read of each code (populate.ts, blockSignature): a refreshed codebook
  // whose coding counts alone changed keeps SyncPlugin's cached signatures.
  const codesKey = useMemo(() => codes.map((c) => `${c.id}\t${c.color}\t${c.path}`).join('\n'), [codes]);
  const build = useRef<TranscriptBuild | null>(null);
  const blocks = useMemo(() => {
    const codeOf = new Map(view.codings.map((k) => [k.id, k.codeId]));
    const codeOrder = (id: number) => order.get(codeOf.get(id) ?? -1) ?? 0;
    // Deterministic from its inputs, so rendering twice (strict mode) gives the same blocks.
    build.current = updateTranscript(build.current, view.text, view.turns, view.codings, codeOrder);
    return build.current.blocks;
  }, [view.text, view.turns, view.codings, order]);

  const onSynced = useCallback((el: HTMLElement | null) => {
    if (el) ensureTabStop(el);
    setSynced((n) => n + 1);
  }, []);

  // Popups belong to this document: closing it closes them.
  useEffect(() => () => useCodingUi.getState().reset(), []);
  const announcement = useCodingUi((s) => s.announcement);

  useTranscriptMouse(root, view);
  useTranscriptKeys(root, view);
  useJump(root, view.summary.id, synced);

  const surface: Surface = useMemo(
    () => ({
      root,
      frame,
      returnTo(blockKey, select) {
        if (!root) return;
        const block = blockKey ? blockElement(root, blockKey) : null;
        if (block) focusBlock(root, block);
        if (select) selectOffsets(root, select.start, select.end);
        else clearSelection(root);
      },
    }),
    [root, frame],
  );

  return (
    <>
      <SyncPlugin blocks={blocks} lookup={lookup} codesKey={codesKey} onSynced={onSynced} />
      <RangeOverlay root={root} frame={frame} documentId={view.summary.id} synced={synced} />
      <QuickCode surface={surface} view={view} codes={codes} />
      <CodingPopover surface={surface} view={view} codes={codes} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}

/** The open document, read-only, with speaker turns as labelled blocks and codings highlighted. */
export function TranscriptView({ view, codes }: Props) {
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const initialConfig = {
    namespace: 'commonplace-transcript',
    editable: false,
    theme,
    nodes: TRANSCRIPT_NODES,
    onError: (error: Error) => {
      throw error;
    },
  };
  // One editor per document: later changes to its codings update it in place (SyncPlugin).
  return (
    <div className="transcript-frame" ref={setFrame}>
      <LexicalComposer key={view.summary.id} initialConfig={initialConfig}>
        <ContentEditable
          className="transcript"
          role="document"
          aria-label={`Transcript of ${view.summary.name}`}
          aria-describedby="transcript-hint"
          spellCheck={false}
        />
        <Transcript view={view} codes={codes} frame={frame} />
      </LexicalComposer>
    </div>
  );
}
