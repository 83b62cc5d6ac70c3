import { useId, useMemo } from 'react';
import { call } from '../api';
import { useWorkspace } from '../store';
import { filterArgs, useCompare } from './compare-store';
import { useCall } from './useCall';
import { useProjectLists } from './useProjectLists';
import {
  codeOptions,
  defaultChartBy,
  defaultChartCode,
  frequencyChart,
  participationChart,
} from './chart-logic';
import { columnChoices, validColumns } from './matrix-logic';
import { ColumnsSelect, MeasureSelect, Toggle } from './MatrixOptions';
import { FilterBar } from './FilterBar';
import { ChartCard } from './ChartCard';

/** A code's frequency by group or attribute value, and who spoke how much. */
export function ChartsTab() {
  const lists = useProjectLists();
  const codes = useWorkspace((s) => s.codes);
  const documents = useWorkspace((s) => s.documents);
  const s = useCompare();
  const codeSelect = useId();
  const docSelect = useId();

  const choices = useMemo(() => columnChoices(lists.defs), [lists.defs]);
  const by = validColumns(s.chartBy ?? defaultChartBy(choices), choices, lists.groups.length > 0);
  const codeId = codes.some((c) => c.id === s.chartCodeId) ? s.chartCodeId : defaultChartCode(codes);
  const freqArgs = useMemo(
    () =>
      codeId === null
        ? null
        : { codeId, by, measure: s.chartMeasure, subcodes: s.subcodes, ...filterArgs(s.filters) },
    [codeId, by, s.chartMeasure, s.subcodes, s.filters],
  );
  const freq = useCall('chart-frequency', lists.ready && freqArgs ? JSON.stringify(freqArgs) : null, () =>
    call('analysis.codeFrequency', freqArgs!),
  );
  // Drawn from the arguments the answer is for, so title and bars always agree while the next one loads.
  const freqChart = useMemo(() => {
    if (!freq.data || !freq.dataKey) return null;
    const shown = JSON.parse(freq.dataKey) as { by: string; subcodes: boolean };
    return frequencyChart(freq.data, shown.by, shown.subcodes, codes);
  }, [freq.data, freq.dataKey, codes]);

  const docId = documents.some((d) => d.id === s.participationDocId) ? s.participationDocId : null;
  const part = useCall('chart-participation', JSON.stringify(docId), () =>
    call('analysis.participation', docId === null ? {} : { documentId: docId }),
  );
  const partChart = useMemo(() => {
    if (!part.data || !part.dataKey) return null;
    const shownId = JSON.parse(part.dataKey) as number | null;
    return participationChart(part.data, documents.find((d) => d.id === shownId)?.name ?? null);
  }, [part.data, part.dataKey, documents]);

  return (
    <div className="compare-tab charts-tab">
      <section aria-labelledby={`${codeSelect}-h`} className="chart-section">
        <h3 id={`${codeSelect}-h`}>Code frequency</h3>
        <div className="compare-toolbar">
          <div className="compare-field">
            <label htmlFor={codeSelect}>Code</label>
            <select
              id={codeSelect}
              value={codeId ?? ''}
              onChange={(e) => s.set({ chartCodeId: Number(e.target.value) })}
            >
              {codeOptions(codes).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <ColumnsSelect label="By" choices={choices} value={by} onChange={(v) => s.set({ chartBy: v })} />
          <MeasureSelect
            label="Bars show"
            value={s.chartMeasure}
            onChange={(v) => s.set({ chartMeasure: v })}
          />
          <Toggle label="Roll up sub-codes" checked={s.subcodes} onChange={(v) => s.set({ subcodes: v })} />
        </div>
        <FilterBar lists={lists} />
        {freq.error && (
          <p role="alert" className="compare-error">
            {freq.error.message}
          </p>
        )}
        <ChartCard
          title={freqChart?.title ?? ''}
          svg={freqChart?.svg ?? null}
          busy={freq.busy}
          empty={codes.length ? undefined : 'No codes yet: add codes in the codebook to chart them.'}
        />
      </section>
      <section aria-labelledby={`${docSelect}-h`} className="chart-section">
        <h3 id={`${docSelect}-h`}>Speaker participation</h3>
        <div className="compare-toolbar">
          <div className="compare-field">
            <label htmlFor={docSelect}>Document</label>
            <select
              id={docSelect}
              value={docId ?? ''}
              onChange={(e) => s.set({ participationDocId: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">All documents</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {part.error && (
          <p role="alert" className="compare-error">
            {part.error.message}
          </p>
        )}
        <ChartCard title={partChart?.title ?? ''} svg={partChart?.svg ?? null} busy={part.busy} />
      </section>
    </div>
  );
}
