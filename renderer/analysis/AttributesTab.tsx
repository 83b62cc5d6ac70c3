import { useMemo, useState } from 'react';
import { call } from '../api';
import { useWorkspace } from '../store';
import type { AttributeScope } from '../../shared/types';
import { useCompare } from './compare-store';
import { useCall } from './useCall';
import { TYPE_LABELS, attributeGrid, type AttributeTarget } from './attribute-logic';
import { AttributeCell } from './AttributeCell';
import { AddAttribute, EditAttribute, ImportCsv } from './AttributeTools';
import { MergeDialog, SpeakerName } from './SpeakerTools';
import { plural } from '../format';

async function loadAttributes(scope: AttributeScope) {
  const [defs, values, speakers] = await Promise.all([
    call('attributes.defs', { scope }),
    call('attributes.list', { scope }),
    scope === 'speaker' ? call('speakers.list', {}) : Promise.resolve([]),
  ]);
  return { defs, values, speakers };
}

const SCOPES: { id: AttributeScope; label: string }[] = [
  { id: 'document', label: 'Documents' },
  { id: 'speaker', label: 'Speakers' },
];

/** Documents or speakers × their attributes, edited in place, plus speaker rename and merge. */
export function AttributesTab() {
  const scope = useCompare((s) => s.attributeScope);
  const set = useCompare((s) => s.set);
  const documents = useWorkspace((s) => s.documents);
  const stats = useWorkspace((s) => s.stats);
  const { data, error } = useCall(`attributes-${scope}`, scope, () => loadAttributes(scope));
  const [editing, setEditing] = useState<number | null>(null);
  const [merging, setMerging] = useState<{ from: number | null } | null>(null);

  const targets: AttributeTarget[] = useMemo(
    () =>
      scope === 'document'
        ? documents.map((d) => ({ id: d.id, name: d.name, detail: d.groups.join(', ') }))
        : (data?.speakers ?? []).map((s) => ({ id: s.id, name: s.name, detail: plural(s.turns, 'turn') })),
    [scope, documents, data],
  );
  const grid = useMemo(
    () => attributeGrid(scope, targets, data?.defs ?? [], data?.values ?? []),
    [scope, targets, data],
  );
  const speakers = new Map((data?.speakers ?? []).map((s) => [s.id, s]));
  const editingDef = grid.defs.find((d) => d.id === editing);
  const who = scope === 'document' ? 'Document' : 'Speaker';

  return (
    <div className="compare-tab attributes-tab">
      <div className="compare-toolbar">
        <div role="group" aria-label="Attributes of" className="segmented">
          {SCOPES.map((s) => (
            <button
              key={s.id}
              type="button"
              aria-pressed={scope === s.id}
              onClick={() => {
                setEditing(null);
                set({ attributeScope: s.id });
              }}
            >
              {s.label} ({s.id === 'document' ? documents.length : (stats?.speakers ?? '…')})
            </button>
          ))}
        </div>
        {scope === 'speaker' && (
          <button type="button" className="compare-button" onClick={() => setMerging({ from: null })}>
            Merge speakers…
          </button>
        )}
      </div>
      <div className="attribute-tools">
        <AddAttribute key={`add-${scope}`} scope={scope} />
        <ImportCsv key={`import-${scope}`} scope={scope} />
      </div>
      {editingDef && <EditAttribute key={editingDef.id} def={editingDef} onDone={() => setEditing(null)} />}
      {error && (
        <p role="alert" className="compare-error">
          {error.message}
        </p>
      )}
      <div className="heat-scroll attribute-scroll">
        <table className="attribute-table">
          <caption>
            <span className="caption-text">
              <span className="heat-caption-title">{who} attributes</span>
              <span className="heat-caption-help">
                {' '}
                — edit a cell and press Enter (or move on) to save; Ctrl+Z undoes.
                {grid.defs.length === 0 && ' No attributes yet: add one above or import a CSV file.'}
              </span>
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{who}</th>
              {grid.defs.map((d) => (
                <th scope="col" key={d.id}>
                  <span className="attribute-head">
                    <span>{d.name}</span>
                    <span className="type-tag">{TYPE_LABELS[d.type]}</span>
                    <button
                      type="button"
                      className="compare-link"
                      aria-expanded={editing === d.id}
                      onClick={() => setEditing(editing === d.id ? null : d.id)}
                    >
                      Edit<span className="visually-hidden"> attribute {d.name}</span>
                    </button>
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map(({ target, values }) => {
              const speaker = speakers.get(target.id);
              return (
                <tr key={target.id}>
                  <th scope="row">
                    {scope === 'speaker' && speaker ? (
                      <SpeakerName speaker={speaker} onMerge={(from) => setMerging({ from })} />
                    ) : (
                      <span className="speaker-name">{target.name}</span>
                    )}
                    {target.detail && <span className="attribute-detail">{target.detail}</span>}
                  </th>
                  {grid.defs.map((d, i) => (
                    <AttributeCell
                      key={d.id}
                      scope={scope}
                      targetId={target.id}
                      targetName={target.name}
                      def={d}
                      stored={values[i] ?? null}
                      version={data}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {merging && (
        <MergeDialog speakers={data?.speakers ?? []} fromId={merging.from} onClose={() => setMerging(null)} />
      )}
    </div>
  );
}
