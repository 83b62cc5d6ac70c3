import { useWorkspace, type WorkspaceMode } from '../store';

const MODES: { mode: WorkspaceMode; label: string; hint: string }[] = [
  { mode: 'documents', label: 'Documents', hint: 'Read and code transcripts' },
  { mode: 'compare', label: 'Compare', hint: 'Code matrix, co-occurrence, charts and attributes' },
];

/** Switches the centre between reading documents and comparing themes across groups and speakers. */
export function ModeSwitch() {
  const mode = useWorkspace((s) => s.mode);
  const setMode = useWorkspace((s) => s.setMode);
  return (
    <div className="mode-switch" role="group" aria-label="View">
      {MODES.map((m) => (
        <button
          key={m.mode}
          type="button"
          aria-pressed={mode === m.mode}
          title={m.hint}
          onClick={() => setMode(m.mode)}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}
