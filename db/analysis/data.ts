import type { Project } from '../project';
import { paramList } from '../sql';

/** Which codings and which text an analysis looks at. Every list is optional; empty means "all". */
export interface AnalysisFilters {
  coderIds?: number[];
  /** Documents in any of these groups. */
  groupIds?: number[];
  documentIds?: number[];
  /**
   * Only these speakers: a coding counts when it overlaps a turn of one of them, and only their words
   * count (text outside any turn drops out too).
   */
  speakerIds?: number[];
  /**
   * Leave these speakers out (e.g. the facilitator): a coding whose every overlapped turn is theirs is
   * dropped, and their words never count. Codings outside any turn (a title, a note) are kept.
   */
  excludeSpeakerIds?: number[];
}

export interface TurnRow {
  id: number;
  documentId: number;
  speakerId: number;
  start: number;
  bodyStart: number;
  end: number;
}

export interface CodingRow {
  id: number;
  codeId: number;
  documentId: number;
  start: number;
  end: number;
  /**
   * The turns this coding overlaps are AnalysisData.turns[turnFrom .. turnTo) (contiguous, since turns
   * follow each other); check speakerAllowed before counting one. Empty when turns were not loaded.
   */
  turnFrom: number;
  turnTo: number;
}

export interface AnalysisData {
  /** Documents that pass the document and group filters, by id. */
  documentIds: number[];
  /** Codings that pass every filter, ordered by document, start, end. */
  codings: CodingRow[];
  /** Every turn of those documents (allowed speakers or not), ordered by document and start. */
  turns: TurnRow[];
  /** [first, end) index range in `turns` of each document. */
  turnRange: Map<number, [number, number]>;
  speakerAllowed: (speakerId: number) => boolean;
  /** True when only some speakers were asked for, so text outside turns does not count. */
  onlySomeSpeakers: boolean;
}

export const hasSpeakerFilter = (f: AnalysisFilters): boolean =>
  !!(f.speakerIds?.length || f.excludeSpeakerIds?.length);

/** SQL condition (and parameters) selecting the documents that pass the filters, on column `col`. */
export function documentCondition(f: AnalysisFilters, col: string): { sql: string; params: number[] } {
  const parts: string[] = [];
  const params: number[] = [];
  if (f.documentIds?.length) {
    parts.push(`${col} IN (${paramList(f.documentIds.length)})`);
    params.push(...f.documentIds);
  }
  if (f.groupIds?.length) {
    parts.push(
      `${col} IN (SELECT document_id FROM group_members WHERE group_id IN (${paramList(f.groupIds.length)}))`,
    );
    params.push(...f.groupIds);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** SQL condition on codings (alias k) for the coder, document and code filters. */
export function codingCondition(f: AnalysisFilters, codeIds?: number[]): { sql: string; params: number[] } {
  const doc = documentCondition(f, 'k.document_id');
  const parts = [doc.sql];
  const params = [...doc.params];
  if (f.coderIds?.length) {
    parts.push(`k.coder_id IN (${paramList(f.coderIds.length)})`);
    params.push(...f.coderIds);
  }
  if (codeIds) {
    parts.push(`k.code_id IN (${paramList(codeIds.length)})`);
    params.push(...codeIds);
  }
  return { sql: parts.join(' AND '), params };
}

// One JSON value crosses the native boundary instead of tens of thousands of row objects: about half the
// cost for the benchmark corpus.
function jsonRows(project: Project, sql: string, params: unknown[]): number[][] {
  const json = project.db
    .prepare(sql)
    .pluck()
    .get(...params) as string | null;
  return json ? (JSON.parse(json) as number[][]) : [];
}

/**
 * Loads the codings that pass the filters, in one query, and (when asked, or when a speaker filter needs
 * them) the turns of the documents, matching codings to the turns they overlap in a single sweep per
 * document. Overlap uses the whole turn, label included, as the excerpt speaker filter does.
 */
export function loadAnalysisData(
  project: Project,
  f: AnalysisFilters,
  opts: { turns: boolean; codings?: boolean; codeIds?: number[] },
): AnalysisData {
  const doc = documentCondition(f, 'id');
  const documentIds = project.db
    .prepare(`SELECT id FROM documents WHERE ${doc.sql} ORDER BY id`)
    .pluck()
    .all(...doc.params) as number[];
  const cond = codingCondition(f, opts.codeIds);
  const codings: CodingRow[] = (
    opts.codings === false
      ? []
      : jsonRows(
          project,
          `SELECT json_group_array(json_array(k.id, k.code_id, k.document_id, k.start, k.end)) FROM codings k WHERE ${cond.sql}`,
          cond.params,
        )
  ).map(([id, codeId, documentId, start, end]) => ({
    id: id!,
    codeId: codeId!,
    documentId: documentId!,
    start: start!,
    end: end!,
    turnFrom: 0,
    turnTo: 0,
  }));
  codings.sort((a, b) => a.documentId - b.documentId || a.start - b.start || a.end - b.end);

  const include = f.speakerIds?.length ? new Set(f.speakerIds) : null;
  const exclude = new Set(f.excludeSpeakerIds ?? []);
  const speakerAllowed = (s: number) => (!include || include.has(s)) && !exclude.has(s);
  const data: AnalysisData = {
    documentIds,
    codings,
    turns: [],
    turnRange: new Map(),
    speakerAllowed,
    onlySomeSpeakers: include !== null,
  };
  if (!opts.turns && !hasSpeakerFilter(f)) return data;

  const tdoc = documentCondition(f, 'document_id');
  data.turns = jsonRows(
    project,
    `SELECT json_group_array(json_array(id, document_id, speaker_id, start, body_start, end)) FROM turns WHERE ${tdoc.sql}`,
    tdoc.params,
  ).map(([id, documentId, speakerId, start, bodyStart, end]) => ({
    id: id!,
    documentId: documentId!,
    speakerId: speakerId!,
    start: start!,
    bodyStart: bodyStart!,
    end: end!,
  }));
  data.turns.sort((a, b) => a.documentId - b.documentId || a.start - b.start);
  data.turns.forEach((t, i) => {
    const r = data.turnRange.get(t.documentId);
    if (r) r[1] = i + 1;
    else data.turnRange.set(t.documentId, [i, i + 1]);
  });
  matchTurns(data);
  if (hasSpeakerFilter(f)) {
    // A coding survives when it touches an allowed speaker, or (unless only some speakers were asked
    // for) touches no turn at all.
    data.codings = codings.filter((k) => (k.turnFrom === k.turnTo ? !include : touchesAllowed(data, k)));
  }
  return data;
}

// Turns of a document never overlap (the importer cuts the text into consecutive turns), so their ends
// are sorted too and one pointer per document serves every coding, which are sorted by start.
function matchTurns(data: AnalysisData): void {
  let doc = -1;
  let p = 0;
  let end = 0;
  for (const k of data.codings) {
    if (k.documentId !== doc) {
      doc = k.documentId;
      [p, end] = data.turnRange.get(doc) ?? [0, 0];
    }
    while (p < end && data.turns[p]!.end <= k.start) p++;
    let q = p;
    while (q < end && data.turns[q]!.start < k.end) q++;
    k.turnFrom = p;
    k.turnTo = q;
  }
}

function touchesAllowed(data: AnalysisData, k: CodingRow): boolean {
  for (let q = k.turnFrom; q < k.turnTo; q++) if (data.speakerAllowed(data.turns[q]!.speakerId)) return true;
  return false;
}
