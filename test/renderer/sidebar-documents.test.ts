import { describe, expect, it } from 'vitest';
import { groupDocuments, NO_GROUP_KEY, parseGroupNames } from '../../renderer/sidebar/docGroups';
import type { DocumentSummary } from '../../shared/types';

function doc(id: number, name: string, groups: string[], codings = 0): DocumentSummary {
  return {
    id,
    name,
    groups,
    words: 100,
    turns: 3,
    codings,
    format: 'txt',
    encoding: 'utf-8',
    originalName: `${name}.txt`,
    importedAt: '2024-01-01T00:00:00Z',
  };
}

const DOCS = [
  doc(1, 'Riverside panel 2', ['Riverside'], 6),
  doc(2, 'Northgate 10', ['Northgate', 'Wave 2'], 1),
  doc(3, 'Northgate 9', ['Northgate'], 2),
  doc(4, 'Pilot interview', []),
  doc(5, 'Élan group', ['Wave 2']),
];

const summary = (groups: ReturnType<typeof groupDocuments>) =>
  groups.map((g) => [g.name, g.documents.map((d) => d.name)]);

describe('documents by group', () => {
  it('lists groups alphabetically, a document under each of its groups, ungrouped ones last', () => {
    const groups = groupDocuments(DOCS);
    expect(summary(groups)).toEqual([
      ['Northgate', ['Northgate 9', 'Northgate 10']],
      ['Riverside', ['Riverside panel 2']],
      ['Wave 2', ['Élan group', 'Northgate 10']],
      [null, ['Pilot interview']],
    ]);
    expect(groups.map((g) => [g.total, g.codings])).toEqual([
      [2, 3],
      [1, 6],
      [2, 1],
      [1, 0],
    ]);
    expect(groups.at(-1)?.key).toBe(NO_GROUP_KEY);
  });

  it('has no "No group" section when every document is grouped', () => {
    expect(groupDocuments(DOCS.slice(0, 3)).map((g) => g.name)).toEqual(['Northgate', 'Riverside', 'Wave 2']);
  });

  it('filters by document name, ignoring case and accents, and keeps the group totals', () => {
    const groups = groupDocuments(DOCS, 'elan');
    expect(summary(groups)).toEqual([['Wave 2', ['Élan group']]]);
    expect(groups[0]?.total).toBe(2);
    expect(summary(groupDocuments(DOCS, 'NORTHGATE 1'))).toEqual([
      ['Northgate', ['Northgate 10']],
      ['Wave 2', ['Northgate 10']],
    ]);
  });

  it('shows a whole group when the filter matches the group name', () => {
    expect(summary(groupDocuments(DOCS, 'wave'))).toEqual([['Wave 2', ['Élan group', 'Northgate 10']]]);
    expect(summary(groupDocuments(DOCS, 'river'))).toEqual([['Riverside', ['Riverside panel 2']]]);
  });

  it('finds nothing for a filter that matches nothing', () => {
    expect(groupDocuments(DOCS, 'zzz')).toEqual([]);
  });

  describe('with the project’s groups', () => {
    const GROUPS = [
      { id: 7, name: 'Northgate', description: '', documents: 2 },
      { id: 3, name: 'Riverside', description: '', documents: 1 },
      { id: 9, name: 'Wave 2', description: '', documents: 2 },
      { id: 4, name: 'Town C', description: '', documents: 0 },
    ];

    it('carries ids, keys groups by id so a rename keeps them open or closed, and lists empty groups', () => {
      const groups = groupDocuments(DOCS, '', GROUPS);
      expect(groups.map((g) => [g.name, g.id, g.key, g.total])).toEqual([
        ['Northgate', 7, 'g:7', 2],
        ['Riverside', 3, 'g:3', 1],
        ['Town C', 4, 'g:4', 0],
        ['Wave 2', 9, 'g:9', 2],
        [null, null, NO_GROUP_KEY, 1],
      ]);
      const renamed = GROUPS.map((g) => (g.id === 3 ? { ...g, name: 'Harbour' } : g));
      const docs = DOCS.map((d) => ({
        ...d,
        groups: d.groups.map((n) => (n === 'Riverside' ? 'Harbour' : n)),
      }));
      expect(groupDocuments(docs, '', renamed).find((g) => g.id === 3)?.key).toBe('g:3');
    });

    it('shows an empty group under a filter only when its name matches', () => {
      expect(summary(groupDocuments(DOCS, 'town', GROUPS))).toEqual([['Town C', []]]);
      expect(summary(groupDocuments(DOCS, 'pilot', GROUPS))).toEqual([[null, ['Pilot interview']]]);
    });
  });
});

describe('typed group names', () => {
  it('splits on commas, trims, drops blanks and repeats', () => {
    expect(parseGroupNames(' Wave 3 ,, tenants,  Wave   3 ')).toEqual(['Wave 3', 'tenants']);
    expect(parseGroupNames('   ')).toEqual([]);
  });

  it('uses an existing group when the name differs only in case', () => {
    expect(parseGroupNames('riverside, New one', ['Riverside', 'Northgate'])).toEqual([
      'Riverside',
      'New one',
    ]);
  });
});
