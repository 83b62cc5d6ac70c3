import { useWorkspace } from '../store';
import { formatCount, plural } from '../format';
import { EmptyState } from './EmptyState';

/** Every document in the project; choosing one opens it in the centre. */
export function DocumentList() {
  const documents = useWorkspace((s) => s.documents);
  const selectedId = useWorkspace((s) => s.selectedId);
  const select = useWorkspace((s) => s.select);
  return (
    <section className="sidebar-section" aria-labelledby="documents-heading">
      <h2 id="documents-heading">
        Documents <span className="count">{formatCount(documents.length)}</span>
      </h2>
      {documents.length === 0 ? (
        <EmptyState title="No documents yet">
          Import focus-group transcripts (.txt, .md, .docx, .vtt, .srt) with{' '}
          <code>commonplace import PROJECT FILES</code>, then reopen the project.
        </EmptyState>
      ) : (
        <ul className="document-list">
          {documents.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className="document-item"
                aria-current={d.id === selectedId ? 'true' : undefined}
                onClick={() => void select(d.id)}
              >
                <span className="document-name">{d.name}</span>
                {d.groups.length > 0 && <span className="document-groups">{d.groups.join(', ')}</span>}
                <span className="document-meta">
                  {plural(d.words, 'word')} · {plural(d.codings, 'coding')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
