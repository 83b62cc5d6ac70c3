import { useEffect } from 'react';

// Undo/redo arrive two ways: as keys (browser, tests, and Electron, whose menu shows but does not grab
// the shortcut) and as messages from the native Edit menu. In a text field both mean "undo typing".

/** Must equal MENU_MESSAGE_TYPE in electron/channels.ts (a unit test checks); the renderer cannot import it. */
export const MENU_MESSAGE_TYPE = 'commonplace:menu';

type Command = 'undo' | 'redo';

function editingText(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)
    return !el.readOnly && !el.disabled;
  return el.isContentEditable;
}

export function commandForKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): Command | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

export function useUndoRedoCommands(run: Record<Command, () => void>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      if (!command || editingText()) return;
      e.preventDefault();
      run[command]();
    };
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window || e.origin !== window.location.origin) return;
      const data = e.data as { type?: unknown; command?: unknown } | null;
      if (data?.type !== MENU_MESSAGE_TYPE || (data.command !== 'undo' && data.command !== 'redo')) return;
      // execCommand is deprecated but is the only way to reach the field's own undo stack.
      if (editingText()) document.execCommand(data.command);
      else run[data.command]();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('message', onMessage);
    };
  }, [run]);
}

/** Commands from the native menu other than undo/redo (which need the text-field logic above). */
export type MenuAction = 'find' | 'import' | 'export';

export function useMenuCommand(command: MenuAction, run: () => void): void {
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window || e.origin !== window.location.origin) return;
      const data = e.data as { type?: unknown; command?: unknown } | null;
      if (data?.type === MENU_MESSAGE_TYPE && data.command === command) run();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [command, run]);
}
