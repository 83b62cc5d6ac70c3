import { basename, extname } from 'node:path';
import type { Project } from '../../db/project';
import { notFound } from '../../shared/errors';
import { ensureSpeaker } from '../../db/speakers';

/** A document by its name, or by a file path whose base name (without extension) is its name. */
export function resolveDocument(project: Project, ref: string): number {
  const byName = project.db.prepare('SELECT id FROM documents WHERE name = ?').pluck();
  const id = (byName.get(ref) ?? byName.get(basename(ref, extname(ref)))) as number | undefined;
  if (id === undefined) throw notFound(`No document named "${ref}".`);
  return id;
}

export function resolveSpeaker(project: Project, name: string): number {
  const id = project.db.prepare('SELECT id FROM speakers WHERE name = ?').pluck().get(name.trim()) as
    number | undefined;
  if (id === undefined) throw notFound(`No speaker named "${name}".`);
  return id;
}

export function resolveGroup(project: Project, name: string): number {
  const id = project.db.prepare('SELECT id FROM doc_groups WHERE name = ?').pluck().get(name.trim()) as
    number | undefined;
  if (id === undefined) throw notFound(`No document group named "${name}".`);
  return id;
}

export { ensureSpeaker };
