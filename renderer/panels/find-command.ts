import { useEffect, useRef } from 'react';
import { MENU_MESSAGE_TYPE } from '../commands';

// Find arrives as Ctrl/Cmd+F and, in Electron, as a message from the native Edit menu (which shows the
// shortcut but leaves the key to the page). Both must work even while typing in a memo.

export function isFindKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f';
}

export function isFindMessage(data: unknown): boolean {
  const d = data as { type?: unknown; command?: unknown } | null;
  return d?.type === MENU_MESSAGE_TYPE && d.command === 'find';
}

export function useFindCommand(onFind: () => void): void {
  // A ref, so a new callback each render does not re-register the listeners.
  const latest = useRef(onFind);
  useEffect(() => {
    latest.current = onFind;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isFindKey(e)) return;
      e.preventDefault();
      latest.current();
    };
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window || e.origin !== window.location.origin) return;
      if (isFindMessage(e.data)) latest.current();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('message', onMessage);
    };
  }, []);
}
