import type { Project } from './project';
import type { Memo, MemoKind } from '../shared/types';
import { notFound } from '../shared/errors';
import { newGuid, now } from './sql';

const TARGET_TABLE: Record<MemoKind, string | null> = { project: null, document: 'documents', code: 'codes' };

export function getMemo(project: Project, kind: MemoKind, targetId = 0): Memo | undefined {
  return project.db
    .prepare(
      `SELECT kind, target_id AS targetId, content_json AS contentJson, content_text AS contentText, updated_at AS updatedAt
       FROM memos WHERE kind = ? AND target_id = ?`,
    )
    .get(kind, kind === 'project' ? 0 : targetId) as Memo | undefined;
}

/** Saves a memo (Lexical JSON plus its plain text); an empty text deletes it. One undoable step. */
export function saveMemo(
  project: Project,
  kind: MemoKind,
  targetId: number,
  contentText: string,
  contentJson = '',
): void {
  const target = kind === 'project' ? 0 : targetId;
  const table = TARGET_TABLE[kind];
  if (table && !project.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(target)) {
    throw notFound(`No ${kind} with id ${target} to attach a memo to.`);
  }
  const label = kind === 'project' ? 'Edit project journal' : `Edit ${kind} memo`;
  // Autosaves of one memo in a row form one undo step (see History.record).
  project.mutate(
    label,
    () => {
      if (!contentText.trim()) {
        project.db.prepare('DELETE FROM memos WHERE kind = ? AND target_id = ?').run(kind, target);
        return;
      }
      project.db
        .prepare(
          `INSERT INTO memos(guid, kind, target_id, content_json, content_text, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, target_id) DO UPDATE SET content_json = excluded.content_json,
           content_text = excluded.content_text, updated_at = excluded.updated_at`,
        )
        .run(newGuid(), kind, target, contentJson, contentText, now());
    },
    `memo:${kind}:${target}`,
  );
}
