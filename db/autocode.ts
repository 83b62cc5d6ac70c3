import type { Project } from './project';
import { searchText } from './search';
import { insertCodings, type NewCoding } from './codings';
import { getCode } from './codes';
import { DocumentCache } from './document-cache';
import { sentenceAround } from '../shared/text';

export type AutocodeScope = 'match' | 'sentence' | 'turn';

export interface AutocodeOptions {
  query: string;
  codeId: number;
  scope?: AutocodeScope;
  /** Only hits spoken by these speakers (by name, case-insensitive). */
  speakers?: string[];
  documentIds?: number[];
}

export interface AutocodeResult {
  hits: number;
  added: number;
  existing: number;
}

/** Codes every hit of a text search (its match, sentence or whole speaker turn) as one undoable step. */
export function autocode(project: Project, o: AutocodeOptions): AutocodeResult {
  const code = getCode(project, o.codeId);
  const scope = o.scope ?? 'match';
  const speakers = o.speakers?.map((s) => s.toLowerCase());
  const cache = new DocumentCache(project);
  const hits = searchText(project, o.query, { documentIds: o.documentIds }).filter((h) => {
    if (!speakers?.length) return true;
    return h.speaker !== null && speakers.includes(h.speaker.toLowerCase());
  });
  const seen = new Set<string>();
  const ranges: NewCoding[] = [];
  for (const h of hits) {
    let [start, end] = [h.start, h.end];
    const turn = cache.turnAt(h.documentId, h.start);
    const body = turn && {
      start: turn.bodyStart,
      end: trimEnd(cache.text(h.documentId), turn.bodyStart, turn.end),
    };
    if (scope === 'turn' && body) [start, end] = [body.start, body.end];
    if (scope === 'sentence') [start, end] = sentenceAround(cache.text(h.documentId), h.start, h.end, body);
    const key = `${h.documentId}:${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ranges.push({ documentId: h.documentId, codeId: code.id, start, end });
  }
  if (ranges.length === 0) return { hits: hits.length, added: 0, existing: 0 };
  const r = project.mutate(`Auto-code "${o.query}" as "${code.path}"`, () => insertCodings(project, ranges));
  return { hits: hits.length, added: r.added, existing: r.existing };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
