import { useEffect } from 'react';
import { useWorkspace } from '../store';
import { plural } from '../format';
import { EmptyState } from './EmptyState';
import { ErrorBoundary } from './ErrorBoundary';
import { TranscriptView } from '../transcript/TranscriptView';
import { KeyboardHelp } from '../coding/KeyboardHelp';
import { useRecentCodes } from '../coding/recent';

/** The open document: its facts, the codes used in it, and the transcript itself. */
export function DocumentPane() {
  const documents = useWorkspace((s) => s.documents);
  const selectedId = useWorkspace((s) => s.selectedId);
  const view = useWorkspace((s) => s.view);
  const codes = useWorkspace((s) => s.codes);
  const loading = useWorkspace((s) => s.viewLoading);
  const projectPath = useWorkspace((s) => s.project?.path);
  useEffect(() => {
    if (projectPath) useRecentCodes.getState().forProject(projectPath);
  }, [projectPath]);

  if (selectedId === null || (!view && !loading)) {
    return (
      <EmptyState title={documents.length ? 'No document open' : 'This project is empty'}>
        {documents.length
          ? 'Choose a document in the list on the left to read its transcript and see its codings.'
          : 'Once transcripts are imported, they are listed on the left; choose one to read it here.'}
      </EmptyState>
    );
  }
  if (!view || view.summary.id !== selectedId) {
    return (
      <p className="loading" role="status">
        Opening document…
      </p>
    );
  }
  const used = new Set(view.codings.map((k) => k.codeId));
  const legend = codes.filter((c) => used.has(c.id));
  const { summary } = view;
  return (
    <article className="document-pane" aria-labelledby="document-title">
      <header className="document-header">
        <div className="document-title-row">
          <h2 id="document-title">{summary.name}</h2>
          <KeyboardHelp />
        </div>
        <p className="document-facts">
          {summary.groups.length > 0 && <>{summary.groups.join(', ')} · </>}
          {plural(summary.turns, 'turn')} · {plural(summary.words, 'word')} ·{' '}
          {plural(summary.codings, 'coding')}
        </p>
        {legend.length > 0 && (
          <ul className="legend" aria-label="Codes in this document">
            {legend.map((c) => (
              <li key={c.id} className="code-chip" style={{ ['--code-color' as string]: c.color }}>
                {c.path}
              </li>
            ))}
          </ul>
        )}
        <p id="transcript-hint" className="transcript-hint">
          Select words to code them, or press <kbd>C</kbd> on a turn to code it whole; <kbd>?</kbd> lists the
          keys.
        </p>
      </header>
      <ErrorBoundary what="the transcript">
        <TranscriptView view={view} codes={codes} />
      </ErrorBoundary>
    </article>
  );
}
