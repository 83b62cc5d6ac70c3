import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const MAX_RECENT = 10;

/** Most recent first, unique, at most ten, and only files that still exist when listed. */
export function addRecent(list: string[], path: string): string[] {
  const full = resolve(path);
  return [full, ...list.filter((p) => p !== full)].slice(0, MAX_RECENT);
}

/** The recent-projects list kept in the app's user-data folder (never inside a project). */
export class RecentProjects {
  constructor(private readonly file: string) {}

  list(): string[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return Array.isArray(parsed)
        ? parsed.filter((p): p is string => typeof p === 'string' && existsSync(p))
        : [];
    } catch {
      return [];
    }
  }

  add(path: string): string[] {
    const next = addRecent(this.list(), path);
    this.save(next);
    return next;
  }

  clear(): void {
    this.save([]);
  }

  private save(list: string[]): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(list, null, 2));
    } catch {
      // A recent list that cannot be saved is an inconvenience, not a reason to fail opening a project.
    }
  }
}
