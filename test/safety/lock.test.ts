import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Project } from '../../db/project';
import {
  lockHolder,
  lockPathFor,
  locationWarnings,
  mountTypeOf,
  ProjectLock,
  type LockInfo,
} from '../../db/lock';
import { createCode } from '../../db/codes';
import { isCommonplaceError } from '../../shared/errors';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { exited, holdLock } from './helpers';

afterAll(cleanupTempDirs);

function newProjectFile(): string {
  const path = join(tempDir(), 'study.commonplace');
  Project.create(path).close();
  return path;
}

function writeLock(path: string, info: Partial<LockInfo>): void {
  const full = {
    pid: process.pid,
    host: hostname(),
    app: 'Commonplace',
    since: new Date().toISOString(),
    ...info,
  };
  writeFileSync(lockPathFor(path), JSON.stringify(full));
}

function lockedMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isCommonplaceError(e) && e.code === 'locked') return e.message;
    throw e;
  }
  throw new Error('expected a locked error');
}

/** A pid that certainly belonged to a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('project lock', () => {
  it('is a JSON file beside the project, held while open and removed on close', () => {
    const path = newProjectFile();
    const project = Project.open(path, { lock: 'exclusive', app: 'Commonplace' });
    const info = JSON.parse(readFileSync(lockPathFor(path), 'utf8')) as LockInfo;
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), app: 'Commonplace' });
    expect(Number.isNaN(Date.parse(info.since))).toBe(false);
    expect(lockHolder(path)?.pid).toBe(process.pid);
    expect(lockedMessage(() => Project.open(path, { lock: 'exclusive' }))).toMatch(
      new RegExp(`open in Commonplace \\(pid ${process.pid}\\) since .* close it there first`),
    );
    project.close();
    project.close();
    expect(existsSync(lockPathFor(path))).toBe(false);
    Project.open(path, { lock: 'exclusive' }).close();
  });

  it('refuses a second writer in another process and lets readers read', async () => {
    const path = newProjectFile();
    const holder = await holdLock(path);
    try {
      const message = lockedMessage(() => Project.open(path, { lock: 'exclusive' }));
      expect(message).toContain(`open in Commonplace (pid ${holder.pid})`);
      expect(message).toContain(path);
      // The CLI's default: reading works, every kind of write is refused with the same message.
      const reader = Project.open(path);
      try {
        expect(reader.db.prepare('SELECT count(*) FROM codes').pluck().get()).toBe(0);
        expect(lockedMessage(() => createCode(reader, { name: 'Targets' }))).toContain(`pid ${holder.pid}`);
        expect(() => reader.history.undo()).toThrow(/close it there first/);
        expect(reader.db.prepare('SELECT count(*) FROM codes').pluck().get()).toBe(0);
      } finally {
        reader.close();
      }
    } finally {
      holder.kill('SIGKILL');
      await exited(holder);
    }
    // The holder died without cleaning up: its lock is stale and is taken over.
    expect(existsSync(lockPathFor(path))).toBe(true);
    expect(lockHolder(path)).toBeNull();
    const project = Project.open(path, { lock: 'exclusive' });
    createCode(project, { name: 'Targets' });
    project.close();
  });

  it('releases the lock when the holder closes normally', async () => {
    const path = newProjectFile();
    const holder = await holdLock(path);
    holder.stdin!.end();
    await exited(holder);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('takes over a lock left by a dead process on this machine', () => {
    const path = newProjectFile();
    writeLock(path, { pid: deadPid() });
    const project = Project.open(path, { lock: 'exclusive' });
    expect(lockHolder(path)?.pid).toBe(process.pid);
    project.close();
  });

  it('refuses when another machine holds it, whatever its pid', () => {
    const path = newProjectFile();
    writeLock(path, { pid: deadPid(), host: 'lab-imac', since: '2025-03-01T09:30:00.000Z' });
    expect(lockedMessage(() => Project.open(path, { lock: 'exclusive' }))).toMatch(
      /open on lab-imac in Commonplace since/,
    );
    const reader = Project.open(path);
    expect(() => createCode(reader, { name: 'x' })).toThrow(/lab-imac/);
    reader.close();
    expect(existsSync(lockPathFor(path))).toBe(true); // not ours to remove
  });

  it('waits for a lock being written, and clears an unreadable one left by a crash', () => {
    const path = newProjectFile();
    writeFileSync(lockPathFor(path), '');
    expect(lockedMessage(() => Project.open(path, { lock: 'exclusive' }))).toMatch(/being opened/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathFor(path), old, old);
    Project.open(path, { lock: 'exclusive' }).close();
  });

  it('never deletes a lock that is no longer its own', () => {
    const path = newProjectFile();
    const lock = ProjectLock.acquire(path);
    writeLock(path, { pid: process.ppid }); // someone took it over (say, after a long sleep)
    lock.release();
    expect(lockHolder(path)?.pid).toBe(process.ppid);
  });

  it('tidies temporary files a crash left beside the lock', () => {
    const path = newProjectFile();
    const dead = deadPid();
    for (const end of ['0a1b2c3d.tmp', '0a1b2c3d.stale'])
      writeFileSync(`${lockPathFor(path)}.${dead}.${end}`, '{}');
    writeFileSync(`${lockPathFor(path)}.${process.ppid}.0a1b2c3d.tmp`, '{}'); // a live process's: kept
    Project.open(path, { lock: 'exclusive' }).close();
    expect(readdirSync(dirname(path)).filter((f) => f.includes('.lock.'))).toEqual([
      `study.commonplace.lock.${process.ppid}.0a1b2c3d.tmp`,
    ]);
  });

  it('is released when opening fails', () => {
    const dir = tempDir();
    const notProject = join(dir, 'notes.commonplace');
    writeFileSync(notProject, 'not a database '.repeat(100));
    expect(() => Project.open(notProject, { lock: 'exclusive' })).toThrow(/not a Commonplace project/);
    expect(existsSync(lockPathFor(notProject))).toBe(false);
  });
});

describe('location warnings', () => {
  it('names sync services found in the path', () => {
    const cases: [string, RegExp][] = [
      ['/Users/ana/Dropbox/thesis/study.commonplace', /Dropbox/],
      ['/Users/ana/Dropbox (Personal)/study.commonplace', /Dropbox/],
      ['C:\\Users\\ana\\OneDrive - University of Leeds\\study.commonplace', /OneDrive/],
      ['/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/study.commonplace', /iCloud Drive/],
      [
        '/Users/ana/Library/CloudStorage/GoogleDrive-ana@uni.ac.uk/My Drive/study.commonplace',
        /Google Drive/,
      ],
      ['/Users/ana/Box/study.commonplace', /Box/],
    ];
    for (const [path, expected] of cases) {
      const warnings = locationWarnings(path, '/nonexistent');
      expect(warnings, path).toHaveLength(1);
      expect(warnings[0], path).toMatch(expected);
    }
    expect(locationWarnings('/home/ana/research/study.commonplace', '/nonexistent')).toEqual([]);
    expect(locationWarnings('/home/ana/boxes/study.commonplace', '/nonexistent')).toEqual([]);
  });

  it('recognises network filesystems from the mount table', () => {
    const dir = tempDir();
    const mounts = join(dir, 'mounts');
    writeFileSync(
      mounts,
      [
        '/dev/vda1 / ext4 rw 0 0',
        'fileserver:/export/research /mnt/research nfs4 rw 0 0',
        '//nas/team\\040share /mnt/team\\040share cifs rw 0 0',
        'ana@host:/data /home/ana/remote fuse.sshfs rw 0 0',
      ].join('\n'),
    );
    expect(mountTypeOf('/mnt/research/2025', mounts)).toBe('nfs4');
    expect(mountTypeOf('/mnt/team share/x', mounts)).toBe('cifs');
    expect(mountTypeOf('/mnt/researchers', mounts)).toBe('ext4');
    for (const p of [
      '/mnt/research/s.commonplace',
      '/mnt/team share/s.commonplace',
      '/home/ana/remote/s.commonplace',
    ])
      expect(locationWarnings(p, mounts)[0], p).toMatch(/network drive/);
    expect(locationWarnings('/home/ana/s.commonplace', mounts)).toEqual([]);
    expect(locationWarnings('\\\\server\\share\\s.commonplace', mounts)[0]).toMatch(/network drive \(smb\)/);
  });

  it('are on the project, so every front door can show them', () => {
    const dir = join(tempDir(), 'Dropbox');
    mkdirSync(dir);
    const project = Project.create(join(dir, 'study.commonplace'));
    expect(project.warnings[0]).toMatch(/Dropbox/);
    project.close();
  });
});
