import { useEffect, useRef } from 'react';
import { useCodingUi } from './ui-store';
import { trapTab, useDismiss } from './popup';
import { IN_VIVO_KEYS } from './QuickCode';
import './coding.css';

// The transcript's keys, one press of ? (or the Keyboard button) away.

const TRANSCRIPT_KEYS: [string[], string][] = [
  [['Tab'], 'Go to the transcript (the turn at the top of the view)'],
  [['↓', 'J'], 'Next turn'],
  [['↑', 'K'], 'Previous turn'],
  [['Home', 'End'], 'First or last turn'],
  [['S'], 'Select the next sentence of the turn'],
  [['Shift+S'], 'Select the previous sentence'],
  [['E'], 'Extend the selection by a sentence'],
  [['Enter', 'C'], 'Code the selection, or the whole turn'],
  [['I'], 'Codings here: memos, removing'],
  [['Esc'], 'Drop the selection'],
  [['?'], 'This list'],
];

const POPUP_KEYS: [string[], string][] = [
  [['↑', '↓'], 'Choose a code'],
  [['Enter'], 'Apply it (or create the typed code)'],
  [['1–9'], 'Apply a recent code (with nothing typed)'],
  [[IN_VIVO_KEYS], 'In vivo: a code named after the words'],
  [['Esc'], 'Close'],
];

function KeyTable({ caption, rows }: { caption: string; rows: [string[], string][] }) {
  return (
    <table className="key-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([keys, what]) => (
          <tr key={what}>
            <th scope="row">
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' or '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </th>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Keyboard button and, when open, the list of keys. */
export function KeyboardHelp() {
  const open = useCodingUi((s) => s.help);
  const setHelp = useCodingUi((s) => s.setHelp);
  const dialog = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.querySelector<HTMLElement>('.popover-close')?.focus();
  }, [open]);

  const close = () => {
    setHelp(false);
    (opener.current?.isConnected ? opener.current : button.current)?.focus({ preventScroll: true });
  };
  useDismiss(dialog, () => setHelp(false), open);

  return (
    <div className="keyboard-help">
      <button
        ref={button}
        type="button"
        className="keyboard-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setHelp(!open)}
        title="Keyboard shortcuts (?)"
      >
        Keyboard <kbd>?</kbd>
      </button>
      {open && (
        <div
          ref={dialog}
          className="coding-popup keyboard-popover"
          role="dialog"
          aria-label="Keyboard shortcuts"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            } else if (e.key === 'Tab') trapTab(e, dialog.current);
          }}
        >
          <header className="popover-head">
            <span>Keyboard</span>
            <button type="button" className="popover-close" aria-label="Close" onClick={close}>
              ×
            </button>
          </header>
          <KeyTable caption="In the transcript" rows={TRANSCRIPT_KEYS} />
          <KeyTable caption="In the code popup" rows={POPUP_KEYS} />
          <p className="popover-note">
            Select text with the mouse to code it; hover or click a highlight for its codings.
          </p>
        </div>
      )}
    </div>
  );
}
