import type { Project } from '../project';
import type { AnalysisFilters } from './data';
import { documentCondition } from './data';
import { type MatrixMeasure, type MatrixQuery, type MatrixRow, computeMatrix } from './matrix';
import type { MatrixColumn } from './columns';
import { paramList } from '../sql';
import { notFound } from '../../shared/errors';

export interface SpeakerParticipation {
  speakerId: number;
  speaker: string;
  turns: number;
  /** Words spoken: turn bodies only (labels and timestamps excluded), as `commonplace speakers` counts. */
  words: number;
  /** Shares of all the listed speakers' turns and words in the same scope, 0–100. */
  turnsPercent: number;
  wordsPercent: number;
}

export interface DocumentParticipation {
  documentId: number;
  doc: string;
  turns: number;
  words: number;
  speakers: SpeakerParticipation[];
}

type ParticipationFilters = Pick<
  AnalysisFilters,
  'documentIds' | 'groupIds' | 'speakerIds' | 'excludeSpeakerIds'
>;

interface Row {
  documentId: number;
  doc: string;
  speakerId: number;
  speaker: string;
  turns: number;
  words: number;
}

function rows(project: Project, f: ParticipationFilters): Row[] {
  const doc = documentCondition(f, 't.document_id');
  const where = [doc.sql];
  const params: number[] = [...doc.params];
  if (f.speakerIds?.length) {
    where.push(`t.speaker_id IN (${paramList(f.speakerIds.length)})`);
    params.push(...f.speakerIds);
  }
  if (f.excludeSpeakerIds?.length) {
    where.push(`t.speaker_id NOT IN (${paramList(f.excludeSpeakerIds.length)})`);
    params.push(...f.excludeSpeakerIds);
  }
  return project.db
    .prepare(
      `SELECT t.document_id AS documentId, d.name AS doc, t.speaker_id AS speakerId, s.name AS speaker,
         count(*) AS turns, sum(t.words) AS words
       FROM turns t JOIN documents d ON d.id = t.document_id JOIN speakers s ON s.id = t.speaker_id
       WHERE ${where.join(' AND ')} GROUP BY t.document_id, t.speaker_id
       ORDER BY d.name COLLATE NOCASE, s.name COLLATE NOCASE`,
    )
    .all(...params) as Row[];
}

function withShares(
  list: Omit<SpeakerParticipation, 'turnsPercent' | 'wordsPercent'>[],
): SpeakerParticipation[] {
  const turns = list.reduce((s, x) => s + x.turns, 0);
  const words = list.reduce((s, x) => s + x.words, 0);
  return list.map((x) => ({
    ...x,
    turnsPercent: turns ? (100 * x.turns) / turns : 0,
    wordsPercent: words ? (100 * x.words) / words : 0,
  }));
}

/** Turns and words per speaker across the filtered documents, by speaker name (for the participation chart). */
export function speakerParticipation(project: Project, f: ParticipationFilters = {}): SpeakerParticipation[] {
  const bySpeaker = new Map<number, Omit<SpeakerParticipation, 'turnsPercent' | 'wordsPercent'>>();
  for (const r of rows(project, f)) {
    const s = bySpeaker.get(r.speakerId) ?? {
      speakerId: r.speakerId,
      speaker: r.speaker,
      turns: 0,
      words: 0,
    };
    s.turns += r.turns;
    s.words += r.words;
    bySpeaker.set(r.speakerId, s);
  }
  return withShares([...bySpeaker.values()].sort((a, b) => a.speaker.localeCompare(b.speaker)));
}

/** Turns and words per speaker in each document (shares are within the document). */
export function participationByDocument(
  project: Project,
  f: ParticipationFilters = {},
): DocumentParticipation[] {
  const docs = new Map<number, DocumentParticipation>();
  for (const r of rows(project, f)) {
    let d = docs.get(r.documentId);
    if (!d)
      docs.set(
        r.documentId,
        (d = { documentId: r.documentId, doc: r.doc, turns: 0, words: 0, speakers: [] }),
      );
    d.turns += r.turns;
    d.words += r.words;
    d.speakers.push({
      speakerId: r.speakerId,
      speaker: r.speaker,
      turns: r.turns,
      words: r.words,
      turnsPercent: 0,
      wordsPercent: 0,
    });
  }
  return [...docs.values()].map((d) => ({ ...d, speakers: withShares(d.speakers) }));
}

export interface CodeFrequency {
  code: MatrixRow;
  measure: MatrixMeasure;
  bars: (MatrixColumn & { value: number })[];
  /** The code's total over all bars (a distinct count, not the sum of bars when they overlap). */
  total: number;
}

/** One code's frequency by group, speaker or attribute value (for the bar chart): a one-row matrix. */
export function codeFrequency(
  project: Project,
  codeId: number,
  q: Omit<MatrixQuery, 'codeIds'>,
): CodeFrequency {
  const m = computeMatrix(project, { ...q, codeIds: [codeId] });
  const code = m.rows[0];
  if (!code) throw notFound(`No code with id ${codeId}.`);
  return {
    code,
    measure: m.measure,
    bars: m.cols.map((c, i) => ({ ...c, value: m.cells[0]![i]! })),
    total: m.rowTotals[0]!,
  };
}
