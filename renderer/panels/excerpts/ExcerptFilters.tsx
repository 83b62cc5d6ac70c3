import type { GroupSummary, SpeakerSummary } from '../../../shared/types';
import { plural } from '../../format';
import { ChipSelect } from '../../components/ChipSelect';

export interface FilterState {
  groupIds: number[];
  speakerIds: number[];
  coderIds: number[];
}

export const NO_FILTERS: FilterState = { groupIds: [], speakerIds: [], coderIds: [] };

export interface FilterLists {
  groups: GroupSummary[];
  speakers: SpeakerSummary[];
  coders: { id: number; name: string; codings: number }[];
}

export const activeFilters = (f: FilterState): number =>
  f.groupIds.length + f.speakerIds.length + f.coderIds.length;

/** Narrow the excerpts to document groups, speakers and a coder; folded away until wanted. */
export function ExcerptFilters(props: {
  value: FilterState;
  onChange(f: FilterState): void;
  lists: FilterLists | undefined;
  problem: string | null;
}) {
  const { value, onChange, lists, problem } = props;
  const active = activeFilters(value);
  return (
    <details className="filters">
      <summary>
        Filters{' '}
        <span className="panel-note">
          {active ? `(${active} active)` : '(none: every document and speaker)'}
        </span>
      </summary>
      {problem && (
        <p className="panel-problem" role="alert">
          The filter lists could not be loaded: {problem}
        </p>
      )}
      {!lists && !problem && (
        <p className="panel-status" role="status">
          Loading groups and speakers…
        </p>
      )}
      {lists && (
        <>
          <ChipSelect
            label="Document groups"
            options={lists.groups.map((g) => ({
              id: g.id,
              label: g.name,
              detail: plural(g.documents, 'document'),
            }))}
            selected={value.groupIds}
            onChange={(groupIds) => onChange({ ...value, groupIds })}
          />
          <ChipSelect
            label="Speakers"
            options={lists.speakers.map((s) => ({
              id: s.id,
              label: s.name,
              detail: plural(s.turns, 'turn'),
            }))}
            selected={value.speakerIds}
            onChange={(speakerIds) => onChange({ ...value, speakerIds })}
          />
          <label className="coder-filter">
            Coder{' '}
            <select
              value={value.coderIds[0] ?? ''}
              onChange={(e) =>
                onChange({ ...value, coderIds: e.target.value ? [Number(e.target.value)] : [] })
              }
            >
              <option value="">Anyone</option>
              {lists.coders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({plural(c.codings, 'coding')})
                </option>
              ))}
            </select>
          </label>
          {active > 0 && (
            <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
              Clear all filters
            </button>
          )}
        </>
      )}
    </details>
  );
}
