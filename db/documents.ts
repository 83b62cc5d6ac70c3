import { createHash } from 'node:crypto';
import type { Project } from './project';
import type { DocumentSummary, ParsedDocument, SourceFormat } from '../shared/types';
import { conflict, notFound } from '../shared/errors';
import { countWords } from '../shared/text';
import { newGuid, now, splitList, LIST_SEP } from './sql';
import { ensureGroup } from './groups';
import { ensureSpeaker } from './speakers';
import { buildTextMap } from './document-cache';

export interface NewDocument extends ParsedDocument {
  name: string;
  originalName: string;
  groups?: string[];
}

export interface DocumentRow {
  id: number;
  name: string;
  text: string;
  format: SourceFormat;
  encoding: string;
  originalName: string;
  contentHash: string;
  importedAt: string;
  words: number;
}

/** Inserts a parsed document with its turns; the caller provides the transaction (project.mutate). */
export function insertDocument(project: Project, doc: NewDocument): number {
  const { db } = project;
  if (db.prepare('SELECT 1 FROM documents WHERE name = ?').get(doc.name)) {
    throw conflict(`A document named "${doc.name}" is already in the project.`);
  }
  const words = countWords(doc.text);
  const id = Number(
    db
      .prepare(
        `INSERT INTO documents(guid, name, text, format, original_name, encoding, content_hash, imported_at, words)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        newGuid(),
        doc.name,
        doc.text,
        doc.format,
        doc.originalName,
        doc.encoding,
        createHash('sha256').update(doc.text).digest('hex'),
        now(),
        words,
      ).lastInsertRowid,
  );
  db.prepare('INSERT INTO text_maps(id, map) VALUES (?, ?)').run(id, JSON.stringify(buildTextMap(doc.text)));
  const insertTurn = db.prepare(
    'INSERT INTO turns(document_id, speaker_id, start, end, body_start, time, words) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // One lookup per speaker, not per turn (a long transcript has hundreds of turns of a few speakers).
  const idOf = new Map<string, number>();
  const speakerIds = doc.turns.map((t) => {
    let id = idOf.get(t.speaker);
    if (id === undefined) idOf.set(t.speaker, (id = ensureSpeaker(project, t.speaker)));
    return id;
  });
  // One undo record for the document's turns instead of one per turn (a large import has 175,000).
  project.history.bulkInsert('turns', () =>
    doc.turns.forEach((t, i) =>
      insertTurn.run(
        id,
        speakerIds[i],
        t.start,
        t.end,
        t.bodyStart,
        t.time,
        countWords(doc.text.slice(t.bodyStart, t.end)),
      ),
    ),
  );
  if (doc.turns.length) project.history.logInverse(`DELETE FROM turns WHERE document_id = ${id}`);
  for (const g of doc.groups ?? []) addToGroup(project, id, ensureGroup(project, g));
  return id;
}

export function addToGroup(project: Project, documentId: number, groupId: number): void {
  project.db
    .prepare('INSERT OR IGNORE INTO group_members(group_id, document_id) VALUES (?, ?)')
    .run(groupId, documentId);
}

const SUMMARY_SQL = `
  SELECT d.id, d.name, d.words, d.format, d.encoding, d.original_name AS originalName, d.imported_at AS importedAt,
    (SELECT group_concat(g.name, ${LIST_SEP}) FROM group_members m JOIN doc_groups g ON g.id = m.group_id
      WHERE m.document_id = d.id) AS groupList,
    (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
    (SELECT count(*) FROM codings c WHERE c.document_id = d.id) AS codings
  FROM documents d`;

type SummaryRow = Omit<DocumentSummary, 'groups'> & { groupList: string | null };
const toSummary = ({ groupList, ...r }: SummaryRow): DocumentSummary => ({
  ...r,
  groups: splitList(groupList).sort(),
});

export function listDocuments(project: Project): DocumentSummary[] {
  return (project.db.prepare(`${SUMMARY_SQL} ORDER BY d.name COLLATE NOCASE`).all() as SummaryRow[]).map(
    toSummary,
  );
}

export function documentSummary(project: Project, id: number): DocumentSummary {
  const row = project.db.prepare(`${SUMMARY_SQL} WHERE d.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw notFound(`No document with id ${id}.`);
  return toSummary(row);
}

export function getDocument(project: Project, id: number): DocumentRow {
  const row = project.db
    .prepare(
      `SELECT id, name, text, format, encoding, original_name AS originalName, content_hash AS contentHash,
        imported_at AS importedAt, words FROM documents WHERE id = ?`,
    )
    .get(id) as DocumentRow | undefined;
  if (!row) throw notFound(`No document with id ${id}.`);
  return row;
}

export function documentIdByName(project: Project, name: string): number {
  const id = project.db.prepare('SELECT id FROM documents WHERE name = ?').pluck().get(name) as
    number | undefined;
  if (id === undefined) throw notFound(`No document named "${name}".`);
  return id;
}

export function renameDocument(project: Project, id: number, name: string): void {
  const clean = name.trim();
  if (!clean) throw conflict('A document name cannot be empty.');
  project.mutate(`Rename document to "${clean}"`, () => {
    getDocument(project, id);
    const other = project.db.prepare('SELECT id FROM documents WHERE name = ? AND id <> ?').get(clean, id);
    if (other) throw conflict(`A document named "${clean}" is already in the project.`);
    project.db.prepare('UPDATE documents SET name = ? WHERE id = ?').run(clean, id);
  });
}

/** Deletes a document with its turns, codings, memo, attributes and group memberships (undoable). */
export function deleteDocument(project: Project, id: number): void {
  const { name } = getDocument(project, id);
  project.mutate(`Delete document "${name}"`, () => {
    const { db } = project;
    db.prepare('DELETE FROM codings WHERE document_id = ?').run(id);
    db.prepare('DELETE FROM turns WHERE document_id = ?').run(id);
    db.prepare('DELETE FROM group_members WHERE document_id = ?').run(id);
    db.prepare("DELETE FROM memos WHERE kind = 'document' AND target_id = ?").run(id);
    db.prepare(
      "DELETE FROM attribute_values WHERE target_id = ? AND def_id IN (SELECT id FROM attribute_defs WHERE scope = 'document')",
    ).run(id);
    db.prepare('DELETE FROM text_maps WHERE id = ?').run(id);
    db.prepare('DELETE FROM documents WHERE id = ?').run(id);
  });
}
