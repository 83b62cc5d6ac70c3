import { describe, expect, it } from 'vitest';
import { fold, matchScore, newCodeFor, quickOptions, rankCodes } from '../../renderer/coding/quick-options';
import type { QuickOption } from '../../renderer/coding/quick-options';
import type { CodeInfo } from '../../shared/types';

let position = 0;
function code(id: number, path: string, parentId: number | null = null): CodeInfo {
  const name = path.split('/').pop()!;
  return {
    id,
    guid: '',
    parentId,
    name,
    path,
    color: '#808080',
    description: '',
    position: position++,
    codings: 0,
  };
}

const CODES = [
  code(1, 'Managerial domination'),
  code(2, 'Managerial domination/Targets', 1),
  code(3, 'Trust'),
  code(4, 'Trust/Named worker', 3),
  code(5, 'Secret caseloads'),
  code(6, 'Café culture'),
];

const label = (o: QuickOption) =>
  o.kind === 'create'
    ? `+${o.parentPath ? `${o.parentPath}/` : ''}${o.name}`
    : `${o.key ?? ''}${o.code.path}${o.applied ? ' ✓' : ''}`;

describe('quick-code matching', () => {
  it('ranks exact, prefix, word prefix, substring, then letters in order', () => {
    expect(matchScore(CODES[2]!, 'trust')).toBe(0);
    expect(matchScore(CODES[0]!, 'mana')).toBe(1);
    expect(matchScore(CODES[4]!, 'case')).toBe(2);
    expect(matchScore(CODES[1]!, 'domination/tar')).toBe(3);
    expect(matchScore(CODES[3]!, 'trust named')).toBe(4);
    expect(matchScore(CODES[4]!, 'scl')).toBe(5);
    expect(matchScore(CODES[4]!, 'zzz')).toBeNull();
    // Accents and case do not matter.
    expect(fold('  CAFÉ   Culture ')).toBe('cafe culture');
    expect(rankCodes(CODES, 'cafe').map((c) => c.id)).toEqual([6]);
    expect(rankCodes(CODES, 'ta').map((c) => c.path)).toEqual([
      'Managerial domination/Targets',
      'Secret caseloads',
    ]);
  });

  it('offers recent codes numbered 1–9, then the whole codebook, when nothing is typed', () => {
    const options = quickOptions(CODES, [5, 3, 99], '', new Set([3]));
    expect(options.map(label)).toEqual([
      '1Secret caseloads',
      '2Trust ✓',
      'Managerial domination',
      'Managerial domination/Targets',
      'Trust ✓',
      'Trust/Named worker',
      'Secret caseloads',
      'Café culture',
    ]);
  });

  it('offers to create a typed code, first when nothing matches well, never when it exists', () => {
    expect(quickOptions(CODES, [], 'tr', new Set()).map(label)).toEqual([
      'Trust',
      'Trust/Named worker',
      'Managerial domination/Targets',
      'Café culture',
      '+tr',
    ]);
    expect(quickOptions(CODES, [], 'Housing stress', new Set()).map(label)).toEqual(['+Housing stress']);
    // "sec" matches loosely only through scattered letters: creating it comes first.
    expect(quickOptions(CODES, [], 'scl', new Set()).map(label)).toEqual(['+scl', 'Secret caseloads']);
    expect(quickOptions(CODES, [], 'trust', new Set()).map(label)).toEqual(['Trust', 'Trust/Named worker']);
  });

  it('creates "Parent/Child" under an existing parent', () => {
    expect(newCodeFor('trust/ Kindness ', CODES)).toEqual({
      name: 'Kindness',
      parentId: 3,
      parentPath: 'Trust',
    });
    expect(newCodeFor('Trust/named WORKER', CODES)).toBeNull();
    expect(newCodeFor('Unknown/Child', CODES)).toEqual({
      name: 'Unknown/Child',
      parentId: null,
      parentPath: null,
    });
    expect(newCodeFor('   ', CODES)).toBeNull();
    expect(newCodeFor('Named worker', CODES)).toEqual({
      name: 'Named worker',
      parentId: null,
      parentPath: null,
    });
  });
});
