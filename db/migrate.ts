import type { Database } from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { CommonplaceError } from '../shared/errors';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the schema up to `target` (default: latest), each migration in its own transaction. */
export function migrate(
  db: Database,
  file: string,
  target = SCHEMA_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new CommonplaceError(
      'schema-too-new',
      `this project was saved by a newer version of Commonplace (schema ${current}; this version knows up to ${SCHEMA_VERSION}). Update Commonplace to open it; the file was not changed.`,
      file,
    );
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
