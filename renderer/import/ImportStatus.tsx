import { plural } from '../format';
import { useImport } from './import-store';

/** Progress while files are read and imported, then what was imported and what was not, and why. */
export function ImportStatus() {
  const { phase, done, total, file, result, failure, dismiss } = useImport();
  if (phase === 'idle') return null;
  if (phase === 'reading' || phase === 'importing') {
    const determinate = phase === 'reading' && total > 0;
    return (
      <div className="import-status" role="status">
        <span>
          {phase === 'reading'
            ? `Reading ${file || 'files'}…`
            : `Importing${total ? ` ${plural(total, 'file')}` : ''}…`}
        </span>
        <progress
          aria-label="Import progress"
          {...(determinate ? { value: done, max: total } : {})}
          className="import-progress"
        />
      </div>
    );
  }
  return (
    <div className={`import-status ${failure || result?.failed.length ? 'has-problems' : ''}`} role="alert">
      <div className="import-report">
        {failure && (
          <>
            <strong>Nothing was imported.</strong>
            <pre className="import-failure">{failure.replace(/^Nothing was imported; /, '')}</pre>
          </>
        )}
        {result && result.imported.length > 0 && (
          <p>
            <strong>Imported {plural(result.imported.length, 'document')}:</strong>{' '}
            {result.imported
              .map((d) => `${d.name} (${plural(d.words, 'word')}, ${plural(d.speakers.length, 'speaker')})`)
              .join('; ')}
          </p>
        )}
        {result && result.failed.length > 0 && (
          <ul className="import-failures" aria-label="Files not imported">
            {result.failed.map((f) => (
              <li key={f.file}>
                {f.file}: {f.problem}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
