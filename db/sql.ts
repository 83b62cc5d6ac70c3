import { randomUUID } from 'node:crypto';

export const newGuid = (): string => randomUUID();
export const now = (): string => new Date().toISOString();

/** `?, ?, ?` for an IN (...) list of n values. */
export const paramList = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** Splits SQLite's group_concat output (unit-separator joined) back into a list. */
export const splitList = (s: string | null | undefined): string[] => (s ? s.split('\x1f') : []);
export const LIST_SEP = "'\x1f'";
