import type { DragEvent, MouseEvent } from 'react';
import { call } from '../../api';
import { formatCount, plural } from '../../format';
import type { CodeRow } from '../codeTree';
import type { DropZone } from '../codeTree';
import { useSidebar } from '../sidebarStore';
import { attempt } from '../mutate';
import { RenameField } from '../ui/RenameField';

interface CodeTreeRowProps {
  row: CodeRow;
  total: number;
  tabbable: boolean;
  selected: boolean;
  renaming: boolean;
  dragging: boolean;
  drop: DropZone | null;
  onActivate(e: MouseEvent, row: CodeRow): void;
  dragProps: {
    onDragStart(e: DragEvent<HTMLElement>): void;
    onDragOver(e: DragEvent<HTMLElement>): void;
    onDrop(e: DragEvent<HTMLElement>): void;
    onDragEnd(): void;
  };
}

function countsText(own: number, total: number): string {
  const here = plural(own, 'coding');
  return total === own ? here : `${here}, ${formatCount(total)} including sub-codes`;
}

/** One code: disclosure arrow, colour, name (and description), own and rolled-up coding counts. */
export function CodeTreeRow(props: CodeTreeRowProps) {
  const { row, total, tabbable, selected, renaming, dragging, drop, onActivate, dragProps } = props;
  const { code } = row;
  const sidebar = useSidebar.getState;
  const idBase = `code-${code.id}`;
  const openMenu = (e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    sidebar().focusCode(code.id);
    sidebar().openMenu({ kind: 'code', id: code.id, x: e.clientX, y: e.clientY });
  };

  return (
    <li
      role="treeitem"
      data-code-id={code.id}
      aria-label={code.name}
      aria-level={row.level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={selected}
      aria-describedby={`${idBase}-counts${code.description ? ` ${idBase}-desc` : ''}`}
      tabIndex={tabbable ? 0 : -1}
      className={[
        'code-row',
        selected ? 'is-selected' : '',
        row.matches ? '' : 'is-context',
        dragging ? 'is-dragging' : '',
        drop ? `drop-${drop}` : '',
      ].join(' ')}
      style={{ ['--level' as string]: row.level - 1 }}
      title={code.description ? `${code.path}\n\n${code.description}` : code.path}
      draggable={!renaming}
      onClick={(e) => onActivate(e, row)}
      onFocus={(e) => {
        if (e.target === e.currentTarget && useSidebar.getState().focusedCodeId !== code.id) {
          sidebar().focusCode(code.id);
        }
      }}
      onDoubleClick={(e) => {
        e.preventDefault();
        sidebar().setRenamingCode(code.id);
      }}
      onContextMenu={openMenu}
      {...dragProps}
    >
      <span
        className="code-toggle"
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation();
          if (row.hasChildren) sidebar().toggleCode(code.id);
        }}
        onDoubleClick={(e) => e.stopPropagation()}
      >
        {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className="code-swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
      <span className="code-text">
        {renaming ? (
          <RenameField
            initial={code.name}
            label={`Rename code ${code.name}`}
            onCommit={async (name) => {
              const outcome = await attempt(() => call('codes.rename', { id: code.id, name }));
              return outcome.ok ? null : outcome.error.message;
            }}
            onDone={(refocus) => {
              sidebar().setRenamingCode(null);
              if (refocus) sidebar().refocusCode(code.id);
            }}
          />
        ) : (
          <span className="code-name">{code.name}</span>
        )}
        {code.description && !renaming && (
          <span className="code-description" id={`${idBase}-desc`}>
            {code.description}
          </span>
        )}
      </span>
      <span className="code-counts" aria-hidden="true" title={countsText(code.codings, total)}>
        {total !== code.codings && <span className="code-total">Σ {formatCount(total)}</span>}
        <span className="code-count">{formatCount(code.codings)}</span>
      </span>
      <span id={`${idBase}-counts`} hidden>
        {countsText(code.codings, total)}
      </span>
      <button
        type="button"
        className="code-more"
        tabIndex={-1}
        aria-hidden="true"
        title="Actions for this code (Shift+F10)"
        // Mouse only: keyboard users have Shift+F10, so focus stays on the row.
        onMouseDown={(e) => e.preventDefault()}
        onClick={openMenu}
      >
        ⋯
      </button>
    </li>
  );
}
