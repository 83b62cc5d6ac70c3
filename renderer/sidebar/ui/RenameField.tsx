import { useEffect, useId, useRef, useState } from 'react';
import './ui.css';

interface RenameFieldProps {
  initial: string;
  /** Accessible name, e.g. "Rename code Trust". */
  label: string;
  /** Resolves to the core's refusal, or null once renamed. */
  onCommit(name: string): Promise<string | null>;
  /** Leaves editing; `refocus` is false when focus has already moved elsewhere (a click away). */
  onDone(refocus: boolean): void;
}

/** In-place rename: Enter commits, Escape cancels, leaving the field commits; refusals stay in view. */
export function RenameField({ initial, label, onCommit, onDone }: RenameFieldProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  const errorId = useId();

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (refocus: boolean) => {
    if (finished.current) return;
    finished.current = true;
    onDone(refocus);
  };

  const commit = async (refocus: boolean) => {
    if (busyRef.current || finished.current) return;
    if (value.trim() === initial.trim() || value.trim() === '') {
      if (value.trim() === '' && value !== initial) {
        setError('A name cannot be empty.');
        return;
      }
      return finish(refocus);
    }
    busyRef.current = true;
    setBusy(true);
    const refusal = await onCommit(value);
    busyRef.current = false;
    setBusy(false);
    if (refusal) {
      setError(refusal);
      ref.current?.focus();
    } else finish(refocus);
  };

  return (
    <span className="sb-rename">
      <input
        ref={ref}
        className="sb-input sb-rename-input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={value}
        spellCheck={false}
        readOnly={busy}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit(true);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            finish(true);
          }
        }}
        onBlur={() => {
          // With a refusal on show, editing stays open until the name is fixed or Escape is pressed.
          if (!error) void commit(false);
        }}
        onClick={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
      />
      {error && (
        <span id={errorId} className="sb-field-error sb-rename-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
