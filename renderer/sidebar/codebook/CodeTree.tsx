import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useWorkspace } from '../../store';
import { useSidebar } from '../sidebarStore';
import type { CodeRow, CodeTree as Tree } from '../codeTree';
import { codeRow } from '../dom';
import { selectCode } from './codeActions';
import { useCodeDrag, useCodeDragState } from './useCodeDrag';
import { useTreeKeys } from './useTreeKeys';
import { CodeTreeRow } from './CodeTreeRow';

interface CodeTreeProps {
  tree: Tree;
  rows: CodeRow[];
}

/**
 * The codebook as an ARIA tree (flat rows with aria-level, one tab stop). Selection is shared with the
 * workspace: the right panel shows the excerpts of the selected codes.
 */
export function CodeTree({ tree, rows }: CodeTreeProps) {
  const selectedIds = useWorkspace((s) => s.selectedCodeIds);
  const focusedId = useSidebar((s) => s.focusedCodeId);
  const renamingId = useSidebar((s) => s.renamingCodeId);
  const focusRequest = useSidebar((s) => s.treeFocusRequest);
  const over = useCodeDragState((s) => s.over);
  const { dragged, rowProps } = useCodeDrag(tree);
  const selected = new Set(selectedIds);

  // The focused code may have gone (deleted, filtered out): the first selected row, else the first row,
  // keeps the tree reachable with Tab.
  const tabbableId = rows.some((r) => r.code.id === focusedId)
    ? focusedId
    : ((rows.find((r) => selected.has(r.code.id)) ?? rows[0])?.code.id ?? null);
  const onKeyDown = useTreeKeys(tree, rows, tabbableId);

  const handled = useRef(focusRequest);
  useEffect(() => {
    if (handled.current === focusRequest || tabbableId === null) return;
    handled.current = focusRequest;
    codeRow(tabbableId)?.focus();
  }, [focusRequest, tabbableId, rows]);

  const onActivate = (e: MouseEvent, row: CodeRow) => {
    if (e.shiftKey) selectCode(rows, row.code.id, 'range');
    else if (e.ctrlKey || e.metaKey) selectCode(rows, row.code.id, 'toggle');
    else selectCode(rows, row.code.id, 'only');
  };

  return (
    <ul
      role="tree"
      aria-label="Codes"
      aria-multiselectable="true"
      aria-describedby="codebook-tree-help"
      className={dragged !== null ? 'code-tree is-dragging' : 'code-tree'}
      onKeyDown={onKeyDown}
    >
      {rows.map((row) => (
        <CodeTreeRow
          key={row.code.id}
          row={row}
          total={tree.total.get(row.code.id) ?? row.code.codings}
          tabbable={row.code.id === tabbableId}
          selected={selected.has(row.code.id)}
          renaming={row.code.id === renamingId}
          dragging={row.code.id === dragged}
          drop={over !== null && over !== 'root' && over.id === row.code.id ? over.zone : null}
          onActivate={onActivate}
          dragProps={rowProps(row)}
        />
      ))}
    </ul>
  );
}
