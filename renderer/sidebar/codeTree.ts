import type { CodeInfo } from '../../shared/types';
import { fold } from '../components/code-filter';

// Pure codebook logic for the tree: structure, rolled-up counts, what is visible, and where a drag or
// a keyboard move would put a code. The core decides whether a move is allowed; this only works out
// the `codes.move` arguments and spares the core (and the undo history) moves that change nothing.

export interface CodeTree {
  byId: Map<number, CodeInfo>;
  /** Children in codebook order; `null` holds the top level. */
  children: Map<number | null, CodeInfo[]>;
  /** Codings of the code and all its sub-codes. */
  total: Map<number, number>;
}

export interface CodeRow {
  code: CodeInfo;
  /** 1 for the top level, as aria-level counts. */
  level: number;
  /** 1-based position among its visible siblings, and how many there are. */
  posInSet: number;
  setSize: number;
  hasChildren: boolean;
  expanded: boolean;
  /** False for ancestors shown only because a sub-code matches the filter. */
  matches: boolean;
}

export interface MoveTarget {
  parentId: number | null;
  index: number;
}

export type DropZone = 'before' | 'inside' | 'after';

/** `codes` in listCodes order (parents before children, siblings by position). */
export function buildCodeTree(codes: CodeInfo[]): CodeTree {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const children = new Map<number | null, CodeInfo[]>();
  for (const c of codes) {
    const parent = c.parentId !== null && byId.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  const total = new Map<number, number>();
  const sum = (c: CodeInfo): number => {
    const n = c.codings + (children.get(c.id) ?? []).reduce((acc, k) => acc + sum(k), 0);
    total.set(c.id, n);
    return n;
  };
  for (const c of children.get(null) ?? []) sum(c);
  return { byId, children, total };
}

/** The code and every code below it, parents first. */
export function subtree(tree: CodeTree, id: number): number[] {
  const out: number[] = [];
  const walk = (cid: number) => {
    out.push(cid);
    for (const k of tree.children.get(cid) ?? []) walk(k.id);
  };
  walk(id);
  return out;
}

export function ancestors(tree: CodeTree, id: number): number[] {
  const out: number[] = [];
  for (let p = tree.byId.get(id)?.parentId ?? null; p !== null; p = tree.byId.get(p)?.parentId ?? null) {
    if (out.includes(p)) break;
    out.push(p);
  }
  return out;
}

/**
 * The rows to show: collapsed codes hide their sub-codes; a filter shows matching codes with their
 * ancestors (opened, whatever their collapsed state) so a match is always seen in its place.
 */
export function visibleRows(tree: CodeTree, collapsed: ReadonlySet<number>, filter = ''): CodeRow[] {
  const query = fold(filter.trim());
  let keep: Set<number> | null = null;
  if (query) {
    keep = new Set();
    for (const c of tree.byId.values()) {
      if (!fold(c.name).includes(query)) continue;
      keep.add(c.id);
      for (const a of ancestors(tree, c.id)) keep.add(a);
    }
  }
  const rows: CodeRow[] = [];
  const walk = (parent: number | null, level: number) => {
    const shown = (tree.children.get(parent) ?? []).filter((c) => !keep || keep.has(c.id));
    shown.forEach((code, i) => {
      const kids = tree.children.get(code.id) ?? [];
      const hasChildren = keep ? kids.some((k) => keep.has(k.id)) : kids.length > 0;
      const expanded = hasChildren && (keep !== null || !collapsed.has(code.id));
      rows.push({
        code,
        level,
        posInSet: i + 1,
        setSize: shown.length,
        hasChildren,
        expanded,
        matches: !query || fold(code.name).includes(query),
      });
      if (expanded) walk(code.id, level + 1);
    });
  };
  walk(null, 1);
  return rows;
}

/** What deleting a code takes with it. */
export function deleteImpact(tree: CodeTree, id: number): { subcodes: number; codings: number } {
  return { subcodes: subtree(tree, id).length - 1, codings: tree.total.get(id) ?? 0 };
}

function siblingsOf(tree: CodeTree, parentId: number | null): CodeInfo[] {
  return tree.children.get(parentId) ?? [];
}

/** null when the move would leave the codebook exactly as it is. */
function unlessNoop(tree: CodeTree, id: number, target: MoveTarget): MoveTarget | null {
  const code = tree.byId.get(id);
  if (!code) return null;
  if ((code.parentId ?? null) !== target.parentId) return target;
  const current = siblingsOf(tree, target.parentId).findIndex((c) => c.id === id);
  return current === target.index ? null : target;
}

/** Where dropping `dragged` on `targetId` puts it; null when not allowed or when nothing would change. */
export function dropMove(
  tree: CodeTree,
  dragged: number,
  targetId: number,
  zone: DropZone,
): MoveTarget | null {
  const target = tree.byId.get(targetId);
  if (!target || !tree.byId.has(dragged) || subtree(tree, dragged).includes(targetId)) return null;
  if (zone === 'inside') {
    const count = siblingsOf(tree, targetId).filter((c) => c.id !== dragged).length;
    return unlessNoop(tree, dragged, { parentId: targetId, index: count });
  }
  const parentId = target.parentId ?? null;
  const others = siblingsOf(tree, parentId).filter((c) => c.id !== dragged);
  const at = others.findIndex((c) => c.id === targetId);
  return unlessNoop(tree, dragged, { parentId, index: zone === 'before' ? at : at + 1 });
}

/** Dropping on the codebook header: last at the top level. */
export function rootMove(tree: CodeTree, dragged: number): MoveTarget | null {
  const count = siblingsOf(tree, null).filter((c) => c.id !== dragged).length;
  return unlessNoop(tree, dragged, { parentId: null, index: count });
}

/** Moves for Alt+arrow keys: up/down among siblings, out to follow the parent, in under the code above. */
export function keyboardMove(
  tree: CodeTree,
  id: number,
  direction: 'up' | 'down' | 'out' | 'in',
): MoveTarget | null {
  const code = tree.byId.get(id);
  if (!code) return null;
  const parentId = code.parentId ?? null;
  const siblings = siblingsOf(tree, parentId);
  const at = siblings.findIndex((c) => c.id === id);
  switch (direction) {
    case 'up':
      return at > 0 ? { parentId, index: at - 1 } : null;
    case 'down':
      return at < siblings.length - 1 ? { parentId, index: at + 1 } : null;
    case 'out': {
      const parent = parentId === null ? undefined : tree.byId.get(parentId);
      if (!parent) return null;
      const grand = parent.parentId ?? null;
      const index = siblingsOf(tree, grand).findIndex((c) => c.id === parent.id) + 1;
      return { parentId: grand, index };
    }
    case 'in': {
      const above = siblings[at - 1];
      if (!above) return null;
      return { parentId: above.id, index: siblingsOf(tree, above.id).length };
    }
  }
}

/** Codes that `id` may be moved under (itself and its sub-codes excluded). */
export function moveDestinations(tree: CodeTree, id: number): CodeInfo[] {
  const excluded = new Set(subtree(tree, id));
  return [...tree.byId.values()].filter((c) => !excluded.has(c.id));
}

/** Codes that `id` may be merged into: the core refuses the code itself and its own sub-codes. */
export const mergeTargets = moveDestinations;

/** The next visible row after `from` whose name starts with `prefix` (wrapping), for type-ahead. */
export function typeahead(rows: CodeRow[], from: number, prefix: string): number {
  const p = fold(prefix);
  for (let step = 1; step <= rows.length; step++) {
    const i = (from + step) % rows.length;
    if (fold(rows[i]!.code.name).startsWith(p)) return i;
  }
  return -1;
}

/** Ids from `anchor` to `to` in visible order, for Shift-click. */
export function rangeBetween(rows: CodeRow[], anchor: number, to: number): number[] {
  const a = rows.findIndex((r) => r.code.id === anchor);
  const b = rows.findIndex((r) => r.code.id === to);
  if (a < 0 || b < 0) return [to];
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return rows.slice(lo, hi + 1).map((r) => r.code.id);
}
