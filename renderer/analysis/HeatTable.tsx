import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import type { HeatCell } from '../../shared/charts';
import type { RowLabel } from './matrix-logic';

export interface CellRef {
  /** null: the column's total. */
  row: number | null;
  /** null: the row's total. */
  col: number | null;
}

export interface HeatTableProps {
  caption: ReactNode;
  corner: string;
  rows: RowLabel[];
  cols: { key: string; label: string }[];
  cells: number[][];
  totals?: { rowTotals: number[]; colTotals: number[]; total: number };
  format(v: number): string;
  heat(v: number): HeatCell;
  /** The cell's accessible name, e.g. "3 codings: Trust, Northgate". */
  describe(cell: CellRef, value: number): string;
  /** Cells on the diagonal hold another kind of number (co-occurrence): styled apart, not shaded. */
  diagonal?: boolean;
  selected: CellRef | null;
  onOpen(cell: CellRef): void;
}

const KEYS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

interface RowProps {
  /** Grid row; the totals row is rows.length. */
  r: number;
  label: RowLabel | null;
  values: number[];
  /** The row's total, or (totals row) the grand total. */
  total: number | undefined;
  /** Columns that are data columns (the rest is the total column). */
  dataCols: number;
  footer: boolean;
  /** Column of this row holding the tab stop, or -1. */
  focusCol: number;
  /** Column of this row that is open, or -1. */
  selectedCol: number;
  shared: Pick<HeatTableProps, 'format' | 'heat' | 'describe' | 'diagonal' | 'onOpen'> & {
    rowsCount: number;
    onFocus(r: number, c: number): void;
  };
}

// A row re-renders only when its own numbers, focus or selection change: moving through or opening a
// cell of a 40 × 60 matrix touches two rows, not 2,400 cells.
const HeatRow = memo(function HeatRow(p: RowProps) {
  const s = p.shared;
  const cell = (c: number, value: number, total: boolean) => {
    const ref: CellRef = { row: p.footer ? null : p.r, col: c < p.dataCols ? c : null };
    const diag = s.diagonal && p.r === c;
    const shade = total || diag ? null : s.heat(value);
    const style: CSSProperties | undefined = shade
      ? { background: shade.background, color: shade.text }
      : undefined;
    return (
      <td key={c} className={total ? 'heat-total' : diag ? 'heat-diagonal' : undefined} style={style}>
        <button
          type="button"
          className={`heat-cell${value === 0 ? ' is-zero' : ''}`}
          data-cell={`${p.r}:${c}`}
          data-value={value}
          tabIndex={c === p.focusCol ? 0 : -1}
          aria-label={s.describe(ref, value)}
          aria-pressed={c === p.selectedCol}
          onFocus={() => s.onFocus(p.r, c)}
          onClick={() => s.onOpen(ref)}
        >
          {s.format(value)}
        </button>
      </td>
    );
  };
  return (
    <tr>
      {p.label ? (
        <th scope="row" title={p.label.path}>
          <span className="heat-row-label" style={{ paddingInlineStart: `${p.label.depth * 1.1}rem` }}>
            <span className="code-swatch" style={{ background: p.label.color }} aria-hidden="true" />
            {p.label.name}
          </span>
        </th>
      ) : (
        <th scope="row">Total</th>
      )}
      {p.values.map((v, c) => cell(c, v, p.footer))}
      {p.total !== undefined && cell(p.dataCols, p.total, true)}
    </tr>
  );
});

/**
 * A heat-map table: every number printed, shading as a second cue, sticky header row and first column.
 * Cells are buttons with one tab stop for the whole grid; arrow keys (Home/End along a row) move, and
 * Enter or Space opens a cell.
 */
export const HeatTable = memo(function HeatTable(p: HeatTableProps) {
  const R = p.rows.length + (p.totals ? 1 : 0);
  const C = p.cols.length + (p.totals ? 1 : 0);
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const table = useRef<HTMLTableElement>(null);
  const [fr, fc] = [Math.min(focus[0], R - 1), Math.min(focus[1], C - 1)];
  // Opening a cell can shrink the table (the passages open beside or under it): keep the cell in view,
  // scrolling only the way it went out of view (scrollIntoView would also nudge a visible cell sideways).
  useEffect(() => {
    const cell = table.current?.querySelector('[aria-pressed="true"]');
    const box = table.current?.parentElement;
    if (!cell || !box) return;
    const c = cell.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const head = table.current?.tHead?.getBoundingClientRect().bottom ?? b.top;
    const foot = table.current?.tFoot?.getBoundingClientRect().top ?? b.bottom;
    if (c.bottom > Math.min(b.bottom, foot)) box.scrollTop += c.bottom - Math.min(b.bottom, foot) + 4;
    else if (c.top < head && cell.closest('tbody')) box.scrollTop -= head - c.top + 4;
    if (c.right > b.right) box.scrollLeft += c.right - b.right + 4;
  }, [p.selected]);
  const onFocus = useCallback((r: number, c: number) => setFocus([r, c]), []);
  const { format, heat, describe, diagonal, onOpen } = p;
  const rowsCount = p.rows.length;
  const current = useMemo(
    () => ({ format, heat, describe, diagonal, onOpen, onFocus, rowsCount }),
    [format, heat, describe, diagonal, onOpen, onFocus, rowsCount],
  );

  const move = (r: number, c: number) => {
    const to: [number, number] = [Math.max(0, Math.min(R - 1, r)), Math.max(0, Math.min(C - 1, c))];
    setFocus(to);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${to[0]}:${to[1]}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const d = KEYS[e.key];
    if (d) move(fr + d[0], fc + d[1]);
    else if (e.key === 'Home') move(fr, 0);
    else if (e.key === 'End') move(fr, C - 1);
    else return;
    e.preventDefault();
  };
  const sel = p.selected;
  const selectedCol = (r: number, footer: boolean) =>
    sel && (footer ? sel.row === null : sel.row === r) ? (sel.col ?? p.cols.length) : -1;
  const row = (r: number, label: RowLabel | null, values: number[], total: number | undefined) => (
    <HeatRow
      key={r}
      r={r}
      label={label}
      values={values}
      total={total}
      dataCols={p.cols.length}
      footer={label === null}
      focusCol={r === fr ? fc : -1}
      selectedCol={selectedCol(r, label === null)}
      shared={current}
    />
  );

  return (
    <table className="heat-table" ref={table} onKeyDown={onKeyDown}>
      <caption>
        <span className="caption-text">{p.caption}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col" className="heat-corner">
            {p.corner}
          </th>
          {p.cols.map((c) => (
            <th scope="col" key={c.key} title={c.label}>
              <span className="heat-col-label">{c.label}</span>
            </th>
          ))}
          {p.totals && (
            <th scope="col" className="heat-total">
              Total
            </th>
          )}
        </tr>
      </thead>
      <tbody>{p.rows.map((label, r) => row(r, label, p.cells[r]!, p.totals?.rowTotals[r]))}</tbody>
      {p.totals && <tfoot>{row(p.rows.length, null, p.totals.colTotals, p.totals.total)}</tfoot>}
    </table>
  );
});
