import { useWorkspace } from '../store';

/** The right-hand panel: excerpts of the selected codes, memos and search (filled in by the panels work). */
export function RightPanel() {
  const selected = useWorkspace((s) => s.selectedCodeIds);
  return (
    <section className="right-panel" aria-label="Excerpts">
      <p className="empty-state">
        {selected.length ? `${selected.length} code(s) selected` : 'Choose codes to see their excerpts.'}
      </p>
    </section>
  );
}
