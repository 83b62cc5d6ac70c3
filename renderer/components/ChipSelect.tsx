import { useState } from 'react';
import { fold } from './code-filter';
import './chip-select.css';

export interface ChipOption {
  id: number;
  label: string;
  /** A count or note for the tooltip, e.g. "3 documents". */
  detail?: string;
}

const FIND_FROM = 12;

/**
 * A multi-select as toggle buttons: a tick or plus says which are on (not colour alone), and long lists
 * (every speaker of a big study) get a box to find one.
 */
export function ChipSelect(props: {
  label: string;
  options: readonly ChipOption[];
  selected: readonly number[];
  onChange(ids: number[]): void;
  /** Read before each chip's name by screen readers, e.g. "Exclude". */
  verb?: string;
}) {
  const { label, options, selected, onChange, verb } = props;
  const [find, setFind] = useState('');
  const chosen = new Set(selected);
  const words = fold(find).trim();
  const shown = words ? options.filter((o) => chosen.has(o.id) || fold(o.label).includes(words)) : options;
  const toggle = (id: number) =>
    onChange(chosen.has(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  return (
    <fieldset className="chip-select">
      <legend>
        {label}
        {selected.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Clear
            <span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        )}
      </legend>
      {options.length >= FIND_FROM && (
        <input
          type="search"
          className="chip-find"
          aria-label={`Find in ${label.toLowerCase()}`}
          placeholder="Find…"
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
      )}
      <div className="chips">
        {shown.map((o) => (
          <button
            key={o.id}
            type="button"
            className="chip"
            aria-pressed={chosen.has(o.id)}
            title={o.detail ? `${o.label} — ${o.detail}` : o.label}
            onClick={() => toggle(o.id)}
          >
            <span className="chip-tick" aria-hidden="true">
              {chosen.has(o.id) ? '✓' : '+'}
            </span>
            {verb && <span className="visually-hidden">{verb} </span>}
            {o.label}
          </button>
        ))}
        {options.length === 0 && <span className="chip-none">None in this project.</span>}
      </div>
    </fieldset>
  );
}
