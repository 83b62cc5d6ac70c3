// Shared bookkeeping for one .qdpx import: id maps from REFI keys to new rows, the report, and helpers.

import { randomUUID } from 'node:crypto';
import type { Project } from '../project';
import { isGuid } from '../../shared/exchange/guid';
import type { QdeProject } from './qde-model';
import { GuidMap } from './guid-map';
import type { MemoBlock } from './lexical-json';

export interface Skipped {
  what: string;
  why: string;
}

/** The column of the shared GUID table that holds link targets. */
const TARGET = 1;

/** What an import brought in, and what it could not represent (REFI-QDA §7: warn about data loss). */
export interface ImportReport {
  sources: number;
  codes: number;
  codings: number;
  memos: number;
  cases: number;
  variables: number;
  skipped: Skipped[];
}

export type MemoTarget =
  | { kind: 'project' }
  | { kind: 'document'; id: number }
  | { kind: 'code'; id: number }
  | { kind: 'coding'; id: number };

export interface MemoFragment {
  title?: string;
  /** Plain text; for a coding's memo, and to tell an empty piece. */
  text: string;
  /** The formatting of a note whose rich-text file was read; otherwise the memo is made from `text`. */
  blocks?: MemoBlock[];
  /** The Note it came from, whose GUID and date a memo made of it alone keeps. */
  guid?: string;
  date?: string;
  /** Orphan notes keep their title even when alone, so the reader knows where they came from. */
  titled?: boolean;
}

export class ImportState {
  readonly report: ImportReport = {
    sources: 0,
    codes: 0,
    codings: 0,
    memos: 0,
    cases: 0,
    variables: 0,
    skipped: [],
  };
  readonly coders = new Map<string, number>();
  readonly codes = new Map<string, number>();
  /** Source keys (and keys of the texts inside them) -> document id. */
  readonly documents = new Map<string, number>();
  /** Notes referenced by something we imported; the others go to the project journal. */
  readonly attachedNotes = new Set<string>();
  private readonly memos = new Map<string, { target: MemoTarget; fragments: MemoFragment[] }>();
  private fallbackCoder: number | undefined;

  /**
   * @param model the project as far as it has been read: while sources are imported, everything before
   *   them; once the whole file is read, all of it.
   */
  /**
   * @param targets what a Link naming a coding or selection would attach a note to, in column 1 (column 0
   *   is the reader's duplicate check): a coding id, or minus the document id of a selection without
   *   codings. Kept small for the 575,000 of a large project.
   */
  constructor(
    readonly project: Project,
    public model: QdeProject,
    readonly warnings: string[],
    private readonly targets = new GuidMap(2),
  ) {}

  /** A coding (its key and id) or a selection (its key and codings, or its document) a link may name. */
  addTarget(key: string, codingIds: readonly number[], documentId?: number): void {
    this.targets.set(key, codingIds.length ? codingIds[0]! : -documentId!, TARGET);
  }

  /** The coding, or failing that the document, that `key` was imported as, if any. */
  targetOf(key: string): MemoTarget | undefined {
    const n = this.targets.get(key, TARGET);
    if (n === undefined) return undefined;
    return n > 0 ? { kind: 'coding', id: n } : { kind: 'document', id: -n };
  }

  skip(what: string, why: string): void {
    this.report.skipped.push({ what, why });
  }

  /** The GUID to store: the file's when it is a real GUID, else a fresh one. */
  guidFor(key: string): string {
    return isGuid(key) ? key : randomUUID();
  }

  /** The coder for something created by `userKey` (falling back to the project's creator, then to us). */
  coderFor(...userKeys: (string | undefined)[]): number {
    for (const k of [...userKeys, this.model.creatingUser]) {
      const id = k === undefined ? undefined : this.coders.get(k);
      if (id !== undefined) return id;
    }
    this.fallbackCoder ??= this.project.currentCoderId();
    return this.fallbackCoder;
  }

  addMemo(target: MemoTarget, fragment: MemoFragment): void {
    if (!fragment.text.trim()) return;
    const k = JSON.stringify(target);
    const entry = this.memos.get(k) ?? { target, fragments: [] };
    entry.fragments.push(fragment);
    this.memos.set(k, entry);
  }

  /** Memo targets with their pieces, in the order they were first seen. */
  memoEntries(): { target: MemoTarget; fragments: MemoFragment[] }[] {
    return [...this.memos.values()];
  }
}

/** xsd:dateTime -> ISO string; a time without zone is taken as UTC (GUIDE §5), nonsense as now. */
export function isoDate(value: string | undefined): string {
  const v = value?.trim();
  if (v) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(v) || !v.includes('T') ? v : `${v}Z`;
    const t = Date.parse(zoned);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  return new Date().toISOString();
}

/** A name not yet in `taken` (compared without case): "Name", "Name (2)", ... */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
