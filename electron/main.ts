import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { join } from 'node:path';
import { dispatch } from '../db/handlers';
import { isCommonplaceError } from '../shared/errors';
import { readStatic } from './app-files';
import { CALL_CHANNEL, MENU_CHANNEL } from './channels';
import type { MenuCommand } from './channels';
import {
  askForProject,
  chooseNewProject,
  chooseProjectToOpen,
  showAbout,
  showError,
  showWarning,
} from './dialogs';
import type { ProjectChoice } from './dialogs';
import { menuTemplate } from './menu';
import { resolveNativeBinding } from './native-binding';
import { projectFromArgv } from './paths';
import { APP_HOST, APP_SCHEME, isAppUrl } from './security';
import { ProjectWindows } from './windows';
import { RecentProjects } from './recent';

// The desktop shell: windows, menus, dialogs and the IPC door. All domain logic is in db/.

// Bundled to dist/electron/main.cjs; the renderer build sits beside it in dist/renderer.
const RENDERER_ROOT = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

let windows: ProjectWindows | null = null;
let recent: RecentProjects | null = null;
let pendingPath: string | null = null;

function openChoice(choice: ProjectChoice): boolean {
  if (!windows) return false;
  try {
    const window = windows.open(choice.path, choice.create);
    const warnings = windows.warningsFor(window);
    if (warnings.length) showWarning('About where this project is stored', warnings.join('\n\n'));
    recent?.add(choice.path);
    app.addRecentDocument(choice.path);
    installMenu();
    return true;
  } catch (e) {
    const message = isCommonplaceError(e) ? e.message : `Unexpected error: ${(e as Error)?.message ?? e}`;
    showError(choice.create ? 'Could not create the project' : 'Could not open the project', message);
    return false;
  }
}

/** With no window open, keep asking until a project opens or the user quits. */
async function startWithoutProject(): Promise<void> {
  for (;;) {
    const choice = await askForProject();
    if (choice === 'quit') return app.quit();
    if (openChoice(choice)) return;
  }
}

function focusedWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? undefined;
}

function sendToPage(command: MenuCommand): void {
  focusedWindow()?.webContents.send(MENU_CHANNEL, command);
}

function installMenu(): void {
  const template = menuTemplate(
    {
      newProject: () => void chooseNewProject(focusedWindow()).then((c) => c && openChoice(c)),
      openProject: () => void chooseProjectToOpen(focusedWindow()).then((c) => c && openChoice(c)),
      openRecent: (path) => openChoice({ path, create: false }),
      clearRecent: () => {
        recent?.clear();
        app.clearRecentDocuments();
        installMenu();
      },
      closeWindow: () => focusedWindow()?.close(),
      quit: () => app.quit(),
      undo: () => sendToPage('undo'),
      redo: () => sendToPage('redo'),
      find: () => sendToPage('find'),
      importDocuments: () => sendToPage('import'),
      exportData: () => sendToPage('export'),
      about: () => void showAbout(focusedWindow()),
    },
    {
      platform: process.platform,
      packaged: app.isPackaged,
      appName: 'Commonplace',
      recent: recent?.list() ?? [],
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** IPC is answered only for the top frame of a page served by our own protocol. */
function trustedSender(event: IpcMainInvokeEvent): WebContents | null {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame || !isAppUrl(frame.url)) return null;
  return event.sender;
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The app is offline by design: refuse any network request a bug or a pasted link might try.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_d, callback) => callback({ cancel: true }),
  );
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file =
      url.host === APP_HOST
        ? await readStatic(RENDERER_ROOT, url.pathname)
        : { status: 404, headers: {}, body: 'Not found' };
    const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
    return new Response(body, { status: file.status, headers: file.headers });
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    const path = projectFromArgv(argv, app.isPackaged, cwd);
    if (path) openChoice({ path, create: false });
    else focusedWindow()?.focus();
  });

  // macOS delivers double-clicked files this way, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (windows) openChoice({ path, create: false });
    else pendingPath = path;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (windows && windows.count === 0) void startWithoutProject();
  });

  void app.whenReady().then(async () => {
    const binding = resolveNativeBinding(
      { packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() },
      {
        electron: process.versions.electron,
        platform: process.platform,
        arch: process.arch,
        abi: process.versions.modules,
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        betterSqlite3: (require('better-sqlite3/package.json') as { version: string }).version,
      },
    );
    if (!binding.ok) {
      showError('Commonplace cannot start', binding.problem);
      return app.quit();
    }
    hardenSession();
    windows = new ProjectWindows({
      preload: PRELOAD,
      nativeBinding: binding.path,
      devTools: !app.isPackaged,
      onBackupError: (project, e) =>
        showWarning('A backup could not be made', `${project.name}: ${(e as Error)?.message ?? e}`),
    });

    ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, args: unknown) => {
      const sender = trustedSender(event);
      if (!sender)
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use Commonplace.' } };
      const handlers = windows?.handlersFor(sender);
      if (!handlers)
        return { ok: false, error: { code: 'not-found', message: 'This window has no open project.' } };
      return dispatch(handlers, name, args);
    });

    recent = new RecentProjects(join(app.getPath('userData'), 'recent-projects.json'));
    installMenu();

    const initial = pendingPath ?? projectFromArgv(process.argv, app.isPackaged, process.cwd());
    if (!initial || !openChoice({ path: initial, create: false })) await startWithoutProject();
  });
}
