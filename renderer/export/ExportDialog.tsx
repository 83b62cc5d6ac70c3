import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorInfo } from '../api';
import { useMenuCommand } from '../commands';
import { describeSave, exportProjectToFile, saveExportedFile } from '../save-file';
import './export.css';

type What = 'excerpts' | 'codebook' | 'project';
const FORMATS: Record<What, { value: string; label: string }[]> = {
  excerpts: [
    { value: 'docx', label: 'Word report (.docx)' },
    { value: 'xlsx', label: 'Spreadsheet (.xlsx)' },
    { value: 'html', label: 'Web page (.html)' },
    { value: 'md', label: 'Markdown (.md)' },
    { value: 'csv', label: 'CSV (.csv)' },
    { value: 'json', label: 'JSON (.json)' },
  ],
  codebook: [
    { value: 'qdc', label: 'REFI-QDA codebook (.qdc)' },
    { value: 'docx', label: 'Word document (.docx)' },
    { value: 'md', label: 'Markdown (.md)' },
    { value: 'csv', label: 'CSV (.csv)' },
  ],
  project: [{ value: 'qdpx', label: 'REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder' }],
};

/** File › Export…: every coded excerpt in the project, or the codebook, in a chosen format. */
export function ExportButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [what, setWhat] = useState<What>('excerpts');
  const [format, setFormat] = useState('docx');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  // The desktop app reports progress of long exports (Word reports of thousands of excerpts).
  useEffect(() => {
    if (!busy) return;
    const onMessage = (e: MessageEvent) => {
      const d = e.data as { type?: unknown; done?: unknown; total?: unknown } | null;
      if (e.source !== window || d?.type !== 'commonplace:progress') return;
      if (typeof d.done === 'number' && typeof d.total === 'number')
        setProgress({ done: d.done, total: d.total });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [busy]);

  const open = useCallback(() => {
    setStatus(null);
    dialog.current?.showModal();
  }, []);
  useMenuCommand('export', open);
  useEffect(() => setFormat(FORMATS[what][0]!.value), [what]);

  const run = async () => {
    setBusy(true);
    setProgress(null);
    setStatus('Exporting…');
    try {
      const direct = what === 'project' ? await exportProjectToFile() : undefined;
      if (direct) {
        setStatus(direct);
        return;
      }
      const file =
        what === 'excerpts'
          ? await call('export.excerpts', { format: format as 'csv', query: {} })
          : what === 'codebook'
            ? await call('export.codebook', { format: format as 'csv' })
            : await call('export.project', { format: 'qdpx' });
      setStatus(describeSave(await saveExportedFile(file), file));
    } catch (e) {
      setStatus(errorInfo(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={open}>
        Export…
      </button>
      <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title">
        <form method="dialog" onSubmit={(e) => e.preventDefault()}>
          <h2 id="export-title">Export</h2>
          <fieldset>
            <legend>What</legend>
            <label>
              <input
                type="radio"
                name="what"
                checked={what === 'excerpts'}
                onChange={() => setWhat('excerpts')}
              />
              All coded excerpts, grouped by code
            </label>
            <label>
              <input
                type="radio"
                name="what"
                checked={what === 'codebook'}
                onChange={() => setWhat('codebook')}
              />
              The codebook
            </label>
            <label>
              <input
                type="radio"
                name="what"
                checked={what === 'project'}
                onChange={() => setWhat('project')}
              />
              The whole project, for another QDA program
            </label>
          </fieldset>
          <label className="export-format">
            Format
            <select value={format} onChange={(e) => setFormat(e.target.value)}>
              {FORMATS[what].map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          {status && (
            <p className="export-status" role="status">
              {status}
            </p>
          )}
          {busy && (
            <progress
              className="export-progress"
              aria-label="Export progress"
              {...(progress && progress.total > 0 ? { value: progress.done, max: progress.total } : {})}
            />
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
            <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
              Export
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
