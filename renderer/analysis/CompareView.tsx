import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useCompare, type CompareTab } from './compare-store';
import { MatrixTab } from './MatrixTab';
import { CooccurrenceTab } from './CooccurrenceTab';
import { ChartsTab } from './ChartsTab';
import { AttributesTab } from './AttributesTab';
import './analysis.css';
import './controls.css';
import './tables.css';
import './panels.css';

const TABS: { id: CompareTab; label: string; view: () => React.JSX.Element }[] = [
  { id: 'matrix', label: 'Code matrix', view: MatrixTab },
  { id: 'cooccurrence', label: 'Co-occurrence', view: CooccurrenceTab },
  { id: 'charts', label: 'Charts', view: ChartsTab },
  { id: 'attributes', label: 'Attributes', view: AttributesTab },
];

const tabId = (id: string) => `compare-tab-${id}`;
const panelId = (id: string) => `compare-panel-${id}`;

/**
 * The comparison views as ARIA tabs (arrow keys, Home and End move between them). Only the chosen view is
 * mounted; their options and last answers live in the compare store, so switching back is instant.
 */
export function CompareView() {
  const tab = useCompare((s) => s.tab);
  const set = useCompare((s) => s.set);
  const refs = useRef(new Map<CompareTab, HTMLButtonElement>());
  const current = TABS.find((t) => t.id === tab) ?? TABS[0]!;
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.indexOf(current);
    const last = TABS.length - 1;
    const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[
      e.key
    ];
    const next = to === undefined ? undefined : TABS[to];
    if (!next) return;
    e.preventDefault();
    set({ tab: next.id });
    refs.current.get(next.id)?.focus();
  };
  const View = current.view;
  return (
    <section className="compare-view" aria-labelledby="compare-title">
      <header className="compare-header">
        <h2 id="compare-title">Compare</h2>
        <div role="tablist" aria-label="Comparison views" className="compare-tabs" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                if (el) refs.current.set(t.id, el);
              }}
              type="button"
              role="tab"
              id={tabId(t.id)}
              aria-controls={t.id === current.id ? panelId(t.id) : undefined}
              aria-selected={t.id === current.id}
              tabIndex={t.id === current.id ? 0 : -1}
              onClick={() => set({ tab: t.id })}
            >
              {t.label}
            </button>
          ))}
        </div>
      </header>
      <div
        role="tabpanel"
        id={panelId(current.id)}
        aria-labelledby={tabId(current.id)}
        className="compare-panel"
      >
        <View />
      </div>
    </section>
  );
}
