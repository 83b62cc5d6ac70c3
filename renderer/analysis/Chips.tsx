import { useState } from 'react';

export interface ChipItem {
  id: number;
  label: string;
  detail?: string;
}

const SEARCH_FROM = 12;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A multi-select as toggle buttons: a tick or plus says which are on (not colour alone), and long lists
 * (every speaker of a big study) get a box to find one.
 */
export function Chips(props: {
  legend: string;
  items: readonly ChipItem[];
  selected: readonly number[];
  onChange(ids: number[]): void;
  /** Read in front of each chip's name by screen readers, e.g. "Exclude". */
  verb?: string;
}) {
  const { legend, items, selected, onChange } = props;
  const [find, setFind] = useState('');
  const chosen = new Set(selected);
  const q = fold(find.trim());
  const shown = q ? items.filter((i) => chosen.has(i.id) || fold(i.label).includes(q)) : items;
  const toggle = (id: number) =>
    onChange(chosen.has(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  return (
    <fieldset className="compare-chips">
      <legend>{legend}</legend>
      {items.length >= SEARCH_FROM && (
        <input
          type="search"
          className="compare-chip-find"
          aria-label={`Find in ${legend.toLowerCase()}`}
          placeholder="Find…"
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
      )}
      {shown.map((i) => (
        <button
          key={i.id}
          type="button"
          className="compare-chip"
          aria-pressed={chosen.has(i.id)}
          title={i.detail ? `${i.label} — ${i.detail}` : i.label}
          onClick={() => toggle(i.id)}
        >
          <span aria-hidden="true">{chosen.has(i.id) ? '✓' : '+'}</span>
          {props.verb && <span className="visually-hidden">{props.verb} </span>}
          {i.label}
        </button>
      ))}
      {items.length === 0 && <span className="compare-note">None in this project.</span>}
    </fieldset>
  );
}
