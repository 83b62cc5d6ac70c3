import type { Project } from './project';
import type { AttributeType } from '../shared/types';
import { conflict, invalidArgument, notFound } from '../shared/errors';
import { displayAttributeValue } from './attributes';

function speakerName(project: Project, id: number): string {
  const name = project.db.prepare('SELECT name FROM speakers WHERE id = ?').pluck().get(id) as
    string | undefined;
  if (name === undefined) throw notFound(`No speaker with id ${id}.`);
  return name;
}

/**
 * Renames a speaker everywhere (speakers are per project, so every transcript follows). The labels in
 * the transcript text stay as spoken ("Jo:"), because documents keep their text as imported.
 */
export function renameSpeaker(project: Project, id: number, newName: string): void {
  const old = speakerName(project, id);
  const clean = newName.trim().replace(/\s+/g, ' ');
  if (!clean) throw invalidArgument('A speaker name cannot be empty.');
  if (clean === old) return;
  const clash = project.db
    .prepare('SELECT name FROM speakers WHERE name = ? AND id <> ?')
    .pluck()
    .get(clean, id) as string | undefined;
  if (clash !== undefined)
    throw conflict(`A speaker named "${clash}" already exists; merge "${old}" into "${clash}" instead.`);
  project.mutate(`Rename speaker "${old}" to "${clean}"`, () => {
    project.db.prepare('UPDATE speakers SET name = ? WHERE id = ?').run(clean, id);
  });
}

export interface AttributeConflict {
  name: string;
  /** The target's value, which wins. */
  kept: string;
  /** The merged speaker's value, which is dropped. */
  dropped: string;
}

export interface SpeakerMergeResult {
  from: string;
  into: string;
  /** Turns moved to the target speaker. */
  turns: number;
  /** Attributes the target did not have and took over from the merged speaker. */
  attributesAdded: string[];
  conflicts: AttributeConflict[];
}

interface AttrRow {
  defId: number;
  name: string;
  type: AttributeType;
  valueId: number;
  value: string;
}

/**
 * Merges speaker `fromId` into `intoId` ("Jo" and "Jo B." are one person): turns move to the target,
 * attributes the target lacks move with them, on a conflict the target's value wins (reported), and the
 * merged speaker is deleted. One undoable step.
 */
export function mergeSpeakers(project: Project, fromId: number, intoId: number): SpeakerMergeResult {
  if (fromId === intoId) throw invalidArgument('Cannot merge a speaker into itself.');
  const from = speakerName(project, fromId);
  const into = speakerName(project, intoId);
  const { db } = project;
  const attrsOf = db.prepare(
    `SELECT d.id AS defId, d.name, d.type, v.id AS valueId, v.value FROM attribute_values v
     JOIN attribute_defs d ON d.id = v.def_id WHERE d.scope = 'speaker' AND v.target_id = ? ORDER BY d.name`,
  );
  return project.mutate(`Merge speaker "${from}" into "${into}"`, () => {
    const turns = db
      .prepare('UPDATE turns SET speaker_id = ? WHERE speaker_id = ?')
      .run(intoId, fromId).changes;
    const target = new Map((attrsOf.all(intoId) as AttrRow[]).map((a) => [a.defId, a]));
    const result: SpeakerMergeResult = { from, into, turns, attributesAdded: [], conflicts: [] };
    for (const a of attrsOf.all(fromId) as AttrRow[]) {
      const kept = target.get(a.defId);
      if (!kept) {
        db.prepare('UPDATE attribute_values SET target_id = ? WHERE id = ?').run(intoId, a.valueId);
        result.attributesAdded.push(a.name);
        continue;
      }
      if (kept.value !== a.value) {
        result.conflicts.push({
          name: a.name,
          kept: displayAttributeValue(a.type, kept.value),
          dropped: displayAttributeValue(a.type, a.value),
        });
      }
      db.prepare('DELETE FROM attribute_values WHERE id = ?').run(a.valueId);
    }
    db.prepare('DELETE FROM speakers WHERE id = ?').run(fromId);
    return result;
  });
}
