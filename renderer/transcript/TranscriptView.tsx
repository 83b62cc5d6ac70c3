import { useEffect, useMemo } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { $getNodeByKey } from 'lexical';
import { $isMarkNode, MarkNode } from '@lexical/mark';
import type { DocumentView } from '../../shared/contract';
import type { CodeInfo } from '../../shared/types';
import { buildTranscript } from './model';
import { $populateTranscript, codingIdOfMark, codingLookup } from './populate';
import type { CodingLookup } from './populate';
import { TurnNode } from './TurnNode';

interface Props {
  view: DocumentView;
  codes: readonly CodeInfo[];
  /** Bumped whenever the view or codebook is reloaded, so the editor is rebuilt from fresh data. */
  revision: number;
}

const theme = { paragraph: 'transcript-paragraph', mark: 'coded', markOverlap: 'coded-overlap' };

/** Names the codes of each highlight in its tooltip and data attribute (colour alone is not enough). */
function MarkLabelsPlugin({ lookup }: { lookup: CodingLookup }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerMutationListener(MarkNode, (mutations) => {
        editor.read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') continue;
            const node = $getNodeByKey(key);
            const element = editor.getElementByKey(key);
            if (!$isMarkNode(node) || !element) continue;
            const names = [
              ...new Set(
                node.getIDs().map((id) => lookup.codeOf(codingIdOfMark(id))?.path ?? 'Unknown code'),
              ),
            ];
            element.title = names.join(' · ');
            element.dataset.codes = names.join('|');
          }
        });
      }),
    [editor, lookup],
  );
  return null;
}

/** The selected document, read-only, with speaker turns as labelled blocks and codings highlighted. */
export function TranscriptView({ view, codes, revision }: Props) {
  const position = useMemo(() => new Map(codes.map((c, i) => [c.id, i])), [codes]);
  const lookup = useMemo(() => codingLookup(view.codings, codes), [view.codings, codes]);
  const blocks = useMemo(() => {
    const codeOf = new Map(view.codings.map((k) => [k.id, k.codeId]));
    return buildTranscript(
      view.text,
      view.turns,
      view.codings,
      (id) => position.get(codeOf.get(id) ?? -1) ?? 0,
    );
  }, [view, position]);

  const initialConfig = {
    namespace: 'commonplace-transcript',
    editable: false,
    theme,
    nodes: [TurnNode, MarkNode],
    onError: (error: Error) => {
      throw error;
    },
    editorState: () => $populateTranscript(blocks, lookup),
  };

  // The editor reads its initial state once: a new key rebuilds it from the current data.
  return (
    <LexicalComposer key={`${view.summary.id}:${revision}`} initialConfig={initialConfig}>
      <RichTextPlugin
        contentEditable={
          <ContentEditable
            className="transcript"
            aria-label={`Transcript of ${view.summary.name}`}
            aria-readonly="true"
            aria-multiline="true"
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <MarkLabelsPlugin lookup={lookup} />
    </LexicalComposer>
  );
}
