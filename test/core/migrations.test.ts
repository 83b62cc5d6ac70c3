import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { migrate, schemaVersion } from '../../db/migrate';
import { MIGRATIONS, SCHEMA_VERSION, TRACKED_TABLES } from '../../db/migrations';
import { Project } from '../../db/project';
import { buildTextMap } from '../../db/document-cache';
import { cleanupTempDirs, tempDir } from '../helpers/project';

afterEach(cleanupTempDirs);

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  ).filter((n) => !n.startsWith('sqlite_'));

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('create every tracked table with an integer key', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory');
    for (const t of TRACKED_TABLES) {
      expect(tables(db)).toContain(t);
      const pk = (db.pragma(`table_info(${t})`) as { name: string; pk: number; type: string }[]).find(
        (c) => c.pk === 1,
      );
      expect(pk).toMatchObject({ name: 'id', type: 'INTEGER' });
    }
  });

  it('001: the FTS index follows the documents', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory', 1);
    expect(schemaVersion(db)).toBe(1);
    db.prepare(
      `INSERT INTO documents(guid, name, text, format, original_name, encoding, content_hash, imported_at, words)
       VALUES ('g', 'd', 'Zoë talks about caseloads', 'txt', 'd.txt', 'utf-8', 'h', 'now', 4)`,
    ).run();
    expect(
      db.prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'zoe'").pluck().all(),
    ).toEqual([1]);
    db.prepare("UPDATE documents SET text = 'nothing here' WHERE id = 1").run();
    expect(db.prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'zoe'").all()).toEqual([]);
  });

  it('002: maps every text and indexes its segments, which then follow the text maps', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory', 1);
    const insert = db.prepare(
      `INSERT INTO documents(guid, name, text, format, original_name, encoding, content_hash, imported_at, words)
       VALUES (?, ?, ?, 'txt', 'd.txt', 'utf-8', 'h', 'now', 0)`,
    );
    const long = `${'Zoë 😀 talks. '.repeat(700)}the secret caseload`;
    insert.run('g1', 'long', long);
    insert.run('g2', 'empty', '');
    migrate(db, 'memory', 2);
    expect(schemaVersion(db)).toBe(2);
    const maps = db.prepare('SELECT id, map FROM text_maps ORDER BY id').all() as {
      id: number;
      map: string;
    }[];
    expect(maps.map((m) => m.id)).toEqual([1, 2]);
    expect(JSON.parse(maps[0]!.map)).toEqual(buildTextMap(long));
    const match = (q: string) =>
      db.prepare('SELECT rowid FROM segments_fts WHERE segments_fts MATCH ?').pluck().all(q) as number[];
    // 9,819 units: segments 0, 1 and 2 of document 1; the phrase is in the last one.
    expect(match('"zoe"')).toEqual([2 ** 20, 2 ** 20 + 1, 2 ** 20 + 2]);
    expect(match('"secret" + "caseload"')).toEqual([2 ** 20 + 2]);
    db.prepare('DELETE FROM text_maps WHERE id = 1').run();
    expect(match('"zoe"')).toEqual([]);
  });

  it('leave an up-to-date file untouched and refuse files from the future without changing them', () => {
    const path = join(tempDir(), 'future.commonplace');
    Project.create(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => Project.open(path)).toThrow(/newer version/);
    const after = new Database(path);
    expect(schemaVersion(after)).toBe(SCHEMA_VERSION + 1);
    after.close();
  });

  it('refuse files that are not Commonplace projects', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.commonplace');
    writeFileSync(text, 'just some notes, not a database at all'.repeat(200));
    expect(() => Project.open(text)).toThrow(/not a Commonplace project/);
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t(x)');
    db.close();
    expect(() => Project.open(other)).toThrow(/not a Commonplace project/);
    expect(() => Project.open(join(dir, 'missing.commonplace'))).toThrow(/no project file/);
    expect(() => Project.create(other)).toThrow(/already exists/);
  });
});
