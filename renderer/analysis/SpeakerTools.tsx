import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../api';
import type { SpeakerMergeResult } from '../../shared/contract/analysis-calls';
import type { SpeakerSummary } from '../../shared/types';
import { runChange } from './change';
import { plural } from '../format';

/** A speaker's name in the attribute table, with an inline rename (every transcript follows). */
export function SpeakerName(props: { speaker: SpeakerSummary; onMerge(id: number): void }) {
  const { speaker } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (editing === null) return;
    if (editing.trim() === speaker.name) return setEditing(null);
    const r = await runChange(() => call('speakers.rename', { id: speaker.id, name: editing }));
    if (r.ok) {
      setEditing(null);
      setError(null);
    } else setError(r.message);
  };
  if (editing !== null) {
    return (
      <span className="speaker-rename">
        <input
          aria-label={`New name for ${speaker.name}`}
          value={editing}
          autoFocus
          onChange={(e) => setEditing(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') setEditing(null);
          }}
        />
        <button type="button" className="compare-button" onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="compare-link" onClick={() => setEditing(null)}>
          Cancel
        </button>
        {error && (
          <span role="alert" className="attribute-error">
            {error}
          </span>
        )}
      </span>
    );
  }
  return (
    <span className="speaker-name">
      <span>{speaker.name}</span>
      <button type="button" className="compare-link" onClick={() => setEditing(speaker.name)}>
        Rename<span className="visually-hidden"> {speaker.name}</span>
      </button>
      <button type="button" className="compare-link" onClick={() => props.onMerge(speaker.id)}>
        Merge…<span className="visually-hidden"> {speaker.name} into another speaker</span>
      </button>
    </span>
  );
}

/** Merging two speakers who are one person ("Jo" and "Jo B."), with what will happen spelt out first. */
export function MergeDialog(props: { speakers: SpeakerSummary[]; fromId: number | null; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [fromId, setFromId] = useState<number | null>(props.fromId);
  const [intoId, setIntoId] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ result?: SpeakerMergeResult; error?: string } | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const from = props.speakers.find((s) => s.id === fromId);
  const into = props.speakers.find((s) => s.id === intoId);
  const merge = async () => {
    if (!from || !into) return;
    const r = await runChange(() => call('speakers.merge', { fromId: from.id, intoId: into.id }));
    setOutcome(r.ok ? { result: r.value } : { error: r.message });
  };
  const pick = (label: string, value: number | null, set: (v: number) => void, other: number | null) => (
    <div className="compare-field">
      <label htmlFor={`${id}-${label}`}>{label}</label>
      <select id={`${id}-${label}`} value={value ?? ''} onChange={(e) => set(Number(e.target.value))}>
        <option value="" disabled>
          Choose a speaker…
        </option>
        {props.speakers
          .filter((s) => s.id !== other)
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({plural(s.turns, 'turn')})
            </option>
          ))}
      </select>
    </div>
  );
  const r = outcome?.result;
  return (
    <dialog ref={dialog} className="merge-dialog" aria-labelledby={`${id}-title`} onClose={props.onClose}>
      <h3 id={`${id}-title`}>Merge speakers</h3>
      {r ? (
        <p role="status">
          Merged {r.from} into {r.into}: {plural(r.turns, 'turn')} moved
          {r.attributesAdded.length ? `; took over ${r.attributesAdded.join(', ')}` : ''}
          {r.conflicts.map((c) => `; ${c.name}: kept “${c.kept}”, dropped “${c.dropped}”`).join('')}. Undo
          reverses it.
        </p>
      ) : (
        <>
          <p>
            Use this when two speaker names are one person. Every turn of the first speaker moves to the
            second, in every transcript. Attributes combine: values the second speaker lacks are taken over;
            where both have a value, <strong>the second speaker’s value wins</strong>. The first speaker is
            then removed. You can undo this.
          </p>
          {pick('Merge', fromId, setFromId, intoId)}
          {pick('Into', intoId, setIntoId, fromId)}
          {outcome?.error && (
            <p role="alert" className="compare-error">
              {outcome.error}
            </p>
          )}
        </>
      )}
      <div className="compare-buttons">
        {!r && (
          <button
            type="button"
            className="compare-button primary"
            disabled={!from || !into}
            onClick={() => void merge()}
          >
            {from && into ? `Merge ${from.name} into ${into.name}` : 'Merge'}
          </button>
        )}
        <button type="button" className="compare-button" onClick={() => dialog.current?.close()}>
          {r ? 'Close' : 'Cancel'}
        </button>
      </div>
    </dialog>
  );
}
