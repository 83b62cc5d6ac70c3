import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// electron-builder cannot package here (it downloads Electron), so load the config with its own loader,
// check it against its own schema, and pin the choices the native-module strategy depends on.

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
let config: Record<string, unknown>;

beforeAll(async () => {
  config = await builderConfig.getConfig(repo, 'electron-builder.yml');
});

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder', async () => {
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(
      builderConfig.validateConfiguration(config, new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('ships the Electron build of better-sqlite3 outside the archive and never rebuilds node_modules', () => {
    expect(config).toMatchObject({
      productName: 'Commonplace',
      npmRebuild: false,
      extraResources: [{ from: 'native/electron', to: 'native' }],
      asarUnpack: ['**/*.node'],
    });
    const files = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
    // The Node build in node_modules must not be shipped: it cannot load in Electron.
    expect(files).toContain('!node_modules/better-sqlite3/build/**');
  });

  it('builds installers for every desktop platform', () => {
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
  });
});
