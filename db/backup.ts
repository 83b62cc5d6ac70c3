// Rotating backups through SQLite's online backup API, which copies a consistent snapshot (WAL
// included) while the project stays open, and restore with checks, so a backup can be trusted.

import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  writeSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Project } from './project';
import { schemaVersion } from './migrate';
import { SCHEMA_VERSION } from './migrations';
import { assertNotLocked } from './lock';
import { CommonplaceError } from '../shared/errors';

export const DEFAULT_KEEP = 10;

export interface BackupOptions {
  /** Folder for rotating backups; default `<project name> backups/` beside the project. */
  dir?: string;
  /** How many backups to keep in the folder (oldest deleted first). */
  keep?: number;
  now?: () => Date;
}

export interface BackupInfo {
  path: string;
  /** When the backup was taken (from its name). */
  takenAt: Date;
  bytes: number;
}

const projectName = (projectPath: string) => basename(projectPath, extname(projectPath));
// Backups keep the project's own extension, so they open in Commonplace with a double-click.
const extensionOf = (projectPath: string) => extname(projectPath) || '.commonplace';

export const backupDirFor = (projectPath: string): string =>
  join(dirname(resolve(projectPath)), `${projectName(projectPath)} backups`);

// UTC so names sort in time order through daylight-saving changes: `study 2025-03-01 14-05-09 UTC`.
const stamp = (d: Date) => `${d.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-')} UTC`;
const STAMP = /(\d{4})-(\d\d)-(\d\d) (\d\d)-(\d\d)-(\d\d) UTC/;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fsyncPath(path: string, flags: 'r' | 'r+' = 'r+'): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, flags);
    fsyncSync(fd);
  } catch {
    // Directories cannot be opened or synced on Windows; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The project's rotating backups in `dir`, newest first. Other files in the folder are ignored. */
export function listBackups(projectPath: string, dir = backupDirFor(projectPath)): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(
    `^${escapeRe(projectName(projectPath))} ${STAMP.source}${escapeRe(extensionOf(projectPath))}$`,
  );
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
    const path = join(dir, name);
    out.push({ path, takenAt: new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)), bytes: statSync(path).size });
  }
  return out.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/**
 * Copies the open project to `dest` as one self-contained file (rollback journal, no -wal), written
 * under a temporary name and renamed into place, so `dest` is complete or absent.
 */
export async function backupTo(project: Project, dest: string): Promise<BackupInfo> {
  const partial = `${dest}.partial`;
  try {
    if (existsSync(partial)) unlinkSync(partial); // debris from a crash mid-backup
    await project.db.backup(partial);
    // The copy carries the WAL flag in its header (bytes 18 and 19); with no -wal beside it, setting
    // them to 1 is exactly what journal_mode = DELETE would do, without a second connection (which
    // in Electron would need the app's own native binding).
    const fd = openSync(partial, 'r+');
    try {
      writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, dest);
    fsyncPath(dirname(dest), 'r');
  } catch (e) {
    try {
      unlinkSync(partial);
    } catch {
      // nothing was written
    }
    throw new CommonplaceError('io', `cannot write the backup (${(e as Error).message})`, dest);
  }
  return { path: dest, takenAt: new Date(), bytes: statSync(dest).size };
}

/** Takes a timestamped backup into the backup folder and deletes all but the newest `keep`. */
export async function backupNow(project: Project, options: BackupOptions = {}): Promise<BackupInfo> {
  const dir = options.dir ? resolve(options.dir) : backupDirFor(project.path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CommonplaceError('io', `cannot create the backup folder (${(e as Error).message})`, dir);
  }
  const takenAt = options.now?.() ?? new Date();
  const dest = join(dir, `${projectName(project.path)} ${stamp(takenAt)}${extensionOf(project.path)}`);
  const info = {
    ...(await backupTo(project, dest)),
    takenAt: new Date(Math.floor(takenAt.getTime() / 1000) * 1000),
  };
  for (const old of listBackups(project.path, dir).slice(Math.max(1, options.keep ?? DEFAULT_KEEP))) {
    try {
      unlinkSync(old.path);
    } catch {
      // already gone; try again next time
    }
  }
  return info;
}

/**
 * A copy of the file as it was, taken before a migration changes it (VACUUM INTO: synchronous and
 * consistent). Kept outside the rotation, so it is never deleted automatically.
 */
export function backupBeforeUpgrade(db: Database.Database, projectPath: string, toVersion: number): string {
  const dir = backupDirFor(projectPath);
  const dest = join(
    dir,
    `${projectName(projectPath)} before upgrade to schema ${toVersion} ${stamp(new Date())}${extensionOf(projectPath)}`,
  );
  try {
    mkdirSync(dir, { recursive: true });
    db.prepare('VACUUM INTO ?').run(dest);
    fsyncPath(dest);
  } catch (e) {
    throw new CommonplaceError(
      'io',
      `needs upgrading, but a copy of it could not be saved first, so it was left unchanged (${(e as Error).message})`,
      projectPath,
    );
  }
  return dest;
}

/** Opens a file read-only and checks that it is a sound Commonplace project this version can open. */
export function verifyBackup(
  file: string,
  options: { nativeBinding?: string } = {},
): { schemaVersion: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch (e) {
    throw new CommonplaceError('bad-input', `cannot be opened (${(e as Error).message})`, file);
  }
  try {
    const version = schemaVersion(db);
    if (version < 1) throw new CommonplaceError('bad-input', 'is not a Commonplace project', file);
    if (version > SCHEMA_VERSION) {
      throw new CommonplaceError(
        'schema-too-new',
        `was saved by a newer version of Commonplace (schema ${version}; this version knows up to ${SCHEMA_VERSION})`,
        file,
      );
    }
    const problems = (db.pragma('integrity_check(5)') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    if (problems.length) throw new CommonplaceError('bad-input', `is damaged (${problems.join('; ')})`, file);
    if (!db.prepare("SELECT 1 FROM meta WHERE key = 'guid'").get())
      throw new CommonplaceError('bad-input', 'is not a Commonplace project (it has no project id)', file);
    return { schemaVersion: version };
  } catch (e) {
    if (e instanceof CommonplaceError) throw e;
    throw new CommonplaceError('bad-input', `is not a Commonplace project (${(e as Error).message})`, file);
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  path: string;
  /** Where the project that was replaced was kept, when there was one. */
  replacedKeptAt: string | null;
}

/**
 * Puts a verified backup in place of `projectPath`. An existing project is only replaced with
 * `force`, never while someone has it open, and is first copied (with its -wal) into its backup
 * folder, so a restore by mistake can itself be undone.
 */
export function restoreBackup(
  backup: string,
  projectPath: string,
  options: { force?: boolean; now?: () => Date; nativeBinding?: string } = {},
): RestoreResult {
  verifyBackup(backup, options);
  const target = resolve(projectPath);
  if (resolve(backup) === target)
    throw new CommonplaceError('invalid-argument', 'the backup and the project are the same file');
  const exists = existsSync(target);
  if (exists && !options.force) {
    throw new CommonplaceError(
      'conflict',
      'a project already exists here; use --force to replace it with the backup',
      target,
    );
  }
  assertNotLocked(target);
  const temp = `${target}.restoring`;
  let replacedKeptAt: string | null = null;
  try {
    copyFileSync(backup, temp);
    fsyncPath(temp);
    if (exists) {
      const dir = backupDirFor(target);
      mkdirSync(dir, { recursive: true });
      replacedKeptAt = join(
        dir,
        `${projectName(target)} replaced ${stamp(options.now?.() ?? new Date())}${extensionOf(target)}`,
      );
      copyFileSync(target, replacedKeptAt);
      if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${replacedKeptAt}-wal`);
    }
    // A leftover -wal would be replayed onto the restored file and corrupt it: remove it first.
    for (const side of ['-wal', '-shm', '-journal']) {
      if (existsSync(target + side)) unlinkSync(target + side);
    }
    renameSync(temp, target);
    fsyncPath(dirname(target), 'r');
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // not created
    }
    throw new CommonplaceError('io', `cannot restore the backup (${(e as Error).message})`, target);
  }
  return { path: target, replacedKeptAt };
}

export { BackupScheduler, type SchedulerOptions, type Timers } from './backup-scheduler';
