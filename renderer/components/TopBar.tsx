import { useWorkspace } from '../store';
import { plural } from '../format';
import { ImportControls } from '../import/ImportControls';
import { ExportButton } from '../export/ExportDialog';
import { ModeSwitch } from './ModeSwitch';

/** Project name, its size at a glance, and undo/redo labelled with what they would undo. */
export function TopBar() {
  const project = useWorkspace((s) => s.project);
  const stats = useWorkspace((s) => s.stats);
  const history = useWorkspace((s) => s.history);
  const undo = useWorkspace((s) => s.undo);
  const redo = useWorkspace((s) => s.redo);
  return (
    <header className="top-bar">
      <div className="project-title">
        <h1>{project?.name ?? 'Commonplace'}</h1>
        {stats && (
          <p className="project-stats">
            {plural(stats.documents, 'document')} · {plural(stats.words, 'word')} ·{' '}
            {plural(stats.codes, 'code')} · {plural(stats.codings, 'coding')}
          </p>
        )}
      </div>
      <ModeSwitch />
      <div className="project-actions" role="group" aria-label="Project">
        <ImportControls />
        <ExportButton />
      </div>
      <div className="history-buttons" role="group" aria-label="History">
        <button
          type="button"
          onClick={() => void undo()}
          disabled={!history.undo}
          title={history.undo ? `Undo ${history.undo}` : 'Nothing to undo'}
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => void redo()}
          disabled={!history.redo}
          title={history.redo ? `Redo ${history.redo}` : 'Nothing to redo'}
        >
          Redo
        </button>
      </div>
    </header>
  );
}
