// An upgrade as it will happen when schema 2 ships: a pretend migration is appended to today's list,
// and the v1 fixture goes through it. The file's old content must survive, and a copy of the file as
// it was must be saved before anything changes.

import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import type * as Migrations from '../../db/migrations';

vi.mock('../../db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof Migrations>();
  const next = real.SCHEMA_VERSION + 1;
  const pretend = {
    version: next,
    name: 'pretend: archived codes',
    up: (db: Database.Database) =>
      db.exec('ALTER TABLE codes ADD COLUMN archived INTEGER NOT NULL DEFAULT 0'),
  };
  return { ...real, MIGRATIONS: [...real.MIGRATIONS, pretend], SCHEMA_VERSION: next };
});

const { Project } = await import('../../db/project');
const { SCHEMA_VERSION } = await import('../../db/migrations');
const { backupDirFor } = await import('../../db/backup');
const { checkProject } = await import('../../db/check');
const { describeProject } = await import('../fixtures/describe');
const { createCode } = await import('../../db/codes');

afterAll(cleanupTempDirs);

const V1 = resolve(fileURLToPath(import.meta.url), '../../fixtures/schema-v1.commonplace');

describe('upgrading a project', () => {
  it('keeps its content and first saves a copy of the file as it was', () => {
    const path = join(tempDir(), 'study.commonplace');
    copyFileSync(V1, path);
    const project = Project.open(path);
    try {
      expect(project.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(SCHEMA_VERSION).toBeGreaterThan(1);
      expect(checkProject(project)).toEqual({ ok: true, findings: [] });
      expect(describeProject(project)).toEqual(
        JSON.parse(readFileSync(V1.replace(/\.commonplace$/, '.expected.json'), 'utf8')),
      );
      // The new column is covered by undo like every other.
      const id = createCode(project, { name: 'Archived later' });
      project.db.prepare('UPDATE codes SET archived = 1 WHERE id = ?').run(id);
      expect(project.history.peekUndo()?.label).toBe('Create code "Archived later"');
      project.history.undo();
      expect(project.db.prepare('SELECT count(*) FROM codes WHERE id = ?').pluck().get(id)).toBe(0);

      const saved = readdirSync(backupDirFor(path));
      expect(saved).toEqual([
        expect.stringMatching(/^study before upgrade to schema \d+ .* UTC\.commonplace$/),
      ]);
      const copy = new Database(join(backupDirFor(path), saved[0]!), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
    } finally {
      project.close();
    }
    // Opened again: already upgraded, so no second copy.
    Project.open(path).close();
    expect(readdirSync(backupDirFor(path))).toHaveLength(1);
  });
});
