import { useSidebar } from '../sidebarStore';
import type { MenuRequest } from '../sidebarStore';
import { keyboardMove } from '../codeTree';
import type { CodeRow, CodeTree } from '../codeTree';
import { codeRow } from '../dom';
import { Menu } from '../ui/Menu';
import type { MenuItem } from '../ui/Menu';
import { queueKeyboardMove, selectCode } from './codeActions';

/** Everything that can be done to one code, for mouse users and as the keyboard's discoverable list. */
export function CodeMenu({ menu, tree, rows }: { menu: MenuRequest; tree: CodeTree; rows: CodeRow[] }) {
  const sidebar = useSidebar.getState();
  const code = tree.byId.get(menu.id);
  if (!code) return null;
  const id = code.id;
  const move = (direction: 'up' | 'down' | 'out' | 'in') => {
    const target = keyboardMove(tree, id, direction);
    return { disabled: !target, onSelect: () => queueKeyboardMove(id, direction) };
  };
  const items: MenuItem[] = [
    {
      label: 'Show excerpts',
      shortcut: 'Enter',
      keys: 'Enter',
      onSelect: () => selectCode(rows, id, 'only'),
    },
    { label: 'New sub-code…', onSelect: () => sidebar.openNewCode(id, true) },
    {
      label: 'Rename',
      shortcut: 'F2',
      keys: 'F2',
      separated: true,
      onSelect: () => sidebar.setRenamingCode(id),
    },
    { label: 'Edit description…', onSelect: () => sidebar.openDialog({ kind: 'describe-code', id }) },
    { label: 'Colour…', onSelect: () => sidebar.openDialog({ kind: 'color-code', id }) },
    {
      label: 'Move to…',
      separated: true,
      onSelect: () => sidebar.openDialog({ kind: 'move-code', id }),
    },
    { label: 'Move up', shortcut: 'Alt+↑', keys: 'Alt+ArrowUp', ...move('up') },
    { label: 'Move down', shortcut: 'Alt+↓', keys: 'Alt+ArrowDown', ...move('down') },
    { label: 'Move out of parent', shortcut: 'Alt+←', keys: 'Alt+ArrowLeft', ...move('out') },
    { label: 'Make sub-code of the code above', shortcut: 'Alt+→', keys: 'Alt+ArrowRight', ...move('in') },
    {
      label: 'Merge into…',
      separated: true,
      onSelect: () => sidebar.openDialog({ kind: 'merge-code', id }),
    },
    {
      label: 'Delete…',
      shortcut: 'Del',
      keys: 'Delete',
      danger: true,
      onSelect: () => sidebar.openDialog({ kind: 'delete-code', id }),
    },
  ];
  return (
    <Menu
      label={`Actions for code ${code.name}`}
      items={items}
      x={menu.x}
      y={menu.y}
      onClose={sidebar.closeMenu}
      returnFocus={() => codeRow(id)}
    />
  );
}
