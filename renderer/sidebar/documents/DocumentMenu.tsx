import { useWorkspace } from '../../store';
import { useSidebar } from '../sidebarStore';
import type { MenuRequest } from '../sidebarStore';
import { documentButton } from '../dom';
import { NO_GROUP_KEY } from '../docGroups';
import { Menu } from '../ui/Menu';

/** What can be done to a document from the list. */
export function DocumentMenu({ menu }: { menu: MenuRequest }) {
  const doc = useWorkspace((s) => s.documents.find((d) => d.id === menu.id));
  const select = useWorkspace((s) => s.select);
  const sidebar = useSidebar.getState();
  if (!doc) return null;
  const groupKey = menu.groupKey ?? NO_GROUP_KEY;
  return (
    <Menu
      label={`Actions for document ${doc.name}`}
      x={menu.x}
      y={menu.y}
      onClose={sidebar.closeMenu}
      returnFocus={() => documentButton(groupKey, doc.id)}
      items={[
        { label: 'Open', shortcut: 'Enter', keys: 'Enter', onSelect: () => void select(doc.id) },
        {
          label: 'Rename',
          shortcut: 'F2',
          keys: 'F2',
          separated: true,
          onSelect: () => sidebar.setRenamingDocument({ id: doc.id, groupKey }),
        },
        {
          label: 'Change groups…',
          onSelect: () => sidebar.openDialog({ kind: 'document-groups', id: doc.id }),
        },
        {
          label: 'Delete…',
          shortcut: 'Del',
          keys: 'Delete',
          danger: true,
          separated: true,
          onSelect: () => sidebar.openDialog({ kind: 'delete-document', id: doc.id }),
        },
      ]}
    />
  );
}
