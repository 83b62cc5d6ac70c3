import type { DragEvent } from 'react';
import { create } from 'zustand';
import { dropMove, rootMove } from '../codeTree';
import type { CodeRow, CodeTree, DropZone, MoveTarget } from '../codeTree';
import { moveCode } from './codeActions';

/** The drag payload type: other panels (e.g. the transcript) can accept a code by this id. */
export const CODE_DRAG_TYPE = 'application/x-commonplace-code';

interface DragState {
  dragged: number | null;
  /** Where a drop would land, for the drop indicator. */
  over: { id: number; zone: DropZone } | 'root' | null;
  set(state: Partial<Pick<DragState, 'dragged' | 'over'>>): void;
}

export const useCodeDragState = create<DragState>()((set) => ({
  dragged: null,
  over: null,
  set: (state) => set(state),
}));

function zoneAt(e: DragEvent<HTMLElement>, row: CodeRow): DropZone {
  const rect = e.currentTarget.getBoundingClientRect();
  const at = (e.clientY - rect.top) / Math.max(1, rect.height);
  if (at < 0.25) return 'before';
  // Below an open parent the next row is its first child, so "after" there would mislead: it nests.
  if (at > 0.75 && !row.expanded) return 'after';
  return 'inside';
}

/** HTML5 drag and drop for the code tree: onto a code nests, near its edges reorders, onto the header un-nests. */
export function useCodeDrag(tree: CodeTree) {
  const { dragged, set } = useCodeDragState();

  const drop = (e: DragEvent<HTMLElement>, move: MoveTarget | null) => {
    e.preventDefault();
    const id = useCodeDragState.getState().dragged;
    set({ dragged: null, over: null });
    if (id !== null && move) void moveCode(tree, id, move);
  };

  const rowProps = (row: CodeRow) => ({
    onDragStart: (e: DragEvent<HTMLElement>) => {
      e.stopPropagation();
      e.dataTransfer.setData(CODE_DRAG_TYPE, String(row.code.id));
      e.dataTransfer.setData('text/plain', row.code.path);
      e.dataTransfer.effectAllowed = 'copyMove';
      set({ dragged: row.code.id, over: null });
    },
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (dragged === null) return;
      const zone = zoneAt(e, row);
      if (!dropMove(tree, dragged, row.code.id, zone)) {
        if (useCodeDragState.getState().over !== null) set({ over: null });
        return;
      }
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const over = useCodeDragState.getState().over;
      if (over === null || over === 'root' || over.id !== row.code.id || over.zone !== zone) {
        set({ over: { id: row.code.id, zone } });
      }
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (dragged === null) return;
      drop(e, dropMove(tree, dragged, row.code.id, zoneAt(e, row)));
    },
    onDragEnd: () => set({ dragged: null, over: null }),
  });

  const rootProps = {
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (dragged === null || !rootMove(tree, dragged)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (useCodeDragState.getState().over !== 'root') set({ over: 'root' });
    },
    onDragLeave: (e: DragEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) set({ over: null });
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (dragged === null) return;
      drop(e, rootMove(tree, dragged));
    },
  };

  return { dragged, rowProps, rootProps };
}
