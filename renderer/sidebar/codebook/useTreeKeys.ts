import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useSidebar } from '../sidebarStore';
import { typeahead } from '../codeTree';
import type { CodeRow, CodeTree } from '../codeTree';
import { codeRow, menuAt } from '../dom';
import { queueKeyboardMove, selectCode } from './codeActions';

const TYPEAHEAD_RESET_MS = 700;
const ALT_MOVES = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'out', ArrowRight: 'in' } as const;

/**
 * The tree's keys (WAI-ARIA tree pattern): arrows move focus, Right/Left open and close, Home/End jump,
 * letters find; Enter selects, Space toggles selection, Shift+arrows extend it; F2 renames, Delete
 * deletes, Alt+arrows move the code; the context-menu key or Shift+F10 opens the code's menu.
 */
export function useTreeKeys(tree: CodeTree, rows: CodeRow[], focusedId: number | null) {
  const typed = useRef({ text: '', at: 0 });

  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    const sidebar = useSidebar.getState();
    const index = rows.findIndex((r) => r.code.id === focusedId);
    const row = rows[index];
    if (!row) return;
    const id = row.code.id;
    const focusAt = (i: number, extend = false) => {
      const target = rows[Math.max(0, Math.min(i, rows.length - 1))];
      if (!target) return;
      if (extend) selectCode(rows, target.code.id, 'add');
      else sidebar.focusCode(target.code.id);
      codeRow(target.code.id)?.focus();
    };
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };

    if (e.altKey && e.key in ALT_MOVES) {
      handled();
      queueKeyboardMove(id, ALT_MOVES[e.key as keyof typeof ALT_MOVES]);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;

    switch (e.key) {
      case 'ArrowDown':
        handled();
        return focusAt(index + 1, e.shiftKey);
      case 'ArrowUp':
        handled();
        return focusAt(index - 1, e.shiftKey);
      case 'Home':
        handled();
        return focusAt(0);
      case 'End':
        handled();
        return focusAt(rows.length - 1);
      case 'ArrowRight':
        handled();
        if (row.hasChildren && !row.expanded) sidebar.toggleCode(id, true);
        else if (row.expanded) focusAt(index + 1);
        return;
      case 'ArrowLeft': {
        handled();
        if (row.expanded) return sidebar.toggleCode(id, false);
        const parent = rows.findIndex((r) => r.code.id === row.code.parentId);
        if (parent >= 0) focusAt(parent);
        return;
      }
      case 'Enter':
        handled();
        return selectCode(rows, id, 'only');
      case ' ':
        handled();
        return selectCode(rows, id, 'toggle');
      case 'F2':
        handled();
        return sidebar.setRenamingCode(id);
      case 'Delete':
        handled();
        return sidebar.openDialog({ kind: 'delete-code', id });
      case 'ContextMenu':
        handled();
        return sidebar.openMenu({ kind: 'code', id, ...menuAt(codeRow(id)) });
      case 'F10':
        if (!e.shiftKey) return;
        handled();
        return sidebar.openMenu({ kind: 'code', id, ...menuAt(codeRow(id)) });
    }

    if (e.key.length === 1 && /\S/.test(e.key)) {
      handled();
      const now = e.timeStamp;
      const t = typed.current;
      t.text = now - t.at > TYPEAHEAD_RESET_MS ? e.key : t.text + e.key;
      t.at = now;
      // Repeating one letter cycles through codes that start with it; a longer prefix stays put if it fits.
      const same = [...t.text].every((c) => c.toLowerCase() === e.key.toLowerCase());
      const hit = same ? typeahead(rows, index, e.key) : typeahead(rows, index - 1, t.text);
      if (hit >= 0) focusAt(hit);
    }
  };
}
