import type { Project } from './project';
import type { AttributeScope, AttributeType, AttributeValue } from '../shared/types';
import { invalidArgument, notFound } from '../shared/errors';

const TARGET_TABLE: Record<AttributeScope, string> = { document: 'documents', speaker: 'speakers' };

/** Normalises a value to its stored form, or explains why it does not fit the type. */
export function checkAttributeValue(type: AttributeType, name: string, value: string): string {
  const v = value.trim();
  switch (type) {
    case 'number':
      if (v === '' || !Number.isFinite(Number(v)))
        throw invalidArgument(`${name} is a number; "${value}" is not.`);
      return String(Number(v));
    case 'boolean': {
      const b = v.toLowerCase();
      if (['yes', 'true', '1', 'y'].includes(b)) return 'true';
      if (['no', 'false', '0', 'n'].includes(b)) return 'false';
      throw invalidArgument(`${name} is yes/no; "${value}" is neither.`);
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
        throw invalidArgument(`${name} is a date (YYYY-MM-DD); "${value}" is not.`);
      }
      return v;
    default:
      return value;
  }
}

function ensureDef(
  project: Project,
  scope: AttributeScope,
  name: string,
  type?: AttributeType,
): { id: number; type: AttributeType } {
  const clean = name.trim();
  if (!clean) throw invalidArgument('An attribute name cannot be empty.');
  const def = project.db
    .prepare('SELECT id, type FROM attribute_defs WHERE scope = ? AND name = ?')
    .get(scope, clean) as { id: number; type: AttributeType } | undefined;
  if (def) {
    if (type && type !== def.type)
      throw invalidArgument(`${clean} already holds ${def.type} values, not ${type}.`);
    return def;
  }
  const t = type ?? 'text';
  const id = Number(
    project.db.prepare('INSERT INTO attribute_defs(scope, name, type) VALUES (?, ?, ?)').run(scope, clean, t)
      .lastInsertRowid,
  );
  return { id, type: t };
}

/** Sets (or with value null, removes) an attribute of a document or speaker. One undoable step. */
export function setAttribute(
  project: Project,
  scope: AttributeScope,
  targetId: number,
  name: string,
  value: string | null,
  type?: AttributeType,
): void {
  if (!project.db.prepare(`SELECT 1 FROM ${TARGET_TABLE[scope]} WHERE id = ?`).get(targetId)) {
    throw notFound(`No ${scope} with id ${targetId}.`);
  }
  project.mutate(`Set ${scope} attribute "${name.trim()}"`, () => {
    const def = ensureDef(project, scope, name, type);
    if (value === null) {
      project.db
        .prepare('DELETE FROM attribute_values WHERE def_id = ? AND target_id = ?')
        .run(def.id, targetId);
      return;
    }
    project.db
      .prepare(
        `INSERT INTO attribute_values(def_id, target_id, value) VALUES (?, ?, ?)
         ON CONFLICT (def_id, target_id) DO UPDATE SET value = excluded.value`,
      )
      .run(def.id, targetId, checkAttributeValue(def.type, name, value));
  });
}

export function listAttributes(project: Project, scope?: AttributeScope): AttributeValue[] {
  return project.db
    .prepare(
      `SELECT d.scope, coalesce(doc.name, sp.name) AS target, v.target_id AS targetId, d.name, d.type, v.value
       FROM attribute_values v JOIN attribute_defs d ON d.id = v.def_id
       LEFT JOIN documents doc ON d.scope = 'document' AND doc.id = v.target_id
       LEFT JOIN speakers sp ON d.scope = 'speaker' AND sp.id = v.target_id
       ${scope ? 'WHERE d.scope = ?' : ''} ORDER BY d.scope, target COLLATE NOCASE, d.name COLLATE NOCASE`,
    )
    .all(...(scope ? [scope] : [])) as AttributeValue[];
}
