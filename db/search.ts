import type { Project } from './project';
import type { SearchHit } from '../shared/types';
import { invalidArgument } from '../shared/errors';
import { surrounding } from '../shared/text';
import { parseQuery, toFtsQuery, toRegExp } from '../shared/search-query';
import { DocumentCache } from './document-cache';
import { paramList } from './sql';

export interface SearchOptions {
  documentIds?: number[];
  /** Stop after this many hits. */
  limit?: number;
  contextChars?: number;
}

/** Full-text search: FTS5 narrows the documents, then each hit is located exactly (UTF-16 offsets). */
export function searchText(project: Project, query: string, options: SearchOptions = {}): SearchHit[] {
  const parsed = parseQuery(query);
  if (parsed.length === 0) throw invalidArgument(`The search "${query}" has no words to look for.`);
  const docFilter = options.documentIds?.length
    ? `AND d.id IN (${paramList(options.documentIds.length)})`
    : '';
  const docs = project.db
    .prepare(
      `SELECT d.id, d.name FROM documents_fts f JOIN documents d ON d.id = f.rowid
       WHERE documents_fts MATCH ? ${docFilter} ORDER BY d.name COLLATE NOCASE`,
    )
    .all(toFtsQuery(parsed), ...(options.documentIds ?? [])) as { id: number; name: string }[];
  const regex = toRegExp(parsed);
  const cache = new DocumentCache(project);
  const limit = options.limit ?? Infinity;
  const hits: SearchHit[] = [];
  for (const d of docs) {
    const text = cache.text(d.id);
    for (const m of text.matchAll(regex)) {
      const start = m.index;
      const end = start + m[0].length;
      const { before, after } = surrounding(text, start, end, options.contextChars ?? 60);
      const match = text.slice(start, end);
      hits.push({
        doc: d.name,
        documentId: d.id,
        start,
        end,
        speaker: cache.turnAt(d.id, start)?.speaker ?? null,
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
