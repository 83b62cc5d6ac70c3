import { useWorkspace } from '../store';

/** The latest failed action, with the core's own message; the workspace stays usable behind it. */
export function ErrorBanner() {
  const error = useWorkspace((s) => s.error);
  const phase = useWorkspace((s) => s.phase);
  const dismiss = useWorkspace((s) => s.dismissError);
  if (!error || phase === 'failed') return null;
  return (
    <div className="error-banner" role="alert">
      <span>
        {error.message} <span className="error-code">({error.code})</span>
      </span>
      <button type="button" onClick={dismiss} aria-label="Dismiss error">
        Dismiss
      </button>
    </div>
  );
}
