import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cleanupTempDirs, tempDir, addTextDocument, FOCUS_GROUP } from '../helpers/project';
import { Project } from '../../db/project';
import { BINDING_FILE, writeStamp } from '../../electron/native-binding';
import { installedTarget } from '../../scripts/electron-native';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { CALL_NAMES } from '../../shared/contract';

// Electron cannot run here, so the real bundles are loaded by Node against a recording fake 'electron'
// (test/electron/fake-electron.ts). A probe script drives them and prints what it saw as JSON.

const repo = fileURLToPath(new URL('../..', import.meta.url));
let out: string;

/** Runs `probe` (a JS function body with `fake`, `done(report)` and `require` in scope) after main.cjs loads. */
function runMain(probe: string, env: Record<string, string>, argv: string[] = []): Record<string, unknown> {
  const script = join(out, `probe-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(
    script,
    `const fake = require('electron') && globalThis.__fakeElectron;
     const done = (report) => { process.stdout.write('REPORT' + JSON.stringify(report)); process.exit(0); };
     process.argv = [process.argv[0], '.', ...${JSON.stringify(argv)}];
     require('./main.cjs');
     setTimeout(async () => { try { ${probe} } catch (e) { done({ error: String(e && e.stack || e) }); } }, 300);`,
  );
  const stdout = execFileSync(process.execPath, [script], {
    cwd: out,
    env: { ...process.env, NODE_PATH: join(repo, 'node_modules'), ...env },
    encoding: 'utf8',
  });
  const report = JSON.parse(stdout.slice(stdout.indexOf('REPORT') + 6)) as Record<string, unknown>;
  if (report.error) throw new Error(String(report.error));
  return report;
}

describe('desktop bundles against a fake Electron', () => {
  let appPath: string;
  let projectPath: string;

  beforeAll(async () => {
    const dir = tempDir();
    execFileSync(process.execPath, [
      join(repo, 'scripts/build.mjs'),
      '--electron',
      '--out',
      join(dir, 'dist'),
    ]);
    out = join(dir, 'dist', 'electron');
    await build({
      entryPoints: [join(repo, 'test/electron/fake-electron.ts')],
      outfile: join(out, 'node_modules', 'electron', 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
    });
    mkdirSync(join(dir, 'dist', 'renderer'));
    writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>t</title>');
    // The "Electron build" is the Node build here: what matters is that the stamp and path logic pick it.
    appPath = join(dir, 'app');
    const native = join(appPath, 'native', 'electron');
    mkdirSync(native, { recursive: true });
    copyFileSync(
      join(repo, 'node_modules/better-sqlite3/build/Release', BINDING_FILE),
      join(native, BINDING_FILE),
    );
    writeStamp(native, { ...installedTarget(repo), electron: '39.8.10' });
    projectPath = join(dir, 'Smoke study.commonplace');
    const project = Project.create(projectPath);
    addTextDocument(project, 'Northgate 1', FOCUS_GROUP);
    project.close();
  }, 60_000);

  afterAll(cleanupTempDirs);

  it('opens the project from argv in a secure window and answers IPC only from our own page', () => {
    const report = runMain(
      `const win = fake.windows[0];
       const call = fake.ipc.get('commonplace:call');
       const frame = win.webContents.mainFrame;
       const trusted = await call({ sender: win.webContents, senderFrame: frame }, 'documents.list', {});
       const hostile = await call({ sender: win.webContents, senderFrame: { url: 'https://evil.example/' } }, 'documents.list', {});
       // Same URL but not the top frame (an injected iframe, say): refused too.
       const subframe = await call({ sender: win.webContents, senderFrame: { url: 'app://commonplace/index.html' } }, 'documents.list', {});
       const badArgs = await call({ sender: win.webContents, senderFrame: frame }, 'documents.get', { id: 'x' });
       const serve = async (url) => { const r = await fake.protocols.get('app')({ url }); return { status: r.status, csp: r.headers.get('content-security-policy'), body: await r.text() }; };
       let prevented = 0; const event = { preventDefault: () => prevented++ };
       win.webContents.emit('will-navigate', event, 'https://evil.example/');
       win.webContents.emit('will-redirect', event, 'https://evil.example/');
       let permission; fake.permissionRequest({}, 'media', (ok) => (permission = ok));
       let cancelled; fake.beforeRequest.listener({ url: 'https://cdn.example/x.js' }, (r) => (cancelled = r.cancel));
       win.webContents.sent.length = 0;
       const edit = fake.menu.find((m) => m.label === '&Edit').submenu;
       edit[0].click();
       done({
         schemes: fake.privilegedSchemes, sandbox: fake.sandboxEnabled, errors: fake.errorBoxes,
         windows: fake.windows.length, title: win.options.title, prefs: win.options.webPreferences, loaded: win.loaded,
         trusted, hostile, subframe, badArgs,
         page: await serve('app://commonplace/index.html'), escape: await serve('app://commonplace/%2e%2e/%2e%2e/main.cjs'),
         otherHost: await serve('app://elsewhere/index.html'),
         prevented, windowOpen: win.webContents.windowOpenHandler({ url: 'https://evil.example/' }),
         permission, permissionCheck: fake.permissionCheck(), cancelled, filter: fake.beforeRequest.filter,
         menu: fake.menu.map((m) => m.label), sentOnUndo: win.webContents.sent,
       });`,
      { FAKE_APP_PATH: appPath },
      [projectPath],
    );
    expect(report).toMatchObject({
      schemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }],
      sandbox: true,
      errors: [],
      windows: 1,
      title: 'Smoke study',
      loaded: 'app://commonplace/index.html',
      prefs: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: true,
      },
      trusted: { ok: true, value: [{ name: 'Northgate 1' }] },
      hostile: { ok: false, error: { code: 'forbidden' } },
      subframe: { ok: false, error: { code: 'forbidden' } },
      badArgs: { ok: false, error: { code: 'invalid-argument' } },
      page: { status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>t</title>' },
      escape: { status: 404 },
      otherHost: { status: 404 },
      prevented: 2,
      windowOpen: { action: 'deny' },
      permission: false,
      permissionCheck: false,
      cancelled: true,
      menu: ['&File', '&Edit', '&View', '&Help'],
      sentOnUndo: [['commonplace:menu', 'undo']],
    });
    expect((report.prefs as { preload: string }).preload).toBe(join(out, 'preload.cjs'));
  });

  it('refuses to start, with a readable message, when the Electron build of SQLite is stale', () => {
    const report = runMain(
      `done({ errors: fake.errorBoxes, quit: fake.quit, windows: fake.windows.length });`,
      {
        FAKE_APP_PATH: appPath,
        FAKE_ELECTRON_VERSION: '40.0.0',
      },
    );
    expect(report.windows).toBe(0);
    expect(report.quit).toBeGreaterThan(0);
    expect(report.errors).toEqual([
      [
        'Commonplace cannot start',
        expect.stringMatching(/built for Electron 39\.8\.10, but this is 40\.0\.0.*npm run native:electron/),
      ],
    ]);
  });

  it('refuses a binary built for another ABI (as a Node build here would be for the real Electron)', () => {
    const report = runMain(`done({ errors: fake.errorBoxes, windows: fake.windows.length });`, {
      FAKE_APP_PATH: appPath,
      FAKE_ELECTRON_ABI: '140',
    });
    expect(report.windows).toBe(0);
    expect(report.errors).toEqual([
      [
        'Commonplace cannot start',
        expect.stringMatching(
          new RegExp(`NODE_MODULE_VERSION ${process.versions.modules}, but Electron 39\\.8\\.10 needs 140`),
        ),
      ],
    ]);
  });

  it('shows why a project cannot be opened, then falls back to the start dialog', () => {
    const report = runMain(
      `done({ errors: fake.errorBoxes, quit: fake.quit, windows: fake.windows.length });`,
      { FAKE_APP_PATH: appPath },
      [join(out, 'missing.commonplace')],
    );
    expect(report.windows).toBe(0);
    expect(report.errors).toEqual([
      ['Could not open the project', expect.stringMatching(/no project file here/)],
    ]);
    expect(report.quit).toBeGreaterThan(0); // the fake start dialog answers "Quit"
  });

  it('preload exposes exactly the bridge, refuses unknown calls and relays menu commands as messages', () => {
    const script = join(out, 'preload-probe.cjs');
    writeFileSync(
      script,
      `const posted = [];
       globalThis.window = { location: { origin: 'app://commonplace' }, postMessage: (m, o) => posted.push([m, o]) };
       const fake = require('electron') && globalThis.__fakeElectron;
       const required = [];
       const Module = require('node:module');
       const original = Module.prototype.require;
       Module.prototype.require = function (id) { required.push(id); return original.apply(this, arguments); };
       require('./preload.cjs');
       Module.prototype.require = original;
       (async () => {
         const api = fake.exposed.get('commonplace');
         const known = await api.call('documents.list', {});
         const unknown = await api.call('db.exec', {});
         for (const name of ${JSON.stringify(CALL_NAMES)}) await api.call(name, {});
         const allForwarded = fake.invoked.length - 1;
         fake.invoked.length = 1;
         const menu = fake.rendererListeners.get('commonplace:menu');
         menu({}, 'undo'); menu({}, 'format-disk');
         process.stdout.write(JSON.stringify({ keys: [...fake.exposed.keys()], apiKeys: Object.keys(api), known, unknown,
           invoked: fake.invoked, allForwarded, posted, required: required.filter((id) => id !== './preload.cjs') }));
       })();`,
    );
    const report = JSON.parse(
      execFileSync(process.execPath, [script], {
        cwd: out,
        encoding: 'utf8',
        env: { ...process.env, NODE_PATH: '' },
      }),
    ) as Record<string, unknown>;
    expect(report).toEqual({
      keys: ['commonplace'],
      apiKeys: ['call'],
      known: { ok: true, value: 'from main' },
      unknown: { ok: false, error: { code: 'invalid-argument', message: 'Unknown call "db.exec".' } },
      invoked: [['commonplace:call', 'documents.list', {}]],
      // The preload carries only the call names, taken from the contract at build time: all of them.
      allForwarded: CALL_NAMES.length,
      posted: [[{ type: 'commonplace:menu', command: 'undo' }, 'app://commonplace']],
      required: ['electron'],
    });
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    expect(preload).not.toMatch(/require\("(?!electron")/);
    expect(preload.length, 'no zod schemas in the preload').toBeLessThan(10_000);
  });
});
