import { useState } from 'react';
import { useWorkspace } from '../../store';
import { CodePicker } from '../../components/CodePicker';

/**
 * The codes being retrieved, shared with the codebook's selection: removable chips, and a searchable list
 * to add more without leaving the panel.
 */
export function CodeSelection(props: { subcodes: boolean; onSubcodes(on: boolean): void }) {
  const codes = useWorkspace((s) => s.codes);
  const selectedIds = useWorkspace((s) => s.selectedCodeIds);
  const selectCodes = useWorkspace((s) => s.selectCodes);
  const [adding, setAdding] = useState(false);
  const selected = selectedIds.flatMap((id) => codes.filter((c) => c.id === id));
  const hasChildren = selected.some((s) => codes.some((c) => c.parentId === s.id));

  return (
    <div className="code-selection">
      <div className="selected-codes" role="group" aria-label="Codes to retrieve">
        {selected.map((c) => (
          <span key={c.id} className="code-pill" title={c.path}>
            <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
            <span className="code-pill-name">{c.path}</span>
            <button
              type="button"
              className="pill-remove"
              aria-label={`Stop retrieving ${c.path}`}
              onClick={() => selectCodes(selectedIds.filter((id) => id !== c.id))}
            >
              ×
            </button>
          </span>
        ))}
        <button
          type="button"
          className="small-button"
          aria-expanded={adding}
          onClick={() => setAdding((a) => !a)}
          disabled={codes.length === 0}
        >
          {adding ? 'Done' : selected.length ? 'Add code…' : 'Choose codes…'}
        </button>
        {selected.length > 1 && (
          <button type="button" className="link-button" onClick={() => selectCodes([])}>
            Clear all
          </button>
        )}
      </div>
      {adding && (
        <CodePicker
          codes={codes}
          chosen={selectedIds}
          multiple
          label="Codes to retrieve"
          hideLabel
          placeholder="Type to find a code; Enter adds or removes it"
          onPick={(codeId) =>
            selectCodes(
              selectedIds.includes(codeId)
                ? selectedIds.filter((id) => id !== codeId)
                : [...selectedIds, codeId],
            )
          }
        />
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={props.subcodes}
          onChange={(e) => props.onSubcodes(e.target.checked)}
        />
        Include sub-codes
        {props.subcodes && !hasChildren && selected.length > 0 && (
          <span className="panel-note"> (the selected codes have none)</span>
        )}
      </label>
    </div>
  );
}
