import type { Project } from './project';
import type { SpeakerSummary, Turn } from '../shared/types';
import { conflict } from '../shared/errors';
import { newGuid } from './sql';

/** The id of the speaker with this display name (case-insensitive), created if missing. */
export function ensureSpeaker(project: Project, name: string): number {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw conflict('A speaker name cannot be empty.');
  const found = project.db.prepare('SELECT id FROM speakers WHERE name = ?').pluck().get(clean) as
    number | undefined;
  if (found !== undefined) return found;
  return Number(
    project.db.prepare('INSERT INTO speakers(guid, name) VALUES (?, ?)').run(newGuid(), clean)
      .lastInsertRowid,
  );
}

/** Speakers with their turns and words spoken (labels and timestamps excluded), optionally in one document. */
export function listSpeakers(project: Project, documentId?: number): SpeakerSummary[] {
  const where = documentId === undefined ? '' : 'WHERE t.document_id = ?';
  const params = documentId === undefined ? [] : [documentId];
  return project.db
    .prepare(
      `SELECT s.id, s.name, count(t.id) AS turns, coalesce(sum(t.words), 0) AS words,
         count(DISTINCT t.document_id) AS documents
       FROM speakers s JOIN turns t ON t.speaker_id = s.id ${where}
       GROUP BY s.id ORDER BY s.name COLLATE NOCASE`,
    )
    .all(...params) as SpeakerSummary[];
}

export function listTurns(project: Project, documentId: number): Turn[] {
  return project.db
    .prepare(
      `SELECT t.id, s.name AS speaker, t.speaker_id AS speakerId, t.start, t.body_start AS bodyStart, t.end, t.time, t.words
       FROM turns t JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start`,
    )
    .all(documentId) as Turn[];
}
