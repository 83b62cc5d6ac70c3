import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND, mergeRegister } from 'lexical';
import { $selectionFormat, $toggleBlock, NO_FORMAT } from './blocks';
import type { SelectionFormat } from './blocks';
import { actionInfo, blockShortcut, isMac } from './shortcuts';
import type { MemoAction } from './shortcuts';

/** Three lines with bullets or numbers in front: drawn here, as the app loads no icon fonts. */
function ListIcon({ numbered }: { numbered: boolean }) {
  const rows = [4, 8, 12];
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {rows.map((y, i) =>
        numbered ? (
          <text key={y} x="0.5" y={y + 2} fontSize="5" fontFamily="inherit" fill="currentColor">
            {i + 1}
          </text>
        ) : (
          <circle key={y} cx="2" cy={y} r="1.3" fill="currentColor" />
        ),
      )}
      {rows.map((y) => (
        <rect key={y} x="5.5" y={y - 0.75} width="10" height="1.5" rx="0.75" fill="currentColor" />
      ))}
    </svg>
  );
}

const ACTIONS: { action: MemoAction; glyph: ReactNode }[] = [
  { action: 'bold', glyph: 'B' },
  { action: 'italic', glyph: 'I' },
  { action: 'h2', glyph: 'H1' },
  { action: 'h3', glyph: 'H2' },
  { action: 'bullet', glyph: <ListIcon numbered={false} /> },
  { action: 'number', glyph: <ListIcon numbered /> },
];

function isPressed(action: MemoAction, f: SelectionFormat): boolean {
  if (action === 'bold') return f.bold;
  if (action === 'italic') return f.italic;
  return f.block === action;
}

/**
 * Formatting buttons for the memo editor: one tab stop (arrow keys move between buttons, as in the ARIA
 * toolbar pattern), pressed states that follow the caret, and the heading and list keyboard shortcuts.
 */
export function MemoToolbar({ label }: { label: string }) {
  const [editor] = useLexicalComposerContext();
  const [format, setFormat] = useState<SelectionFormat>(NO_FORMAT);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const mac = useMemo(isMac, []);

  const run = (action: MemoAction) => {
    if (action === 'bold' || action === 'italic') editor.dispatchCommand(FORMAT_TEXT_COMMAND, action);
    else editor.update(() => $toggleBlock(action));
  };

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) =>
          setFormat(editorState.read(() => $selectionFormat(), { editor })),
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (e) => {
            const kind = blockShortcut(e, mac);
            if (!kind) return false;
            e.preventDefault();
            editor.update(() => $toggleBlock(kind));
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, mac],
  );

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const last = ACTIONS.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: focusIndex === last ? 0 : focusIndex + 1,
      ArrowLeft: focusIndex === 0 ? last : focusIndex - 1,
      Home: 0,
      End: last,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="memo-toolbar" role="toolbar" aria-label={label} onKeyDown={onKeyDown}>
      {ACTIONS.map(({ action, glyph }, i) => {
        const info = actionInfo(action, mac);
        const shown = info.keys.replace('Meta', '⌘').replace('Control', 'Ctrl');
        return (
          <button
            key={action}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            className={`memo-tool memo-tool-${action}`}
            tabIndex={i === focusIndex ? 0 : -1}
            aria-label={info.label}
            aria-pressed={isPressed(action, format)}
            aria-keyshortcuts={info.keys}
            title={`${info.label} (${shown})`}
            // Keeps the editor's selection: the button acts on it without taking focus from the text.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setFocusIndex(i);
              run(action);
            }}
          >
            <span aria-hidden="true">{glyph}</span>
          </button>
        );
      })}
    </div>
  );
}
