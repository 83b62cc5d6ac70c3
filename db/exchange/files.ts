// Writing files so that a failure never leaves a half-written one behind: write beside the target, then
// rename (atomic on one file system).

import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CommonplaceError } from '../../shared/errors';

/** A hidden temporary name in the target's folder, so the final rename stays on one file system. */
export const tempPathFor = (target: string): string =>
  join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);

/** Writes `data`, or lets `write` write the temporary file it is given, then renames it into place. */
export function writeFileAtomic(target: string, data: Uint8Array | string | ((tmp: string) => void)): void {
  const tmp = tempPathFor(target);
  try {
    if (typeof data === 'function') data(tmp);
    else writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof CommonplaceError) throw e;
    throw new CommonplaceError('io', `cannot write the file (${(e as Error).message})`, target);
  }
}

/** Removes a SQLite file and its journal companions. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(path + suffix)) rmSync(path + suffix, { force: true });
  }
}
