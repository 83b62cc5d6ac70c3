import type { Database, Statement } from 'better-sqlite3';
import { TRACKED_TABLES } from './migrations';
import { notFound } from '../shared/errors';

const MAX_STEPS = 1000;
/** Changes with the same coalesce key closer together than this join one undo step. */
const COALESCE_MS = 2 * 60_000;

// Row-level undo log in the style of sqlite.org's "Automatic Undo/Redo": TEMP triggers (this connection
// only) write the inverse SQL of every change to history_ops while a step is open. Because the log lives
// in the project file, the desktop app and the CLI share one history.
export class History {
  private step: number | null = null;

  // The open step lives in a one-row TEMP table rather than behind a JS function: a trigger's WHEN calling
  // into JS cost ~4.5 µs for every row written, recorded or not.
  constructor(private readonly db: Database) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS cp_history_state(step INTEGER);
      INSERT INTO temp.cp_history_state(step) SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM temp.cp_history_state);`);
    this.setStep = db.prepare('UPDATE temp.cp_history_state SET step = ?');
    for (const table of TRACKED_TABLES) this.installTriggers(table);
  }

  private readonly setStep: Statement;

  private get currentStep(): number | null {
    return this.step;
  }

  private set currentStep(step: number | null) {
    if (step === this.step) return;
    this.setStep.run(step);
    this.step = step;
  }

  private installTriggers(table: string): void {
    const cols = (this.db.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const current = '(SELECT step FROM temp.cp_history_state)';
    const when = `WHEN ${current} IS NOT NULL`;
    const log = (expr: string) => `INSERT INTO main.history_ops(step_id, sql) VALUES (${current}, ${expr});`;
    const restoreRow = `'INSERT INTO ${table}(rowid,${cols.join(',')}) VALUES('||old.rowid||${cols
      .map((c) => `','||quote(old.${c})`)
      .join('||')}||')'`;
    // Only changed columns are logged, so renaming a document does not copy its whole text into the log.
    const changed = cols.map(
      (c) => `CASE WHEN old.${c} IS NOT new.${c} THEN ',${c}='||quote(old.${c}) ELSE '' END`,
    );
    const restoreValues = `'UPDATE ${table} SET rowid=rowid'||${changed.join('||')}||' WHERE rowid='||old.rowid`;
    const insertTrigger = `CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_insert AFTER INSERT ON main.${table} ${when}
        BEGIN ${log(`'DELETE FROM ${table} WHERE rowid='||new.rowid`)} END;`;
    this.insertTriggers.set(table, insertTrigger);
    this.db.exec(`
      ${insertTrigger}
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_update AFTER UPDATE ON main.${table} ${when}
        BEGIN ${log(restoreValues)} END;
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_delete BEFORE DELETE ON main.${table} ${when}
        BEGIN ${log(restoreRow)} END;
    `);
  }

  get recording(): boolean {
    return this.currentStep !== null;
  }

  private readonly insertTriggers = new Map<string, string>();

  /**
   * Runs `fn`, which inserts rows into `table` and records their compact inverse itself via `logInverse`
   * (one op per thousand rows instead of one per row). Only valid inside `record`. The table's insert
   * trigger is dropped meanwhile, inside the step's transaction, and put back: even with a false WHEN a
   * trigger costs a sub-program run per row, about a third of a 200,000-coding batch.
   */
  bulkInsert<T>(table: string, fn: () => T): T {
    const trigger = this.insertTriggers.get(table);
    if (this.currentStep === null || !trigger) return fn();
    this.db.exec(`DROP TRIGGER IF EXISTS temp.undo_${table}_insert`);
    try {
      return fn();
    } finally {
      this.db.exec(trigger);
    }
  }

  /** Appends an inverse statement to the open step (see `bulk`). */
  logInverse(sql: string): void {
    if (this.currentStep === null) return;
    this.db.prepare('INSERT INTO history_ops(step_id, sql) VALUES (?, ?)').run(this.currentStep, sql);
  }

  /**
   * Runs `fn` as one transaction recorded as one undoable step. Nested calls join the outer step.
   * With `coalesce`, a change with the same key soon after the previous one (autosave of the same memo)
   * joins that step, so one undo reverts a writing session rather than each pause in typing.
   */
  record<T>(label: string, fn: () => T, coalesce?: string): T {
    if (this.currentStep !== null) return fn();
    return this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM history_ops WHERE step_id IN (SELECT id FROM history_steps WHERE undone = 1)')
        .run();
      this.db.prepare('DELETE FROM history_steps WHERE undone = 1').run();
      const id = this.joinable(coalesce) ?? this.newStep(label);
      this.lastCoalesce = coalesce ? { key: coalesce, step: id, at: Date.now() } : null;
      this.currentStep = id;
      try {
        const result = fn();
        this.prune();
        return result;
      } finally {
        this.currentStep = null;
      }
    })();
  }

  private lastCoalesce: { key: string; step: number; at: number } | null = null;

  private joinable(key: string | undefined): number | undefined {
    const last = this.lastCoalesce;
    if (!key || !last || last.key !== key || Date.now() - last.at > COALESCE_MS) return undefined;
    // Only while that step is still the newest (another process or an undo may have intervened).
    return this.peekUndo()?.id === last.step ? last.step : undefined;
  }

  private newStep(label: string): number {
    return Number(
      this.db
        .prepare('INSERT INTO history_steps(label, created_at) VALUES (?, ?)')
        .run(label, new Date().toISOString()).lastInsertRowid,
    );
  }

  private prune(): void {
    const cutoff = this.db
      .prepare('SELECT id FROM history_steps ORDER BY id DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(MAX_STEPS) as number | undefined;
    if (cutoff === undefined) return;
    this.db.prepare('DELETE FROM history_ops WHERE step_id <= ?').run(cutoff);
    this.db.prepare('DELETE FROM history_steps WHERE id <= ?').run(cutoff);
  }

  /** The step `undo` would revert, if any. */
  peekUndo(): HistoryStep | undefined {
    return this.db
      .prepare(
        'SELECT id, label, created_at AS createdAt FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1',
      )
      .get() as HistoryStep | undefined;
  }

  peekRedo(): HistoryStep | undefined {
    return this.db
      .prepare(
        'SELECT id, label, created_at AS createdAt FROM history_steps WHERE undone = 1 ORDER BY id ASC LIMIT 1',
      )
      .get() as HistoryStep | undefined;
  }

  undo(): HistoryStep {
    const step = this.peekUndo();
    if (!step) throw notFound('Nothing to undo.');
    this.replay(step.id, 1);
    return step;
  }

  redo(): HistoryStep {
    const step = this.peekRedo();
    if (!step) throw notFound('Nothing to redo.');
    this.replay(step.id, 0);
    return step;
  }

  // Replays a step's inverse ops newest first; the triggers record their inverses under the same step,
  // which turns an undo log into a redo log and back.
  private replay(stepId: number, undone: 0 | 1): void {
    this.db.transaction(() => {
      this.db.pragma('defer_foreign_keys = ON');
      const ops = this.db
        .prepare('SELECT id, sql FROM history_ops WHERE step_id = ? ORDER BY id DESC')
        .all(stepId) as { id: number; sql: string }[];
      this.db.prepare('DELETE FROM history_ops WHERE step_id = ?').run(stepId);
      this.currentStep = stepId;
      try {
        // exec, not prepare().run(): each prepared statement holds ~10 KB of native memory until the JS
        // wrapper is collected, and replaying 5,000 ops grew the process by ~50 MB each time.
        for (const op of ops) this.db.exec(op.sql);
      } finally {
        this.currentStep = null;
      }
      this.db.prepare('UPDATE history_steps SET undone = ? WHERE id = ?').run(undone, stepId);
    })();
  }
}

export interface HistoryStep {
  id: number;
  label: string;
  createdAt: string;
}
