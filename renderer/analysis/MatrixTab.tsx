import { useCallback, useEffect, useMemo, useState } from 'react';
import { call } from '../api';
import { useWorkspace } from '../store';
import type { MatrixQueryArgs } from '../../shared/contract/analysis-calls';
import { measureInfo } from '../../shared/analysis-labels';
import { filterArgs, useCompare } from './compare-store';
import { useCall } from './useCall';
import { useProjectLists } from './useProjectLists';
import {
  cellName,
  columnChoices,
  formatValue,
  heatFor,
  heatMax,
  matrixTitle,
  noColumnsMessage,
  rowLabels,
  validColumns,
} from './matrix-logic';
import { HeatTable, type CellRef } from './HeatTable';
import { HeatLegend } from './HeatLegend';
import { FilterBar } from './FilterBar';
import { ColumnsSelect, MeasureSelect, Toggle } from './MatrixOptions';
import { MatrixExport } from './MatrixExport';
import { PassageList } from './PassageList';

/** Codes × documents, groups, speakers or attribute values, as a heat map with totals and drill-down. */
export function MatrixTab() {
  const lists = useProjectLists();
  const codes = useWorkspace((s) => s.codes);
  const chosen = useCompare((s) => s.columns);
  const measure = useCompare((s) => s.measure);
  const subcodes = useCompare((s) => s.subcodes);
  const filters = useCompare((s) => s.filters);
  const set = useCompare((s) => s.set);

  const choices = useMemo(() => columnChoices(lists.defs), [lists.defs]);
  const columns = validColumns(chosen, choices, lists.groups.length > 0);
  const query: MatrixQueryArgs = useMemo(
    () => ({ columns, measure, subcodes, ...filterArgs(filters) }),
    [columns, measure, subcodes, filters],
  );
  const key = lists.ready ? JSON.stringify(query) : null;
  const { data: m, dataKey, busy, error } = useCall('matrix', key, () => call('analysis.matrix', query));
  // Until a new answer arrives the table shows the previous one: label, format and drill into that.
  const shown = useMemo(() => (dataKey ? (JSON.parse(dataKey) as MatrixQueryArgs) : query), [dataKey, query]);

  const [selected, setSelected] = useState<CellRef | null>(null);
  useEffect(() => setSelected(null), [dataKey]);
  const info = measureInfo(shown.measure ?? 'codings');
  const format = useCallback((v: number) => formatValue(v, info.percent), [info.percent]);
  const heat = useMemo(() => heatFor(m?.cells ?? []), [m]);
  const rows = useMemo(() => (m ? rowLabels(m.rows, codes) : []), [m, codes]);
  const describe = useCallback(
    (c: CellRef, v: number) =>
      cellName(
        m?.measure ?? 'codings',
        v,
        c.row === null ? null : (rows[c.row]?.name ?? null),
        c.col === null ? null : (m?.cols[c.col]?.label ?? null),
      ),
    [m, rows],
  );
  const totals = useMemo(() => m && { rowTotals: m.rowTotals, colTotals: m.colTotals, total: m.total }, [m]);

  const cellKey = selected && m && dataKey ? JSON.stringify([dataKey, selected.row, selected.col]) : null;
  const excerpts = useCall('matrix-cell', cellKey, () =>
    call('analysis.matrixCell', { query: shown, row: selected?.row ?? null, col: selected?.col ?? null }),
  );
  const rowName = selected?.row == null ? 'All codes' : (rows[selected.row]?.name ?? '');
  const colName = selected?.col == null ? 'all columns' : (m?.cols[selected.col]?.label ?? '');
  const value =
    !selected || !m
      ? 0
      : selected.row === null
        ? selected.col === null
          ? m.total
          : m.colTotals[selected.col]!
        : selected.col === null
          ? m.rowTotals[selected.row]!
          : m.cells[selected.row]![selected.col]!;

  return (
    <div className="compare-tab">
      <div className="compare-toolbar">
        <ColumnsSelect
          label="Columns"
          choices={choices}
          value={columns}
          onChange={(c) => set({ columns: c })}
        />
        <MeasureSelect value={measure} onChange={(v) => set({ measure: v })} />
        <Toggle
          label="Roll up sub-codes"
          hint="A parent code's row also counts its sub-codes' codings (each coding once)"
          checked={subcodes}
          onChange={(v) => set({ subcodes: v })}
        />
        <span className="compare-busy" role="status">
          {busy ? 'Updating…' : ''}
        </span>
      </div>
      <FilterBar lists={lists} />
      {error && (
        <p role="alert" className="compare-error">
          {error.message}
        </p>
      )}
      {m && (
        <>
          <div className="compare-toolbar">
            <HeatLegend
              max={heatMax(m.cells)}
              format={format}
              what={info.label.toLowerCase()}
              counts={!info.percent}
            />
            <MatrixExport query={shown} matrix={m} percent={info.percent} />
          </div>
          <div className={`compare-split${selected ? ' has-drawer' : ''}`}>
            <div className={`heat-scroll${busy ? ' is-busy' : ''}`} aria-busy={busy}>
              {m.rows.length === 0 || m.cols.length === 0 ? (
                <p className="compare-empty">
                  {m.rows.length === 0
                    ? 'No codes yet: add codes in the codebook and code some passages to compare them.'
                    : noColumnsMessage(shown.columns)}
                </p>
              ) : (
                <HeatTable
                  caption={
                    <>
                      <span className="heat-caption-title">{matrixTitle(info.label, shown.columns)}</span>
                      <span className="heat-caption-help"> — {info.help} Totals count each coding once.</span>
                    </>
                  }
                  corner={shown.subcodes ? 'Code (with sub-codes)' : 'Code'}
                  rows={rows}
                  cols={m.cols}
                  cells={m.cells}
                  totals={totals ?? undefined}
                  format={format}
                  heat={heat}
                  describe={describe}
                  selected={selected}
                  onOpen={setSelected}
                />
              )}
            </div>
            {selected && (
              <PassageList
                title={`${rowName} × ${colName}`}
                subtitle={`${cellName(m.measure, value, rowName, colName)}.${m.measure.startsWith('words') ? ' Listed: the codings whose words are counted.' : ''}`}
                passages={excerpts.data?.map((e) => ({
                  key: String(e.codingId),
                  documentId: e.documentId,
                  doc: e.doc,
                  start: e.start,
                  end: e.end,
                  meta: [e.speakers.join(', '), shown.subcodes || selected.row === null ? e.path : '']
                    .filter(Boolean)
                    .join(' · '),
                  text: e.text,
                }))}
                busy={excerpts.busy}
                error={excerpts.error?.message ?? null}
                empty="No coded passages in this cell."
                onClose={() => setSelected(null)}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
