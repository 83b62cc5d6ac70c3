import type { Project } from './project';
import type { Excerpt } from '../shared/types';
import { contextReach, surrounding } from '../shared/text';
import { codeTree, listCodes, subtreeIds } from './codes';
import { paramList, splitList, LIST_SEP } from './sql';
import { DocumentCache, type TextWindow } from './document-cache';

export interface AttributeFilter {
  name: string;
  value: string;
}

export interface ExcerptQuery {
  codeIds?: number[];
  /** Include codings of the codes' sub-codes. */
  subcodes?: boolean;
  documentIds?: number[];
  groupIds?: number[];
  /** Keep codings that overlap a turn of one of these speakers. */
  speakerIds?: number[];
  coderIds?: number[];
  documentAttributes?: AttributeFilter[];
  /** Keep codings that overlap a turn of a speaker with these attribute values. */
  speakerAttributes?: AttributeFilter[];
  /** Characters of context either side (default 80). */
  contextChars?: number;
}

interface Row {
  codingId: number;
  documentId: number;
  doc: string;
  codeId: number;
  start: number;
  end: number;
  memo: string | null;
  coder: string;
  createdAt: string;
  speakerList: string | null;
}

function whereClauses(project: Project, q: ExcerptQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, ids: number[]) => {
    where.push(`${column} IN (${paramList(ids.length)})`);
    params.push(...ids);
  };
  if (q.codeIds?.length) {
    const ids = q.subcodes ? [...new Set(q.codeIds.flatMap((id) => subtreeIds(project, id)))] : q.codeIds;
    inList('k.code_id', ids);
  }
  if (q.documentIds?.length) inList('k.document_id', q.documentIds);
  if (q.coderIds?.length) inList('k.coder_id', q.coderIds);
  if (q.groupIds?.length) {
    where.push(
      `k.document_id IN (SELECT document_id FROM group_members WHERE group_id IN (${paramList(q.groupIds.length)}))`,
    );
    params.push(...q.groupIds);
  }
  const overlapsTurnOf = (speakerSet: string) =>
    `EXISTS (SELECT 1 FROM turns t WHERE t.document_id = k.document_id AND t.start < k.end AND t.end > k.start
       AND t.speaker_id IN (${speakerSet}))`;
  if (q.speakerIds?.length) {
    where.push(overlapsTurnOf(paramList(q.speakerIds.length)));
    params.push(...q.speakerIds);
  }
  const hasAttribute = (scope: string) =>
    `SELECT v.target_id FROM attribute_values v JOIN attribute_defs d ON d.id = v.def_id
     WHERE d.scope = '${scope}' AND d.name = ? AND v.value = ?`;
  for (const a of q.documentAttributes ?? []) {
    where.push(`k.document_id IN (${hasAttribute('document')})`);
    params.push(a.name, a.value);
  }
  for (const a of q.speakerAttributes ?? []) {
    where.push(overlapsTurnOf(hasAttribute('speaker')));
    params.push(a.name, a.value);
  }
  return { where, params };
}

/** Coded excerpts matching every given filter, in codebook order, then by document and position. */
export function queryExcerpts(project: Project, q: ExcerptQuery = {}): Excerpt[] {
  const { where, params } = whereClauses(project, q);
  const rows = project.db
    .prepare(
      `SELECT k.id AS codingId, k.document_id AS documentId, d.name AS doc, k.code_id AS codeId, k.start, k.end, k.memo,
         u.name AS coder, k.created_at AS createdAt, ${SPEAKER_LIST} AS speakerList
       FROM codings k JOIN documents d ON d.id = k.document_id JOIN coders u ON u.id = k.coder_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    )
    .all(...params) as Row[];
  const codes = new Map(codeTree(project).map((c, i) => [c.id, { ...c, order: i }]));
  const groups = groupsByDocument(project);
  rows.sort(
    (a, b) =>
      codes.get(a.codeId)!.order - codes.get(b.codeId)!.order ||
      a.doc.localeCompare(b.doc) ||
      a.start - b.start ||
      a.end - b.end,
  );
  const width = q.contextChars ?? 80;
  const windows = excerptWindows(new DocumentCache(project), rows, width);
  return rows.map((r, i): Excerpt => {
    const code = codes.get(r.codeId)!;
    const w = windows[i]!;
    const { before, after } = surrounding(w.text, r.start - w.start, r.end - w.start, width);
    const excerpt = w.text.slice(r.start - w.start, r.end - w.start);
    return {
      codingId: r.codingId,
      doc: r.doc,
      documentId: r.documentId,
      groups: [...(groups.get(r.documentId) ?? [])],
      speakers: [...new Set(splitList(r.speakerList))],
      code: code.name,
      codeId: code.id,
      path: code.path,
      color: code.color,
      start: r.start,
      end: r.end,
      text: excerpt,
      context: `${before}${excerpt}${after}`,
      before,
      after,
      memo: r.memo,
      coder: r.coder,
      createdAt: r.createdAt,
    };
  });
}

/**
 * For each row, a window of its document's text holding the excerpt and enough either side for its
 * context, so that only those stretches of the texts are read (all 300 texts of a large project are 64 MB).
 */
function excerptWindows(docs: DocumentCache, rows: Row[], width: number): TextWindow[] {
  const margin = contextReach(width);
  const byDoc = new Map<number, number[]>();
  rows.forEach((r, i) => {
    let list = byDoc.get(r.documentId);
    if (!list) byDoc.set(r.documentId, (list = []));
    list.push(i);
  });
  const windows: TextWindow[] = [];
  for (const [documentId, indexes] of byDoc) {
    const ranges = indexes.map((i) => [rows[i]!.start - margin, rows[i]!.end + margin] as const);
    docs.windows(documentId, ranges).forEach((w, k) => (windows[indexes[k]!] = w));
  }
  return windows;
}

/** Each document's group names, sorted: once per document rather than once per excerpt. */
function groupsByDocument(project: Project): Map<number, string[]> {
  const rows = project.db
    .prepare('SELECT m.document_id, g.name FROM group_members m JOIN doc_groups g ON g.id = m.group_id')
    .raw()
    .all() as [number, string][];
  const byDoc = new Map<number, string[]>();
  for (const [doc, name] of rows) {
    const list = byDoc.get(doc);
    if (list) list.push(name);
    else byDoc.set(doc, [name]);
  }
  for (const list of byDoc.values()) list.sort();
  return byDoc;
}

/**
 * Speakers of the turns overlapping a coding, in order of appearance (with repeats), by two index seeks
 * rather than loading every turn of every document (turns of a document do not overlap, so those
 * overlapping the range start at or after the last turn starting at or before the coding's start).
 */
const SPEAKER_LIST = `(SELECT group_concat(s.name, ${LIST_SEP} ORDER BY t.start) FROM turns t JOIN speakers s ON s.id = t.speaker_id
  WHERE t.document_id = k.document_id AND t.start < k.end AND t.end > k.start
    AND t.start >= coalesce((SELECT max(start) FROM turns WHERE document_id = k.document_id AND start <= k.start), -1))`;

/** Number of codings per code id, optionally rolled up to include sub-codes. */
export function codingCounts(project: Project, rollUp = false): Map<number, number> {
  const own = new Map<number, number>(
    (
      project.db.prepare('SELECT code_id AS id, count(*) AS n FROM codings GROUP BY code_id').all() as {
        id: number;
        n: number;
      }[]
    ).map((r) => [r.id, r.n]),
  );
  if (!rollUp) return own;
  const codes = listCodes(project);
  const total = new Map<number, number>();
  for (const c of [...codes].reverse()) {
    const childSum = codes.filter((k) => k.parentId === c.id).reduce((s, k) => s + (total.get(k.id) ?? 0), 0);
    total.set(c.id, (own.get(c.id) ?? 0) + childSum);
  }
  return total;
}
