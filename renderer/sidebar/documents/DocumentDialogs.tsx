import { useId, useState } from 'react';
import { call } from '../../api';
import { useWorkspace } from '../../store';
import { plural } from '../../format';
import type { DocumentSummary } from '../../../shared/types';
import { useSidebar } from '../sidebarStore';
import type { DocumentDialog } from '../sidebarStore';
import { documentFocusTarget } from '../dom';
import { parseGroupNames } from '../docGroups';
import { Dialog } from '../ui/Dialog';
import { useDialogChange } from '../ui/useDialogChange';

export function DocumentDialogs({ dialog }: { dialog: DocumentDialog }) {
  const doc = useWorkspace((s) => s.documents.find((d) => d.id === dialog.id));
  if (!doc) return null;
  return dialog.kind === 'delete-document' ? <DeleteDocumentDialog doc={doc} /> : <GroupsDialog doc={doc} />;
}

function DeleteDocumentDialog({ doc }: { doc: DocumentSummary }) {
  const sidebar = useSidebar.getState();
  const { error, busy, run } = useDialogChange();
  return (
    <Dialog
      title={`Delete document “${doc.name}”?`}
      submitLabel="Delete document"
      danger
      error={error}
      submitDisabled={busy}
      fallbackFocus={documentFocusTarget}
      onClose={sidebar.closeDialog}
      onSubmit={() =>
        void run(
          () => call('documents.delete', { id: doc.id }),
          () => {
            sidebar.closeDialog();
            sidebar.showToast(`Deleted “${doc.name}”. Undo with Ctrl+Z.`, true);
          },
        )
      }
    >
      <p className="sb-dialog-text">
        The transcript is removed from the project with its <strong>{plural(doc.codings, 'coding')}</strong>,
        its memo and its attribute values. The codes themselves stay in the codebook.
      </p>
      <p className="sb-dialog-hint">You can undo this with Ctrl+Z (or Undo in the top bar).</p>
    </Dialog>
  );
}

/** Tick the groups a document belongs to, or type new ones; a document may be in any number of groups. */
function GroupsDialog({ doc }: { doc: DocumentSummary }) {
  const sidebar = useSidebar.getState();
  const known = useWorkspace((s) => s.groups);
  const { error, busy, run } = useDialogChange();
  const [chosen, setChosen] = useState<string[]>(doc.groups);
  const [typed, setTyped] = useState('');
  const id = useId();

  const all = [...new Set([...known.map((g) => g.name), ...chosen])].sort((a, b) => a.localeCompare(b));
  const extra = parseGroupNames(typed, all);
  const result = [...new Set([...chosen, ...extra])];
  const unchanged = result.length === doc.groups.length && result.every((g) => doc.groups.includes(g));
  const toggle = (g: string, on: boolean) => setChosen((c) => (on ? [...c, g] : c.filter((x) => x !== g)));

  return (
    <Dialog
      title={`Groups of “${doc.name}”`}
      submitLabel="Save groups"
      error={error}
      submitDisabled={busy || unchanged}
      fallbackFocus={documentFocusTarget}
      onClose={sidebar.closeDialog}
      onSubmit={() =>
        void run(
          () => call('documents.setGroups', { id: doc.id, groups: result }),
          () => sidebar.closeDialog(),
        )
      }
    >
      {all.length > 0 ? (
        <fieldset className="sb-checklist">
          <legend className="sb-label">Document groups</legend>
          {all.map((g, i) => (
            <label key={g} className="sb-check">
              <input
                type="checkbox"
                checked={chosen.includes(g)}
                data-autofocus={i === 0 ? true : undefined}
                onChange={(e) => toggle(g, e.target.checked)}
              />
              {g}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="sb-dialog-text">There are no groups yet.</p>
      )}
      <label className="sb-label" htmlFor={`${id}-new`}>
        New groups (separate with commas)
      </label>
      <input
        id={`${id}-new`}
        className="sb-input"
        value={typed}
        autoComplete="off"
        placeholder="e.g. Wave 2, Tenants"
        data-autofocus={all.length === 0 ? true : undefined}
        onChange={(e) => setTyped(e.target.value)}
      />
      <p className="sb-dialog-hint">
        {result.length === 0 ? 'The document will be listed under “No group”.' : `In: ${result.join(', ')}`}
      </p>
    </Dialog>
  );
}
