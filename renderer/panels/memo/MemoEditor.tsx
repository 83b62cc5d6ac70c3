import { useEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { Autosaver, statusText } from './autosave';
import type { MemoContent, SaveStatus } from './autosave';
import { initialMemoState, memoContentOf, MEMO_NODES } from './memo-state';
import { MemoToolbar } from './Toolbar';
import './memo.css';

export interface MemoEditorProps {
  /** Names the text box for assistive technology, e.g. "Memo on Riverside panel 2". */
  label: string;
  /** The stored memo to start from; give the editor a new `key` to load a different one. */
  memo: { contentJson: string; contentText: string; updatedAt?: string } | null;
  /** Stores the memo; a rejection is shown under the editor and retried on the next change. */
  save(content: MemoContent): Promise<void>;
  placeholder?: string;
  /** Milliseconds of quiet after typing before saving. */
  delayMs?: number;
}

const theme = {
  paragraph: 'memo-p',
  heading: { h2: 'memo-h2', h3: 'memo-h3' },
  list: { ul: 'memo-ul', ol: 'memo-ol', listitem: 'memo-li', nested: { listitem: 'memo-li-nested' } },
  text: { bold: 'memo-bold', italic: 'memo-italic', underline: 'memo-underline' },
};

function AutosavePlugin({ saver }: { saver: Autosaver }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
        // Selection moves change nothing worth saving.
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        saver.change(memoContentOf(editorState));
      }),
    [editor, saver],
  );
  return null;
}

/**
 * A rich-text memo (bold, italic, headings, lists) that saves itself: after a pause in typing, when focus
 * leaves it, and when it is closed. Reusable for any memo: the caller says how to save.
 */
export function MemoEditor({ label, memo, save, placeholder, delayMs }: MemoEditorProps) {
  const start = useMemo(() => initialMemoState(memo), [memo]);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const [saver] = useState(
    () =>
      new Autosaver({
        baseline: start.content,
        save: (c) => saveRef.current(c),
        onStatus: setStatus,
        delayMs,
      }),
  );

  useEffect(() => {
    const flush = () => void saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [saver]);

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    // Moving between the toolbar and the text is not leaving the memo.
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void saver.flush();
  };

  const initialConfig = {
    namespace: 'commonplace-memo',
    theme,
    nodes: MEMO_NODES,
    editorState: start.json,
    onError: (error: Error) => {
      throw error;
    },
  };
  const text = statusText(status, memo?.updatedAt ? new Date(memo.updatedAt) : null);

  return (
    <div className="rich-memo" onBlur={onBlur}>
      <LexicalComposer initialConfig={initialConfig}>
        <MemoToolbar label={`Formatting for ${label}`} />
        <div className="memo-surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="memo-text"
                aria-label={label}
                aria-multiline="true"
                aria-placeholder={placeholder ?? ''}
                placeholder={<div className="memo-placeholder">{placeholder}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <AutosavePlugin saver={saver} />
      </LexicalComposer>
      <div
        className={`memo-status memo-status-${status.state}`}
        role={status.state === 'error' ? 'alert' : undefined}
      >
        <span>{text}</span>
        {status.state === 'error' && (
          <button type="button" className="memo-retry" onClick={() => void saver.flush()}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
