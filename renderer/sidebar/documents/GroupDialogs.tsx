import { call } from '../../api';
import { useWorkspace } from '../../store';
import { plural } from '../../format';
import type { GroupSummary } from '../../../shared/types';
import { useSidebar } from '../sidebarStore';
import type { GroupDialog } from '../sidebarStore';
import { groupFocusTarget } from '../dom';
import { Dialog } from '../ui/Dialog';
import { useDialogChange } from '../ui/useDialogChange';

export function GroupDialogs({ dialog }: { dialog: GroupDialog }) {
  const group = useWorkspace((s) => s.groups.find((g) => g.id === dialog.id));
  return group ? <DeleteGroupDialog group={group} /> : null;
}

/** Where the documents of a deleted group will be listed, so nobody fears losing them. */
function afterwards(members: number, ungrouped: number): string {
  const one = members === 1;
  if (ungrouped === 0) return one ? 'It stays in its other groups.' : 'They stay in their other groups.';
  if (ungrouped === members) return `${one ? 'It' : 'They'} will be listed under “No group”.`;
  return `The ${ungrouped === 1 ? 'one' : ungrouped} in no other group will be listed under “No group”.`;
}

function DeleteGroupDialog({ group }: { group: GroupSummary }) {
  const sidebar = useSidebar.getState();
  const documents = useWorkspace((s) => s.documents);
  const { error, busy, run } = useDialogChange();
  const members = documents.filter((d) => d.groups.includes(group.name));
  const ungrouped = members.filter((d) => d.groups.length === 1).length;
  const one = members.length === 1;
  const kept = members.length ? `; its ${plural(members.length, 'document')} ${one ? 'is' : 'are'} kept` : '';
  return (
    <Dialog
      title={`Delete group “${group.name}”?`}
      submitLabel="Delete group"
      danger
      error={error}
      submitDisabled={busy}
      fallbackFocus={groupFocusTarget}
      onClose={sidebar.closeDialog}
      onSubmit={() =>
        void run(
          () => call('groups.delete', { id: group.id }),
          () => {
            sidebar.closeDialog();
            sidebar.showToast(`Deleted group “${group.name}”${kept}. Undo with Ctrl+Z.`, true);
          },
        )
      }
    >
      {members.length === 0 ? (
        <p className="sb-dialog-text">The group holds no documents.</p>
      ) : (
        <p className="sb-dialog-text">
          Only the group goes. Its <strong>{plural(members.length, 'document')}</strong>{' '}
          {one ? 'stays' : 'stay'} in the project with their codings, memos and attributes.{' '}
          {afterwards(members.length, ungrouped)}
        </p>
      )}
      <p className="sb-dialog-hint">You can undo this with Ctrl+Z (or Undo in the top bar).</p>
    </Dialog>
  );
}
