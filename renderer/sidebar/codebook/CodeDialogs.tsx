import { useState } from 'react';
import { call } from '../../api';
import { plural } from '../../format';
import { useSidebar } from '../sidebarStore';
import type { CodeDialog } from '../sidebarStore';
import { deleteImpact, mergeTargets, moveDestinations, subtree } from '../codeTree';
import type { CodeTree } from '../codeTree';
import { codeTreeFocusTarget } from '../dom';
import { useDialogChange } from '../ui/useDialogChange';
import { Dialog } from '../ui/Dialog';
import { CodePicker } from '../../components/CodePicker';
import { TOP_LEVEL } from '../../components/code-filter';
import type { CodeChoice } from '../../components/code-filter';
import { tryMoveCode } from './codeActions';
import { ColorDialog, DescribeDialog } from './CodeStyleDialogs';

export function CodeDialogs({ dialog, tree }: { dialog: CodeDialog; tree: CodeTree }) {
  const code = tree.byId.get(dialog.id);
  if (!code) return null;
  switch (dialog.kind) {
    case 'delete-code':
      return <DeleteCodeDialog tree={tree} id={code.id} />;
    case 'merge-code':
      return <MergeCodeDialog tree={tree} id={code.id} />;
    case 'move-code':
      return <MoveCodeDialog tree={tree} id={code.id} />;
    case 'color-code':
      return <ColorDialog code={code} />;
    case 'describe-code':
      return <DescribeDialog code={code} />;
  }
}

function DeleteCodeDialog({ tree, id }: { tree: CodeTree; id: number }) {
  const sidebar = useSidebar.getState();
  const { error, busy, run } = useDialogChange();
  const code = tree.byId.get(id)!;
  const { subcodes, codings } = deleteImpact(tree, id);
  const subNames = subtree(tree, id)
    .slice(1)
    .map((s) => tree.byId.get(s)?.name)
    .filter(Boolean);
  const what = [subcodes > 0 && plural(subcodes, 'sub-code'), plural(codings, 'coding')]
    .filter(Boolean)
    .join(' and ');
  return (
    <Dialog
      title={`Delete code “${code.name}”?`}
      submitLabel="Delete code"
      danger
      error={error}
      submitDisabled={busy}
      fallbackFocus={codeTreeFocusTarget}
      onClose={sidebar.closeDialog}
      onSubmit={() =>
        void run(
          () => call('codes.delete', { id }),
          () => {
            sidebar.closeDialog();
            sidebar.showToast(`Deleted “${code.name}” with ${what}. Undo with Ctrl+Z.`, true);
          },
        )
      }
    >
      <p className="sb-dialog-text">
        This removes <strong>{code.path}</strong>
        {subcodes > 0 ? ', its ' : ' and its '}
        {subcodes > 0 && (
          <>
            <strong>{plural(subcodes, 'sub-code')}</strong> ({subNames.join(', ')}) and{' '}
          </>
        )}
        <strong>{plural(codings, 'coding')}</strong> from every document, with the memos on these codes.
      </p>
      <p className="sb-dialog-hint">You can undo this with Ctrl+Z (or Undo in the top bar).</p>
    </Dialog>
  );
}

function MergeCodeDialog({ tree, id }: { tree: CodeTree; id: number }) {
  const sidebar = useSidebar.getState();
  const { error, busy, run } = useDialogChange();
  const [target, setTarget] = useState<number | null>(null);
  const code = tree.byId.get(id)!;
  const chosen = target === null ? undefined : tree.byId.get(target);
  const subcodes = (tree.children.get(id) ?? []).length;
  return (
    <Dialog
      title={`Merge “${code.name}” into another code`}
      submitLabel={chosen ? `Merge into “${chosen.name}”` : 'Merge'}
      error={error}
      submitDisabled={busy || !chosen}
      fallbackFocus={codeTreeFocusTarget}
      onClose={sidebar.closeDialog}
      onSubmit={() =>
        chosen &&
        void run(
          () => call('codes.merge', { sourceId: id, targetId: chosen.id }),
          () => {
            sidebar.closeDialog();
            sidebar.refocusCode(chosen.id);
            sidebar.showToast(`Merged “${code.name}” into “${chosen.name}”. Undo with Ctrl+Z.`, true);
          },
        )
      }
    >
      <p className="sb-dialog-text">
        {code.codings > 0 ? (
          <>
            The {plural(code.codings, 'coding')} of <strong>{code.path}</strong> move to the code you choose.
            Where both codes mark exactly the same passage, the two codings become one.{' '}
          </>
        ) : (
          <>
            <strong>{code.path}</strong> has no codings of its own.{' '}
          </>
        )}
        {subcodes > 0 && <>Its {plural(subcodes, 'sub-code')} move too. </>}
        Then “{code.name}” is removed. Its memo is added to the chosen code&apos;s memo, and its description
        is kept if the chosen code has none.
      </p>
      <CodePicker
        label="Merge into"
        codes={mergeTargets(tree, id)}
        chosen={target === null ? [] : [target]}
        onPick={setTarget}
      />
      <p className="sb-dialog-hint">You can undo a merge with Ctrl+Z.</p>
    </Dialog>
  );
}

function MoveCodeDialog({ tree, id }: { tree: CodeTree; id: number }) {
  const sidebar = useSidebar.getState();
  const [target, setTarget] = useState<CodeChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const code = tree.byId.get(id)!;
  const parentId = target === TOP_LEVEL ? null : target;
  const current = code.parentId ?? TOP_LEVEL;
  const submit = async () => {
    if (target === null) return;
    setBusy(true);
    const index = (tree.children.get(parentId) ?? []).filter((c) => c.id !== id).length;
    const outcome = await tryMoveCode(tree, id, { parentId, index });
    setBusy(false);
    if (outcome.ok) sidebar.closeDialog();
    else setError(outcome.error.message);
  };
  return (
    <Dialog
      title={`Move “${code.name}”`}
      submitLabel="Move here"
      error={error}
      submitDisabled={busy || target === null}
      fallbackFocus={codeTreeFocusTarget}
      onClose={sidebar.closeDialog}
      onSubmit={() => void submit()}
    >
      <p className="sb-dialog-text">
        Choose where <strong>{code.path}</strong> goes; its sub-codes and codings go with it. It is placed
        last among its new siblings.
      </p>
      <CodePicker
        label="Move under"
        codes={moveDestinations(tree, id)}
        chosen={target === null ? [] : [target]}
        onPick={setTarget}
        offerTopLevel
        disabled={{ value: current, reason: 'current place' }}
      />
    </Dialog>
  );
}
