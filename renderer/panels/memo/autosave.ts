// Autosave for one memo: wait until typing pauses, never save what is already saved, never run two
// saves at once (the second would race the first in the core), and let callers flush on blur, on a
// change of target and on unmount.

export interface MemoContent {
  /** Plain text, for search and export. */
  text: string;
  /** Lexical editor state as JSON. */
  json: string;
}

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'error'; message: string };

export const EMPTY_MEMO: MemoContent = { text: '', json: '' };

/** A memo with no words is no memo: the core deletes it, and an empty editor must compare equal to it. */
export function normalizeMemo(c: MemoContent): MemoContent {
  return c.text.trim() === '' ? EMPTY_MEMO : c;
}

export const sameMemo = (a: MemoContent, b: MemoContent): boolean => {
  const [x, y] = [normalizeMemo(a), normalizeMemo(b)];
  return x.text === y.text && x.json === y.json;
};

export interface AutosaverOptions {
  /** What is already stored: changes back to it are not saved. */
  baseline: MemoContent;
  save(content: MemoContent): Promise<void>;
  onStatus(status: SaveStatus): void;
  delayMs?: number;
  now?: () => Date;
}

export class Autosaver {
  private baseline: MemoContent;
  private latest: MemoContent | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<boolean> | null = null;
  private settled: SaveStatus = { state: 'idle' };

  constructor(private readonly options: AutosaverOptions) {
    this.baseline = normalizeMemo(options.baseline);
  }

  /** The content last stored (or loaded). */
  get saved(): MemoContent {
    return this.baseline;
  }

  get dirty(): boolean {
    return this.latest !== null;
  }

  change(content: MemoContent): void {
    this.clearTimer();
    if (sameMemo(content, this.baseline) && !this.running) {
      // Typed and undone again: nothing to save, and the status goes back to what it was.
      this.latest = null;
      if (this.settled.state === 'error') this.settled = { state: 'idle' };
      this.options.onStatus(this.settled);
      return;
    }
    this.latest = normalizeMemo(content);
    this.options.onStatus({ state: 'pending' });
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? 800);
  }

  /** Saves any unsaved change now; resolves when everything typed so far is stored (or failed). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.running) await this.running;
    const content = this.latest;
    if (!content) return;
    this.latest = null;
    if (sameMemo(content, this.baseline)) {
      this.options.onStatus(this.settled);
      return;
    }
    this.running = this.store(content);
    let ok: boolean;
    try {
      ok = await this.running;
    } finally {
      this.running = null;
    }
    // Typing during the save left a newer version waiting, and its timer may have fired into the wait
    // above. After a failure, wait for the user (a change, a blur, Retry) rather than loop.
    if (ok && this.latest && !this.timer) await this.flush();
  }

  /** Stops the timer without saving (the caller flushes first if it wants the change kept). */
  dispose(): void {
    this.clearTimer();
  }

  private async store(content: MemoContent): Promise<boolean> {
    this.options.onStatus({ state: 'saving' });
    try {
      await this.options.save(content);
      this.baseline = content;
      this.settled = { state: 'saved', at: (this.options.now ?? (() => new Date()))() };
      if (!this.latest) this.options.onStatus(this.settled);
      return true;
    } catch (e) {
      // Keep the unsaved text so the next change or flush tries again.
      this.latest ??= content;
      this.settled = { state: 'error', message: e instanceof Error ? e.message : String(e) };
      this.options.onStatus(this.settled);
      return false;
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

const clock = (d: Date) => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The quiet line under a memo. `stored` is when the memo was last saved before this editor opened. */
export function statusText(status: SaveStatus, stored?: Date | null): string {
  switch (status.state) {
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${clock(status.at)}`;
    case 'error':
      return `Not saved: ${status.message}`;
    case 'idle':
      if (!stored || Number.isNaN(stored.getTime())) return '';
      return `Last saved ${stored.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${clock(stored)}`;
  }
}
