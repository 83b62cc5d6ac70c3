import { useEffect, useRef, useState } from 'react';
import { setCodingMemo } from './actions';

// A coding's memo: plain text kept on the coding itself (codings.setMemo). Ctrl/Cmd+Enter saves,
// Escape cancels; an emptied memo is removed.

interface Props {
  codingId: number;
  codeName: string;
  memo: string | null;
  onDone(): void;
}

export function MemoEditor({ codingId, codeName, memo, onDone }: Props) {
  const [text, setText] = useState(memo ?? '');
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const save = async () => {
    if (busy) return;
    if (text === (memo ?? '')) return onDone();
    setBusy(true);
    const saved = await setCodingMemo(codingId, text);
    setBusy(false);
    if (saved) onDone();
  };

  return (
    <div className="memo-editor">
      <textarea
        ref={area}
        aria-label={`Memo for this coding of ${codeName}`}
        value={text}
        rows={Math.min(10, Math.max(3, text.split('\n').length + 1))}
        disabled={busy}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            // Only the editor closes; the popover around it stays.
            e.preventDefault();
            e.stopPropagation();
            onDone();
          }
        }}
      />
      <div className="memo-actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
          Save memo
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
