import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CodeInfo } from '../../../shared/types';
import { codeDepth, filterCodes } from './code-filter';
import './controls.css';

interface Props {
  codes: readonly CodeInfo[];
  /** Codes shown as chosen (a tick and aria-selected). */
  selected: ReadonlySet<number>;
  onPick(code: CodeInfo): void;
  label: string;
  placeholder?: string;
  /** Picking clears the typed filter (for adding several codes one after another). */
  clearOnPick?: boolean;
}

/** A searchable list of codes: type to narrow, arrows to move, Enter to pick (the ARIA combobox pattern). */
export function CodePicker({ codes, selected, onPick, label, placeholder, clearOnPick }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => filterCodes(codes, query), [codes, query]);
  const activeCode = matches[Math.min(active, matches.length - 1)];
  const optionId = (c: CodeInfo) => `${id}-code-${c.id}`;

  // Keeps the active option visible inside the list, without scrolling the panel around it.
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const box = list.current;
    const el = activeCode ? document.getElementById(optionId(activeCode)) : null;
    if (!box || !el) return;
    if (el.offsetTop < box.scrollTop) box.scrollTop = el.offsetTop;
    else if (el.offsetTop + el.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = el.offsetTop + el.offsetHeight - box.clientHeight;
  });

  const pick = (code: CodeInfo) => {
    onPick(code);
    if (clearOnPick) {
      setQuery('');
      setActive(0);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = matches.length - 1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(last, Math.min(i, last) + step)));
    } else if (e.key === 'Enter') {
      // Enter picks rather than submitting a surrounding form.
      e.preventDefault();
      if (activeCode) pick(activeCode);
    } else if (e.key === 'Escape' && query) {
      e.stopPropagation();
      setQuery('');
    }
  };

  return (
    // The list stays open under the box: it lives in a form, not a popup.
    <div className="code-picker">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeCode ? optionId(activeCode) : undefined}
        placeholder={placeholder ?? 'Type to find a code'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={list} id={`${id}-list`} role="listbox" aria-label={label} className="code-options">
        {matches.map((c, i) => (
          <li
            key={c.id}
            id={optionId(c)}
            role="option"
            aria-selected={selected.has(c.id)}
            aria-label={c.path}
            className={c === activeCode ? 'code-option active' : 'code-option'}
            style={{ paddingInlineStart: `${0.4 + codeDepth(c) * 0.9}rem` }}
            title={c.path}
            // Keeps focus in the box, so typing and arrows carry on after a click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setActive(i);
              pick(c);
            }}
          >
            <span className="tick" aria-hidden="true">
              {selected.has(c.id) ? '✓' : ''}
            </span>
            <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
            <span className="code-option-name">{c.name}</span>
          </li>
        ))}
        {matches.length === 0 && (
          <li className="code-option-none" role="presentation">
            No code matches “{query}”.
          </li>
        )}
      </ul>
    </div>
  );
}
