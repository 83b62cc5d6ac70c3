import { useState } from 'react';
import { useCompare } from './compare-store';
import { ChipSelect } from '../components/ChipSelect';
import type { ProjectLists } from './useProjectLists';
import { plural } from '../format';

/** Whose codings count: coders, document groups, and speakers to leave out (e.g. the facilitator). */
export function FilterBar({ lists }: { lists: ProjectLists }) {
  const filters = useCompare((s) => s.filters);
  const setFilters = useCompare((s) => s.setFilters);
  const active = filters.coderIds.length + filters.groupIds.length + filters.excludeSpeakerIds.length;
  const [open, setOpen] = useState(active > 0);
  return (
    <details className="compare-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Filters
        <span className="compare-note">
          {active === 0 ? ' — all coders, groups and speakers' : ` — ${summary(filters, lists)}`}
        </span>
      </summary>
      <div className="compare-filter-sets">
        <ChipSelect
          label="Exclude speakers"
          verb="Exclude"
          options={lists.speakers.map((s) => ({
            id: s.id,
            label: s.name,
            detail: `${plural(s.turns, 'turn')} in ${plural(s.documents, 'document')}`,
          }))}
          selected={filters.excludeSpeakerIds}
          onChange={(excludeSpeakerIds) => setFilters({ excludeSpeakerIds })}
        />
        <ChipSelect
          label="Only these groups"
          options={lists.groups.map((g) => ({
            id: g.id,
            label: g.name,
            detail: plural(g.documents, 'document'),
          }))}
          selected={filters.groupIds}
          onChange={(groupIds) => setFilters({ groupIds })}
        />
        {lists.coders.length > 1 && (
          <ChipSelect
            label="Only these coders"
            options={lists.coders.map((c) => ({
              id: c.id,
              label: c.name,
              detail: plural(c.codings, 'coding'),
            }))}
            selected={filters.coderIds}
            onChange={(coderIds) => setFilters({ coderIds })}
          />
        )}
        {active > 0 && (
          <button
            type="button"
            className="compare-link"
            onClick={() => setFilters({ coderIds: [], groupIds: [], excludeSpeakerIds: [] })}
          >
            Clear all filters
          </button>
        )}
      </div>
    </details>
  );
}

function summary(f: ReturnType<typeof useCompare.getState>['filters'], lists: ProjectLists): string {
  const names = (ids: number[], list: { id: number; name: string }[]) =>
    list
      .filter((x) => ids.includes(x.id))
      .map((x) => x.name)
      .join(', ');
  return [
    f.excludeSpeakerIds.length ? `excluding ${names(f.excludeSpeakerIds, lists.speakers)}` : '',
    f.groupIds.length ? `groups ${names(f.groupIds, lists.groups)}` : '',
    f.coderIds.length ? `coders ${names(f.coderIds, lists.coders)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
