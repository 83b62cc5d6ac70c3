import { useEffect, useMemo } from 'react';
import { useWorkspace } from './store';
import { useUndoRedoCommands } from './commands';
import { TopBar } from './components/TopBar';
import { DocumentList } from './components/DocumentList';
import { Codebook } from './components/Codebook';
import { DocumentPane } from './components/DocumentPane';
import { ErrorBanner } from './components/ErrorBanner';
import { ImportStatus } from './import/ImportStatus';
import { ErrorBoundary } from './components/ErrorBoundary';
import { RightPanel } from './panels/RightPanel';
import { CompareView } from './analysis/CompareView';

/** The workspace: project bar on top, documents and codebook on the left, the open document in the centre. */
export function App() {
  const phase = useWorkspace((s) => s.phase);
  const error = useWorkspace((s) => s.error);
  const load = useWorkspace((s) => s.load);
  const undo = useWorkspace((s) => s.undo);
  const redo = useWorkspace((s) => s.redo);
  const commands = useMemo(() => ({ undo: () => void undo(), redo: () => void redo() }), [undo, redo]);
  useUndoRedoCommands(commands);

  const projectName = useWorkspace((s) => s.project?.name);
  const mode = useWorkspace((s) => s.mode);
  useEffect(() => {
    void load();
  }, [load]);
  // Names the browser tab in `npm run web`; the Electron window keeps its own title (the project name).
  useEffect(() => {
    document.title = projectName ? `${projectName} — Commonplace` : 'Commonplace';
  }, [projectName]);

  if (phase === 'failed') {
    return (
      <main className="fatal" role="alert">
        <h1>The project could not be shown</h1>
        <p>{error?.message}</p>
        <p className="error-code">Error code: {error?.code}</p>
        <button type="button" onClick={() => void load()}>
          Try again
        </button>
      </main>
    );
  }
  if (phase === 'loading') {
    return (
      <p className="loading" role="status">
        Opening project…
      </p>
    );
  }
  return (
    <div className="workspace">
      <TopBar />
      <div className="notices">
        <ImportStatus />
        <ErrorBanner />
      </div>
      <aside className="sidebar" aria-label="Project">
        <ErrorBoundary what="the document list">
          <DocumentList />
        </ErrorBoundary>
        <ErrorBoundary what="the codebook">
          <Codebook />
        </ErrorBoundary>
      </aside>
      <main className="centre">
        {mode === 'compare' ? (
          <ErrorBoundary what="the comparison views">
            <CompareView />
          </ErrorBoundary>
        ) : (
          <ErrorBoundary what="this document">
            <DocumentPane />
          </ErrorBoundary>
        )}
      </main>
      <aside className="inspector" aria-label="Excerpts, memos and search">
        <ErrorBoundary what="the side panel">
          <RightPanel />
        </ErrorBoundary>
      </aside>
    </div>
  );
}
