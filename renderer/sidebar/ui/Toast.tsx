import { useEffect } from 'react';
import { useWorkspace } from '../../store';
import { useSidebar } from '../sidebarStore';
import './toast.css';

const SHOWN_FOR_MS = 12_000;

/**
 * Says what a change did (and how to take it back) in a polite live region. It fades on its own, but
 * only the message: Ctrl+Z keeps working because undo lives in the project's history.
 */
export function Toast() {
  const toast = useSidebar((s) => s.toast);
  const dismiss = useSidebar((s) => s.dismissToast);
  const undo = useWorkspace((s) => s.undo);
  const canUndo = useWorkspace((s) => s.history.undo !== null);

  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(dismiss, SHOWN_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [toast, dismiss]);

  return (
    <div className="sb-toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="sb-toast" key={toast.nonce}>
          <span className="sb-toast-message">{toast.message}</span>
          {toast.undoable && canUndo && (
            <button
              type="button"
              className="sb-toast-button"
              onClick={() => {
                dismiss();
                void undo();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" className="sb-toast-close" aria-label="Dismiss message" onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
