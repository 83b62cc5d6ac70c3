import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { jumpToPassage } from './jump';
import { plural } from '../format';

export interface Passage {
  key: string;
  documentId: number;
  doc: string;
  start: number;
  end: number;
  /** Speakers, code path, or anything else that places the passage. */
  meta: string;
  text: ReactNode;
}

const PAGE = 100;

/**
 * The passages behind a table cell, beside the table: heading, count, and each passage as a button that
 * opens its document there. Focus moves to the heading when it opens, so keyboard users land in it.
 */
export function PassageList(props: {
  title: string;
  subtitle?: string;
  passages: Passage[] | undefined;
  busy: boolean;
  error: string | null;
  empty: string;
  onClose(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const [shown, setShown] = useState(PAGE);
  useEffect(() => {
    heading.current?.focus();
    setShown(PAGE);
  }, [props.title]);
  const list = props.passages ?? [];
  return (
    <section
      className="passage-drawer"
      aria-labelledby={titleId}
      aria-busy={props.busy}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <header>
        <h3 id={titleId} tabIndex={-1} ref={heading}>
          {props.title}
        </h3>
        <button type="button" className="compare-button" onClick={props.onClose}>
          Close<span className="visually-hidden"> passages</span>
        </button>
      </header>
      {props.subtitle && <p className="compare-note">{props.subtitle}</p>}
      {props.error && (
        <p role="alert" className="compare-error">
          {props.error}
        </p>
      )}
      <p className="compare-note" role="status">
        {props.busy && !props.passages ? 'Loading…' : list.length ? plural(list.length, 'passage') : ''}
      </p>
      {props.passages && list.length === 0 && <p className="compare-note">{props.empty}</p>}
      <ol className="passage-list">
        {list.slice(0, shown).map((p) => (
          <li key={p.key}>
            <button
              type="button"
              className="passage"
              title="Open the document at this passage"
              onClick={() => jumpToPassage(p.documentId, p.start, p.end)}
            >
              <span className="passage-where">
                <strong>{p.doc}</strong>
                {p.meta && <span> · {p.meta}</span>}
              </span>
              <span className="passage-text">{p.text}</span>
            </button>
          </li>
        ))}
      </ol>
      {list.length > shown && (
        <button type="button" className="compare-button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, list.length - shown)} more of {list.length - shown}
        </button>
      )}
    </section>
  );
}
