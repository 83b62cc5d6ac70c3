import { useEffect } from 'react';
import { call } from '../api';
import type { AttributeDefInfo } from '../../shared/contract/analysis-calls';
import type { GroupSummary, SpeakerSummary } from '../../shared/types';
import { useCall } from './useCall';
import { keepExistingGroups } from './compare-store';

export interface ProjectLists {
  coders: { id: number; name: string; codings: number }[];
  groups: GroupSummary[];
  speakers: SpeakerSummary[];
  defs: AttributeDefInfo[];
}

const EMPTY: ProjectLists = { coders: [], groups: [], speakers: [], defs: [] };

async function loadLists(): Promise<ProjectLists> {
  const [coders, groups, speakers, defs] = await Promise.all([
    call('coders.list', {}),
    call('groups.list', {}),
    call('speakers.list', {}),
    call('attributes.defs', {}),
  ]);
  return { coders, groups, speakers, defs };
}

/** Coders, groups, speakers and attribute names for the pickers, reloaded after every change. */
export function useProjectLists(): ProjectLists & { ready: boolean } {
  const { data } = useCall('lists', 'lists', loadLists);
  useEffect(() => {
    if (data) keepExistingGroups(data.groups);
  }, [data]);
  return { ...(data ?? EMPTY), ready: data !== undefined };
}
