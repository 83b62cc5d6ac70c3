import type { Project } from '../project';
import { dataVersion, paramList } from '../sql';

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
  coderId: number;
  /**
   * The turns this coding overlaps are AnalysisData.turns[turnFrom .. turnTo) (contiguous, since turns
   * follow each other); check speakerAllowed before counting one. Empty when turns were not loaded.
   */
  turnFrom: number;
  turnTo: number;
  /** Index of the first word at or after start and at or after end; -1 until a word tally fills them in. */
  wordFrom: number;
  wordTo: number;
}

export interface AnalysisData {
  /** Documents that pass the document and group filters, by id. */
  documentIds: number[];
  /** Codings that pass every filter, ordered by document, start, end. */
  codings: CodingRow[];
  /**
   * Every turn of the project (allowed speakers or not, filtered documents or not), ordered by document
   * and start. Empty when turns were not loaded.
   */
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

// One string crosses the native boundary instead of hundreds of thousands of row objects, and a flat
// list of numbers parses several times faster than a list of small arrays.
function flatNumbers(project: Project, columns: string[], from: string): number[] {
  const list = project.db
    .prepare(`SELECT group_concat(${columns.join("||','||")}) FROM (${from})`)
    .pluck()
    .get() as string | null;
  return list ? (JSON.parse(`[${list}]`) as number[]) : [];
}

/**
 * Every coding and every turn of the project, sorted and matched, kept per connection until the project
 * changes. Loading them costs ~200 ms at 200,000 codings, several times the analysis itself, and a
 * researcher flips between matrices of the same data; `loadAnalysisData` filters from here. Shared:
 * callers must not modify these rows.
 */
interface BaseData {
  version: string;
  codings?: CodingRow[];
  turns?: LoadedTurns;
  /** The turns from before the last change, reused if their fingerprint still matches. */
  previous?: LoadedTurns;
  /** The codings from before the last change, whose unchanged rows are reused. */
  previousCodings?: CodingRow[];
}

interface LoadedTurns {
  all: TurnRow[];
  range: Map<number, [number, number]>;
  /** turnsFingerprint() when they were loaded. */
  print: string;
}

const bases = new WeakMap<Project['db'], BaseData>();

// Most changes are codings (apply a code, undo it); turns change with imports and speaker edits. The
// turns are kept across a change when this summary of them, read from their covering index (~13 ms for
// 175,000 turns, against ~130 ms to reload them), is unchanged: any insert or delete moves the count or
// the largest id, and any change of speaker or boundary moves a sum (a swap of speakers between two
// turns too, the speaker being weighted by the turn's start).
function turnsFingerprint(project: Project): string {
  return JSON.stringify(
    project.db
      .prepare(
        `SELECT count(*), max(id), total(speaker_id * (start + 1)), total(start), total(end),
           total(body_start), total(document_id * (end + 1)) FROM turns`,
      )
      .raw()
      .get(),
  );
}

function baseData(project: Project, turns: boolean): BaseData {
  const version = dataVersion(project);
  let base = bases.get(project.db);
  if (!base || base.version !== version)
    bases.set(
      project.db,
      (base = {
        version,
        previous: base?.turns ?? base?.previous,
        previousCodings: base?.codings ?? base?.previousCodings,
      }),
    );
  if (!base.codings) {
    base.codings = loadCodings(project, base.previousCodings);
    base.previousCodings = undefined;
  }
  if (turns && !base.turns) {
    const print = turnsFingerprint(project);
    base.turns = base.previous?.print === print ? base.previous : loadTurns(project, print);
    base.previous = undefined;
    matchTurns(base.codings, base.turns.all, base.turns.range);
  }
  return base;
}

// Both orders are those of a covering index (codings_document_range, turns_document_range), so neither
// SQLite nor JS sorts.
function loadCodings(project: Project, previous: CodingRow[] = []): CodingRow[] {
  const n = flatNumbers(
    project,
    ['id', 'code_id', 'document_id', 'start', 'end', 'coder_id'],
    'SELECT id, code_id, document_id, start, end, coder_id FROM codings ORDER BY document_id, start, end, code_id',
  );
  // After a change (apply a code, undo it) nearly every coding is as before: their row objects are
  // reset and reused rather than 200,000 new ones made, which each reload promoted to V8's old
  // generation as garbage. Both lists are in index order, so one walk pairs them.
  const out = new Array<CodingRow>(n.length / 6);
  let p = 0;
  for (let i = 0, j = 0; j < n.length; i++, j += 6) {
    const id = n[j]!;
    while (p < previous.length && before(previous[p]!, n, j)) p++;
    const old = previous[p];
    const same =
      old !== undefined &&
      old.id === id &&
      old.codeId === n[j + 1] &&
      old.documentId === n[j + 2] &&
      old.start === n[j + 3] &&
      old.end === n[j + 4] &&
      old.coderId === n[j + 5];
    if (same) {
      p++;
      old.turnFrom = old.turnTo = 0;
      old.wordFrom = old.wordTo = -1;
      out[i] = old;
    } else
      out[i] = {
        id,
        codeId: n[j + 1]!,
        documentId: n[j + 2]!,
        start: n[j + 3]!,
        end: n[j + 4]!,
        coderId: n[j + 5]!,
        turnFrom: 0,
        turnTo: 0,
        wordFrom: -1,
        wordTo: -1,
      };
  }
  return out;
}

/** Whether `k` sorts before the flat row at `n[j]` in codings_document_range order. */
function before(k: CodingRow, n: number[], j: number): boolean {
  return (
    (k.documentId - n[j + 2]! ||
      k.start - n[j + 3]! ||
      k.end - n[j + 4]! ||
      k.codeId - n[j + 1]! ||
      k.coderId - n[j + 5]! ||
      k.id - n[j]!) < 0
  );
}

function loadTurns(project: Project, print: string): LoadedTurns {
  const n = flatNumbers(
    project,
    ['id', 'document_id', 'speaker_id', 'start', 'body_start', 'end'],
    'SELECT id, document_id, speaker_id, start, body_start, end FROM turns ORDER BY document_id, start',
  );
  const all = new Array<TurnRow>(n.length / 6);
  const range = new Map<number, [number, number]>();
  for (let i = 0, j = 0; j < n.length; i++, j += 6) {
    const documentId = n[j + 1]!;
    all[i] = {
      id: n[j]!,
      documentId,
      speakerId: n[j + 2]!,
      start: n[j + 3]!,
      bodyStart: n[j + 4]!,
      end: n[j + 5]!,
    };
    const r = range.get(documentId);
    if (r) r[1] = i + 1;
    else range.set(documentId, [i, i + 1]);
  }
  return { all, range, print };
}

/**
 * The codings that pass the filters and (when asked, or when a speaker filter needs them) the turns, each
 * coding matched to the turns it overlaps. Overlap uses the whole turn, label included, as the excerpt
 * speaker filter does. `turns` and `turnRange` cover every document of the project, filtered or not.
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
  const withTurns = opts.turns || hasSpeakerFilter(f);
  const base = opts.codings === false && !withTurns ? null : baseData(project, withTurns);

  const docs = f.documentIds?.length || f.groupIds?.length ? new Set(documentIds) : null;
  const coders = f.coderIds?.length ? new Set(f.coderIds) : null;
  const codes = opts.codeIds ? new Set(opts.codeIds) : null;
  const include = f.speakerIds?.length ? new Set(f.speakerIds) : null;
  const exclude = new Set(f.excludeSpeakerIds ?? []);
  const speakerAllowed = (s: number) => (!include || include.has(s)) && !exclude.has(s);
  const data: AnalysisData = {
    documentIds,
    codings: [],
    turns: base?.turns?.all ?? [],
    turnRange: base?.turns?.range ?? new Map(),
    speakerAllowed,
    onlySomeSpeakers: include !== null,
  };
  if (opts.codings === false || !base?.codings) return data;
  const speakerFilter = hasSpeakerFilter(f);
  // A coding survives a speaker filter when it touches an allowed speaker, or (unless only some speakers
  // were asked for) touches no turn at all.
  data.codings = base.codings.filter(
    (k) =>
      (!docs || docs.has(k.documentId)) &&
      (!coders || coders.has(k.coderId)) &&
      (!codes || codes.has(k.codeId)) &&
      (!speakerFilter || (k.turnFrom === k.turnTo ? !include : touchesAllowed(data, k))),
  );
  return data;
}

// Turns of a document never overlap (the importer cuts the text into consecutive turns), so their ends
// are sorted too and one pointer per document serves every coding, which are sorted by start.
function matchTurns(codings: CodingRow[], turns: TurnRow[], turnRange: Map<number, [number, number]>): void {
  let doc = -1;
  let p = 0;
  let end = 0;
  for (const k of codings) {
    if (k.documentId !== doc) {
      doc = k.documentId;
      [p, end] = turnRange.get(doc) ?? [0, 0];
    }
    while (p < end && turns[p]!.end <= k.start) p++;
    let q = p;
    while (q < end && turns[q]!.start < k.end) q++;
    k.turnFrom = p;
    k.turnTo = q;
  }
}

function touchesAllowed(data: AnalysisData, k: CodingRow): boolean {
  for (let q = k.turnFrom; q < k.turnTo; q++) if (data.speakerAllowed(data.turns[q]!.speakerId)) return true;
  return false;
}

/** Allowed speakers with a turn in the filtered documents. */
export function speakersOf(data: AnalysisData): number[] {
  const out = new Set<number>();
  for (const d of data.documentIds) {
    const [from, to] = data.turnRange.get(d) ?? [0, 0];
    for (let q = from; q < to; q++) out.add(data.turns[q]!.speakerId);
  }
  return [...out].filter(data.speakerAllowed);
}
