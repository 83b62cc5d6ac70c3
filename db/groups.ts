import type { Project } from './project';
import { conflict, notFound } from '../shared/errors';
import type { GroupSummary } from '../shared/types';
import { newGuid } from './sql';

export type { GroupSummary };

/** The id of the group named `name`, created if missing (inside the caller's transaction). */
export function ensureGroup(project: Project, name: string): number {
  const clean = name.trim();
  if (!clean) throw conflict('A group name cannot be empty.');
  const found = project.db.prepare('SELECT id FROM doc_groups WHERE name = ?').pluck().get(clean) as
    number | undefined;
  if (found !== undefined) return found;
  return Number(
    project.db.prepare('INSERT INTO doc_groups(guid, name) VALUES (?, ?)').run(newGuid(), clean)
      .lastInsertRowid,
  );
}

export function groupIdByName(project: Project, name: string): number {
  const id = project.db.prepare('SELECT id FROM doc_groups WHERE name = ?').pluck().get(name) as
    number | undefined;
  if (id === undefined) throw notFound(`No document group named "${name}".`);
  return id;
}

export function listGroups(project: Project): GroupSummary[] {
  return project.db
    .prepare(
      `SELECT g.id, g.name, g.description, (SELECT count(*) FROM group_members m WHERE m.group_id = g.id) AS documents
       FROM doc_groups g ORDER BY g.name COLLATE NOCASE`,
    )
    .all() as GroupSummary[];
}

export function setDocumentGroups(project: Project, documentId: number, groups: string[]): void {
  project.mutate('Change document groups', () => {
    project.db.prepare('DELETE FROM group_members WHERE document_id = ?').run(documentId);
    const add = project.db.prepare(
      'INSERT OR IGNORE INTO group_members(group_id, document_id) VALUES (?, ?)',
    );
    for (const g of groups) add.run(ensureGroup(project, g), documentId);
  });
}
