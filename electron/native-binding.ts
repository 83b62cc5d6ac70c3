import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// better-sqlite3 is a native module built for one ABI. Tests and the CLI use the Node build in
// node_modules; the desktop app loads its own copy, rebuilt for Electron, via the `nativeBinding` option.
// The stamp written next to that copy records what it was built for, so a stale copy is caught early
// with a readable message instead of a "NODE_MODULE_VERSION" crash deep inside SQLite.

export const BINDING_FILE = 'better_sqlite3.node';
export const STAMP_FILE = 'stamp.json';

/** What a native build must match to be loadable by the running (or about to run) Electron. */
export interface NativeTarget {
  electron: string;
  platform: string;
  arch: string;
  /** The JS half of better-sqlite3 must match the binary it drives. */
  betterSqlite3: string;
  /**
   * NODE_MODULE_VERSION the binary must export (Electron's `process.versions.modules`), when known.
   * Checked against the binary itself, not the stamp: a build against the wrong headers is stamped
   * correctly but still cannot load.
   */
  abi?: string;
}

export interface NativeLocation {
  packaged: boolean;
  /** Electron's `process.resourcesPath`. */
  resourcesPath: string;
  /** Electron's `app.getAppPath()` (the repository root when run as `electron .`). */
  appPath: string;
}

/** Where the Electron build of better-sqlite3 lives: extraResources when packaged, `native/electron/` in a checkout. */
export function nativeDir({ packaged, resourcesPath, appPath }: NativeLocation): string {
  return packaged ? join(resourcesPath, 'native') : join(appPath, 'native', 'electron');
}

/** The NODE_MODULE_VERSION a native addon was built for, read from its `node_register_module_vN` export. */
export function binaryAbi(file: string): string | null {
  try {
    return /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'))?.[1] ?? null;
  } catch {
    return null;
  }
}

export function readStamp(dir: string): NativeTarget | null {
  try {
    const raw = JSON.parse(readFileSync(join(dir, STAMP_FILE), 'utf8')) as Record<string, unknown>;
    const fields = ['electron', 'platform', 'arch', 'betterSqlite3'] as const;
    if (!fields.every((f) => typeof raw[f] === 'string')) return null;
    const stamp = Object.fromEntries(fields.map((f) => [f, raw[f]])) as unknown as NativeTarget;
    return typeof raw.abi === 'string' ? { ...stamp, abi: raw.abi } : stamp;
  } catch {
    return null;
  }
}

export function writeStamp(dir: string, target: NativeTarget): void {
  writeFileSync(join(dir, STAMP_FILE), `${JSON.stringify(target, null, 2)}\n`);
}

/** Why the build in `dir` cannot serve `target`, or null when it can. */
export function rebuildReason(dir: string, target: NativeTarget): string | null {
  if (!existsSync(join(dir, BINDING_FILE))) return `no Electron build of better-sqlite3 in ${dir}`;
  const stamp = readStamp(dir);
  if (!stamp) return `the build in ${dir} has no readable ${STAMP_FILE}`;
  const labels = {
    electron: 'Electron',
    platform: 'platform',
    arch: 'architecture',
    betterSqlite3: 'better-sqlite3',
  };
  for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
    if (stamp[key] !== target[key])
      return `built for ${labels[key]} ${stamp[key]}, but this is ${target[key]}`;
  }
  const abi = target.abi === undefined ? null : binaryAbi(join(dir, BINDING_FILE));
  if (abi !== null && abi !== target.abi) {
    return `the binary is for NODE_MODULE_VERSION ${abi}, but Electron ${target.electron} needs ${target.abi}`;
  }
  return null;
}

export type NativeBinding = { ok: true; path: string } | { ok: false; problem: string };

/** The binding the app should pass to better-sqlite3, or a message explaining how to fix a missing one. */
export function resolveNativeBinding(location: NativeLocation, target: NativeTarget): NativeBinding {
  const dir = nativeDir(location);
  const reason = rebuildReason(dir, target);
  if (reason === null) return { ok: true, path: join(dir, BINDING_FILE) };
  const fix = location.packaged
    ? 'This installation is damaged; reinstall Commonplace.'
    : 'Run "npm run native:electron" (or "npm start", which does it) and try again.';
  return { ok: false, problem: `The database engine is not ready: ${reason}. ${fix}` };
}
