import { useId } from 'react';
import type { KeyboardEvent } from 'react';
import { call } from '../../api';
import { formatCount, plural } from '../../format';
import { useSidebar } from '../sidebarStore';
import type { DocumentGroupView } from '../docGroups';
import { attempt } from '../mutate';
import { focusSiblingInList, groupHeader, menuAt } from '../dom';
import { RenameField } from '../ui/RenameField';
import { MoreButton } from './MoreButton';

interface GroupHeaderProps {
  group: DocumentGroupView;
  open: boolean;
  filtering: boolean;
  listId: string;
}

/**
 * A group's heading: opens and closes the group; a named group also renames in place (F2) and has its
 * menu on ⋯, right-click or Shift+F10. "No group" is not a group, so it has neither.
 */
export function GroupHeader({ group, open, filtering, listId }: GroupHeaderProps) {
  const { id, name } = group;
  const toggle = useSidebar((s) => s.toggleGroup);
  const renaming = useSidebar((s) => id !== null && s.renamingGroupId === id);
  const sidebar = useSidebar.getState;
  const nameId = useId();
  const shown = group.documents.length;
  const openMenu = (x: number, y: number) => {
    if (id !== null) sidebar().openMenu({ kind: 'group', id, x, y });
  };

  if (renaming && id !== null && name !== null) {
    return (
      <div className="doc-group-bar is-renaming">
        <RenameField
          initial={name}
          label={`Rename group ${name}`}
          onCommit={async (next) => {
            const outcome = await attempt(() => call('groups.rename', { id, name: next }));
            return outcome.ok ? null : outcome.error.message;
          }}
          onDone={(refocus) => {
            sidebar().setRenamingGroup(null);
            if (refocus) requestAnimationFrame(() => groupHeader(id)?.focus());
          }}
        />
      </div>
    );
  }

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusSiblingInList(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1);
    } else if (id === null) {
      return;
    } else if (e.key === 'F2') {
      e.preventDefault();
      sidebar().setRenamingGroup(id);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      sidebar().openDialog({ kind: 'delete-group', id });
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      const at = menuAt(e.currentTarget);
      openMenu(at.x, at.y);
    }
  };

  return (
    <div className="doc-group-bar">
      <h3 className="doc-group-heading">
        <button
          type="button"
          className="doc-group-header"
          data-group-id={id ?? undefined}
          aria-expanded={open}
          aria-controls={listId}
          aria-disabled={filtering || undefined}
          aria-keyshortcuts={id !== null ? 'F2 Delete Shift+F10' : undefined}
          title={`${plural(group.total, 'document')} · ${plural(group.codings, 'coding')}`}
          onClick={() => !filtering && toggle(group.key)}
          onKeyDown={onKeyDown}
          onContextMenu={(e) => {
            if (id === null) return;
            e.preventDefault();
            openMenu(e.clientX, e.clientY);
          }}
        >
          <span className="doc-group-arrow" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="doc-group-name" id={nameId}>
            {name ?? 'No group'}
          </span>
          <span className="count" aria-label={plural(group.total, 'document')}>
            {filtering && shown !== group.total
              ? `${formatCount(shown)} of ${formatCount(group.total)}`
              : formatCount(group.total)}
          </span>
        </button>
      </h3>
      {id !== null && (
        <MoreButton describedBy={nameId} title="Rename or delete the group" openMenu={openMenu} />
      )}
    </div>
  );
}
