import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  closeWindow(): void;
  quit(): void;
  /** Forwarded to the focused page, which decides between text undo and project undo. */
  undo(): void;
  redo(): void;
  find(): void;
  importDocuments(): void;
  exportData(): void;
  about(): void;
}

export interface MenuEnvironment {
  platform: NodeJS.Platform;
  /** Development builds get Reload and DevTools. */
  packaged: boolean;
  appName: string;
  recent: string[];
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** The native menu as plain data, so its shape can be tested without Electron. */
export function menuTemplate(actions: MenuActions, env: MenuEnvironment): MenuItemConstructorOptions[] {
  const mac = env.platform === 'darwin';
  const menu: MenuItemConstructorOptions[] = [];
  if (mac) {
    menu.push({
      label: env.appName,
      submenu: [
        { label: `About ${env.appName}`, click: () => actions.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { label: `Quit ${env.appName}`, accelerator: 'Cmd+Q', click: () => actions.quit() },
      ],
    });
  }
  menu.push({
    label: '&File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      {
        label: 'Open Recent',
        submenu: [
          ...env.recent.map((path) => ({
            label: fileName(path),
            toolTip: path,
            click: () => actions.openRecent(path),
          })),
          ...(env.recent.length ? [{ type: 'separator' } as const] : []),
          { label: 'Clear Menu', enabled: env.recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      {
        label: 'Import Documents…',
        accelerator: 'CmdOrCtrl+Shift+I',
        click: () => actions.importDocuments(),
      },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportData() },
      { type: 'separator' },
      { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => actions.closeWindow() },
      ...(mac
        ? []
        : [
            { type: 'separator' } as const,
            { label: 'Quit', accelerator: 'Ctrl+Q', click: () => actions.quit() },
          ]),
    ],
  });
  menu.push({
    label: '&Edit',
    submenu: [
      // Not registered as system shortcuts: the page handles the keys itself (in Electron, in the browser
      // and in tests alike), so the shortcut is shown here but reaches the page unchanged.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.undo() },
      {
        label: 'Redo',
        accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y',
        registerAccelerator: false,
        click: () => actions.redo(),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find…', accelerator: 'CmdOrCtrl+F', registerAccelerator: false, click: () => actions.find() },
    ],
  });
  menu.push({
    label: '&View',
    submenu: [
      ...(env.packaged
        ? []
        : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  if (mac) menu.push({ role: 'windowMenu' });
  menu.push({
    label: '&Help',
    role: 'help',
    submenu: [{ label: `About ${env.appName}`, click: () => actions.about() }],
  });
  return menu;
}
