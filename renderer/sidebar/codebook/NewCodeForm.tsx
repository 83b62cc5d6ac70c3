import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../../api';
import { useWorkspace } from '../../store';
import { useSidebar } from '../sidebarStore';
import type { CodeTree } from '../codeTree';
import { attempt } from '../mutate';
import { codeRow } from '../dom';

/**
 * Adds codes one after another: the field stays open and empties after each, so a codebook can be typed
 * in quickly. With a code chosen in the tree, it offers to add the new code beneath it.
 */
export function NewCodeForm({ tree }: { tree: CodeTree }) {
  const request = useSidebar((s) => s.newCode);
  const sidebar = useSidebar.getState();
  const [name, setName] = useState('');
  const [asSubcode, setAsSubcode] = useState(request?.asSubcode ?? false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const parent = request?.parentId != null ? tree.byId.get(request.parentId) : undefined;

  useEffect(() => {
    setAsSubcode(request?.asSubcode ?? false);
    input.current?.focus();
  }, [request]);

  if (!request) return null;
  const close = () => {
    sidebar.closeNewCode();
    document.querySelector<HTMLElement>('.codebook-new-button')?.focus();
  };
  const submit = async () => {
    const clean = name.trim();
    if (!clean) {
      setError('Type a name for the new code.');
      return;
    }
    const parentId = asSubcode && parent ? parent.id : null;
    setBusy(true);
    const outcome = await attempt(() => call('codes.create', { name: clean, parentId }));
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    setName('');
    setError(null);
    setAdded(parent && parentId !== null ? `Added “${clean}” under “${parent.name}”.` : `Added “${clean}”.`);
    if (parentId !== null) sidebar.toggleCode(parentId, true);
    sidebar.focusCode(outcome.value, true);
    useWorkspace.getState().selectCodes([outcome.value]);
    requestAnimationFrame(() => codeRow(outcome.value)?.scrollIntoView({ block: 'nearest' }));
    input.current?.focus();
  };

  return (
    <form
      className="new-code-form"
      aria-label="New code"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <label className="sb-label" htmlFor={`${id}-name`}>
        Name of the new code
      </label>
      <div className="new-code-row">
        <input
          ref={input}
          id={`${id}-name`}
          className="sb-input"
          value={name}
          readOnly={busy}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : added ? `${id}-added` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
            setAdded(null);
          }}
        />
        <button type="submit" className="sb-button sb-button-primary" disabled={busy}>
          Add
        </button>
      </div>
      {parent && (
        <label className="sb-check">
          <input type="checkbox" checked={asSubcode} onChange={(e) => setAsSubcode(e.target.checked)} />
          As a sub-code of <span className="sb-check-code">“{parent.name}”</span>
        </label>
      )}
      {error && (
        <p id={`${id}-error`} className="sb-field-error" role="alert">
          {error}
        </p>
      )}
      {added && !error && (
        <p id={`${id}-added`} className="sb-field-note" role="status">
          {added}
        </p>
      )}
      <div className="new-code-footer">
        <span className="sb-dialog-hint">Enter adds · Esc closes</span>
        <button type="button" className="sb-link-button" onClick={close}>
          Done
        </button>
      </div>
    </form>
  );
}
