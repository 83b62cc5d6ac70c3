// Keeps a project's backups current while it is open, without the caller thinking about it.

import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import type { Project } from './project';
import { schemaVersion } from './migrate';
import { backupNow, listBackups, type BackupInfo, type BackupOptions } from './backup';

/** What the project holds, cheaply: equal stamps mean a backup would copy the same content. */
function contentStamp(db: Database.Database): string {
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM history_steps) || ':' || ifnull((SELECT max(id) FROM history_steps), 0) || ':' ||
        (SELECT count(*) FROM history_steps WHERE undone = 1) || ':' || (SELECT count(*) FROM documents) || ':' ||
        (SELECT count(*) FROM codes) || ':' || (SELECT count(*) FROM codings) || ':' || (SELECT count(*) FROM memos)`,
    )
    .pluck()
    .get() as string;
  return `${schemaVersion(db)}:${counts}`;
}

function stampOfFile(file: string, nativeBinding: string | undefined): string | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      return contentStamp(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface SchedulerOptions extends BackupOptions {
  /** Minutes between checks for changes; default 10. */
  intervalMinutes?: number;
  timers?: Timers;
  onBackup?: (info: BackupInfo) => void;
  onError?: (error: unknown) => void;
}

const realTimers: Timers = {
  setInterval: (fn, ms) => {
    const handle = setInterval(fn, ms);
    handle.unref?.(); // never the reason a process stays alive
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * Backs up when a project is opened, then every N minutes if it changed. Changes by this connection
 * show in total_changes(), changes by other processes (the CLI) in PRAGMA data_version.
 */
export class BackupScheduler {
  private handle: unknown = null;
  private savedSignature: string | null = null;
  private inFlight: Promise<BackupInfo | null> | null = null;
  private readonly timers: Timers;

  constructor(
    private readonly project: Project,
    private readonly options: SchedulerOptions = {},
  ) {
    this.timers = options.timers ?? realTimers;
  }

  private signature(): string {
    const version = this.project.db.pragma('data_version', { simple: true }) as number;
    const changes = this.project.db.prepare('SELECT total_changes()').pluck().get() as number;
    return `${version}:${changes}`;
  }

  /** The opening backup (skipped when the newest backup already holds this content), then the timer. */
  async start(): Promise<BackupInfo | null> {
    if (this.handle === null) {
      const ms = (this.options.intervalMinutes ?? 10) * 60_000;
      this.handle = this.timers.setInterval(() => void this.tick(), ms);
    }
    const newest = listBackups(
      this.project.path,
      this.options.dir ? resolve(this.options.dir) : undefined,
    )[0];
    if (newest && stampOfFile(newest.path, this.project.nativeBinding) === contentStamp(this.project.db)) {
      this.savedSignature = this.signature();
      return null;
    }
    return this.run();
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearInterval(this.handle);
    this.handle = null;
  }

  /** Backs up if anything changed since the last backup. Never rejects: failures go to onError. */
  tick(): Promise<BackupInfo | null> {
    if (!this.project.db.open || this.signature() === this.savedSignature) return Promise.resolve(null);
    return this.run();
  }

  /** For closing a project: a last backup if anything changed, then no more. */
  async flush(): Promise<BackupInfo | null> {
    this.stop();
    await this.inFlight;
    return this.tick();
  }

  private run(): Promise<BackupInfo | null> {
    if (this.inFlight) return this.inFlight;
    // Taken before copying, so a change made during the copy triggers the next backup.
    const signature = this.signature();
    this.inFlight = backupNow(this.project, this.options)
      .then((info) => {
        this.savedSignature = signature;
        this.options.onBackup?.(info);
        return info;
      })
      .catch((e: unknown) => {
        this.options.onError?.(e);
        return null;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
