import { expect } from 'vitest';
import type { Project } from '../../db/project';

const TABLES = ['documents', 'speakers', 'turns', 'codes', 'codings', 'attribute_defs', 'attribute_values'];

export function snapshot(p: Project): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, p.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

/** Runs `act` as exactly one new undo step, checks that undo restores every row and redo replays it. */
export function expectOneUndoableStep<T>(p: Project, act: () => T): T {
  const before = snapshot(p);
  const steps = p.db.prepare('SELECT count(*) FROM history_steps').pluck();
  const n = steps.get() as number;
  const result = act();
  const after = snapshot(p);
  expect(after).not.toEqual(before);
  expect(steps.get()).toBe(n + 1);
  p.history.undo();
  expect(snapshot(p)).toEqual(before);
  p.history.redo();
  expect(snapshot(p)).toEqual(after);
  return result;
}

/** Checks that `act` throws and leaves every row and the history as they were. */
export function expectNothingWritten(p: Project, act: () => unknown, message: RegExp): void {
  const before = snapshot(p);
  const steps = p.db.prepare('SELECT count(*) FROM history_steps').pluck().get();
  expect(act).toThrow(message);
  expect(snapshot(p)).toEqual(before);
  expect(p.db.prepare('SELECT count(*) FROM history_steps').pluck().get()).toBe(steps);
}
