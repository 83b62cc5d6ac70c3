import type { Project } from '../project';
import { type AnalysisFilters, type CodingRow, loadAnalysisData } from './data';
import { type MatrixRow, matrixRows } from './matrix';
import { DocumentCache } from '../document-cache';
import { notFound } from '../../shared/errors';

/**
 * - overlap: two codings co-occur when they are in the same document and their ranges share at least
 *   one character;
 * - turn: two codes co-occur in a turn when each has a coding overlapping that turn (whole turn, label
 *   included, as everywhere else). Only turns of allowed speakers count.
 */
export type CooccurrenceWithin = 'overlap' | 'turn';

export interface CooccurrenceQuery extends AnalysisFilters {
  within?: CooccurrenceWithin;
  /** Only these codes (in tree order). Default: the whole codebook. */
  codeIds?: number[];
}

export interface CooccurrenceResult {
  within: CooccurrenceWithin;
  codes: MatrixRow[];
  /**
   * Symmetric. Off the diagonal: for overlap, the number of pairs of overlapping codings (one of each
   * code); for turn, the number of turns holding both codes. The diagonal is the number of codings of the
   * code (after filters) in both modes, as a reference for the row.
   */
  cells: number[][];
}

export interface CooccurrencePassage {
  documentId: number;
  doc: string;
  /** The passage to read: for overlap, both codings from the first start to the last end; for turn, the turn. */
  start: number;
  end: number;
  text: string;
  /** For overlap, the shared range; for turn, null. */
  overlap: { start: number; end: number } | null;
  /** The speaker of the turn (turn mode), else null. */
  speaker: string | null;
  codingIds: number[];
}

interface Setup {
  within: CooccurrenceWithin;
  codes: MatrixRow[];
  index: Map<number, number>;
  codings: CodingRow[];
  data: ReturnType<typeof loadAnalysisData>;
}

function setup(project: Project, q: CooccurrenceQuery): Setup {
  const within = q.within ?? 'overlap';
  const { rows } = matrixRows(project, q.codeIds, false);
  const index = new Map(rows.map((r, i) => [r.codeId, i]));
  const data = loadAnalysisData(project, q, {
    turns: within === 'turn',
    codeIds: q.codeIds && [...index.keys()],
  });
  return { within, codes: rows, index, codings: data.codings.filter((k) => index.has(k.codeId)), data };
}

/** Calls `fn` for each pair of overlapping codings of different codes (each pair once). */
function forEachOverlap(codings: CodingRow[], fn: (a: CodingRow, b: CodingRow) => void): void {
  let active: CodingRow[] = [];
  let doc = -1;
  for (const k of codings) {
    if (k.documentId !== doc) {
      doc = k.documentId;
      active = [];
    }
    active = active.filter((a) => a.end > k.start);
    for (const a of active) if (a.codeId !== k.codeId) fn(a, k);
    active.push(k);
  }
}

/** Codings grouped by the allowed turns they overlap. */
function byTurn(s: Setup): Map<number, CodingRow[]> {
  const out = new Map<number, CodingRow[]>();
  const { turns, speakerAllowed } = s.data;
  for (const k of s.codings) {
    for (let t = k.turnFrom; t < k.turnTo; t++) {
      if (!speakerAllowed(turns[t]!.speakerId)) continue;
      const list = out.get(t);
      if (list) list.push(k);
      else out.set(t, [k]);
    }
  }
  return out;
}

export function computeCooccurrence(project: Project, q: CooccurrenceQuery = {}): CooccurrenceResult {
  const s = setup(project, q);
  const n = s.codes.length;
  const cells = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const k of s.codings) cells[s.index.get(k.codeId)!]![s.index.get(k.codeId)!]!++;
  const bump = (a: number, b: number) => {
    cells[a]![b]!++;
    cells[b]![a]!++;
  };
  if (s.within === 'overlap') {
    forEachOverlap(s.codings, (a, b) => bump(s.index.get(a.codeId)!, s.index.get(b.codeId)!));
  } else {
    forEachTurnCodeSet(s, (present) => {
      for (let i = 0; i < present.length; i++)
        for (let j = i + 1; j < present.length; j++) bump(present[i]!, present[j]!);
    });
  }
  return { within: s.within, codes: s.codes, cells };
}

/**
 * Calls `fn` with the code indexes present in each allowed turn that holds any. One bit per code and
 * turn instead of a list of codings per turn: the turn table of a large project is counted in ~10 ms
 * rather than ~100 ms.
 */
function forEachTurnCodeSet(s: Setup, fn: (present: number[]) => void): void {
  const { turns, speakerAllowed } = s.data;
  const words = Math.ceil(s.codes.length / 32);
  const bits = new Uint32Array(turns.length * words);
  const seen = new Uint8Array(turns.length);
  const touched: number[] = [];
  for (const k of s.codings) {
    const ci = s.index.get(k.codeId)!;
    for (let t = k.turnFrom; t < k.turnTo; t++) {
      if (!speakerAllowed(turns[t]!.speakerId)) continue;
      if (!seen[t]) {
        seen[t] = 1;
        touched.push(t);
      }
      const at = t * words + (ci >> 5);
      bits[at] = bits[at]! | (1 << (ci & 31));
    }
  }
  const present: number[] = [];
  for (const t of touched) {
    present.length = 0;
    for (let w = 0; w < words; w++)
      for (let word = bits[t * words + w]!; word; word &= word - 1)
        present.push(w * 32 + (31 - Math.clz32(word & -word)));
    fn(present);
  }
}

/** The passages behind one cell, in document and text order; on the diagonal, the code's codings. */
export function cooccurrencePassages(
  project: Project,
  q: CooccurrenceQuery,
  codeA: number,
  codeB: number,
): CooccurrencePassage[] {
  const s = setup(project, q);
  if (!s.index.has(codeA) || !s.index.has(codeB)) throw notFound('That code is not in this table.');
  const docs = new DocumentCache(project);
  const name = project.db.prepare('SELECT name FROM documents WHERE id = ?').pluck();
  const is = (k: CodingRow, c: number) => k.codeId === c;
  const out: CooccurrencePassage[] = [];
  if (codeA === codeB) {
    for (const k of s.codings.filter((c) => is(c, codeA))) {
      const doc = name.get(k.documentId) as string;
      const text = docs.text(k.documentId).slice(k.start, k.end);
      out.push({
        documentId: k.documentId,
        doc,
        start: k.start,
        end: k.end,
        text,
        overlap: null,
        speaker: null,
        codingIds: [k.id],
      });
    }
  } else if (s.within === 'overlap') {
    forEachOverlap(s.codings, (a, b) => {
      if (!((is(a, codeA) && is(b, codeB)) || (is(a, codeB) && is(b, codeA)))) return;
      const start = Math.min(a.start, b.start);
      const end = Math.max(a.end, b.end);
      out.push({
        documentId: a.documentId,
        doc: name.get(a.documentId) as string,
        start,
        end,
        text: docs.text(a.documentId).slice(start, end),
        overlap: { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) },
        speaker: null,
        codingIds: [a.id, b.id],
      });
    });
  } else {
    const speaker = project.db.prepare('SELECT name FROM speakers WHERE id = ?').pluck();
    for (const [q2, list] of byTurn(s)) {
      const both = list.filter((k) => is(k, codeA) || is(k, codeB));
      if (!both.some((k) => is(k, codeA)) || !both.some((k) => is(k, codeB))) continue;
      const t = s.data.turns[q2]!;
      out.push({
        documentId: t.documentId,
        doc: name.get(t.documentId) as string,
        start: t.start,
        end: t.end,
        text: docs.text(t.documentId).slice(t.bodyStart, t.end),
        overlap: null,
        speaker: speaker.get(t.speakerId) as string,
        codingIds: both.map((k) => k.id),
      });
    }
  }
  return out.sort((x, y) => x.doc.localeCompare(y.doc) || x.start - y.start || x.end - y.end);
}
