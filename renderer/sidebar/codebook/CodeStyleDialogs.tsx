import { useId, useState } from 'react';
import { call } from '../../api';
import { CODE_PALETTE } from '../../../shared/colors';
import type { CodeInfo } from '../../../shared/types';
import { useSidebar } from '../sidebarStore';
import { codeTreeFocusTarget } from '../dom';
import { Dialog } from '../ui/Dialog';
import { useDialogChange } from '../ui/useDialogChange';

/** Palette swatches (radio buttons: one tab stop, arrows choose) plus the system colour picker. */
export function ColorDialog({ code }: { code: CodeInfo }) {
  const sidebar = useSidebar.getState();
  const { error, busy, run } = useDialogChange();
  const [color, setColor] = useState(code.color.toUpperCase());
  const id = useId();
  return (
    <Dialog
      title={`Colour of “${code.name}”`}
      submitLabel="Apply colour"
      error={error}
      submitDisabled={busy || color === code.color.toUpperCase()}
      fallbackFocus={codeTreeFocusTarget}
      onClose={sidebar.closeDialog}
      onSubmit={() =>
        void run(
          () => call('codes.recolor', { id: code.id, color }),
          () => sidebar.closeDialog(),
        )
      }
    >
      <fieldset className="sb-palette">
        <legend className="sb-label">Palette</legend>
        {CODE_PALETTE.map((c, i) => (
          <input
            key={c}
            type="radio"
            name={`${id}-palette`}
            className="sb-palette-swatch"
            style={{ backgroundColor: c }}
            aria-label={`Colour ${i + 1}, ${c}`}
            title={c}
            value={c}
            checked={color === c}
            data-autofocus={color === c || (i === 0 && !CODE_PALETTE.includes(color)) ? true : undefined}
            onChange={() => setColor(c)}
          />
        ))}
      </fieldset>
      <div className="sb-color-custom">
        <label className="sb-label" htmlFor={`${id}-custom`}>
          Any colour
        </label>
        <input
          id={`${id}-custom`}
          type="color"
          className="sb-color-input"
          value={color.toLowerCase()}
          onChange={(e) => setColor(e.target.value.toUpperCase())}
        />
        <span className="sb-color-preview">
          <span className="code-swatch" style={{ backgroundColor: color }} aria-hidden="true" />
          {code.name} <span className="sb-color-hex">{color}</span>
        </span>
      </div>
    </Dialog>
  );
}

/** A multi-line description: what the code means and when to apply it (shown under the code's name). */
export function DescribeDialog({ code }: { code: CodeInfo }) {
  const sidebar = useSidebar.getState();
  const { error, busy, run } = useDialogChange();
  const [text, setText] = useState(code.description);
  const id = useId();
  return (
    <Dialog
      title={`Description of “${code.name}”`}
      submitLabel="Save description"
      error={error}
      submitDisabled={busy || text === code.description}
      fallbackFocus={codeTreeFocusTarget}
      onClose={sidebar.closeDialog}
      onSubmit={() =>
        void run(
          () => call('codes.describe', { id: code.id, description: text.trim() }),
          () => sidebar.closeDialog(),
        )
      }
    >
      <label className="sb-label" htmlFor={`${id}-text`}>
        What “{code.path}” means and when to apply it
      </label>
      <textarea
        id={`${id}-text`}
        className="sb-input sb-textarea"
        rows={7}
        value={text}
        data-autofocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter is a new line here; Ctrl/Cmd+Enter saves, as in other multi-line fields.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <p className="sb-dialog-hint">Ctrl+Enter saves. Leave it empty to remove the description.</p>
    </Dialog>
  );
}
