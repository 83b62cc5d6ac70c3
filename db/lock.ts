// One writer per project file. SQLite would happily let two apps write the same file in turn, but each
// would keep showing its own stale view and two people's undo histories would interleave, so the
// desktop app holds `<file>.lock` while a project is open and everyone else refuses to write.
// Also: warnings for folders where a live SQLite file is at risk (cloud sync, network shares).

import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CommonplaceError } from '../shared/errors';

export interface LockInfo {
  pid: number;
  host: string;
  app: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Tells our own lock apart from a successor's after a takeover. */
  token?: string;
}

export const lockPathFor = (projectPath: string): string => `${resolve(projectPath)}.lock`;

/** A lock file this long-lived but unreadable is debris from a crash, not a lock being written. */
const UNREADABLE_GRACE_MS = 10_000;

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false; // kill(0) would signal our own process group
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parse(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.since === 'string')
      return { ...v, app: String(v.app ?? 'Commonplace') } as LockInfo;
  } catch {
    // fall through: unreadable
  }
  return null;
}

type LockState =
  | { kind: 'free' }
  | { kind: 'held'; info: LockInfo }
  | { kind: 'stale'; text: string }
  | { kind: 'unreadable' };

function inspect(lockPath: string): LockState {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'free' };
    throw new CommonplaceError('io', `cannot read the lock file (${(e as Error).message})`, lockPath);
  }
  const info = parse(text);
  if (!info) {
    let age = Infinity;
    try {
      age = Date.now() - statSync(lockPath).mtimeMs;
    } catch {
      return { kind: 'free' };
    }
    return age > UNREADABLE_GRACE_MS ? { kind: 'stale', text } : { kind: 'unreadable' };
  }
  // Another machine's pid means nothing here: only its owner can say it is gone.
  if (info.host === hostname() && !isAlive(info.pid)) return { kind: 'stale', text };
  return { kind: 'held', info };
}

function describeHolder(info: LockInfo, projectPath: string): string {
  const since = new Date(info.since).toLocaleString();
  const where =
    info.host === hostname()
      ? `open in ${info.app} (pid ${info.pid}) since ${since} — close it there first`
      : `open on ${info.host} in ${info.app} since ${since} — close it there first`;
  return `${where}. If ${info.app} is not running there, delete ${lockPathFor(projectPath)} and try again`;
}

function lockedError(projectPath: string, state: LockState): CommonplaceError {
  const message =
    state.kind === 'held'
      ? describeHolder(state.info, projectPath)
      : 'is being opened by another program right now; try again in a moment';
  return new CommonplaceError('locked', message, projectPath);
}

/** The live holder of the project's lock, if any (stale locks count as free). */
export function lockHolder(projectPath: string): LockInfo | null {
  const state = inspect(lockPathFor(projectPath));
  return state.kind === 'held' ? state.info : null;
}

/** Throws a 'locked' error when a live process other than this one holds the project's lock. */
export function assertNotLocked(projectPath: string): void {
  const state = inspect(lockPathFor(projectPath));
  if (state.kind === 'unreadable') throw lockedError(projectPath, state);
  if (state.kind === 'held' && !(state.info.pid === process.pid && state.info.host === hostname()))
    throw lockedError(projectPath, state);
}

// Writes the whole file under a temporary name and hard-links it into place, so the lock appears
// complete or not at all. Filesystems without hard links (FAT, some shares) get an O_EXCL create.
function createExclusive(lockPath: string, content: string): boolean {
  const temp = `${lockPath}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    linkSync(temp, lockPath);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
  }
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

// Moves a stale lock aside and only deletes it if it is still the one judged stale; a fresh lock
// another process put there in the meantime is put back.
function removeStale(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${process.pid}.${randomUUID().slice(0, 8)}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it first
  }
  if (readFileSync(aside, 'utf8') !== staleText) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // a third process already holds it; either way it is not ours to take
    }
  }
  unlinkSync(aside);
}

// A crash between writing and linking (or during a takeover) leaves `<lock>.<pid>.<id>.tmp|stale`.
function removeDebris(lockPath: string): void {
  const prefix = `${basename(lockPath)}.`;
  try {
    for (const name of readdirSync(dirname(lockPath))) {
      const m = name.startsWith(prefix)
        ? /^(\d+)\.[0-9a-f]{8}\.(tmp|stale)$/.exec(name.slice(prefix.length))
        : null;
      if (m && !isAlive(Number(m[1]))) unlinkSync(join(dirname(lockPath), name));
    }
  } catch {
    // tidying only
  }
}

const held = new Set<ProjectLock>();
let exitHookInstalled = false;

export class ProjectLock {
  private released = false;

  private constructor(
    readonly path: string,
    readonly info: LockInfo,
  ) {}

  /** Takes the lock or throws a 'locked' error naming who holds it. */
  static acquire(projectPath: string, app = 'Commonplace'): ProjectLock {
    const lockPath = lockPathFor(projectPath);
    const info: LockInfo = {
      pid: process.pid,
      host: hostname(),
      app,
      since: new Date().toISOString(),
      token: randomUUID(),
    };
    const content = `${JSON.stringify(info)}\n`;
    for (let attempt = 0; attempt < 5; attempt++) {
      let created: boolean;
      try {
        created = createExclusive(lockPath, content);
      } catch (e) {
        throw new CommonplaceError(
          'io',
          `cannot create the lock file beside the project (${(e as Error).message})`,
          projectPath,
        );
      }
      if (created) {
        removeDebris(lockPath);
        const lock = new ProjectLock(lockPath, info);
        held.add(lock);
        if (!exitHookInstalled) {
          exitHookInstalled = true;
          process.once('exit', () => held.forEach((l) => l.release()));
        }
        return lock;
      }
      const state = inspect(lockPath);
      if (state.kind === 'held' || state.kind === 'unreadable') throw lockedError(projectPath, state);
      if (state.kind === 'stale') removeStale(lockPath, state.text);
    }
    throw new CommonplaceError('locked', 'is being opened by another program; try again', projectPath);
  }

  /** Deletes the lock file if it is still ours. Safe to call twice. */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    try {
      if (parse(readFileSync(this.path, 'utf8'))?.token === this.info.token) unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}

const SYNCED_FOLDERS: [RegExp, string][] = [
  [/^dropbox( \(.+\))?$/i, 'Dropbox'],
  [/^onedrive( - .+)?$/i, 'OneDrive'],
  [/^(icloud drive|mobile documents|com~apple~clouddocs)$/i, 'iCloud Drive'],
  [/^(google ?drive.*|my drive|shared drives)$/i, 'Google Drive'],
  [/^(Box|Box Sync)$/, 'Box'],
  [/^(nextcloud|owncloud|pcloud ?drive|mega|synologydrive|seafile)$/i, 'a synced cloud folder'],
  [/^cloudstorage$/i, 'a cloud storage folder'],
];

const NETWORK_FS =
  /^(nfs4?|cifs|smb3?|smbfs|ncpfs|afs|9p|ceph|glusterfs|lustre|davfs|fuse\.(sshfs|rclone|s3fs|davfs2|gcsfuse|gdrive|onedrive|dropbox).*)$/;

// /proc/mounts escapes spaces and other bytes as octal (\040).
const unescapeMount = (s: string) =>
  s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** The filesystem type of the mount holding `dir`, from /proc/mounts (Linux only). */
export function mountTypeOf(dir: string, mounts = '/proc/mounts'): string | null {
  let table: string;
  try {
    table = readFileSync(mounts, 'utf8');
  } catch {
    return null;
  }
  let best: { point: string; type: string } | null = null;
  for (const line of table.split('\n')) {
    const [, rawPoint, type] = line.split(' ');
    if (!rawPoint || !type) continue;
    const point = unescapeMount(rawPoint);
    const inside =
      point === '/' || dir === point || dir.startsWith(point.endsWith(sep) ? point : point + sep);
    if (inside && (!best || point.length >= best.point.length)) best = { point, type };
  }
  return best?.type ?? null;
}

/** Plain-language warnings about where the project file lives; empty when the place looks safe. */
export function locationWarnings(projectPath: string, mounts?: string): string[] {
  let dir = dirname(resolve(projectPath));
  try {
    dir = realpathSync(dir);
  } catch {
    // keep the path as given
  }
  const warnings: string[] = [];
  // The path as given counts too: on one OS, another OS's path (a Windows path seen from WSL) resolves oddly.
  const segments = [...projectPath.split(/[\\/]/).slice(0, -1), ...dir.split(/[\\/]/)];
  const synced = SYNCED_FOLDERS.find(([re]) => segments.some((s) => re.test(s)));
  if (synced) {
    warnings.push(
      `This project is in ${synced[1]}. Sync services can copy the file while Commonplace is writing it, ` +
        'which can damage it or create conflicting copies. Keep the project in a local folder, or pause ' +
        'syncing while it is open; Commonplace keeps backups either way.',
    );
  }
  const network = /^\\\\/.test(projectPath) || /^\\\\/.test(dir) ? 'smb' : mountTypeOf(dir, mounts);
  if (network && NETWORK_FS.test(network)) {
    warnings.push(
      `This project is on a network drive (${network}). SQLite files can be damaged when network file ` +
        'locking fails. Copy the project to a local folder to work on it.',
    );
  }
  return warnings;
}
