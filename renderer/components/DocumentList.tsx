import { useMemo } from 'react';
import { useWorkspace } from '../store';
import { formatCount } from '../format';
import { EmptyState } from './EmptyState';
import { useSidebar } from '../sidebar/sidebarStore';
import type { DocumentDialog, GroupDialog } from '../sidebar/sidebarStore';
import { groupDocuments } from '../sidebar/docGroups';
import { DocumentGroup } from '../sidebar/documents/DocumentGroup';
import { DocumentMenu } from '../sidebar/documents/DocumentMenu';
import { DocumentDialogs } from '../sidebar/documents/DocumentDialogs';
import { GroupMenu } from '../sidebar/documents/GroupMenu';
import { GroupDialogs } from '../sidebar/documents/GroupDialogs';
import { FilterField } from '../sidebar/ui/FilterField';
import '../sidebar/documents/documents.css';

const isDocumentDialog = (d: { kind: string } | null): d is DocumentDialog =>
  d?.kind === 'delete-document' || d?.kind === 'document-groups';
const isGroupDialog = (d: { kind: string } | null): d is GroupDialog => d?.kind === 'delete-group';

/** The project's documents by document group; choosing one opens it in the centre. */
export function DocumentList() {
  const documents = useWorkspace((s) => s.documents);
  const allGroups = useWorkspace((s) => s.groups);
  const filter = useSidebar((s) => s.documentFilter);
  const setFilter = useSidebar((s) => s.setDocumentFilter);
  const menu = useSidebar((s) => s.menu);
  const dialog = useSidebar((s) => s.dialog);
  const groups = useMemo(() => groupDocuments(documents, filter, allGroups), [documents, filter, allGroups]);

  return (
    <section className="sidebar-section documents" aria-labelledby="documents-heading">
      <h2 id="documents-heading">
        Documents <span className="count">{formatCount(documents.length)}</span>
      </h2>
      {documents.length === 0 && allGroups.length === 0 ? (
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
      {menu?.kind === 'group' && <GroupMenu menu={menu} />}
      {isDocumentDialog(dialog) && <DocumentDialogs dialog={dialog} />}
      {isGroupDialog(dialog) && <GroupDialogs dialog={dialog} />}
    </section>
  );
}
