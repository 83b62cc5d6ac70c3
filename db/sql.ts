import { randomUUID } from 'node:crypto';
import type { Project } from './project';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const SEQUENCE_HEX = Array.from({ length: 4096 }, (_, n) => hex(n, 3));
let lastMs = 0;
let sequence = 0;
let timePrefix = '';

/**
 * A version 7 UUID (RFC 9562): a millisecond timestamp and a 12-bit sequence within the millisecond, then
 * the variant and 62 random bits of a version 4 UUID. New rows land at the end of each `guid` index instead
 * of on random pages, which keeps a 200,000-coding batch from thrashing the page cache; the value is still
 * an ordinary UUID, as REFI-QDA requires.
 */
export function newGuid(): string {
  const ms = Date.now();
  if (ms === lastMs) sequence = (sequence + 1) & 0xfff;
  else {
    const time = hex(ms, 12);
    timePrefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
    sequence = 0;
    lastMs = ms;
  }
  // randomUUID() is xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx: keep from the dash before the variant on.
  return timePrefix + SEQUENCE_HEX[sequence]! + randomUUID().slice(18);
}

export const now = (): string => new Date().toISOString();

/** `?, ?, ?` for an IN (...) list of n values. */
export const paramList = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** Splits SQLite's group_concat output (unit-separator joined) back into a list. */
export const splitList = (s: string | null | undefined): string[] => (s ? s.split('\x1f') : []);
export const LIST_SEP = "'\x1f'";

/**
 * Changes whenever the project's data may have: data_version moves when another connection commits,
 * total_changes() counts this connection's writes. Keys the caches kept per connection.
 */
export function dataVersion(project: Project): string {
  const changes = project.db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${project.db.pragma('data_version', { simple: true }) as number}:${changes}`;
}
