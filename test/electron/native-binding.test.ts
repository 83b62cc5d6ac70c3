import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import {
  BINDING_FILE,
  binaryAbi,
  STAMP_FILE,
  nativeDir,
  readStamp,
  rebuildReason,
  resolveNativeBinding,
  writeStamp,
} from '../../electron/native-binding';
import type { NativeTarget } from '../../electron/native-binding';
import { checkBuiltAbi, ensureElectronNative, installedTarget } from '../../scripts/electron-native';
import type { RebuildRequest } from '../../scripts/electron-native';

afterEach(cleanupTempDirs);

const target: NativeTarget = {
  electron: '39.8.10',
  platform: 'linux',
  arch: 'x64',
  betterSqlite3: '12.11.1',
};

function built(dir: string, stamp: NativeTarget | null = target) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, BINDING_FILE), 'binary');
  if (stamp) writeStamp(dir, stamp);
}

describe('native binding location', () => {
  it('uses extraResources when packaged and native/electron in a checkout', () => {
    expect(nativeDir({ packaged: true, resourcesPath: '/opt/app/resources', appPath: '/x' })).toBe(
      '/opt/app/resources/native',
    );
    expect(nativeDir({ packaged: false, resourcesPath: '/x', appPath: '/repo' })).toBe(
      '/repo/native/electron',
    );
  });

  it('resolves to the binding when the stamp matches', () => {
    const appPath = tempDir();
    built(join(appPath, 'native', 'electron'));
    expect(resolveNativeBinding({ packaged: false, resourcesPath: '/none', appPath }, target)).toEqual({
      ok: true,
      path: join(appPath, 'native', 'electron', BINDING_FILE),
    });
  });

  it('explains how to fix a missing or stale build', () => {
    const appPath = tempDir();
    const missing = resolveNativeBinding({ packaged: false, resourcesPath: '/none', appPath }, target);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.problem).toMatch(/no Electron build.*npm run native:electron/);
    built(join(appPath, 'native', 'electron'), { ...target, electron: '38.0.0' });
    const stale = resolveNativeBinding({ packaged: false, resourcesPath: '/none', appPath }, target);
    expect(!stale.ok && stale.problem).toMatch(/built for Electron 38\.0\.0, but this is 39\.8\.10/);
    const packaged = resolveNativeBinding({ packaged: true, resourcesPath: appPath, appPath }, target);
    expect(!packaged.ok && packaged.problem).toMatch(/reinstall/);
  });
});

describe('rebuild stamp', () => {
  it('round-trips and rejects malformed stamps', () => {
    const dir = tempDir();
    expect(readStamp(dir)).toBeNull();
    writeStamp(dir, target);
    expect(readStamp(dir)).toEqual(target);
    writeFileSync(join(dir, STAMP_FILE), '{"electron": 39}');
    expect(readStamp(dir)).toBeNull();
    writeFileSync(join(dir, STAMP_FILE), 'not json');
    expect(readStamp(dir)).toBeNull();
  });

  it('asks for a rebuild whenever anything the binary depends on changes', () => {
    const dir = tempDir();
    expect(rebuildReason(dir, target)).toMatch(/no Electron build/);
    built(dir, null);
    expect(rebuildReason(dir, target)).toMatch(/no readable stamp\.json/);
    writeStamp(dir, target);
    expect(rebuildReason(dir, target)).toBeNull();
    expect(rebuildReason(dir, { ...target, electron: '40.0.0' })).toMatch(
      /Electron 39\.8\.10, but this is 40\.0\.0/,
    );
    expect(rebuildReason(dir, { ...target, arch: 'arm64' })).toMatch(/architecture x64/);
    expect(rebuildReason(dir, { ...target, platform: 'win32' })).toMatch(/platform linux/);
    expect(rebuildReason(dir, { ...target, betterSqlite3: '13.0.0' })).toMatch(/better-sqlite3 12\.11\.1/);
  });

  it('checks the ABI the binary itself exports, whatever the stamp says', () => {
    const dir = tempDir();
    built(dir);
    writeFileSync(join(dir, BINDING_FILE), '\x7fELF...node_register_module_v115\0...');
    expect(binaryAbi(join(dir, BINDING_FILE))).toBe('115');
    expect(rebuildReason(dir, { ...target, abi: '115' })).toBeNull();
    expect(rebuildReason(dir, { ...target, abi: '140' })).toMatch(
      /binary is for NODE_MODULE_VERSION 115, but Electron 39\.8\.10 needs 140/,
    );
    // Without a recognisable export the check cannot tell, and does not block.
    writeFileSync(join(dir, BINDING_FILE), 'binary');
    expect(binaryAbi(join(dir, BINDING_FILE))).toBeNull();
    expect(rebuildReason(dir, { ...target, abi: '140' })).toBeNull();
    expect(binaryAbi(join(dir, 'missing.node'))).toBeNull();
    // The real Node build exports this Node's ABI.
    const nodeBuild = new URL(
      '../../node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      import.meta.url,
    );
    expect(binaryAbi(nodeBuild.pathname)).toBe(process.versions.modules);
  });
});

describe('npm run native:electron', () => {
  const root = new URL('../..', import.meta.url).pathname;
  const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', BINDING_FILE);

  it('reads the installed versions', () => {
    const installed = installedTarget(root);
    expect(installed.electron).toMatch(/^\d+\.\d+\.\d+/);
    expect(installed.betterSqlite3).toMatch(/^\d+\.\d+\.\d+/);
    expect(installed.platform).toBe(process.platform);
    expect(installed.abi).toMatch(/^\d+$/);
    expect(installed.abi).not.toBe(process.versions.modules);
  });

  it('refuses a build made against Node headers instead of Electron ones', () => {
    const file = join(tempDir(), BINDING_FILE);
    writeFileSync(file, `node_register_module_v${process.versions.modules}`);
    expect(() => checkBuiltAbi(file, { ...target, abi: '140' })).toThrow(
      /needs 140.*Node's headers.*nodedir/,
    );
    writeFileSync(file, 'node_register_module_v140');
    expect(() => checkBuiltAbi(file, { ...target, abi: '140' })).not.toThrow();
  });

  it('builds in a staging copy, installs the result with a stamp, and skips when up to date', async () => {
    const outDir = join(tempDir(), 'native', 'electron');
    const nodeBuildBefore = statSync(nodeBuild).mtimeMs;
    const requests: RebuildRequest[] = [];
    const rebuild = async (request: RebuildRequest) => {
      requests.push(request);
      const moduleDir = join(request.buildPath, 'node_modules', 'better-sqlite3');
      // The Node build must not be copied into the staging tree.
      expect(existsSync(join(moduleDir, 'build'))).toBe(false);
      expect(existsSync(join(moduleDir, 'package.json'))).toBe(true);
      mkdirSync(join(moduleDir, 'build', 'Release'), { recursive: true });
      writeFileSync(join(moduleDir, 'build', 'Release', BINDING_FILE), `electron ${request.electronVersion}`);
      if (request.electronVersion === '40.1.0') {
        writeFileSync(join(moduleDir, 'build', 'Release', BINDING_FILE), 'node_register_module_v999');
      }
    };
    const log = () => {};

    const first = await ensureElectronNative({ root, outDir, target, rebuild, log });
    expect(first).toMatchObject({ rebuilt: true, reason: expect.stringMatching(/no Electron build/) });
    expect(requests).toEqual([
      { buildPath: join(outDir, '.staging'), electronVersion: '39.8.10', arch: 'x64' },
    ]);
    expect(readFileSync(join(outDir, BINDING_FILE), 'utf8')).toBe('electron 39.8.10');
    expect(readStamp(outDir)).toEqual(target);
    expect(existsSync(join(outDir, '.staging'))).toBe(false);

    expect((await ensureElectronNative({ root, outDir, target, rebuild, log })).rebuilt).toBe(false);
    expect(requests).toHaveLength(1);

    const next = { ...target, electron: '40.1.0', abi: '999' };
    expect((await ensureElectronNative({ root, outDir, target: next, rebuild, log })).rebuilt).toBe(true);
    expect(readStamp(outDir)).toEqual(next);
    // A build for the wrong ABI is refused and the previous one kept.
    const wrong = { ...target, electron: '40.1.0', abi: '141' };
    await expect(
      ensureElectronNative({ root, outDir, target: wrong, force: true, rebuild, log }),
    ).rejects.toThrow(/NODE_MODULE_VERSION 999, but Electron 40\.1\.0 needs 141/);
    expect(readStamp(outDir)).toEqual(next);
    expect(statSync(nodeBuild).mtimeMs).toBe(nodeBuildBefore);
  });

  it('keeps the previous build when a rebuild fails', async () => {
    const outDir = join(tempDir(), 'native');
    built(outDir);
    const failing = async () => {
      throw new Error('no headers');
    };
    await expect(
      ensureElectronNative({
        root,
        outDir,
        target: { ...target, electron: '41.0.0' },
        rebuild: failing,
        log: () => {},
      }),
    ).rejects.toThrow('no headers');
    expect(readStamp(outDir)).toEqual(target);
    expect(existsSync(join(outDir, '.staging'))).toBe(false);
  });
});
