import { useState } from 'react';
import type { CodeInfo, Coding } from '../../shared/types';
import { MemoEditor } from './MemoEditor';
import { removeCoding } from './actions';
import { quoteOf } from '../transcript/requests';

// One coding in the popover: its code, the words it covers, who coded it and when, its memo, and what
// can be done with it.

interface Props {
  coding: Coding;
  code: CodeInfo | undefined;
  text: string;
  onFocusCoding(id: number | null): void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
}

export function CodingItem({ coding, code, text, onFocusCoding }: Props) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = code?.path ?? 'Unknown code';
  const date = formatDate(coding.createdAt);
  return (
    <li
      className="coding-item"
      onMouseEnter={() => onFocusCoding(coding.id)}
      onMouseLeave={() => onFocusCoding(null)}
      onFocus={() => onFocusCoding(coding.id)}
    >
      <p className="coding-code">
        <span className="code-swatch" style={{ backgroundColor: code?.color ?? '#888' }} aria-hidden="true" />
        <span className="coding-code-name">{name}</span>
      </p>
      <p className="coding-quote">{quoteOf(text, coding.start, coding.end, 140)}</p>
      <p className="coding-meta">
        Coded by {coding.coder}
        {date && <> · {date}</>}
      </p>
      {editing ? (
        <MemoEditor
          codingId={coding.id}
          codeName={name}
          memo={coding.memo}
          onDone={() => setEditing(false)}
        />
      ) : (
        <>
          {coding.memo ? (
            <p className="coding-memo">{coding.memo}</p>
          ) : (
            <p className="coding-memo is-empty">No memo</p>
          )}
          <div className="coding-actions">
            <button type="button" onClick={() => setEditing(true)} disabled={busy}>
              {coding.memo ? 'Edit memo' : 'Add memo'}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              aria-label={`Remove this coding of ${name}`}
              onClick={async () => {
                setBusy(true);
                await removeCoding(coding.id);
                setBusy(false);
              }}
            >
              Remove coding
            </button>
          </div>
        </>
      )}
    </li>
  );
}
