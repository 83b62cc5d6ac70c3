import type { Project } from './project';
import { conflict, invalidArgument, notFound } from '../shared/errors';
import type { GroupSummary } from '../shared/types';
import { newGuid } from './sql';

export type { GroupSummary };

/**
 * A group name as stored: trimmed, with runs of spaces as one (as the app's group field and code names
 * do), so "Town  A" typed at the command line is the group "Town A". Empty is refused.
 */
function cleanGroupName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw invalidArgument('A group name cannot be empty.');
  return clean;
}

/** The id of the group named `name`, created if missing (inside the caller's transaction). */
export function ensureGroup(project: Project, name: string): number {
  const clean = cleanGroupName(name);
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

const SUMMARY_SQL = `SELECT g.id, g.name, g.description,
    (SELECT count(*) FROM group_members m WHERE m.group_id = g.id) AS documents
  FROM doc_groups g`;

export function listGroups(project: Project): GroupSummary[] {
  return project.db.prepare(`${SUMMARY_SQL} ORDER BY g.name COLLATE NOCASE`).all() as GroupSummary[];
}

export function getGroup(project: Project, id: number): GroupSummary {
  const group = project.db.prepare(`${SUMMARY_SQL} WHERE g.id = ?`).get(id) as GroupSummary | undefined;
  if (!group) throw notFound(`No document group with id ${id}.`);
  return group;
}

/** A usable new name for group `id`: clean, and no other group's name in any letter case. */
function checkGroupName(project: Project, name: string, id: number): string {
  const clean = cleanGroupName(name);
  // doc_groups.name is COLLATE NOCASE, so `=` finds "town a" for "Town A".
  const clash = project.db
    .prepare('SELECT name FROM doc_groups WHERE name = ? AND id <> ?')
    .pluck()
    .get(clean, id) as string | undefined;
  if (clash !== undefined) throw conflict(`A group named "${clash}" already exists.`);
  return clean;
}

/** Renames a group (a change of letter case only is allowed); a name that stays the same changes nothing. */
export function renameGroup(project: Project, id: number, name: string): void {
  const group = getGroup(project, id);
  const clean = checkGroupName(project, name, id);
  // No undo step for a rename that changes nothing.
  if (clean === group.name) return;
  project.mutate(`Rename group "${group.name}" to "${clean}"`, () => {
    project.db.prepare('UPDATE doc_groups SET name = ? WHERE id = ?').run(clean, id);
  });
}

/** Deletes a group and its memberships; its documents stay in the project (one undoable step). */
export function deleteGroup(project: Project, id: number): void {
  const group = getGroup(project, id);
  project.mutate(`Delete group "${group.name}"`, () => {
    project.db.prepare('DELETE FROM group_members WHERE group_id = ?').run(id);
    project.db.prepare('DELETE FROM doc_groups WHERE id = ?').run(id);
  });
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
