import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * An ARIA tab list: one tab stop, arrow keys (and Home/End) move and select, as the APG tabs pattern
 * with automatic activation. The caller renders the panels with `TabPanel`.
 */
export function TabList<T extends string>(props: {
  label: string;
  prefix: string;
  tabs: TabSpec<T>[];
  selected: T;
  onSelect(id: T): void;
  className?: string;
}) {
  const { label, prefix, tabs, selected, onSelect } = props;
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const last = tabs.length - 1;
    const to: Record<string, number> = {
      ArrowRight: i === last ? 0 : i + 1,
      ArrowLeft: i <= 0 ? last : i - 1,
      Home: 0,
      End: last,
    };
    const next = tabs[to[e.key] ?? -1];
    if (!next) return;
    e.preventDefault();
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={props.className ?? 'tab-list'} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={tabId(prefix, t.id)}
          aria-controls={panelId(prefix, t.id)}
          aria-selected={t.id === selected}
          tabIndex={t.id === selected ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** A tab's panel; hidden panels stay mounted so their state (a search, its results) survives. */
export function TabPanel(props: {
  prefix: string;
  id: string;
  selected: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(props.prefix, props.id)}
      aria-labelledby={tabId(props.prefix, props.id)}
      hidden={!props.selected}
      className={props.className}
    >
      {props.children}
    </div>
  );
}
