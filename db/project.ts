import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { migrate, schemaVersion } from './migrate';
import { History } from './history';
import { CommonplaceError } from '../shared/errors';

export const PROJECT_EXTENSION = '.commonplace';

export interface OpenOptions {
  /** Name recorded as coder on new codings; defaults to the OS user name. */
  coder?: string;
  /** better-sqlite3 native binding path (the Electron build uses its own copy). */
  nativeBinding?: string;
  readonly?: boolean;
}

// One open project file. Domain operations live in the sibling modules and take a Project.
export class Project {
  readonly db: Database.Database;
  readonly history: History;
  readonly path: string;
  coder: string;
  private coderId: number | undefined;

  private constructor(path: string, db: Database.Database, coder: string) {
    this.path = path;
    this.db = db;
    this.coder = coder;
    this.history = new History(db);
  }

  static create(path: string, options: OpenOptions = {}): Project {
    if (existsSync(path))
      throw new CommonplaceError('conflict', 'a file already exists here; choose another name', path);
    const project = Project.connect(path, options);
    project.db
      .prepare('INSERT INTO meta(key, value) VALUES (?, ?), (?, ?)')
      .run('guid', randomUUID(), 'created_at', new Date().toISOString());
    return project;
  }

  static open(path: string, options: OpenOptions = {}): Project {
    if (!existsSync(path)) throw new CommonplaceError('not-found', 'no project file here', path);
    if (!statSync(path).isFile()) throw new CommonplaceError('bad-input', 'not a file', path);
    return Project.connect(path, options);
  }

  private static connect(path: string, options: OpenOptions): Project {
    let db: Database.Database;
    try {
      db = new Database(path, { nativeBinding: options.nativeBinding });
      db.pragma('journal_mode = WAL');
    } catch (e) {
      throw new CommonplaceError('bad-input', `not a Commonplace project (${(e as Error).message})`, path);
    }
    try {
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 2000');
      checkIsProject(db, path);
      migrate(db, path);
    } catch (e) {
      db.close();
      throw e;
    }
    return new Project(path, db, options.coder ?? defaultCoder());
  }

  get name(): string {
    return basename(this.path, extname(this.path));
  }

  /** Runs `fn` in one transaction recorded as one undoable step. */
  mutate<T>(label: string, fn: () => T): T {
    return this.history.record(label, fn);
  }

  /** The id of the current coder, created on first use (inside the caller's transaction). */
  currentCoderId(): number {
    if (this.coderId !== undefined) {
      const still = this.db.prepare('SELECT name FROM coders WHERE id = ?').pluck().get(this.coderId);
      if (still === this.coder) return this.coderId;
    }
    const found = this.db.prepare('SELECT id FROM coders WHERE name = ?').pluck().get(this.coder) as
      number | undefined;
    this.coderId =
      found ??
      Number(
        this.db.prepare('INSERT INTO coders(guid, name) VALUES (?, ?)').run(randomUUID(), this.coder)
          .lastInsertRowid,
      );
    return this.coderId;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function defaultCoder(): string {
  try {
    return userInfo().username || 'coder';
  } catch {
    return 'coder';
  }
}

// A non-empty SQLite file without our tables is someone else's database: refuse rather than migrate it.
function checkIsProject(db: Database.Database, path: string): void {
  if (schemaVersion(db) > 0) return;
  const tables = db
    .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")
    .pluck()
    .get() as number;
  if (tables > 0)
    throw new CommonplaceError('bad-input', 'this SQLite file is not a Commonplace project', path);
}
