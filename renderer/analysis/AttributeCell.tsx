import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { call } from '../api';
import type { AttributeDefInfo } from '../../shared/contract/analysis-calls';
import type { AttributeScope } from '../../shared/types';
import { editFor, editorValue } from './attribute-logic';
import { runChange } from './change';

const INPUT_TYPES = { text: 'text', number: 'number', date: 'date' } as const;

/**
 * One attribute value with an editor for its type. Text, numbers and dates are saved on Enter or when
 * focus leaves (one undo step per edit, not per keystroke); yes/no is saved when chosen. Escape puts
 * the saved value back. A value the core refuses is explained under the cell.
 */
export function AttributeCell(props: {
  scope: AttributeScope;
  targetId: number;
  targetName: string;
  def: AttributeDefInfo;
  stored: string | null;
  /** Changes whenever the table is reloaded. */
  version: unknown;
}) {
  const { def, stored } = props;
  const saved = editorValue(def.type, stored);
  const [draft, setDraft] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastSent = useRef<string | null>(null);
  const errorId = useId();
  // A reload carries the saved value; until then the value just sent is shown, so nothing flickers back.
  useEffect(() => setPending(null), [stored, props.version]);

  const commit = async (typed: string) => {
    const edit = editFor(def.type, stored, typed);
    if (edit.kind === 'none' || typed === lastSent.current) return;
    lastSent.current = typed;
    setPending(typed);
    const r = await runChange(() =>
      call('attributes.set', {
        scope: props.scope,
        targetId: props.targetId,
        name: def.name,
        value: edit.kind === 'remove' ? null : edit.value,
      }),
    );
    if (r.ok) setError(null);
    else {
      lastSent.current = null;
      setPending(null);
      setError(r.message);
    }
  };

  const label = `${def.name} of ${props.targetName}`;
  const shared = {
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    className: 'attribute-input',
  } as const;

  if (def.type === 'boolean') {
    return (
      <td>
        <select {...shared} value={pending ?? saved} onChange={(e) => void commit(e.target.value)}>
          <option value="">—</option>
          <option value="yes">yes</option>
          <option value="no">no</option>
        </select>
        {error && (
          <span id={errorId} className="attribute-error" role="alert">
            {error}
          </span>
        )}
      </td>
    );
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (e.currentTarget.validity.badInput) setError(`${def.name} is a ${def.type}; that is not one.`);
      else void commit(e.currentTarget.value);
    } else if (e.key === 'Escape' && draft !== null) {
      e.preventDefault();
      setDraft(saved);
      setError(null);
    }
  };
  return (
    <td>
      <input
        {...shared}
        type={INPUT_TYPES[def.type]}
        step={def.type === 'number' ? 'any' : undefined}
        value={draft ?? pending ?? saved}
        onFocus={() => {
          lastSent.current = null;
          setDraft(pending ?? saved);
        }}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          setDraft(null);
          if (!e.currentTarget.validity.badInput) void commit(e.currentTarget.value);
        }}
      />
      {error && (
        <span id={errorId} className="attribute-error" role="alert">
          {error}
        </span>
      )}
    </td>
  );
}
