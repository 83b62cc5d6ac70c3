import { useId } from 'react';
import { useWorkspace } from '../../store';
import { useSidebar } from '../sidebarStore';
import type { DocumentGroupView } from '../docGroups';
import { DocumentRow } from './DocumentRow';
import { GroupHeader } from './GroupHeader';

/** One group's heading and, while open, its documents. */
export function DocumentGroup({ group, filtering }: { group: DocumentGroupView; filtering: boolean }) {
  const collapsed = useSidebar((s) => s.collapsedGroups.has(group.key));
  const renaming = useSidebar((s) => s.renamingDocument);
  const selectedId = useWorkspace((s) => s.selectedId);
  // A filter shows its matches even inside groups the user has closed.
  const open = filtering || !collapsed;
  const listId = useId();
  const label = group.name ?? 'No group';
  return (
    <div className={`doc-group${group.name === null ? ' is-ungrouped' : ''}`}>
      <GroupHeader group={group} open={open} filtering={filtering} listId={listId} />
      {open &&
        (group.total === 0 ? (
          <p id={listId} className="doc-group-empty">
            No documents in this group.
          </p>
        ) : (
          <ul id={listId} className="doc-list" aria-label={label}>
            {group.documents.map((d) => (
              <DocumentRow
                key={d.id}
                doc={d}
                groupKey={group.key}
                current={d.id === selectedId}
                renaming={renaming?.id === d.id && renaming.groupKey === group.key}
              />
            ))}
          </ul>
        ))}
    </div>
  );
}
