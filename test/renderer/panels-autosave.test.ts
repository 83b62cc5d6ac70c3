import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, EMPTY_MEMO, sameMemo, statusText } from '../../renderer/panels/memo/autosave';
import type { MemoContent, SaveStatus } from '../../renderer/panels/memo/autosave';

const memo = (text: string): MemoContent => ({ text, json: `{"t":${JSON.stringify(text)}}` });

function setup(
  baseline: MemoContent = EMPTY_MEMO,
  save: (c: MemoContent) => Promise<void> = vi.fn(async (_c: MemoContent) => {}),
) {
  const statuses: SaveStatus['state'][] = [];
  const saver = new Autosaver({
    baseline,
    save,
    onStatus: (s) => statuses.push(s.state),
    delayMs: 800,
    now: () => new Date(2024, 3, 3, 14, 2),
  });
  return { saver, save, statuses };
}

describe('memo autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once typing has paused for the delay, with the latest text', async () => {
    const { saver, save } = setup();
    saver.change(memo('a'));
    await vi.advanceTimersByTimeAsync(500);
    saver.change(memo('ab'));
    await vi.advanceTimersByTimeAsync(799);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith(memo('ab'));
    expect(saver.dirty).toBe(false);
  });

  it('flushes at once (blur, switching target, unmount) and then has nothing left to save', async () => {
    const { saver, save } = setup();
    saver.change(memo('draft'));
    await saver.flush();
    expect(save).toHaveBeenCalledWith(memo('draft'));
    await vi.advanceTimersByTimeAsync(2000);
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does not save what is already stored, including typing and undoing back to it', async () => {
    const { saver, save, statuses } = setup(memo('kept'));
    saver.change(memo('kept!'));
    saver.change(memo('kept'));
    await vi.advanceTimersByTimeAsync(2000);
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
    expect(statuses.at(-1)).toBe('idle');
  });

  it('treats an emptied editor as no memo, so an empty memo is never saved on load', async () => {
    const { saver, save } = setup();
    saver.change({ text: '  ', json: '{"root":"empty paragraph"}' });
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
    expect(sameMemo({ text: '\n', json: 'x' }, EMPTY_MEMO)).toBe(true);
  });

  it('never runs two saves at once; typing during a save is saved after it', async () => {
    let release!: () => void;
    const calls: string[] = [];
    const save = vi.fn(async (c: MemoContent) => {
      calls.push(`start ${c.text}`);
      if (c.text === 'one') await new Promise<void>((r) => (release = r));
      calls.push(`end ${c.text}`);
    });
    const { saver } = setup(EMPTY_MEMO, save);
    saver.change(memo('one'));
    const first = saver.flush();
    saver.change(memo('two'));
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toEqual(['start one']);
    release();
    await first;
    await saver.flush();
    expect(calls).toEqual(['start one', 'end one', 'start two', 'end two']);
  });

  it('reports Saving… and Saved HH:MM, and keeps failed text for the next attempt', async () => {
    const save = vi.fn(async (_c: MemoContent) => {
      if (save.mock.calls.length === 1) throw new Error('The project is locked.');
    });
    const { saver, statuses } = setup(EMPTY_MEMO, save);
    saver.change(memo('x'));
    await saver.flush();
    expect(statuses).toEqual(['pending', 'saving', 'error']);
    expect(saver.dirty).toBe(true);
    // A failure does not retry in a loop; the next flush (blur, Retry) does.
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toBe('saved');
    expect(saver.saved).toEqual(memo('x'));
  });

  it('words the status quietly', () => {
    expect(statusText({ state: 'pending' })).toBe('Saving…');
    expect(statusText({ state: 'saving' })).toBe('Saving…');
    const at = new Date(2024, 3, 3, 14, 2);
    const clock = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    expect(statusText({ state: 'saved', at })).toBe(`Saved ${clock}`);
    expect(statusText({ state: 'error', message: 'Disk full.' })).toBe('Not saved: Disk full.');
    expect(statusText({ state: 'idle' })).toBe('');
    expect(statusText({ state: 'idle' }, new Date(2024, 3, 3, 14, 2))).toMatch(
      new RegExp(`^Last saved .+ ${clock}$`),
    );
    expect(statusText({ state: 'idle' }, new Date('not a date'))).toBe('');
  });
});
