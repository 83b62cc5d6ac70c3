// Every released schema version has a frozen project in test/fixtures (made by
// scripts/make-schema-fixture.ts). Today's code must open each one, upgrade it, and show the same
// content; a file from a newer version must be refused without a single byte changing.

import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Project } from '../../db/project';
import { SCHEMA_VERSION } from '../../db/migrations';
import { schemaVersion } from '../../db/migrate';
import { checkProject } from '../../db/check';
import { lockPathFor } from '../../db/lock';
import { addCoding } from '../../db/codings';
import { isCommonplaceError } from '../../shared/errors';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { describeProject, type ProjectDescription } from '../fixtures/describe';

afterAll(cleanupTempDirs);

const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../fixtures');
const fixtures = readdirSync(FIXTURES)
  .map((f) => /^schema-v(\d+)\.commonplace$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ version: Number(m[1]), file: join(FIXTURES, m[0]) }))
  .sort((a, b) => a.version - b.version);

function copyOf(file: string): string {
  const path = join(tempDir(), 'study.commonplace');
  copyFileSync(file, path);
  return path;
}

describe('schema fixtures', () => {
  it('exist for every schema version up to today’s', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    for (const f of fixtures) {
      expect(existsSync(`${f.file}-wal`), f.file).toBe(false);
      expect(readFileSync(f.file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      // Still frozen at its own version (a test that opened it in place would have upgraded it).
      expect(readFileSync(f.file).readUInt32BE(60), f.file).toBe(f.version);
    }
  });

  for (const { version, file } of fixtures)
    it(`v${version}: every step of the history kept by the upgrade undoes and redoes`, () => {
      const project = Project.open(copyOf(file));
      try {
        let steps = 0;
        while (project.history.peekUndo()) {
          project.history.undo();
          steps++;
        }
        for (let i = 0; i < steps; i++) project.history.redo();
        expect(checkProject(project)).toEqual({ ok: true, findings: [] });
      } finally {
        project.close();
      }
    });

  for (const { version, file } of fixtures) {
    it(`v${version} opens with today's code and keeps its content, history and searchability`, () => {
      const expected = JSON.parse(
        readFileSync(file.replace(/\.commonplace$/, '.expected.json'), 'utf8'),
      ) as ProjectDescription;
      const project = Project.open(copyOf(file));
      try {
        expect(schemaVersion(project.db)).toBe(SCHEMA_VERSION);
        expect(describeProject(project)).toEqual(expected);
        expect(checkProject(project)).toEqual({ ok: true, findings: [] });
        // The redo and undo stacks recorded by the old version still replay.
        expect(project.history.redo().label).toBe(expected.history.redo);
        project.history.undo();
        expect(project.history.undo().label).toBe(expected.history.undo);
        project.history.redo();
        expect(describeProject(project)).toEqual(expected);
        // And it can be worked on.
        addCoding(project, { documentId: 1, codeId: 1, start: 0, end: 5 });
        expect(checkProject(project).ok).toBe(true);
      } finally {
        project.close();
      }
    });
  }
});

describe('a project from a newer version', () => {
  for (const journal of ['delete', 'wal'] as const) {
    it(`is refused and left byte for byte as it was (${journal} journal)`, () => {
      const path = copyOf(fixtures.at(-1)!.file);
      const raw = new Database(path);
      raw.pragma(`journal_mode = ${journal}`);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
      const before = readFileSync(path);
      for (const lock of ['none', 'exclusive'] as const) {
        let error: unknown;
        try {
          Project.open(path, { lock }).close();
        } catch (e) {
          error = e;
        }
        expect(isCommonplaceError(error) && error.code).toBe('schema-too-new');
        expect((error as Error).message).toMatch(/newer version of Commonplace .*the file was not changed/);
      }
      expect(readFileSync(path).equals(before)).toBe(true);
      for (const side of ['-wal', '-shm', '-journal']) expect(existsSync(path + side), side).toBe(false);
      expect(existsSync(lockPathFor(path))).toBe(false);
    });
  }
});
