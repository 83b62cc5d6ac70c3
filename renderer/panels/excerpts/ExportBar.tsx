import { useState } from 'react';
import { call, errorInfo } from '../../api';
import type { ExcerptQueryArgs } from '../../../shared/contract';
import { saveExportedFile } from '../../save-file';

type Format = 'csv' | 'md' | 'html' | 'json' | 'docx' | 'xlsx';

const FORMATS: { format: Format; label: string; name: string }[] = [
  { format: 'csv', label: 'CSV', name: 'CSV' },
  { format: 'md', label: 'Markdown', name: 'Markdown' },
  { format: 'html', label: 'HTML', name: 'HTML' },
  { format: 'json', label: 'JSON', name: 'JSON' },
  { format: 'docx', label: 'Word', name: 'Word (DOCX)' },
  { format: 'xlsx', label: 'Excel', name: 'Excel (XLSX)' },
];

type Message = { kind: 'busy' | 'done' | 'problem'; text: string } | null;

/** Exports exactly the excerpts shown (same codes and filters) and saves the file. */
export function ExportBar({ query, disabled }: { query: ExcerptQueryArgs; disabled: boolean }) {
  const [message, setMessage] = useState<Message>(null);
  const busy = message?.kind === 'busy';

  const run = async (format: Format, name: string) => {
    setMessage({ kind: 'busy', text: `Exporting ${name}…` });
    try {
      const file = await call('export.excerpts', { format, query });
      const outcome = await saveExportedFile(file);
      if (outcome.kind === 'cancelled') setMessage(null);
      else if (outcome.kind === 'saved')
        setMessage({ kind: 'done', text: `Saved ${outcome.path ?? file.fileName}.` });
      else setMessage({ kind: 'done', text: `Downloaded ${outcome.fileName}.` });
    } catch (e) {
      const { code, message: text } = errorInfo(e);
      setMessage({
        kind: 'problem',
        text:
          code === 'unsupported'
            ? `${text} CSV, Markdown, HTML and JSON exports work.`
            : `The ${name} export failed: ${text}`,
      });
    }
  };

  return (
    <div className="export-bar">
      <div className="export-buttons" role="group" aria-label="Export these excerpts">
        <span className="export-label" aria-hidden="true">
          Export as
        </span>
        {FORMATS.map(({ format, label, name }) => (
          <button
            key={format}
            type="button"
            className="small-button"
            aria-label={`Export as ${name}`}
            disabled={disabled || busy}
            onClick={() => void run(format, name)}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="export-message" role="status">
        {message && message.kind !== 'problem' ? message.text : ''}
      </p>
      {message?.kind === 'problem' && (
        <p className="export-message export-problem" role="alert">
          {message.text}
        </p>
      )}
    </div>
  );
}
