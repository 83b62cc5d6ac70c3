import { useMemo } from 'react';
import { useWorkspace } from '../store';
import { formatCount } from '../format';
import { EmptyState } from './EmptyState';
import { useSidebar } from '../sidebar/sidebarStore';
import type { CodeDialog } from '../sidebar/sidebarStore';
import { buildCodeTree, visibleRows } from '../sidebar/codeTree';
import { CodeTree } from '../sidebar/codebook/CodeTree';
import { CodeMenu } from '../sidebar/codebook/CodeMenu';
import { CodeDialogs } from '../sidebar/codebook/CodeDialogs';
import { NewCodeForm } from '../sidebar/codebook/NewCodeForm';
import { useCodeDrag, useCodeDragState } from '../sidebar/codebook/useCodeDrag';
import { FilterField } from '../sidebar/ui/FilterField';
import { Toast } from '../sidebar/ui/Toast';
import '../sidebar/codebook/codebook.css';

const isCodeDialog = (d: { kind: string } | null): d is CodeDialog => !!d && d.kind.endsWith('-code');

/** The codebook: a tree of codes to select (for the excerpts panel), edit, nest and reorder. */
export function Codebook() {
  const codes = useWorkspace((s) => s.codes);
  const selectedIds = useWorkspace((s) => s.selectedCodeIds);
  const collapsed = useSidebar((s) => s.collapsedCodes);
  const filter = useSidebar((s) => s.codeFilter);
  const setFilter = useSidebar((s) => s.setCodeFilter);
  const menu = useSidebar((s) => s.menu);
  const dialog = useSidebar((s) => s.dialog);
  const focusedId = useSidebar((s) => s.focusedCodeId);
  const openNewCode = useSidebar((s) => s.openNewCode);
  const newCodeOpen = useSidebar((s) => s.newCode !== null);
  const tree = useMemo(() => buildCodeTree(codes), [codes]);
  const rows = useMemo(() => visibleRows(tree, collapsed, filter), [tree, collapsed, filter]);
  const { dragged, rootProps } = useCodeDrag(tree);
  const overRoot = useCodeDragState((s) => s.over === 'root');

  // "New code" offers the code the user is working on as the parent: the one selected, else the focused one.
  const parentCandidate = (selectedIds.length === 1 ? selectedIds[0] : focusedId) ?? null;

  return (
    <section className="sidebar-section codebook" aria-labelledby="codebook-heading">
      <h2
        id="codebook-heading"
        className={`codebook-heading${dragged !== null ? ' is-root-target' : ''}${overRoot ? ' is-over' : ''}`}
        {...rootProps}
      >
        Codebook{' '}
        {dragged !== null ? (
          // Same height as the count it replaces: nothing moves under the pointer while dragging.
          <span className="codebook-root-hint">Drop here for the top level</span>
        ) : (
          <span className="count">{formatCount(codes.length)}</span>
        )}
      </h2>
      <div className="sidebar-toolbar">
        <button
          type="button"
          className="sb-button codebook-new-button"
          aria-expanded={newCodeOpen}
          onClick={() => openNewCode(parentCandidate, false)}
        >
          <span aria-hidden="true">+</span> New code
        </button>
        {codes.length > 0 && (
          <FilterField label="Filter codes" placeholder="Filter codes" value={filter} onChange={setFilter} />
        )}
      </div>
      <NewCodeForm tree={tree} />
      {codes.length === 0 ? (
        <EmptyState title="No codes yet">
          Use <strong>New code</strong> to start the codebook. Codes can be nested by dragging one onto
          another.
        </EmptyState>
      ) : rows.length === 0 ? (
        <p className="sidebar-note" role="status">
          No code matches “{filter.trim()}”.
        </p>
      ) : (
        <CodeTree tree={tree} rows={rows} />
      )}
      <p id="codebook-tree-help" hidden>
        Arrow keys move between codes; Right and Left open and close sub-codes. Enter shows a code&apos;s
        excerpts, Space adds it to or removes it from the selection. F2 renames, Delete deletes, Alt with the
        arrow keys moves the code, and Shift+F10 opens all actions.
      </p>
      {menu?.kind === 'code' && <CodeMenu menu={menu} tree={tree} rows={rows} />}
      {isCodeDialog(dialog) && <CodeDialogs dialog={dialog} tree={tree} />}
      <Toast />
    </section>
  );
}
