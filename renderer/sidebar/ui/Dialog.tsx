import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import './ui.css';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose(): void;
  /** Runs on Enter in a field or the submit button; the dialog stays open until the caller closes it. */
  onSubmit(): void;
  submitLabel: string;
  /** Red submit button for changes that remove things. */
  danger?: boolean;
  /** Disables the submit button (e.g. while nothing is chosen, or a change is running). */
  submitDisabled?: boolean;
  /** The core's refusal, shown above the buttons. */
  error?: string | null;
  /** Where focus goes afterwards when the element that opened the dialog is gone (a deleted row). */
  fallbackFocus?: () => HTMLElement | null;
  children: ReactNode;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal form on the native <dialog>: the rest of the window is inert while it is open, Escape and
 * Cancel close it, Tab cycles inside it, and focus returns to where it came from.
 */
export function Dialog(props: DialogProps) {
  const { title, onClose, onSubmit, submitLabel, danger, submitDisabled, error, children } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const fallback = useRef(props.fallbackFocus);
  fallback.current = props.fallbackFocus;
  const titleId = useId();
  const errorId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const back = opener?.isConnected ? opener : fallback.current?.();
      back?.focus();
    };
  }, []);

  const trapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!submitDisabled) onSubmit();
  };

  // In <body>, so the dialog takes none of the styles of the panel that opened it.
  return createPortal(
    <dialog
      ref={ref}
      className="sb-dialog"
      aria-labelledby={titleId}
      aria-describedby={error ? errorId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={trapTab}
      onMouseDown={(e) => {
        // A press on the backdrop (the dialog element itself, outside its form) dismisses it.
        if (e.target === ref.current) onClose();
      }}
    >
      <form className="sb-dialog-body" onSubmit={submit} noValidate>
        <h2 id={titleId} className="sb-dialog-title">
          {title}
        </h2>
        {children}
        {error && (
          <p id={errorId} className="sb-field-error" role="alert">
            {error}
          </p>
        )}
        <div className="sb-dialog-buttons">
          <button type="button" className="sb-button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={danger ? 'sb-button sb-button-danger' : 'sb-button sb-button-primary'}
            disabled={submitDisabled}
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
