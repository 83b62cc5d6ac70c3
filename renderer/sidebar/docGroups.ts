import type { DocumentSummary, GroupSummary } from '../../shared/types';
import { fold } from '../components/code-filter';

export interface DocumentGroupView {
  /** The group's name, or null for documents in no group. */
  name: string | null;
  /** The group's id, for renaming and deleting; null for the ungrouped section. */
  id: number | null;
  /** Stable key for expanded state and React; by id, so a renamed group stays open or closed. */
  key: string;
  documents: DocumentSummary[];
  /** Documents in the group before filtering. */
  total: number;
  codings: number;
}

/** Keys are prefixed so that no group can be mistaken for the ungrouped section. */
export const NO_GROUP_KEY = 'none';
const groupKey = (name: string | null, id: number | null) =>
  id !== null ? `g:${id}` : name === null ? NO_GROUP_KEY : `n:${name}`;
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Documents under each of their groups (a document in two groups is listed under both), groups in
 * alphabetical order and ungrouped documents last. `groups` adds ids and the groups no document is in,
 * so those can be renamed or deleted too. A filter keeps documents whose name matches, and whole groups
 * whose name matches.
 */
export function groupDocuments(
  documents: DocumentSummary[],
  filter = '',
  groups: GroupSummary[] = [],
): DocumentGroupView[] {
  const query = fold(filter.trim());
  const byGroup = new Map<string | null, DocumentSummary[]>(groups.map((g) => [g.name, []]));
  const ids = new Map(groups.map((g) => [g.name, g.id]));
  for (const d of documents) {
    for (const g of d.groups.length ? d.groups : [null]) {
      const list = byGroup.get(g) ?? [];
      list.push(d);
      byGroup.set(g, list);
    }
  }
  const names = [...byGroup.keys()].filter((g): g is string => g !== null).sort(collator.compare);
  const order: (string | null)[] = byGroup.has(null) ? [...names, null] : names;
  const out: DocumentGroupView[] = [];
  for (const name of order) {
    const all = [...(byGroup.get(name) ?? [])].sort((a, b) => collator.compare(a.name, b.name));
    const groupMatches = query !== '' && name !== null && fold(name).includes(query);
    const shown = !query || groupMatches ? all : all.filter((d) => fold(d.name).includes(query));
    // An empty group shows unfiltered, or when its name matches; never as a "no match" leftover.
    if (shown.length === 0 && !(all.length === 0 && (!query || groupMatches))) continue;
    const id = name === null ? null : (ids.get(name) ?? null);
    out.push({
      name,
      id,
      key: groupKey(name, id),
      documents: shown,
      total: all.length,
      codings: all.reduce((n, d) => n + d.codings, 0),
    });
  }
  return out;
}

/**
 * Group names from a group editor's text field: comma-separated, trimmed, without repeats. A name that
 * differs from an existing group only in case means that group, not a near-duplicate new one.
 */
export function parseGroupNames(text: string, existing: string[] = []): string[] {
  const known = new Map(existing.map((g) => [g.toLowerCase(), g]));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const key = name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(known.get(key) ?? name);
  }
  return out;
}
