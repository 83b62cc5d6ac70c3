import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Project } from '../../db/project';
import { checkDatabase, checkFile, checkProject } from '../../db/check';
import { SCHEMA_VERSION } from '../../db/migrations';
import { cleanupTempDirs, tempDir } from '../helpers/project';

afterAll(cleanupTempDirs);

const FIXTURE = resolve(fileURLToPath(import.meta.url), '../../fixtures/schema-v1.commonplace');

/** A copy of the v1 fixture opened raw, with the guards off, so a test can break it on purpose. */
function breakable(): { path: string; db: Database.Database } {
  const path = join(tempDir(), 'broken.commonplace');
  copyFileSync(FIXTURE, path);
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  return { path, db };
}

const whats = (db: Database.Database) =>
  checkDatabase(db).findings.map((f) => `${f.severity}: ${f.what} @ ${f.where}`);

describe('check', () => {
  it('finds nothing wrong with a healthy project, including after use', () => {
    const { path, db } = breakable();
    db.close();
    expect(checkFile(path)).toEqual({ ok: true, findings: [] });
    const project = Project.open(path);
    project.history.redo();
    project.history.undo();
    project.history.undo();
    expect(checkProject(project)).toEqual({ ok: true, findings: [] });
    project.close();
  });

  it('measures coding ranges in UTF-16 code units, as the app does', () => {
    const { db } = breakable();
    // The fixture's northgate document contains 😀: SQLite's length() counts it once, JavaScript twice.
    const { id, text } = db
      .prepare("SELECT id, text FROM documents WHERE name = 'northgate-march'")
      .get() as {
      id: number;
      text: string;
    };
    const jsLength = text.length;
    const sqlLength = db.prepare('SELECT length(text) FROM documents WHERE id = ?').pluck().get(id) as number;
    expect(jsLength).toBeGreaterThan(sqlLength);
    const insert = db.prepare(
      "INSERT INTO codings(guid, document_id, code_id, start, end, coder_id, created_at) VALUES (?, ?, 1, ?, ?, 1, 'now')",
    );
    insert.run('to-the-end', id, jsLength - 5, jsLength);
    expect(checkDatabase(db).ok).toBe(true);
    insert.run('past-the-end', id, jsLength - 5, jsLength + 1);
    const emoji = text.indexOf('😀');
    insert.run('half-emoji', id, emoji + 1, emoji + 10);
    const findings = whats(db);
    expect(findings).toHaveLength(2);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^error: a coding's range .* is outside its document .* @ coding \d+ in document \d+ "northgate-march"/,
        ),
        expect.stringMatching(/^warning: a coding starts or ends inside a character/),
      ]),
    );
    db.close();
  });

  it('reports broken references, turns, codebook cycles, search index and history', () => {
    const { db } = breakable();
    db.exec(`
      INSERT INTO codings(guid, document_id, code_id, start, end, coder_id, created_at) VALUES ('orphan', 1, 999, 0, 5, 1, 'now');
      UPDATE turns SET start = start - 10 WHERE id = (SELECT max(id) FROM turns WHERE document_id = 1);
      UPDATE codes SET parent_id = (SELECT id FROM codes WHERE name = 'Targets') WHERE name = 'Managerial domination';
      INSERT INTO history_ops(step_id, sql) VALUES (9999, 'DELETE FROM codes WHERE rowid=1');
      UPDATE history_steps SET undone = 1 WHERE id = (SELECT min(id) FROM history_steps);
    `);
    // Take one document out of the search index behind the triggers' back.
    const doc = db.prepare('SELECT id, text FROM documents LIMIT 1').get() as { id: number; text: string };
    db.prepare("INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', ?, ?)").run(
      doc.id,
      doc.text,
    );
    const report = checkDatabase(db);
    expect(report.ok).toBe(false);
    const text = whats(db).join('\n');
    expect(text).toMatch(/error: a codings row refers to a missing codes row @ codings \d+/);
    expect(text).toMatch(/error: two speaker turns overlap @ turn \d+ in document 1/);
    expect(text).toMatch(/error: a code is its own ancestor/);
    expect(text).toMatch(/error: the search index does not match the documents/);
    expect(text).toMatch(/error: 1 undo record\(s\) belong to a missing history step @ history step 9999/);
    expect(text).toMatch(/warning: the undo history is out of order/);
    db.close();
  });

  it('reports damage and unreadable files as findings instead of throwing', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.commonplace');
    writeFileSync(text, 'not a database at all '.repeat(100));
    expect(checkFile(text)).toMatchObject({ ok: false, findings: [{ severity: 'error', where: text }] });
    expect(checkFile(join(dir, 'missing.commonplace')).findings[0]!.what).toMatch(/no file here/);

    const damaged = join(dir, 'damaged.commonplace');
    const bytes = readFileSync(FIXTURE);
    bytes.fill(0x33, 4096 * 3, 4096 * 6); // whole b-tree pages, headers included
    writeFileSync(damaged, bytes);
    const report = checkFile(damaged);
    expect(report.ok).toBe(false);
    expect(report.findings.length).toBeGreaterThan(0);

    const future = join(dir, 'future.commonplace');
    copyFileSync(FIXTURE, future);
    const raw = new Database(future);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(checkFile(future).findings[0]!.what).toMatch(/unknown schema version/);
  });
});
