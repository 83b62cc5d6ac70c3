import { useState } from 'react';
import { fold } from './code-filter';
import './controls.css';

export interface Chip {
  id: number;
  label: string;
  /** A count or note after the label, e.g. "3 documents". */
  detail?: string;
}

const FILTER_FROM = 12;

/**
 * Toggle buttons for a multi-select filter. A tick marks the chosen ones (colour is not the only sign),
 * and long lists (many speakers) get a box to narrow them.
 */
export function ChipSelect(props: {
  label: string;
  chips: readonly Chip[];
  selected: readonly number[];
  onChange(ids: number[]): void;
}) {
  const { label, chips, selected, onChange } = props;
  const [filter, setFilter] = useState('');
  const chosen = new Set(selected);
  const words = fold(filter).trim();
  const shown = words ? chips.filter((c) => chosen.has(c.id) || fold(c.label).includes(words)) : chips;
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
      {chips.length >= FILTER_FROM && (
        <input
          type="search"
          className="chip-filter"
          aria-label={`Find ${label.toLowerCase()}`}
          placeholder={`Find ${label.toLowerCase()}…`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <div className="chips">
        {shown.map((c) => (
          <button
            key={c.id}
            type="button"
            className="chip"
            aria-pressed={chosen.has(c.id)}
            title={c.detail ? `${c.label} — ${c.detail}` : c.label}
            onClick={() => toggle(c.id)}
          >
            <span className="chip-tick" aria-hidden="true">
              {chosen.has(c.id) ? '✓' : '+'}
            </span>
            {c.label}
          </button>
        ))}
        {chips.length === 0 && <span className="panel-note">None in this project.</span>}
      </div>
    </fieldset>
  );
}
