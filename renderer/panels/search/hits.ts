import type { SearchHit } from '../../../shared/types';

export interface DocumentHits {
  documentId: number;
  doc: string;
  hits: SearchHit[];
}

/** Hits under their document, in the order the core returns them (documents by name, then position). */
export function hitsByDocument(hits: readonly SearchHit[]): DocumentHits[] {
  const out: DocumentHits[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && last.documentId === h.documentId) last.hits.push(h);
    else out.push({ documentId: h.documentId, doc: h.doc, hits: [h] });
  }
  return out;
}

/** Distinct speakers of the hits, in order of first appearance. */
export function hitSpeakers(hits: readonly SearchHit[]): string[] {
  return [...new Set(hits.flatMap((h) => (h.speaker ? [h.speaker] : [])))];
}

/** The summary line after a search. */
export function hitSummary(count: number, documents: number, truncated: boolean): string {
  const n = count.toLocaleString();
  if (count === 0) return 'No hits.';
  const where = `${documents.toLocaleString()} ${documents === 1 ? 'document' : 'documents'}`;
  if (truncated)
    return `Showing the first ${n} hits (in ${where}); there are more. Narrow the search to see them all.`;
  return `${n} ${count === 1 ? 'hit' : 'hits'} in ${where}`;
}

export interface AutocodeOutcome {
  hits: number;
  added: number;
  existing: number;
}

export function autocodeSummary(r: AutocodeOutcome, code: string): string {
  const hits = `${r.hits.toLocaleString()} ${r.hits === 1 ? 'hit' : 'hits'}`;
  const added = `${r.added.toLocaleString()} ${r.added === 1 ? 'coding' : 'codings'} added`;
  const existing = r.existing ? ` (${r.existing.toLocaleString()} already coded)` : '';
  return `${hits}, ${added} to “${code}”${existing}.`;
}

/** The first `limit` hits, still under their documents, for drawing a long list a page at a time. */
export function firstHits(documents: readonly DocumentHits[], limit: number): DocumentHits[] {
  const out: DocumentHits[] = [];
  let left = limit;
  for (const d of documents) {
    if (left <= 0) break;
    out.push(d.hits.length <= left ? d : { ...d, hits: d.hits.slice(0, left) });
    left -= d.hits.length;
  }
  return out;
}
