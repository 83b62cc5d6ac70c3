import { useId } from 'react';
import { MEASURES } from '../../shared/analysis-labels';
import type { MatrixMeasure } from '../../shared/contract/analysis-calls';
import type { ColumnChoice } from './matrix-logic';

const GROUPS: ColumnChoice['group'][] = ['Basic', 'Document attributes', 'Speaker attributes'];

/** The columns picker, grouped (documents, groups, speakers; then every attribute by name). */
export function ColumnsSelect(props: {
  label: string;
  choices: ColumnChoice[];
  value: string;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="compare-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {GROUPS.map((g) => {
          const options = props.choices.filter((c) => c.group === g);
          if (!options.length) return null;
          const items = options.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ));
          return g === 'Basic' ? (
            items
          ) : (
            <optgroup key={g} label={g}>
              {items}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}

export function MeasureSelect(props: {
  value: MatrixMeasure;
  onChange(value: MatrixMeasure): void;
  label?: string;
}) {
  const id = useId();
  return (
    <div className="compare-field">
      <label htmlFor={id}>{props.label ?? 'Cells show'}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as MatrixMeasure)}>
        {MEASURES.map((m) => (
          <option key={m.id} value={m.id} title={m.help}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Toggle(props: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
}) {
  return (
    <label className="compare-toggle" title={props.hint}>
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}
