import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CodeInfo } from '../../../shared/types';
import { normalise } from '../codeTree';
import './ui.css';
import './dialog.css';

export const TOP_LEVEL = 'top';

interface CodePickerProps {
  label: string;
  codes: CodeInfo[];
  /** A code id, TOP_LEVEL, or null for nothing chosen yet. */
  value: number | typeof TOP_LEVEL | null;
  onChange(value: number | typeof TOP_LEVEL): void;
  /** Offer "Top level of the codebook" first (for moving). */
  offerTopLevel?: boolean;
  /** Shown but not choosable, with why (e.g. "current place"). */
  disabled?: { value: number | typeof TOP_LEVEL; reason: string };
}

interface Option {
  value: number | typeof TOP_LEVEL;
  label: string;
  path: string;
  color: string | null;
  level: number;
}

/**
 * A search field over a list of codes (combobox + listbox): typing narrows by name or path, arrows
 * choose, Enter submits the surrounding form. Paths are shown so equal names under different parents
 * can be told apart.
 */
export function CodePicker({ label, codes, value, onChange, offerTopLevel, disabled }: CodePickerProps) {
  const [query, setQuery] = useState('');
  const id = useId();
  const options = useMemo(() => {
    const q = normalise(query.trim());
    const all: Option[] = codes.map((c) => ({
      value: c.id,
      label: c.name,
      path: c.path,
      color: c.color,
      level: c.path.split('/').length,
    }));
    if (offerTopLevel) {
      all.unshift({ value: TOP_LEVEL, label: 'Top level of the codebook', path: '', color: null, level: 1 });
    }
    return q ? all.filter((o) => o.value === TOP_LEVEL || normalise(o.path).includes(q)) : all;
  }, [codes, query, offerTopLevel]);
  const choosable = options.filter((o) => o.value !== disabled?.value);
  const optionId = (v: Option['value']) => `${id}-opt-${v}`;
  const activeIndex = choosable.findIndex((o) => o.value === value);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step === undefined || choosable.length === 0) return;
    e.preventDefault();
    const next = activeIndex < 0 ? (step > 0 ? 0 : choosable.length - 1) : activeIndex + step;
    const option = choosable[Math.max(0, Math.min(next, choosable.length - 1))];
    if (option) {
      onChange(option.value);
      document.getElementById(optionId(option.value))?.scrollIntoView({ block: 'nearest' });
    }
  };

  return (
    <div className="sb-picker">
      <label className="sb-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="sb-input"
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={value !== null && activeIndex >= 0 ? optionId(value) : undefined}
        placeholder="Type to narrow the list"
        autoComplete="off"
        spellCheck={false}
        value={query}
        data-autofocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={label} className="sb-picker-list">
        {options.length === 0 && <li className="sb-picker-empty">No code matches “{query.trim()}”.</li>}
        {options.map((o) => {
          const off = o.value === disabled?.value;
          return (
            <li
              key={o.value}
              id={optionId(o.value)}
              role="option"
              aria-selected={o.value === value}
              aria-disabled={off || undefined}
              className="sb-picker-option"
              style={{ paddingInlineStart: `${0.5 + (query ? 0 : o.level - 1) * 1}rem` }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => !off && onChange(o.value)}
            >
              {o.color ? (
                <span className="code-swatch" style={{ backgroundColor: o.color }} aria-hidden="true" />
              ) : (
                <span className="sb-picker-root" aria-hidden="true">
                  ⌂
                </span>
              )}
              <span className="sb-picker-label">
                {o.label}
                {query && o.path && o.path !== o.label && <span className="sb-picker-path"> — {o.path}</span>}
              </span>
              {off && <span className="sb-picker-note">{disabled?.reason}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
