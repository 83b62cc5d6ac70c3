import { describe, expect, it } from 'vitest';
import { keepExistingGroups, useCompare } from '../../renderer/analysis/compare-store';

describe('compare filters', () => {
  it('forget groups that no longer exist, keeping the rest and the other filters', () => {
    useCompare.getState().setFilters({ groupIds: [3, 7, 9], coderIds: [1], excludeSpeakerIds: [4] });
    keepExistingGroups([{ id: 3 }, { id: 9 }]);
    expect(useCompare.getState().filters).toEqual({
      groupIds: [3, 9],
      coderIds: [1],
      excludeSpeakerIds: [4],
    });
    const unchanged = useCompare.getState().filters;
    keepExistingGroups([{ id: 3 }, { id: 9 }, { id: 12 }]);
    expect(useCompare.getState().filters).toBe(unchanged);
  });
});
