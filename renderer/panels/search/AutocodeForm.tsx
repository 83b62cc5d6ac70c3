import { useState } from 'react';
import type { FormEvent } from 'react';
import { useWorkspace } from '../../store';
import { CodePicker } from '../../components/CodePicker';
import { ChipSelect } from '../../components/ChipSelect';

export type Scope = 'match' | 'sentence' | 'turn';

const SCOPES: { scope: Scope; label: string; hint: string }[] = [
  { scope: 'match', label: 'The match', hint: 'only the words found' },
  { scope: 'sentence', label: 'Its sentence', hint: 'the sentence around each hit' },
  { scope: 'turn', label: 'The speaker turn', hint: 'everything the speaker said there' },
];

export interface AutocodeRequest {
  codeId: number;
  scope: Scope;
  speakers: string[];
}

/** Choose a code, how much to code around each hit and, optionally, whose words; then code them all. */
export function AutocodeForm(props: {
  query: string;
  hitCount: string;
  speakers: string[];
  busy: boolean;
  onSubmit(r: AutocodeRequest): void;
  onCancel(): void;
}) {
  const codes = useWorkspace((s) => s.codes);
  const [codeId, setCodeId] = useState<number | null>(null);
  const [scope, setScope] = useState<Scope>('match');
  const [speakerIdx, setSpeakerIdx] = useState<number[]>([]);
  const code = codes.find((c) => c.id === codeId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code || props.busy) return;
    const speakers = speakerIdx.flatMap((i) => props.speakers.slice(i, i + 1));
    props.onSubmit({ codeId: code.id, scope, speakers });
  };

  return (
    <form className="autocode" aria-labelledby="autocode-heading" onSubmit={submit}>
      <h3 id="autocode-heading">Code all hits of “{props.query}”</h3>
      {codes.length === 0 ? (
        <p className="panel-note">The project has no codes yet: add one to the codebook first.</p>
      ) : (
        <CodePicker
          codes={codes}
          chosen={codeId === null ? [] : [codeId]}
          onPick={setCodeId}
          label="Code to apply"
          hideLabel
        />
      )}
      <fieldset className="scope">
        <legend>Code</legend>
        {SCOPES.map((s) => (
          <label key={s.scope} className="check">
            <input
              type="radio"
              name="autocode-scope"
              checked={scope === s.scope}
              onChange={() => setScope(s.scope)}
            />
            {s.label} <span className="panel-note">— {s.hint}</span>
          </label>
        ))}
      </fieldset>
      {props.speakers.length > 0 && (
        <ChipSelect
          label="Only these speakers (optional)"
          options={props.speakers.map((name, id) => ({ id, label: name }))}
          selected={speakerIdx}
          onChange={setSpeakerIdx}
        />
      )}
      <div className="form-buttons">
        <button type="submit" className="primary-button" disabled={!code || props.busy}>
          {props.busy
            ? 'Coding…'
            : !code
              ? 'Choose a code first'
              : speakerIdx.length
                ? `Code the chosen speakers’ hits as “${code.name}”`
                : `Code ${props.hitCount} as “${code.name}”`}
        </button>
        <button type="button" className="small-button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
