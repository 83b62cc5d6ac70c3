import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveRecent, MAX_RECENT, pushRecent, useRecentCodes } from '../../renderer/coding/recent';
import { anchorBox, placePopup } from '../../renderer/coding/placement';
import { quoteOf } from '../../renderer/transcript/requests';

describe('recent codes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the most recent first, without repeats, at most nine', () => {
    expect(pushRecent([3, 2, 1], 2)).toEqual([2, 3, 1]);
    expect(pushRecent([], 7)).toEqual([7]);
    const many = Array.from({ length: MAX_RECENT }, (_, i) => i);
    expect(pushRecent(many, 42)).toEqual([42, ...many.slice(0, MAX_RECENT - 1)]);
    expect(liveRecent([4, 5, 6], new Set([6, 4]))).toEqual([4, 6]);
  });

  it('remembers them per project file, and survives storage that fails', () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
    });
    const recent = useRecentCodes.getState();
    recent.forProject('/a.commonplace');
    useRecentCodes.getState().use(5);
    useRecentCodes.getState().use(8);
    expect(useRecentCodes.getState().ids).toEqual([8, 5]);
    useRecentCodes.getState().forProject('/b.commonplace');
    expect(useRecentCodes.getState().ids).toEqual([]);
    useRecentCodes.getState().forProject('/a.commonplace');
    expect(useRecentCodes.getState().ids).toEqual([8, 5]);

    stored.set('commonplace.recent-codes:/c.commonplace', '{not json');
    useRecentCodes.getState().forProject('/c.commonplace');
    expect(useRecentCodes.getState().ids).toEqual([]);
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    });
    useRecentCodes.getState().forProject('/d.commonplace');
    useRecentCodes.getState().use(1);
    expect(useRecentCodes.getState().ids).toEqual([1]);
  });
});

describe('popup placement', () => {
  const visible = { top: 0, left: 0, bottom: 800, right: 600 };

  it('goes below the passage, or above it when there is no room, inside the visible width', () => {
    const size = { width: 300, height: 200 };
    expect(placePopup({ top: 100, bottom: 120, left: 50, right: 200 }, size, visible)).toEqual({
      top: 128,
      left: 50,
      side: 'below',
    });
    expect(placePopup({ top: 700, bottom: 720, left: 450, right: 500 }, size, visible)).toEqual({
      top: 492,
      left: 300,
      side: 'above',
    });
    // Little room either way: the side with more room.
    expect(
      placePopup({ top: 300, bottom: 320, left: 0, right: 10 }, { width: 100, height: 700 }, visible).side,
    ).toBe('below');
  });

  it('anchors to the start of the last line of a multi-line passage', () => {
    expect(anchorBox([])).toBeNull();
    expect(
      anchorBox([
        { top: 10, bottom: 30, left: 200, right: 500 },
        { top: 40, bottom: 60, left: 20, right: 120 },
      ]),
    ).toEqual({ top: 10, bottom: 60, left: 20, right: 120 });
  });

  it('quotes a passage briefly, cut at a word', () => {
    expect(quoteOf('a  b\nc', 0, 6)).toBe('“a b c”');
    const long = 'word '.repeat(40);
    expect(quoteOf(long, 0, long.length, 20)).toBe('“word word word word…”');
  });
});
