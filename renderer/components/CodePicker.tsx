import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CodeInfo } from '../../shared/types';
import { pickerOptions, TOP_LEVEL } from './code-filter';
import type { CodeChoice } from './code-filter';
import './code-picker.css';

interface BaseProps {
  label: string;
  /** Read out but not shown, where the surrounding form already says what the box is for. */
  hideLabel?: boolean;
  placeholder?: string;
  codes: readonly CodeInfo[];
  /** Ticked and aria-selected. */
  chosen: readonly CodeChoice[];
  /**
   * For picking several codes one after another: Enter or a click toggles the highlighted code, and the
   * typed filter clears for the next. Otherwise one code is chosen: the arrows choose as they move, and
   * Enter on the chosen code is left to the surrounding form, so it submits.
   */
  multiple?: boolean;
  /** Listed but not choosable, with why (e.g. "current place"). */
  disabled?: { value: CodeChoice; reason: string };
}

// Only a picker that offers the top level can hand it back, so other callers get plain code ids.
type CodePickerProps = BaseProps &
  (
    | { offerTopLevel: true; onPick(choice: CodeChoice): void }
    | { offerTopLevel?: false; onPick(codeId: number): void }
  );

/**
 * A search box over the codebook (the ARIA combobox pattern): typing narrows by path, the arrows move,
 * Enter picks. The list stays open under the box, as part of a form rather than a popup.
 */
export function CodePicker(props: CodePickerProps) {
  const { label, hideLabel, codes, chosen, multiple, disabled } = props;
  const id = useId();
  const [query, setQuery] = useState('');
  const [activeValue, setActiveValue] = useState<CodeChoice | null>(multiple ? null : (chosen[0] ?? null));
  const options = useMemo(
    () => pickerOptions(codes, query, props.offerTopLevel),
    [codes, query, props.offerTopLevel],
  );
  const choosable = options.filter((o) => o.value !== disabled?.value);
  const active = choosable.find((o) => o.value === activeValue) ?? choosable[0];
  const searching = query.trim() !== '';
  const optionId = (value: CodeChoice) => `${id}-option-${value}`;

  // Keeps the active option in view inside the list, without scrolling the panel or dialog around it.
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const box = list.current;
    const el = active ? document.getElementById(optionId(active.value)) : null;
    if (!box || !el) return;
    if (el.offsetTop < box.scrollTop) box.scrollTop = el.offsetTop;
    else if (el.offsetTop + el.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = el.offsetTop + el.offsetHeight - box.clientHeight;
  });

  const pick = (value: CodeChoice) => {
    if (props.offerTopLevel) props.onPick(value);
    else if (value !== TOP_LEVEL) props.onPick(value);
    setActiveValue(value);
    if (multiple) {
      setQuery('');
      setActiveValue(null);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!active) return;
      const at = choosable.indexOf(active) + (e.key === 'ArrowDown' ? 1 : -1);
      const next = choosable[Math.max(0, Math.min(at, choosable.length - 1))]!;
      if (multiple) setActiveValue(next.value);
      else pick(next.value);
    } else if (e.key === 'Enter') {
      if (!active || (!multiple && chosen.includes(active.value))) return;
      // Enter picks rather than submitting a surrounding form.
      e.preventDefault();
      pick(active.value);
    } else if (e.key === 'Escape' && query) {
      e.stopPropagation();
      setQuery('');
    }
  };

  return (
    <div className="code-picker">
      {!hideLabel && (
        <label className="code-picker-label" htmlFor={`${id}-input`}>
          {label}
        </label>
      )}
      <input
        id={`${id}-input`}
        className="code-picker-input"
        type="search"
        role="combobox"
        aria-label={hideLabel ? label : undefined}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(active.value) : undefined}
        placeholder={props.placeholder ?? 'Type to find a code'}
        autoComplete="off"
        spellCheck={false}
        value={query}
        // A dialog opened on a picker starts in its search box.
        data-autofocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActiveValue(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        ref={list}
        id={`${id}-list`}
        role="listbox"
        aria-label={label}
        aria-multiselectable={multiple || undefined}
        className="code-options"
      >
        {options.map((o) => {
          const note = o.value === disabled?.value ? disabled.reason : null;
          const isChosen = chosen.includes(o.value);
          return (
            <li
              key={o.value}
              id={optionId(o.value)}
              role="option"
              aria-selected={isChosen}
              aria-disabled={note !== null || undefined}
              aria-label={note ? `${o.path} (${note})` : o.path}
              className={o === active ? 'code-option active' : 'code-option'}
              // Flat while searching: the path beside each name says where it sits instead.
              style={{ paddingInlineStart: `${0.4 + (searching ? 0 : o.depth) * 0.9}rem` }}
              title={o.path}
              // Keeps focus in the box, so typing and arrows carry on after a click.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => note === null && pick(o.value)}
            >
              <span className="code-option-tick" aria-hidden="true">
                {isChosen ? '✓' : ''}
              </span>
              {o.color ? (
                <span className="code-swatch" style={{ backgroundColor: o.color }} aria-hidden="true" />
              ) : (
                <span className="code-option-root" aria-hidden="true">
                  ⌂
                </span>
              )}
              <span className="code-option-name">
                {o.name}
                {searching && o.path !== o.name && <span className="code-option-path"> — {o.path}</span>}
              </span>
              {note && <span className="code-option-note">{note}</span>}
            </li>
          );
        })}
        {options.length === 0 && (
          <li className="code-option-none" role="presentation">
            No code matches “{query.trim()}”.
          </li>
        )}
      </ul>
    </div>
  );
}
