// `npm run native:electron`: builds better-sqlite3 for Electron's ABI into native/electron/, leaving the
// Node build in node_modules untouched (tests and the CLI keep using it). Rebuilds only when the stamp
// says the existing copy does not match the installed Electron / better-sqlite3 / platform / arch.
//
// The build happens in a throw-away staging tree (a copy of the better-sqlite3 package) because
// @electron/rebuild rebuilds in place. It needs Electron's headers (downloaded once into ~/.electron-gyp)
// and a C++ toolchain, like any node-gyp build. The result's ABI is checked before it is installed.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BINDING_FILE, STAMP_FILE, binaryAbi, rebuildReason, writeStamp } from '../electron/native-binding';
import type { NativeTarget } from '../electron/native-binding';

export interface RebuildRequest {
  /** Staging app folder: package.json plus node_modules/better-sqlite3. */
  buildPath: string;
  electronVersion: string;
  arch: string;
}

export interface EnsureOptions {
  /** Repository root (where node_modules is). */
  root: string;
  /** Defaults to <root>/native/electron. */
  outDir?: string;
  target?: NativeTarget;
  force?: boolean;
  /** Injected so the orchestration can be tested without a compiler; defaults to @electron/rebuild. */
  rebuild?: (request: RebuildRequest) => Promise<void>;
  log?: (line: string) => void;
}

export type EnsureResult =
  { rebuilt: false; outDir: string } | { rebuilt: true; outDir: string; reason: string };

const versionOf = (root: string, pkg: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
    .version;

/** The electron package ships its NODE_MODULE_VERSION, which is what the binary must export. */
function electronAbi(root: string): string | undefined {
  try {
    return readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function installedTarget(root: string): NativeTarget {
  const target: NativeTarget = {
    electron: versionOf(root, 'electron'),
    platform: process.platform,
    arch: process.arch,
    betterSqlite3: versionOf(root, 'better-sqlite3'),
  };
  const abi = electronAbi(root);
  return abi ? { ...target, abi } : target;
}

/** Refuses a binary that cannot load in the target Electron, whatever the build tools claimed. */
export function checkBuiltAbi(file: string, target: NativeTarget): void {
  const abi = binaryAbi(file);
  if (abi === null || target.abi === undefined || abi === target.abi) return;
  const hint =
    abi === process.versions.modules
      ? ` That is this Node's ABI: node-gyp used Node's headers instead of Electron's (an npm "nodedir" setting does this).`
      : '';
  throw new Error(
    `the build is for NODE_MODULE_VERSION ${abi}, but Electron ${target.electron} needs ${target.abi}.${hint}`,
  );
}

async function electronRebuild({ buildPath, electronVersion, arch }: RebuildRequest): Promise<void> {
  const { rebuild } = await import('@electron/rebuild');
  // `npm run` exports npm's config; a `nodedir` there (Debian sets /usr) makes node-gyp build against
  // Node's headers while saying it targets Electron. Electron's headers must be used.
  for (const key of Object.keys(process.env)) {
    if (/^npm_config_nodedir$/i.test(key)) delete process.env[key];
  }
  await rebuild({
    buildPath,
    projectRootPath: buildPath,
    electronVersion,
    arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });
}

export async function ensureElectronNative(options: EnsureOptions): Promise<EnsureResult> {
  const root = resolve(options.root);
  const outDir = resolve(options.outDir ?? join(root, 'native', 'electron'));
  const target = options.target ?? installedTarget(root);
  const log = options.log ?? ((line: string) => console.log(line));
  const reason = options.force ? 'a rebuild was forced' : rebuildReason(outDir, target);
  if (reason === null) {
    log(
      `native/electron is up to date (Electron ${target.electron}, better-sqlite3 ${target.betterSqlite3}).`,
    );
    return { rebuilt: false, outDir };
  }
  log(
    `Rebuilding better-sqlite3 for Electron ${target.electron} (${target.platform}-${target.arch}): ${reason}.`,
  );

  const staging = join(outDir, '.staging');
  rmSync(staging, { recursive: true, force: true });
  const moduleDir = join(staging, 'node_modules', 'better-sqlite3');
  mkdirSync(moduleDir, { recursive: true });
  writeFileSync(
    join(staging, 'package.json'),
    JSON.stringify({
      name: 'commonplace-native',
      private: true,
      dependencies: { 'better-sqlite3': target.betterSqlite3 },
    }),
  );
  // The Node build in node_modules must not leak into (or be overwritten by) the Electron build.
  const source = join(root, 'node_modules', 'better-sqlite3');
  const nodeBuild = join(source, 'build');
  cpSync(source, moduleDir, {
    recursive: true,
    filter: (src) => src !== nodeBuild && !src.startsWith(nodeBuild + sep),
  });

  try {
    await (options.rebuild ?? electronRebuild)({
      buildPath: staging,
      electronVersion: target.electron,
      arch: target.arch,
    });
    const built = join(moduleDir, 'build', 'Release', BINDING_FILE);
    if (!existsSync(built)) throw new Error(`the rebuild finished but produced no ${built}`);
    checkBuiltAbi(built, target);
    mkdirSync(outDir, { recursive: true });
    // Stamp last: an interrupted copy leaves no stamp, so the next run rebuilds.
    rmSync(join(outDir, STAMP_FILE), { force: true });
    copyFileSync(built, join(outDir, BINDING_FILE));
    writeStamp(outDir, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`Wrote ${join(outDir, BINDING_FILE)}.`);
  return { rebuilt: true, outDir, reason };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  ensureElectronNative({ root, force: process.argv.includes('--force') }).catch((e: unknown) => {
    console.error(`Could not build better-sqlite3 for Electron: ${(e as Error)?.message ?? e}`);
    console.error('Electron needs its own build of the database engine; the tests and CLI do not.');
    process.exit(1);
  });
}
