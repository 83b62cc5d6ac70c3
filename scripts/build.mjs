#!/usr/bin/env node
// Builds the desktop app: main and preload bundled by esbuild (CJS, as Electron's sandboxed preload
// requires), the renderer by Vite.
//   --renderer   only the renderer (what `npm run web` needs)
//   --electron   only main + preload (the main-process smoke test uses this)
//   --out DIR    write DIR/electron and DIR/renderer instead of dist/
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath, URL } from 'node:url';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Buffer } from 'node:buffer';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outFlag = args.indexOf('--out');
const out = resolve(outFlag >= 0 && args[outFlag + 1] ? args[outFlag + 1] : `${root}/dist`);
const renderer = !args.includes('--electron');
const electron = !args.includes('--renderer');

/**
 * The preload needs only the contract's call names, not its zod schemas (~450 kB). This plugin swaps
 * shared/contract for a module holding just CALL_NAMES, read from the real contract at build time.
 */
async function callNamesOnly() {
  const probe = await esbuild({
    entryPoints: [`${root}/shared/contract/index.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const url = `data:text/javascript;base64,${Buffer.from(probe.outputFiles[0].text).toString('base64')}`;
  const { CALL_NAMES } = await import(url);
  return {
    name: 'call-names-only',
    setup(build) {
      build.onResolve({ filter: /\/shared\/contract$/ }, () => ({
        path: 'call-names',
        namespace: 'contract',
      }));
      build.onLoad({ filter: /.*/, namespace: 'contract' }, () => ({
        contents: `export const CALL_NAMES = ${JSON.stringify(CALL_NAMES)};`,
        loader: 'js',
      }));
    },
  };
}

async function buildElectron() {
  await rm(`${out}/electron`, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22', // Electron 39 ships Node 22
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: root,
    // electron is provided at run time; better-sqlite3 is native and loaded from node_modules.
    external: ['electron', 'better-sqlite3', 'better-sqlite3/*'],
  };
  await esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: `${out}/electron/main.cjs` });
  // A sandboxed preload can require only 'electron' (and a few built-ins): everything else is bundled in.
  await esbuild({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: `${out}/electron/preload.cjs`,
    external: ['electron'],
    platform: 'browser',
    plugins: [await callNamesOnly()],
  });
}

async function buildRenderer() {
  await viteBuild({
    configFile: `${root}/vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: `${out}/renderer`, emptyOutDir: true },
  });
}

const started = Date.now();
if (electron) await buildElectron();
if (renderer) await buildRenderer();
const what = [electron && 'electron', renderer && 'renderer'].filter(Boolean).join(' + ');
console.log(`Built ${what} into ${out} in ${Date.now() - started} ms`);
