import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api';
import { useWorkspace } from '../../store';
import { plural } from '../../format';
import type { ExcerptQueryArgs } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { useAsync } from '../common/useAsync';
import { CodeSelection } from './CodeSelection';
import { activeFilters, ExcerptFilters, NO_FILTERS } from './ExcerptFilters';
import type { FilterLists, FilterState } from './ExcerptFilters';
import { ExcerptList } from './ExcerptList';
import { ExportBar } from './ExportBar';
import { groupExcerpts, limitGroups } from './group';
import './excerpts.css';

const PAGE = 200;

async function loadLists(): Promise<FilterLists> {
  const [groups, speakers, coders] = await Promise.all([
    call('groups.list', {}),
    call('speakers.list', {}),
    call('coders.list', {}),
  ]);
  return { groups, speakers, coders };
}

/** Coded excerpts of the selected codes across the project, filtered, grouped by code, exportable. */
export function ExcerptsTab({ active }: { active: boolean }) {
  const codes = useWorkspace((s) => s.codes);
  const codeIds = useWorkspace((s) => s.selectedCodeIds);
  const selectCodes = useWorkspace((s) => s.selectCodes);
  const revision = useWorkspace((s) => s.revision);
  const [subcodes, setSubcodes] = useState(false);
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [shown, setShown] = useState(PAGE);

  const query: ExcerptQueryArgs = useMemo(
    () => ({
      codeIds,
      subcodes,
      groupIds: filters.groupIds,
      speakerIds: filters.speakerIds,
      coderIds: filters.coderIds,
    }),
    [codeIds, subcodes, filters],
  );
  const queryKey = JSON.stringify(query);
  const lists = useAsync(loadLists, String(revision), active);
  // A filter group that is gone (deleted, or its creation undone) would match nothing, with no chip to clear.
  useEffect(() => {
    if (!lists.data) return;
    const known = new Set(lists.data.groups.map((g) => g.id));
    setFilters((f) => {
      const groupIds = f.groupIds.filter((id) => known.has(id));
      return groupIds.length === f.groupIds.length ? f : { ...f, groupIds };
    });
  }, [lists.data]);
  const excerpts = useAsync(
    () => call('excerpts.query', query),
    `${queryKey}#${revision}`,
    active && codeIds.length > 0,
  );
  const groups = useMemo(() => groupExcerpts(excerpts.data ?? [], codes), [excerpts.data, codes]);
  const page = useMemo(() => limitGroups(groups, shown), [groups, shown]);
  const total = excerpts.data?.length ?? 0;

  const changeFilters = (f: FilterState) => {
    setFilters(f);
    setShown(PAGE);
  };

  return (
    <div className="excerpts" aria-busy={excerpts.loading}>
      <CodeSelection subcodes={subcodes} onSubcodes={setSubcodes} />
      <ExcerptFilters
        value={filters}
        onChange={changeFilters}
        lists={lists.data}
        problem={lists.error?.message ?? null}
      />
      {codeIds.length === 0 ? (
        <EmptyState title="No codes chosen">
          <p>Select codes in the codebook, or choose them above, to read every passage coded with them.</p>
          {codes.length > 0 ? (
            <button
              type="button"
              className="small-button"
              onClick={() => selectCodes(codes.map((c) => c.id))}
            >
              Retrieve all {plural(codes.length, 'code')}
            </button>
          ) : (
            <p>This project has no codes yet.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="results-head">
            <p className="results-count" role="status">
              {excerpts.loading && !excerpts.data
                ? 'Loading excerpts…'
                : `${plural(total, 'excerpt')} from ${plural(groups.length, 'code')}`}
            </p>
            <ExportBar query={query} disabled={total === 0} />
          </div>
          {excerpts.error && (
            <div className="panel-problem" role="alert">
              <p>The excerpts could not be loaded: {excerpts.error.message}</p>
              <button type="button" onClick={excerpts.retry}>
                Try again
              </button>
            </div>
          )}
          {excerpts.data && total === 0 && (
            <EmptyState title="No excerpts">
              {activeFilters(filters)
                ? 'No passage coded with these codes matches the filters. Clear some filters to see more.'
                : 'Nothing has been coded with these codes yet. Select text in a document and apply a code.'}
            </EmptyState>
          )}
          <ExcerptList groups={page} />
          {total > shown && (
            <button type="button" className="more-button" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, total - shown)} more (of {plural(total - shown, 'excerpt')} not shown)
            </button>
          )}
        </>
      )}
    </div>
  );
}
