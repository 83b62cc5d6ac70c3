import { useId, useMemo } from 'react';
import { useWorkspace } from '../store';
import { formatCount, plural } from '../format';
import { EmptyState } from './EmptyState';
import { useSidebar } from '../sidebar/sidebarStore';
import type { DocumentDialog } from '../sidebar/sidebarStore';
import { groupDocuments } from '../sidebar/docGroups';
import type { DocumentGroupView } from '../sidebar/docGroups';
import { DocumentRow } from '../sidebar/documents/DocumentRow';
import { DocumentMenu } from '../sidebar/documents/DocumentMenu';
import { DocumentDialogs } from '../sidebar/documents/DocumentDialogs';
import { FilterField } from '../sidebar/ui/FilterField';
import { focusSiblingInList } from '../sidebar/dom';
import '../sidebar/documents/documents.css';

const isDocumentDialog = (d: { kind: string } | null): d is DocumentDialog =>
  d?.kind === 'delete-document' || d?.kind === 'document-groups';

/** The project's documents by document group; choosing one opens it in the centre. */
export function DocumentList() {
  const documents = useWorkspace((s) => s.documents);
  const filter = useSidebar((s) => s.documentFilter);
  const setFilter = useSidebar((s) => s.setDocumentFilter);
  const menu = useSidebar((s) => s.menu);
  const dialog = useSidebar((s) => s.dialog);
  const groups = useMemo(() => groupDocuments(documents, filter), [documents, filter]);

  return (
    <section className="sidebar-section documents" aria-labelledby="documents-heading">
      <h2 id="documents-heading">
        Documents <span className="count">{formatCount(documents.length)}</span>
      </h2>
      {documents.length === 0 ? (
        <EmptyState title="No documents yet">
          Import focus-group transcripts (.txt, .md, .docx, .vtt, .srt) with{' '}
          <code>commonplace import PROJECT FILES</code>, then reopen the project.
        </EmptyState>
      ) : (
        <>
          <div className="sidebar-toolbar">
            <FilterField
              label="Filter documents"
              placeholder="Filter by name or group"
              value={filter}
              onChange={setFilter}
              className="doc-filter"
            />
          </div>
          {groups.length === 0 ? (
            <p className="sidebar-note" role="status">
              No document or group matches “{filter.trim()}”.
            </p>
          ) : (
            <div className="doc-groups">
              {groups.map((g) => (
                <DocumentGroup key={g.key} group={g} filtering={filter.trim() !== ''} />
              ))}
            </div>
          )}
        </>
      )}
      {menu?.kind === 'document' && <DocumentMenu menu={menu} />}
      {isDocumentDialog(dialog) && <DocumentDialogs dialog={dialog} />}
    </section>
  );
}

function DocumentGroup({ group, filtering }: { group: DocumentGroupView; filtering: boolean }) {
  const collapsed = useSidebar((s) => s.collapsedGroups.has(group.key));
  const toggle = useSidebar((s) => s.toggleGroup);
  const renaming = useSidebar((s) => s.renamingDocument);
  const selectedId = useWorkspace((s) => s.selectedId);
  // A filter shows its matches even inside groups the user has closed.
  const open = filtering || !collapsed;
  const listId = useId();
  const shown = group.documents.length;
  return (
    <div className={`doc-group${group.name === null ? ' is-ungrouped' : ''}`}>
      <h3 className="doc-group-heading">
        <button
          type="button"
          className="doc-group-header"
          aria-expanded={open}
          aria-controls={listId}
          aria-disabled={filtering || undefined}
          title={`${plural(group.total, 'document')} · ${plural(group.codings, 'coding')}`}
          onClick={() => !filtering && toggle(group.key)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            e.preventDefault();
            focusSiblingInList(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1);
          }}
        >
          <span className="doc-group-arrow" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="doc-group-name">{group.name ?? 'No group'}</span>
          <span className="count" aria-label={plural(group.total, 'document')}>
            {filtering && shown !== group.total
              ? `${formatCount(shown)} of ${formatCount(group.total)}`
              : formatCount(group.total)}
          </span>
        </button>
      </h3>
      {open && (
        <ul id={listId} className="doc-list" aria-label={group.name ?? 'No group'}>
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
      )}
    </div>
  );
}
