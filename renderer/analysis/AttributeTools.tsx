import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { call } from '../api';
import type { AttributeDefInfo } from '../../shared/contract/analysis-calls';
import type { AttributeScope, AttributeType } from '../../shared/types';
import { TYPE_LABELS, decodeCsvBytes, importSummary } from './attribute-logic';
import { runChange } from './change';
import { plural } from '../format';

type Message = { text: string; error?: boolean } | null;

export function Outcome({ message }: { message: Message }) {
  return (
    <p
      role={message?.error ? 'alert' : 'status'}
      className={message?.error ? 'compare-error' : 'compare-confirm'}
    >
      {message?.text}
    </p>
  );
}

function TypeSelect(props: { label: string; value: AttributeType; onChange(t: AttributeType): void }) {
  const id = useId();
  return (
    <span className="compare-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as AttributeType)}>
        {(Object.keys(TYPE_LABELS) as AttributeType[]).map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
    </span>
  );
}

function Form(props: { label: string; children: ReactNode; onSubmit(): void }) {
  return (
    <form
      className="compare-form"
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

/** Adds an empty attribute column of a chosen type. */
export function AddAttribute({ scope }: { scope: AttributeScope }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [message, setMessage] = useState<Message>(null);
  const id = useId();
  const add = async () => {
    if (!name.trim()) return setMessage({ text: 'Give the attribute a name.', error: true });
    const r = await runChange(() => call('attributes.define', { scope, name, type }));
    setMessage(r.ok ? { text: `Added “${name.trim()}”.` } : { text: r.message, error: true });
    if (r.ok) setName('');
  };
  return (
    <Form label="Add an attribute" onSubmit={() => void add()}>
      <span className="compare-field">
        <label htmlFor={id}>New attribute</label>
        <input id={id} value={name} placeholder="e.g. role" onChange={(e) => setName(e.target.value)} />
      </span>
      <TypeSelect label="Type" value={type} onChange={setType} />
      <button type="submit" className="compare-button">
        Add attribute
      </button>
      <Outcome message={message} />
    </Form>
  );
}

/** Rename, change the type of (the core refuses, naming the values that do not fit), or delete. */
export function EditAttribute(props: { def: AttributeDefInfo; onDone(): void }) {
  const { def } = props;
  const [name, setName] = useState(def.name);
  const [type, setType] = useState<AttributeType>(def.type);
  const [confirm, setConfirm] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const id = useId();
  const scope = def.scope;
  const report = (ok: boolean, text: string) => setMessage({ text, error: !ok });
  const rename = async () => {
    const r = await runChange(() => call('attributes.rename', { scope, name: def.name, newName: name }));
    report(r.ok, r.ok ? `Renamed to “${name.trim()}”.` : r.message);
  };
  const retype = async () => {
    const r = await runChange(() => call('attributes.changeType', { scope, name: def.name, type }));
    report(r.ok, r.ok ? `“${def.name}” is now ${TYPE_LABELS[type].toLowerCase()}.` : r.message);
  };
  const drop = async () => {
    const r = await runChange(() => call('attributes.drop', { scope, name: def.name }));
    if (r.ok) props.onDone();
    else report(false, r.message);
  };
  return (
    <section className="attribute-editor" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>
        Attribute “{def.name}” · {TYPE_LABELS[def.type].toLowerCase()} · {plural(def.values, 'value')}
      </h4>
      <Form label="Rename the attribute" onSubmit={() => void rename()}>
        <span className="compare-field">
          <label htmlFor={id}>Name</label>
          <input id={id} value={name} onChange={(e) => setName(e.target.value)} />
        </span>
        <button type="submit" className="compare-button" disabled={!name.trim() || name.trim() === def.name}>
          Rename
        </button>
      </Form>
      <Form label="Change the type" onSubmit={() => void retype()}>
        <TypeSelect label="Type" value={type} onChange={setType} />
        <button type="submit" className="compare-button" disabled={type === def.type}>
          Change type
        </button>
      </Form>
      <div className="compare-buttons">
        {confirm ? (
          <>
            <span>
              Delete “{def.name}” and its {plural(def.values, 'value')}? (Undo brings them back.)
            </span>
            <button type="button" className="compare-button danger" onClick={() => void drop()}>
              Delete attribute
            </button>
            <button type="button" className="compare-link" onClick={() => setConfirm(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="compare-button" onClick={() => setConfirm(true)}>
            Delete attribute…
          </button>
        )}
        <button type="button" className="compare-link" onClick={props.onDone}>
          Done
        </button>
      </div>
      <Outcome message={message} />
    </section>
  );
}

/** Attributes from a spreadsheet: first column the document or speaker, header row the attribute names. */
export function ImportCsv({ scope }: { scope: AttributeScope }) {
  const [message, setMessage] = useState<Message>(null);
  const id = useId();
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMessage({ text: `Reading ${file.name}…` });
    const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    const r = await runChange(() => call('attributes.importCsv', { scope, fileName: file.name, text }));
    setMessage(r.ok ? { text: importSummary(r.value) } : { text: r.message, error: true });
  };
  const who = scope === 'document' ? 'document' : 'speaker';
  return (
    <div className="compare-form">
      {/* The input comes first so its keyboard focus can outline the label that stands in for it. */}
      <input
        id={id}
        type="file"
        className="visually-hidden file-input"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
        aria-describedby={`${id}-hint`}
        onChange={(e) => void onFile(e.currentTarget)}
      />
      <label htmlFor={id} className="compare-button file-button">
        Import {who} attributes from CSV…
      </label>
      <span id={`${id}-hint`} className="compare-note">
        First column: the {who} name; header row: attribute names. Types are inferred.
      </span>
      <Outcome message={message} />
    </div>
  );
}
