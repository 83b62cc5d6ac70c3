import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api';
import { useMenuCommand } from '../commands';
import { useImport } from './import-store';
import './import.css';

export const ACCEPTED = '.txt,.md,.docx,.vtt,.srt';
const PROGRESS_MESSAGE_TYPE = 'commonplace:progress';

/** The Import… button (native dialog in the desktop app, a file picker in the browser) and file drops. */
export function ImportControls() {
  const input = useRef<HTMLInputElement>(null);
  const importFiles = useImport((s) => s.importFiles);
  const importWithDialog = useImport((s) => s.importWithDialog);
  const busy = useImport((s) => s.phase === 'reading' || s.phase === 'importing');
  const [native, setNative] = useState(false);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    call('host.capabilities', {})
      .then((c) => setNative(c.nativeDialogs))
      .catch(() => setNative(false));
  }, []);

  const start = useCallback(() => {
    if (native) void importWithDialog().catch(() => input.current?.click());
    else input.current?.click();
  }, [native, importWithDialog]);
  useMenuCommand('import', start);

  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      void importFiles([...(e.dataTransfer?.files ?? [])]);
    };
    const progress = (e: MessageEvent) => {
      const d = e.data as { type?: unknown; done?: unknown; total?: unknown; file?: unknown } | null;
      if (e.source !== window || d?.type !== PROGRESS_MESSAGE_TYPE) return;
      if (typeof d.done === 'number' && typeof d.total === 'number') {
        useImport.getState().progress(d.done, d.total, typeof d.file === 'string' ? d.file : '');
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('message', progress);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('message', progress);
    };
  }, [importFiles]);

  return (
    <>
      <button
        type="button"
        onClick={start}
        disabled={busy}
        title="Import transcripts (.txt, .md, .docx, .vtt, .srt)"
      >
        Import…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED}
        hidden
        aria-label="Transcript files to import"
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void importFiles(files);
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop transcripts to import them</p>
        </div>
      )}
    </>
  );
}
