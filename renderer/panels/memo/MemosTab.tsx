import { useState } from 'react';
import { useWorkspace } from '../../store';
import { EmptyState } from '../../components/EmptyState';
import { TabList, TabPanel } from '../common/Tabs';
import { MemoTarget } from './MemoTarget';
import './memos.css';

type Which = 'document' | 'code' | 'project';

const TABS: { id: Which; label: string }[] = [
  { id: 'document', label: 'Document' },
  { id: 'code', label: 'Code' },
  { id: 'project', label: 'Journal' },
];

/** Memos on the open document, on the first selected code, and the project journal. */
export function MemosTab() {
  const [which, setWhich] = useState<Which>('document');
  const view = useWorkspace((s) => s.view);
  const selectedId = useWorkspace((s) => s.selectedId);
  const codes = useWorkspace((s) => s.codes);
  const selectedCodeIds = useWorkspace((s) => s.selectedCodeIds);
  const document = view && view.summary.id === selectedId ? view.summary : null;
  const code = codes.find((c) => c.id === selectedCodeIds[0]) ?? null;

  return (
    <div className="memos">
      <TabList<Which>
        label="Memo"
        prefix="memo"
        tabs={TABS}
        selected={which}
        onSelect={setWhich}
        className="sub-tabs"
      />
      <TabPanel prefix="memo" id="document" selected={which === 'document'}>
        {document ? (
          <section aria-labelledby="memo-document-heading" className="memo-section">
            <h3 id="memo-document-heading" className="memo-heading">
              <span className="memo-kind">Document memo</span> {document.name}
            </h3>
            {which === 'document' && (
              <MemoTarget
                kind="document"
                targetId={document.id}
                label={`Memo on ${document.name}`}
                placeholder="What stands out in this transcript? Context, atmosphere, first ideas…"
              />
            )}
          </section>
        ) : (
          <EmptyState title="No document open">
            Open a document from the list on the left to write its memo here.
          </EmptyState>
        )}
      </TabPanel>
      <TabPanel prefix="memo" id="code" selected={which === 'code'}>
        {code ? (
          <section aria-labelledby="memo-code-heading" className="memo-section">
            <h3 id="memo-code-heading" className="memo-heading">
              <span className="memo-kind">Code memo</span>{' '}
              <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />{' '}
              {code.path}
            </h3>
            {selectedCodeIds.length > 1 && (
              <p className="panel-note">The first of the {selectedCodeIds.length} selected codes.</p>
            )}
            {which === 'code' && (
              <MemoTarget
                kind="code"
                targetId={code.id}
                label={`Memo on code ${code.path}`}
                placeholder="What does this code mean, when does it apply, and what are you noticing?"
              />
            )}
          </section>
        ) : (
          <EmptyState title="No code selected">
            Select a code in the codebook, or add one under Excerpts, to write its memo here.
          </EmptyState>
        )}
      </TabPanel>
      <TabPanel prefix="memo" id="project" selected={which === 'project'}>
        <section aria-labelledby="memo-project-heading" className="memo-section">
          <h3 id="memo-project-heading" className="memo-heading">
            <span className="memo-kind">Project journal</span>
          </h3>
          {which === 'project' && (
            <MemoTarget
              kind="project"
              targetId={0}
              label="Project journal"
              placeholder="Decisions, changes to the codebook, questions for the team…"
            />
          )}
        </section>
      </TabPanel>
    </div>
  );
}
