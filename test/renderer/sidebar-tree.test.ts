import { describe, expect, it } from 'vitest';
import {
  buildCodeTree,
  deleteImpact,
  dropMove,
  keyboardMove,
  mergeTargets,
  moveDestinations,
  rangeBetween,
  rootMove,
  typeahead,
  visibleRows,
} from '../../renderer/sidebar/codeTree';
import type { CodeInfo } from '../../shared/types';

// A codebook as listCodes returns it: tree order, paths, own coding counts.
//   1 Power (2)
//     2 Targets (3)
//       3 Audit (1)
//     4 Zoë's rules (0)
//   5 Trust (4)
//   6 Care (0)
function code(id: number, name: string, parentId: number | null, path: string, codings: number): CodeInfo {
  return {
    id,
    guid: `g${id}`,
    parentId,
    name,
    path,
    color: '#E6194B',
    description: '',
    position: 0,
    codings,
  };
}

const CODES: CodeInfo[] = [
  code(1, 'Power', null, 'Power', 2),
  code(2, 'Targets', 1, 'Power/Targets', 3),
  code(3, 'Audit', 2, 'Power/Targets/Audit', 1),
  code(4, "Zoë's rules", 1, "Power/Zoë's rules", 0),
  code(5, 'Trust', null, 'Trust', 4),
  code(6, 'Care', null, 'Care', 0),
];
const tree = buildCodeTree(CODES);
const ids = (rows: { code: { id: number } }[]) => rows.map((r) => r.code.id);

describe('code tree', () => {
  it('rolls coding counts up through sub-codes', () => {
    expect(tree.total.get(1)).toBe(6);
    expect(tree.total.get(2)).toBe(4);
    expect(tree.total.get(3)).toBe(1);
    expect(tree.total.get(5)).toBe(4);
  });

  it('shows every code with levels, positions and expanded state', () => {
    const rows = visibleRows(tree, new Set());
    expect(ids(rows)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => [r.level, r.posInSet, r.setSize, r.hasChildren, r.expanded])).toEqual([
      [1, 1, 3, true, true],
      [2, 1, 2, true, true],
      [3, 1, 1, false, false],
      [2, 2, 2, false, false],
      [1, 2, 3, false, false],
      [1, 3, 3, false, false],
    ]);
  });

  it('hides the sub-codes of collapsed codes', () => {
    expect(ids(visibleRows(tree, new Set([2])))).toEqual([1, 2, 4, 5, 6]);
    expect(ids(visibleRows(tree, new Set([1])))).toEqual([1, 5, 6]);
  });

  it('filters by name, ignoring case and accents, keeping ancestors open and marked as context', () => {
    const rows = visibleRows(tree, new Set([1, 2]), 'AUDIT');
    expect(ids(rows)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.matches)).toEqual([false, false, true]);
    expect(rows.every((r) => r.expanded || !r.hasChildren)).toBe(true);
    expect(ids(visibleRows(tree, new Set(), 'zoe'))).toEqual([1, 4]);
    expect(visibleRows(tree, new Set(), 'nothing like this')).toEqual([]);
    // Sub-codes that do not match are not listed, so the match is not shown as having children.
    expect(visibleRows(tree, new Set(), 'power')).toMatchObject([{ hasChildren: false, setSize: 1 }]);
  });

  it('counts what a delete takes with it', () => {
    expect(deleteImpact(tree, 1)).toEqual({ subcodes: 3, codings: 6 });
    expect(deleteImpact(tree, 6)).toEqual({ subcodes: 0, codings: 0 });
  });

  it('offers neither the code nor its sub-codes as a new parent or merge target', () => {
    expect(moveDestinations(tree, 2).map((c) => c.id)).toEqual([1, 4, 5, 6]);
    expect(mergeTargets(tree, 1).map((c) => c.id)).toEqual([5, 6]);
  });
});

describe('drag and keyboard moves', () => {
  it('nests a code when dropped onto another, last among its children', () => {
    expect(dropMove(tree, 6, 1, 'inside')).toEqual({ parentId: 1, index: 2 });
    expect(dropMove(tree, 6, 5, 'inside')).toEqual({ parentId: 5, index: 0 });
  });

  it('reorders when dropped at the top or bottom edge of a code', () => {
    expect(dropMove(tree, 6, 1, 'before')).toEqual({ parentId: null, index: 0 });
    expect(dropMove(tree, 6, 1, 'after')).toEqual({ parentId: null, index: 1 });
    expect(dropMove(tree, 1, 6, 'after')).toEqual({ parentId: null, index: 2 });
    // Out of a parent, between two top-level codes.
    expect(dropMove(tree, 3, 5, 'before')).toEqual({ parentId: null, index: 1 });
  });

  it('refuses drops into the code itself or its own sub-codes, and drops that change nothing', () => {
    expect(dropMove(tree, 1, 3, 'inside')).toBeNull();
    expect(dropMove(tree, 1, 1, 'inside')).toBeNull();
    expect(dropMove(tree, 2, 2, 'before')).toBeNull();
    expect(dropMove(tree, 5, 6, 'before')).toBeNull();
    expect(dropMove(tree, 5, 1, 'after')).toBeNull();
    expect(dropMove(tree, 4, 1, 'inside')).toBeNull();
  });

  it('moves to the end of the top level when dropped on the codebook header', () => {
    expect(rootMove(tree, 3)).toEqual({ parentId: null, index: 3 });
    expect(rootMove(tree, 6)).toBeNull();
    expect(rootMove(tree, 5)).toEqual({ parentId: null, index: 2 });
  });

  it('moves with Alt+arrows: among siblings, out of the parent, under the code above', () => {
    expect(keyboardMove(tree, 5, 'up')).toEqual({ parentId: null, index: 0 });
    expect(keyboardMove(tree, 5, 'down')).toEqual({ parentId: null, index: 2 });
    expect(keyboardMove(tree, 1, 'up')).toBeNull();
    expect(keyboardMove(tree, 6, 'down')).toBeNull();
    expect(keyboardMove(tree, 3, 'out')).toEqual({ parentId: 1, index: 1 });
    expect(keyboardMove(tree, 2, 'out')).toEqual({ parentId: null, index: 1 });
    expect(keyboardMove(tree, 1, 'out')).toBeNull();
    expect(keyboardMove(tree, 4, 'in')).toEqual({ parentId: 2, index: 1 });
    expect(keyboardMove(tree, 5, 'in')).toEqual({ parentId: 1, index: 2 });
    expect(keyboardMove(tree, 1, 'in')).toBeNull();
  });
});

describe('selection helpers', () => {
  const rows = visibleRows(tree, new Set());

  it('selects a range in visible order, either way round', () => {
    expect(rangeBetween(rows, 2, 5)).toEqual([2, 3, 4, 5]);
    expect(rangeBetween(rows, 5, 2)).toEqual([2, 3, 4, 5]);
    expect(rangeBetween(rows, 99, 4)).toEqual([4]);
  });

  it('finds the next code by its first letters, wrapping round', () => {
    expect(typeahead(rows, 0, 't')).toBe(1);
    expect(typeahead(rows, 1, 't')).toBe(4);
    expect(typeahead(rows, 4, 't')).toBe(1);
    expect(typeahead(rows, -1, 'zo')).toBe(3);
    expect(typeahead(rows, 0, 'x')).toBe(-1);
  });
});
