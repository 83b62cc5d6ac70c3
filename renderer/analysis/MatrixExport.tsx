import { useEffect, useRef, useState } from 'react';
import { call, errorInfo } from '../api';
import { describeSave, saveExportedFile } from '../save-file';
import type { MatrixQueryArgs, MatrixResult } from '../../shared/contract/analysis-calls';
import { matrixToTsv } from './matrix-logic';
import { plural } from '../format';

/** Puts text on the clipboard; false when the system refuses (no permission, no clipboard). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** CSV and Excel through the core (same numbers as the CLI), and "Copy as table" for pasting into a report. */
export function MatrixExport(props: {
  query: MatrixQueryArgs;
  matrix: MatrixResult | undefined;
  percent: boolean;
}) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [manual, setManual] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, [manual]);

  const save = async (format: 'csv' | 'xlsx') => {
    setStatus({ text: 'Preparing the file…' });
    try {
      const file = await call('analysis.matrixExport', { query: props.query, format });
      setStatus({ text: describeSave(await saveExportedFile(file), file) });
    } catch (e) {
      setStatus({ text: errorInfo(e).message, error: true });
    }
  };
  const copy = async () => {
    const m = props.matrix;
    if (!m) return;
    const tsv = matrixToTsv(m, props.percent);
    const size = `${plural(m.rows.length, 'row')} × ${plural(m.cols.length, 'column')}`;
    if (await copyText(tsv)) {
      setManual(null);
      setStatus({
        text: `Copied the table (${size}, with totals). Paste it into a spreadsheet or document.`,
      });
    } else {
      setManual(tsv);
      setStatus({
        text: 'Copying is not allowed here: the table is selected below, press Ctrl+C (⌘C) to copy it.',
      });
    }
  };

  return (
    <div className="matrix-export">
      <div role="group" aria-label="Export the matrix" className="compare-buttons">
        <span className="compare-note" aria-hidden="true">
          Export
        </span>
        <button type="button" className="compare-button" onClick={() => void save('csv')}>
          <span className="visually-hidden">Export as </span>CSV
        </button>
        <button type="button" className="compare-button" onClick={() => void save('xlsx')}>
          <span className="visually-hidden">Export as </span>Excel
        </button>
        <button type="button" className="compare-button" onClick={() => void copy()} disabled={!props.matrix}>
          Copy as table
        </button>
      </div>
      <p role="status" className={status?.error ? 'compare-error' : 'compare-confirm'}>
        {status?.text}
      </p>
      {manual !== null && (
        <textarea
          ref={box}
          className="manual-copy"
          aria-label="The table as tab-separated text"
          readOnly
          rows={4}
          value={manual}
          onBlur={() => setManual(null)}
        />
      )}
    </div>
  );
}
