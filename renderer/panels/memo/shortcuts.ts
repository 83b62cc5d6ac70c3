// Formatting actions of the memo editor and their keys. Bold and italic are Lexical's own Ctrl/Cmd+B and
// Ctrl/Cmd+I; headings and lists follow the common word-processor keys. Digits are matched by physical
// key (`code`) because Shift and Alt change `key` on every layout; AltGr (reported as Ctrl+Alt on
// Windows) types characters and is never taken as a shortcut.

export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'bullet' | 'number';
export type MemoAction = 'bold' | 'italic' | BlockKind;

export interface ActionInfo {
  label: string;
  /** Shown in tooltips and announced through aria-keyshortcuts. */
  keys: string;
}

export function actionInfo(action: MemoAction, mac: boolean): ActionInfo {
  const mod = mac ? 'Meta' : 'Control';
  const info: Record<MemoAction, ActionInfo> = {
    bold: { label: 'Bold', keys: `${mod}+B` },
    italic: { label: 'Italic', keys: `${mod}+I` },
    h2: { label: 'Heading', keys: `${mod}+Alt+1` },
    h3: { label: 'Subheading', keys: `${mod}+Alt+2` },
    paragraph: { label: 'Normal text', keys: `${mod}+Alt+0` },
    bullet: { label: 'Bulleted list', keys: `${mod}+Shift+8` },
    number: { label: 'Numbered list', keys: `${mod}+Shift+7` },
  };
  return info[action];
}

type KeyLike = Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'> & {
  getModifierState?(key: string): boolean;
};

/** The block action for a key press, or null (bold and italic are left to Lexical). */
export function blockShortcut(e: KeyLike, mac: boolean): BlockKind | null {
  if (e.getModifierState?.('AltGraph')) return null;
  const primary = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!primary) return null;
  if (e.altKey && !e.shiftKey) {
    if (e.code === 'Digit1') return 'h2';
    if (e.code === 'Digit2') return 'h3';
    if (e.code === 'Digit0') return 'paragraph';
  }
  if (e.shiftKey && !e.altKey) {
    if (e.code === 'Digit8') return 'bullet';
    if (e.code === 'Digit7') return 'number';
  }
  return null;
}

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
