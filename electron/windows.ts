import { BrowserWindow } from 'electron';
import type { WebContents } from 'electron';
import { resolve } from 'node:path';
import { Project } from '../db/project';
import { createHandlers } from '../db/handlers';
import type { Handlers } from '../db/handlers';
import { APP_ENTRY, secureWebPreferences } from './security';
import { electronHost } from './host';
import { PROGRESS_CHANNEL } from './channels';
import { BackupScheduler } from '../db/backup';

interface OpenProject {
  window: BrowserWindow;
  project: Project;
  handlers: Handlers;
  backups: BackupScheduler;
}

export interface WindowOptions {
  preload: string;
  nativeBinding: string;
  devTools: boolean;
  onBackupError?: (project: Project, error: unknown) => void;
}

/** One window per open project; the project is closed with its window. */
export class ProjectWindows {
  private readonly byContents = new Map<number, OpenProject>();

  constructor(private readonly options: WindowOptions) {}

  get count(): number {
    return this.byContents.size;
  }

  /** Opens (or creates) the project in a new window, or focuses the window that already has it. */
  open(path: string, create: boolean): BrowserWindow {
    const wanted = resolve(path);
    for (const open of this.byContents.values()) {
      if (open.project.path === wanted && !create) {
        if (open.window.isMinimized()) open.window.restore();
        open.window.focus();
        return open.window;
      }
    }
    // The app holds the project's lock while it is open: a second window, app or CLI write is refused.
    const binding = {
      nativeBinding: this.options.nativeBinding,
      lock: 'exclusive' as const,
      app: 'Commonplace',
    };
    const project = create ? Project.create(wanted, binding) : Project.open(wanted, binding);
    try {
      return this.show(project);
    } catch (e) {
      project.close();
      throw e;
    }
  }

  warningsFor(window: BrowserWindow): string[] {
    return this.byContents.get(window.webContents.id)?.project.warnings ?? [];
  }

  handlersFor(contents: WebContents): Handlers | undefined {
    return this.byContents.get(contents.id)?.handlers;
  }

  private show(project: Project): BrowserWindow {
    const window = new BrowserWindow({
      title: project.name,
      width: 1280,
      height: 820,
      minWidth: 760,
      minHeight: 480,
      show: false,
      backgroundColor: '#f7f6f3',
      webPreferences: {
        ...secureWebPreferences(this.options.preload, { devTools: this.options.devTools }),
        // Repeated as literals so the static security scan (electronegativity, run in CI) can see them.
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const id = window.webContents.id;
    const progress = (done: number, total: number, file: string) => {
      if (!window.isDestroyed()) window.webContents.send(PROGRESS_CHANNEL, { done, total, file });
    };
    const backups = new BackupScheduler(project, {
      onError: (e) => this.options.onBackupError?.(project, e),
    });
    void backups.start();
    this.byContents.set(id, {
      window,
      project,
      backups,
      handlers: createHandlers(project, electronHost(window, project, progress), { progress }),
    });
    // The title names the project, whatever <title> the page sets.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      this.byContents.delete(id);
      // A last backup if anything changed, then release the file and its lock.
      void backups.flush().finally(() => project.close());
    });
    void window.loadURL(APP_ENTRY);
    return window;
  }

  closeAll(): void {
    for (const { window } of this.byContents.values()) window.close();
  }
}
