import { useWorkspace } from '../../store';
import { useSidebar } from '../sidebarStore';
import type { MenuRequest } from '../sidebarStore';
import { groupHeader } from '../dom';
import { Menu } from '../ui/Menu';

/** What can be done to a document group from the list. */
export function GroupMenu({ menu }: { menu: MenuRequest }) {
  const group = useWorkspace((s) => s.groups.find((g) => g.id === menu.id));
  const sidebar = useSidebar.getState();
  if (!group) return null;
  const { id } = group;
  return (
    <Menu
      label={`Actions for group ${group.name}`}
      x={menu.x}
      y={menu.y}
      onClose={sidebar.closeMenu}
      returnFocus={() => groupHeader(id)}
      items={[
        { label: 'Rename', shortcut: 'F2', keys: 'F2', onSelect: () => sidebar.setRenamingGroup(id) },
        {
          label: 'Delete…',
          shortcut: 'Del',
          keys: 'Delete',
          danger: true,
          separated: true,
          onSelect: () => sidebar.openDialog({ kind: 'delete-group', id }),
        },
      ]}
    />
  );
}
