import type { Project } from './project';
import type { SearchHit } from '../shared/types';
import { invalidArgument } from '../shared/errors';
import { contextReach, surrounding } from '../shared/text';
import { parseQuery, toFtsPhraseQuery, toFtsQuery, toRegExp, type ParsedQuery } from '../shared/search-query';
import { checkpointUnit, DocumentCache, type TextWindow } from './document-cache';
import {
  SEGMENT_CHECKPOINTS,
  SEGMENT_OVERLAP_CHECKPOINTS,
  SEGMENT_ROWID_SHIFT,
} from './migrations/002-search-segments';
import { paramList } from './sql';

export interface SearchOptions {
  documentIds?: number[];
  /** Stop after this many hits. */
  limit?: number;
  contextChars?: number;
}

interface Match {
  start: number;
  end: number;
  window: TextWindow;
}

/**
 * Full-text search: the segment index narrows each document to the few kilobytes around its hits, then
 * each hit is located exactly (UTF-16 offsets) in that text, document by document until `limit`. A
 * segment holds 512 units more than it indexes, so a phrase whose words lie further apart than that (a long
 * run of punctuation or spaces between two words) is not found.
 */
export function searchText(project: Project, query: string, options: SearchOptions = {}): SearchHit[] {
  const parsed = parseQuery(query);
  if (parsed.length === 0) throw invalidArgument(`The search "${query}" has no words to look for.`);
  const docFilter = options.documentIds?.length
    ? `WHERE d.id IN (${paramList(options.documentIds.length)})`
    : '';
  const docs = project.db
    .prepare(
      `SELECT d.id, d.name, m.id IS NOT NULL AS mapped FROM documents d LEFT JOIN text_maps m ON m.id = d.id
       ${docFilter} ORDER BY d.name COLLATE NOCASE`,
    )
    .all(...(options.documentIds ?? [])) as { id: number; name: string; mapped: number }[];
  const segments = candidateSegments(project, parsed);
  const unmapped = docs.some((d) => !d.mapped) ? candidateDocuments(project, parsed) : new Set<number>();
  const find = new Finder(project, toRegExp(parsed), options.contextChars ?? 60);
  const speakerAt = speakerLookup(project, find.cache);
  const limit = options.limit ?? Infinity;
  const hits: SearchHit[] = [];
  for (const d of docs) {
    const segs = segments.get(d.id);
    const matches = d.mapped
      ? segs
        ? find.inSegments(d.id, segs)
        : []
      : unmapped.has(d.id)
        ? find.inWhole(d.id)
        : [];
    const speakerOf = speakerAt(d.id, matches.length);
    for (const { start, end, window: w } of matches) {
      const { before, after } = surrounding(w.text, start - w.start, end - w.start, find.width);
      const match = w.text.slice(start - w.start, end - w.start);
      hits.push({
        doc: d.name,
        documentId: d.id,
        start,
        end,
        speaker: speakerOf(start),
        context: `${before}${match}${after}`,
        before,
        match,
        after,
      });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}

/** Segment numbers per document whose text holds a phrase of the query, in order. */
function candidateSegments(project: Project, parsed: ParsedQuery): Map<number, number[]> {
  const rowids = project.db
    .prepare('SELECT rowid FROM segments_fts WHERE segments_fts MATCH ?')
    .pluck()
    .all(toFtsPhraseQuery(parsed)) as number[];
  const byDoc = new Map<number, number[]>();
  const perDoc = 2 ** SEGMENT_ROWID_SHIFT;
  for (const rowid of rowids) {
    const doc = Math.floor(rowid / perDoc);
    let list = byDoc.get(doc);
    if (!list) byDoc.set(doc, (list = []));
    list.push(rowid % perDoc);
  }
  return byDoc;
}

/** Documents with every word of an alternative, from the whole-document index (for those without a text map). */
function candidateDocuments(project: Project, parsed: ParsedQuery): Set<number> {
  return new Set(
    project.db
      .prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?')
      .pluck()
      .all(toFtsQuery(parsed)) as number[],
  );
}

class Finder {
  readonly cache: DocumentCache;
  /** Text read either side of a stretch: the regex's look-around and the context need it. */
  private readonly margin: number;

  constructor(
    project: Project,
    private readonly regex: RegExp,
    readonly width: number,
  ) {
    this.cache = new DocumentCache(project);
    // The context's reach, and one character (a surrogate pair at most) for the regex's look-around.
    this.margin = contextReach(width) + 2;
  }

  inWhole(documentId: number): Match[] {
    const text = this.cache.text(documentId);
    const window: TextWindow = { start: 0, text, docLength: text.length };
    return [...text.matchAll(this.regex)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      window,
    }));
  }

  /**
   * The matches starting in the given segments. A match too long to be seen whole in the window read
   * (words hundreds of characters apart, or a prefix matching a huge word) sends the document to the
   * whole-text path.
   */
  inSegments(documentId: number, segments: number[]): Match[] {
    const map = this.cache.textMap(documentId)!;
    const unit = (segment: number, extra = 0) => checkpointUnit(map, segment * SEGMENT_CHECKPOINTS + extra);
    const stretches: { from: number; to: number; readTo: number }[] = [];
    for (const s of segments) {
      const last = stretches[stretches.length - 1];
      const readTo = unit(s + 1, SEGMENT_OVERLAP_CHECKPOINTS);
      if (last && last.to === unit(s)) Object.assign(last, { to: unit(s + 1), readTo });
      else stretches.push({ from: unit(s), to: unit(s + 1), readTo });
    }
    const windows = this.cache.windows(
      documentId,
      stretches.map((s) => [s.from - this.margin, s.readTo + this.margin] as const),
    );
    const matches: Match[] = [];
    for (const [i, s] of stretches.entries()) {
      const w = windows[i]!;
      const windowEnd = w.start + w.text.length;
      this.regex.lastIndex = s.from - w.start;
      for (let m = this.regex.exec(w.text); m && m.index + w.start < s.to; m = this.regex.exec(w.text)) {
        const start = m.index + w.start;
        const end = start + m[0].length;
        if (end + this.margin > windowEnd && windowEnd < w.docLength) return this.inWhole(documentId);
        matches.push({ start, end, window: w });
      }
    }
    return matches;
  }
}

/**
 * The speaker of the turn containing an offset, for `hits` hits in a document: by one index seek each when
 * they are few (a phrase in every document), from all the document's turns when they are many.
 */
function speakerLookup(
  project: Project,
  cache: DocumentCache,
): (documentId: number, hits: number) => (at: number) => string | null {
  const stmt = project.db.prepare(
    `SELECT t.end, s.name FROM turns t JOIN speakers s ON s.id = t.speaker_id
     WHERE t.document_id = ? AND t.start <= ? ORDER BY t.start DESC LIMIT 1`,
  );
  return (documentId, hits) => {
    if (hits > 32) return (at) => cache.turnAt(documentId, at)?.speaker ?? null;
    return (at) => {
      const turn = stmt.get(documentId, at) as { end: number; name: string } | undefined;
      return turn && turn.end > at ? turn.name : null;
    };
  };
}
