// A stand-in for the 'electron' module, bundled by the smoke test into node_modules/electron of a temp
// folder so the real dist bundles (main.cjs, preload.cjs) can be loaded by plain Node. It records what
// the app asks of Electron and lets the test drive it (IPC, protocol, navigation) from inside.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';

type Fn = (...args: never[]) => unknown;

export const recorded = {
  privilegedSchemes: [] as unknown[],
  sandboxEnabled: false,
  quit: 0,
  errorBoxes: [] as [string, string][],
  windows: [] as FakeWindow[],
  menu: null as unknown,
  ipc: new Map<string, Fn>(),
  protocols: new Map<string, Fn>(),
  permissionRequest: null as Fn | null,
  permissionCheck: null as Fn | null,
  beforeRequest: null as { filter: unknown; listener: Fn } | null,
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, Fn>(),
  invoked: [] as unknown[][],
};

Object.defineProperty(process.versions, 'electron', {
  value: process.env.FAKE_ELECTRON_VERSION ?? '39.8.10',
});
if (process.env.FAKE_ELECTRON_ABI)
  Object.defineProperty(process.versions, 'modules', { value: process.env.FAKE_ELECTRON_ABI });
Object.defineProperty(process, 'resourcesPath', { value: process.env.FAKE_RESOURCES ?? '/nonexistent' });

const appEvents = new EventEmitter();
let readyResolve: () => void;
const ready = new Promise<void>((r) => (readyResolve = r));
setImmediate(() => readyResolve());

export const app = Object.assign(appEvents, {
  isPackaged: false,
  enableSandbox: () => void (recorded.sandboxEnabled = true),
  requestSingleInstanceLock: () => true,
  whenReady: () => ready,
  quit: () => void recorded.quit++,
  getAppPath: () => process.env.FAKE_APP_PATH ?? '/nonexistent',
  getName: () => 'Commonplace',
  getVersion: () => '0.0.0-test',
  getPath: () => process.env.FAKE_USER_DATA ?? tmpdir(),
  addRecentDocument: () => undefined,
  clearRecentDocuments: () => undefined,
});

let nextId = 1;
class FakeContents extends EventEmitter {
  id = nextId++;
  mainFrame = { url: 'app://commonplace/index.html' };
  sent: unknown[][] = [];
  windowOpenHandler: Fn | null = null;
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler: Fn) {
    this.windowOpenHandler = handler;
  }
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  loaded: string | null = null;
  constructor(public options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  isMinimized = () => false;
  restore() {}
  focus() {}
  show() {}
  close() {
    this.emit('closed');
  }
  static getFocusedWindow = () => recorded.windows[0] ?? null;
}
export const BrowserWindow = FakeWindow;

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => void recorded.privilegedSchemes.push(...schemes),
  handle: (scheme: string, handler: Fn) => void recorded.protocols.set(scheme, handler),
};

export const ipcMain = { handle: (channel: string, handler: Fn) => void recorded.ipc.set(channel, handler) };

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu: (menu: unknown) => void (recorded.menu = menu),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h: Fn) => void (recorded.permissionRequest = h),
    setPermissionCheckHandler: (h: Fn) => void (recorded.permissionCheck = h),
    setDevicePermissionHandler: () => {},
    webRequest: {
      onBeforeRequest: (filter: unknown, listener: Fn) =>
        void (recorded.beforeRequest = { filter, listener }),
    },
  },
};

export const dialog = {
  showErrorBox: (title: string, message: string) => void recorded.errorBoxes.push([title, message]),
  // "Quit" on the start dialog, so a run without a project ends.
  showMessageBox: async () => ({ response: 2 }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};

// Preload side.
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => void recorded.exposed.set(key, api),
};
export const ipcRenderer = {
  invoke: async (...args: unknown[]) => {
    recorded.invoked.push(args);
    return { ok: true, value: 'from main' };
  },
  on: (channel: string, listener: Fn) => void recorded.rendererListeners.set(channel, listener),
};

(globalThis as Record<string, unknown>).__fakeElectron = recorded;
