import { useId } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { call } from '../../api';
import { useWorkspace } from '../../store';
import { plural } from '../../format';
import type { DocumentSummary } from '../../../shared/types';
import { useSidebar } from '../sidebarStore';
import { attempt } from '../mutate';
import { documentButton, focusSiblingInList, menuAt } from '../dom';
import { RenameField } from '../ui/RenameField';
import { MoreButton } from './MoreButton';

interface DocumentRowProps {
  doc: DocumentSummary;
  groupKey: string;
  current: boolean;
  renaming: boolean;
}

/** One document under one of its groups: opens on click or Enter, with its menu on ⋯, right-click or Shift+F10. */
export function DocumentRow({ doc, groupKey, current, renaming }: DocumentRowProps) {
  const select = useWorkspace((s) => s.select);
  const sidebar = useSidebar.getState;
  const key = `${groupKey}:${doc.id}`;
  const nameId = useId();
  const openMenu = (x: number, y: number) =>
    sidebar().openMenu({ kind: 'document', id: doc.id, groupKey, x, y });

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const el = e.currentTarget;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusSiblingInList(el, e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'F2') {
      e.preventDefault();
      sidebar().setRenamingDocument({ id: doc.id, groupKey });
    } else if (e.key === 'Delete') {
      e.preventDefault();
      sidebar().openDialog({ kind: 'delete-document', id: doc.id });
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      const at = menuAt(el);
      openMenu(at.x, at.y);
    }
  };

  if (renaming) {
    return (
      <li className="doc-row is-renaming">
        <RenameField
          initial={doc.name}
          label={`Rename document ${doc.name}`}
          onCommit={async (name) => {
            const outcome = await attempt(() => call('documents.rename', { id: doc.id, name }));
            return outcome.ok ? null : outcome.error.message;
          }}
          onDone={(refocus) => {
            sidebar().setRenamingDocument(null);
            if (refocus) requestAnimationFrame(() => documentButton(groupKey, doc.id)?.focus());
          }}
        />
      </li>
    );
  }

  return (
    <li className="doc-row">
      <button
        type="button"
        className="doc-item"
        data-doc-key={key}
        aria-current={current ? 'true' : undefined}
        aria-keyshortcuts="F2 Delete Shift+F10"
        onClick={() => void select(doc.id)}
        onKeyDown={onKeyDown}
        onContextMenu={(e: MouseEvent) => {
          e.preventDefault();
          openMenu(e.clientX, e.clientY);
        }}
      >
        <span className="doc-name" id={nameId}>
          {doc.name}
        </span>
        <span className="doc-meta">
          {plural(doc.words, 'word')} · {plural(doc.codings, 'coding')}
        </span>
      </button>
      <MoreButton describedBy={nameId} title="Rename, change groups, delete" openMenu={openMenu} />
    </li>
  );
}
