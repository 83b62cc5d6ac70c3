import type { Project } from './project';
import type { AttributeScope, AttributeType, AttributeValue } from '../shared/types';
import { conflict, invalidArgument, notFound } from '../shared/errors';

const TARGET_TABLE: Record<AttributeScope, string> = { document: 'documents', speaker: 'speakers' };
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['text', 'number', 'date', 'boolean'];

const TRUE_WORDS = ['yes', 'true', '1', 'y'];
const FALSE_WORDS = ['no', 'false', '0', 'n'];

/** A real calendar day in YYYY-MM-DD (Date.parse alone accepts 2024-02-30). */
export function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

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
      if (TRUE_WORDS.includes(b)) return 'true';
      if (FALSE_WORDS.includes(b)) return 'false';
      throw invalidArgument(`${name} is yes/no; "${value}" is neither.`);
    }
    case 'date':
      if (!isIsoDate(v)) throw invalidArgument(`${name} is a date (YYYY-MM-DD); "${value}" is not.`);
      return v;
    default:
      return value;
  }
}

/** How a stored value reads to people: booleans as yes/no, everything else as stored. */
export function displayAttributeValue(type: AttributeType, stored: string): string {
  if (type === 'boolean') return stored === 'true' ? 'yes' : 'no';
  return stored;
}

/** Orders stored values naturally for their type (numbers numerically, no before yes, text by locale). */
export function compareAttributeValues(type: AttributeType, a: string, b: string): number {
  if (type === 'number') return Number(a) - Number(b);
  if (type === 'text') return a.localeCompare(b, undefined, { sensitivity: 'base' }) || (a < b ? -1 : 1);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stored value converted to another type; throws (with the value) when it has no meaning there. */
export function convertAttributeValue(from: AttributeType, to: AttributeType, name: string, stored: string) {
  if (from === to) return stored;
  if (to === 'text') return displayAttributeValue(from, stored);
  // true/false as 1/0 is what spreadsheets and statistics packages expect.
  if (from === 'boolean' && to === 'number') return stored === 'true' ? '1' : '0';
  return checkAttributeValue(to, name, stored);
}

export interface AttributeDef {
  id: number;
  scope: AttributeScope;
  name: string;
  type: AttributeType;
  /** Documents or speakers with a value. */
  values: number;
}

export function listAttributeDefs(project: Project, scope?: AttributeScope): AttributeDef[] {
  return project.db
    .prepare(
      `SELECT d.id, d.scope, d.name, d.type, (SELECT count(*) FROM attribute_values v WHERE v.def_id = d.id) AS "values"
       FROM attribute_defs d ${scope ? 'WHERE d.scope = ?' : ''} ORDER BY d.scope, d.name COLLATE NOCASE`,
    )
    .all(...(scope ? [scope] : [])) as AttributeDef[];
}

export function findAttributeDef(project: Project, scope: AttributeScope, name: string): AttributeDef {
  const def = listAttributeDefs(project, scope).find(
    (d) => d.name.toLowerCase() === name.trim().toLowerCase(),
  );
  if (!def) throw notFound(`No ${scope} attribute named "${name.trim()}".`);
  return def;
}

/** The attribute definition, created (inside the caller's transaction) when missing. */
export function ensureDef(
  project: Project,
  scope: AttributeScope,
  name: string,
  type?: AttributeType,
): { id: number; type: AttributeType } {
  const clean = name.trim();
  if (!clean) throw invalidArgument('An attribute name cannot be empty.');
  if (type && !ATTRIBUTE_TYPES.includes(type))
    throw invalidArgument(`Unknown attribute type "${type}"; use ${ATTRIBUTE_TYPES.join(', ')}.`);
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

function requireTarget(project: Project, scope: AttributeScope, targetId: number): void {
  if (!project.db.prepare(`SELECT 1 FROM ${TARGET_TABLE[scope]} WHERE id = ?`).get(targetId)) {
    throw notFound(`No ${scope} with id ${targetId}.`);
  }
}

/** Writes one value inside the caller's transaction (null removes it). */
export function writeAttribute(
  project: Project,
  scope: AttributeScope,
  targetId: number,
  name: string,
  value: string | null,
  type?: AttributeType,
): void {
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
    .run(def.id, targetId, checkAttributeValue(def.type, name.trim(), value));
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
  requireTarget(project, scope, targetId);
  project.mutate(`Set ${scope} attribute "${name.trim()}"`, () =>
    writeAttribute(project, scope, targetId, name, value, type),
  );
}

/** Sets several attributes of one document or speaker as one undoable step (all or nothing). */
export function setAttributes(
  project: Project,
  scope: AttributeScope,
  targetId: number,
  values: { name: string; value: string }[],
  type?: AttributeType,
): void {
  requireTarget(project, scope, targetId);
  const names = values.map((v) => v.name.trim());
  project.mutate(`Set ${scope} attributes ${names.map((n) => `"${n}"`).join(', ')}`, () => {
    for (const v of values) writeAttribute(project, scope, targetId, v.name, v.value, type);
  });
}

/** Removes one document's or speaker's value; the attribute itself (and its type) stays. */
export function deleteAttribute(
  project: Project,
  scope: AttributeScope,
  targetId: number,
  name: string,
): void {
  requireTarget(project, scope, targetId);
  const def = findAttributeDef(project, scope, name);
  const has = project.db
    .prepare('SELECT 1 FROM attribute_values WHERE def_id = ? AND target_id = ?')
    .get(def.id, targetId);
  if (!has) throw notFound(`This ${scope} has no value for "${def.name}".`);
  project.mutate(`Delete ${scope} attribute "${def.name}"`, () =>
    writeAttribute(project, scope, targetId, def.name, null),
  );
}

/**
 * Declares a new attribute before any document or speaker has a value, so a researcher can add the
 * column first and fill it in. One undoable step; refuses a name already taken (in any letter case).
 */
export function defineAttribute(
  project: Project,
  scope: AttributeScope,
  name: string,
  type: AttributeType,
): void {
  const clean = name.trim();
  const clash = listAttributeDefs(project, scope).find((d) => d.name.toLowerCase() === clean.toLowerCase());
  if (clash) throw conflict(`A ${scope} attribute named "${clash.name}" already exists.`);
  project.mutate(`Add ${scope} attribute "${clean}"`, () => {
    ensureDef(project, scope, clean, type);
  });
}

/** Removes an attribute with all its values. One undoable step. */
export function dropAttribute(project: Project, scope: AttributeScope, name: string): void {
  const def = findAttributeDef(project, scope, name);
  project.mutate(`Remove ${scope} attribute "${def.name}"`, () => {
    project.db.prepare('DELETE FROM attribute_values WHERE def_id = ?').run(def.id);
    project.db.prepare('DELETE FROM attribute_defs WHERE id = ?').run(def.id);
  });
}

export function renameAttribute(
  project: Project,
  scope: AttributeScope,
  name: string,
  newName: string,
): void {
  const def = findAttributeDef(project, scope, name);
  const clean = newName.trim();
  if (!clean) throw invalidArgument('An attribute name cannot be empty.');
  const clash = listAttributeDefs(project, scope).find(
    (d) => d.id !== def.id && d.name.toLowerCase() === clean.toLowerCase(),
  );
  if (clash) throw conflict(`A ${scope} attribute named "${clash.name}" already exists.`);
  project.mutate(`Rename ${scope} attribute "${def.name}" to "${clean}"`, () => {
    project.db.prepare('UPDATE attribute_defs SET name = ? WHERE id = ?').run(clean, def.id);
  });
}

/**
 * Changes an attribute's type, converting every value. Refuses (naming the values that do not fit)
 * rather than losing data: nothing is changed unless every value converts.
 */
export function changeAttributeType(
  project: Project,
  scope: AttributeScope,
  name: string,
  type: AttributeType,
) {
  const def = findAttributeDef(project, scope, name);
  if (!ATTRIBUTE_TYPES.includes(type))
    throw invalidArgument(`Unknown attribute type "${type}"; use ${ATTRIBUTE_TYPES.join(', ')}.`);
  if (def.type === type) return;
  const rows = listAttributes(project, scope).filter((a) => a.name === def.name);
  const converted: { target: string; targetId: number; value: string }[] = [];
  const bad: string[] = [];
  for (const r of rows) {
    try {
      converted.push({ ...r, value: convertAttributeValue(def.type, type, def.name, r.value) });
    } catch {
      bad.push(`${r.target} ("${displayAttributeValue(def.type, r.value)}")`);
    }
  }
  if (bad.length) {
    const shown = bad.slice(0, 5).join(', ') + (bad.length > 5 ? ` and ${bad.length - 5} more` : '');
    throw invalidArgument(
      `Cannot make "${def.name}" a ${type} attribute: ${bad.length} value(s) do not fit: ${shown}. Edit or delete them first.`,
    );
  }
  project.mutate(`Change ${scope} attribute "${def.name}" to ${type}`, () => {
    project.db.prepare('UPDATE attribute_defs SET type = ? WHERE id = ?').run(type, def.id);
    const update = project.db.prepare(
      'UPDATE attribute_values SET value = ? WHERE def_id = ? AND target_id = ? AND value IS NOT ?',
    );
    for (const c of converted) update.run(c.value, def.id, c.targetId, c.value);
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
