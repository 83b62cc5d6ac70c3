import { useCallback, useEffect, useMemo, useState } from 'react';
import { call } from '../api';
import { useWorkspace } from '../store';
import type { CooccurrencePassage } from '../../shared/contract/analysis-calls';
import { filterArgs, useCompare } from './compare-store';
import { useCall } from './useCall';
import { useProjectLists } from './useProjectLists';
import { formatValue, heatFor, heatMax, rowLabels } from './matrix-logic';
import { HeatTable, type CellRef } from './HeatTable';
import { HeatLegend } from './HeatLegend';
import { FilterBar } from './FilterBar';
import { PassageList } from './PassageList';

const format = (v: number) => formatValue(v, false);

const MODES = [
  { id: 'overlap', label: 'Their codings overlap', unit: ['overlapping pair', 'overlapping pairs'] },
  { id: 'turn', label: 'They are in the same speaker turn', unit: ['shared turn', 'shared turns'] },
] as const;

/** The passage, with the stretch both codes share marked (overlap mode). */
function passageText(p: CooccurrencePassage) {
  if (!p.overlap) return p.text;
  const a = p.overlap.start - p.start;
  const b = p.overlap.end - p.start;
  return (
    <>
      {p.text.slice(0, a)}
      <mark>{p.text.slice(a, b)}</mark>
      {p.text.slice(b)}
    </>
  );
}

/** Code × code: how often two codes meet, by overlapping codings or within one speaker's turn. */
export function CooccurrenceTab() {
  const lists = useProjectLists();
  const codes = useWorkspace((s) => s.codes);
  const within = useCompare((s) => s.within);
  const filters = useCompare((s) => s.filters);
  const set = useCompare((s) => s.set);
  const query = useMemo(() => ({ within, ...filterArgs(filters) }), [within, filters]);
  const key = JSON.stringify(query);
  const { data, dataKey, busy, error } = useCall('cooccurrence', key, () =>
    call('analysis.cooccurrence', query),
  );
  // Until a new answer arrives the table shows the previous one: describe and drill into that.
  const shown = useMemo(() => (dataKey ? (JSON.parse(dataKey) as typeof query) : query), [dataKey, query]);
  const [selected, setSelected] = useState<CellRef | null>(null);
  useEffect(() => setSelected(null), [dataKey]);

  const rows = useMemo(() => (data ? rowLabels(data.codes, codes) : []), [data, codes]);
  const cols = useMemo(() => rows.map((r, i) => ({ key: `${i}`, label: r.name })), [rows]);
  const heat = useMemo(() => heatFor(data?.cells ?? [], true), [data]);
  const mode = MODES.find((m) => m.id === (data?.within ?? within))!;
  const describe = useCallback(
    (c: CellRef, v: number) => {
      const a = rows[c.row ?? 0]?.name ?? '';
      const b = rows[c.col ?? 0]?.name ?? '';
      if (c.row === c.col) return `${format(v)} ${v === 1 ? 'coding' : 'codings'} of ${a} (diagonal)`;
      return `${format(v)} ${mode.unit[v === 1 ? 0 : 1]}: ${a} and ${b}`;
    },
    [rows, mode],
  );

  const codeA = selected?.row != null ? data?.codes[selected.row]?.codeId : undefined;
  const codeB = selected?.col != null ? data?.codes[selected.col]?.codeId : undefined;
  const passageKey =
    codeA !== undefined && codeB !== undefined ? JSON.stringify([dataKey, codeA, codeB]) : null;
  const passages = useCall('cooccurrence-passages', passageKey, () =>
    call('analysis.cooccurrencePassages', { query: shown, codeA: codeA!, codeB: codeB! }),
  );
  const a = rows[selected?.row ?? -1]?.name ?? '';
  const b = rows[selected?.col ?? -1]?.name ?? '';
  const diagonal = selected !== null && selected.row === selected.col;

  return (
    <div className="compare-tab">
      <div className="compare-toolbar">
        <fieldset className="compare-radios">
          <legend>Count two codes together when</legend>
          {MODES.map((m) => (
            <label key={m.id}>
              <input
                type="radio"
                name="cooccurrence-within"
                value={m.id}
                checked={within === m.id}
                onChange={() => set({ within: m.id })}
              />
              {m.label}
            </label>
          ))}
        </fieldset>
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
      {data && (
        <>
          <div className="compare-toolbar">
            <HeatLegend
              max={heatMax(data.cells, true)}
              counts
              format={format}
              what={mode.unit[1]}
              note="Diagonal (grey, italic): each code's own codings, for reference — not shaded."
            />
          </div>
          <div className={`compare-split${selected ? ' has-drawer' : ''}`}>
            <div className={`heat-scroll${busy ? ' is-busy' : ''}`} aria-busy={busy}>
              {rows.length < 2 ? (
                <p className="compare-empty">Co-occurrence needs at least two codes.</p>
              ) : (
                <HeatTable
                  caption={
                    <>
                      <span className="heat-caption-title">Code co-occurrence: {mode.unit[1]}</span>
                      <span className="heat-caption-help">
                        {mode.id === 'overlap'
                          ? ' — pairs of codings of the two codes that share at least one character.'
                          : ' — speaker turns holding codings of both codes.'}{' '}
                        The diagonal counts each code&apos;s own codings.
                      </span>
                    </>
                  }
                  corner="Code"
                  rows={rows}
                  cols={cols}
                  cells={data.cells}
                  format={format}
                  heat={heat}
                  describe={describe}
                  diagonal
                  selected={selected}
                  onOpen={setSelected}
                />
              )}
            </div>
            {selected && (
              <PassageList
                title={diagonal ? `${a}: its codings` : `${a} and ${b}`}
                subtitle={
                  diagonal
                    ? 'The diagonal lists the code’s own codings.'
                    : mode.id === 'overlap'
                      ? 'Each passage spans both codings; the shared part is highlighted.'
                      : 'Each passage is a speaker turn holding both codes.'
                }
                passages={passages.data?.map((p, i) => ({
                  key: `${p.documentId}:${p.start}:${p.end}:${i}`,
                  documentId: p.documentId,
                  doc: p.doc,
                  start: p.overlap?.start ?? p.start,
                  end: p.overlap?.end ?? p.end,
                  meta: p.speaker ?? '',
                  text: passageText(p),
                }))}
                busy={passages.busy}
                error={passages.error?.message ?? null}
                empty="These codes never meet here."
                onClose={() => setSelected(null)}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
