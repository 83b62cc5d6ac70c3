import { ApiError, call } from '../../api';
import { useWorkspace } from '../../store';
import { useSidebar } from '../sidebarStore';
import { attempt } from '../mutate';
import type { Outcome } from '../mutate';
import { buildCodeTree, keyboardMove, rangeBetween } from '../codeTree';
import type { CodeRow, CodeTree, MoveTarget } from '../codeTree';

// What the tree's mouse, keyboard, menu and drag handlers do, in one place so they behave alike.

export type SelectMode = 'only' | 'toggle' | 'range' | 'add';

export function selectCode(rows: CodeRow[], id: number, mode: SelectMode): void {
  const { selectedCodeIds, selectCodes } = useWorkspace.getState();
  const sidebar = useSidebar.getState();
  if (mode === 'only') {
    selectCodes([id]);
  } else if (mode === 'toggle') {
    selectCodes(
      selectedCodeIds.includes(id) ? selectedCodeIds.filter((c) => c !== id) : [...selectedCodeIds, id],
    );
  } else {
    const anchor = sidebar.anchorCodeId ?? id;
    const added = mode === 'range' ? rangeBetween(rows, anchor, id) : [id];
    selectCodes([...selectedCodeIds, ...added.filter((c) => !selectedCodeIds.includes(c))]);
  }
  sidebar.focusCode(id, mode === 'only' || mode === 'toggle');
}

function describeMove(tree: CodeTree, id: number, move: MoveTarget): string {
  const code = tree.byId.get(id);
  const name = `“${code?.name ?? 'code'}”`;
  if ((code?.parentId ?? null) === move.parentId) return `Moved ${name} to position ${move.index + 1}.`;
  if (move.parentId === null) return `Moved ${name} to the top level.`;
  return `Moved ${name} under “${tree.byId.get(move.parentId)?.name ?? 'code'}”.`;
}

/** Moves a code, opens its new parent so it stays in sight, and keeps it focused; hands back a refusal. */
export async function tryMoveCode(tree: CodeTree, id: number, move: MoveTarget): Promise<Outcome<void>> {
  const message = describeMove(tree, id, move);
  const outcome = await attempt(() => call('codes.move', { id, parentId: move.parentId, index: move.index }));
  if (!outcome.ok) return outcome;
  const sidebar = useSidebar.getState();
  if (move.parentId !== null) sidebar.toggleCode(move.parentId, true);
  sidebar.refocusCode(id);
  sidebar.showToast(`${message} Undo with Ctrl+Z.`, true);
  return outcome;
}

/** A move from a drag or a key: a refusal (say, a name clash at the new level) goes to the banner. */
export async function moveCode(tree: CodeTree, id: number, move: MoveTarget): Promise<void> {
  const outcome = await tryMoveCode(tree, id, move);
  if (!outcome.ok)
    useWorkspace.getState().reportError(new ApiError(outcome.error.code, outcome.error.message));
}

let pendingMoves: Promise<void> = Promise.resolve();

/**
 * Alt+arrow moves, one after another, each worked out from the codebook as the previous one left it:
 * pressing Alt+Down three times quickly moves the code three places, not once from a stale tree.
 */
export function queueKeyboardMove(id: number, direction: 'up' | 'down' | 'out' | 'in'): void {
  pendingMoves = pendingMoves.then(async () => {
    const tree = buildCodeTree(useWorkspace.getState().codes);
    const move = keyboardMove(tree, id, direction);
    if (move) await moveCode(tree, id, move);
  });
}
