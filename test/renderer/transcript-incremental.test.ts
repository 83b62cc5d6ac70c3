import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../../renderer/transcript/model';
import { updateTranscript } from '../../renderer/transcript/incremental';
import type { TranscriptBuild } from '../../renderer/transcript/incremental';
import { withCoding, withMemo, withoutCodings } from '../../renderer/coding/preview';
import type { DocumentView } from '../../shared/contract';
import { turnsOf } from '../helpers/project';
import type { Coding, Turn } from '../../shared/types';

// An update after a coding change must give exactly the blocks a fresh build gives, while reusing
// (the same objects) every block the change does not show in.

const TEXT = Array.from({ length: 60 }, (_, i) => `P${i % 7}: ${'word '.repeat(5 + (i % 9))}end.`).join(
  '\n\n',
);
const TURNS: Turn[] = turnsOf(TEXT).map((t, i) => ({ ...t, id: i + 1, speakerId: 1, words: 0 }));

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let nextId = 1;
function randomCoding(r: () => number): Coding {
  const start = Math.floor(r() * (TEXT.length - 10));
  const end = Math.min(TEXT.length, start + 1 + Math.floor(r() * 120));
  const codeId = 1 + Math.floor(r() * 5);
  return { id: nextId++, documentId: 1, codeId, start, end, coder: 't', createdAt: '', memo: null };
}

const byCode = (codings: readonly Coding[]) => {
  const codeOf = new Map(codings.map((k) => [k.id, k.codeId]));
  return (id: number) => 10 - (codeOf.get(id) ?? 0);
};

const update = (previous: TranscriptBuild | null, codings: Coding[]) =>
  updateTranscript(previous, TEXT, TURNS, codings, byCode(codings));

describe('updateTranscript', () => {
  it('gives the blocks a fresh build gives, after random adds, removals and moves', () => {
    expect(TURNS.length).toBeGreaterThan(50);
    const r = random(7);
    let codings = Array.from({ length: 40 }, () => randomCoding(r));
    let build = update(null, codings);
    for (let step = 0; step < 200; step++) {
      const roll = r();
      if (roll < 0.5 || codings.length === 0) codings = [...codings, randomCoding(r)];
      else if (roll < 0.8) codings = codings.filter((_, i) => i !== Math.floor(r() * codings.length));
      else {
        const i = Math.floor(r() * codings.length);
        codings = codings.map((k, j) => (j === i ? { ...randomCoding(r), id: k.id } : k));
      }
      const before = build.blocks;
      build = update(build, codings);
      expect(build.blocks).toEqual(buildTranscript(TEXT, TURNS, codings, byCode(codings)));
      const reused = build.blocks.filter((b, i) => b === before[i]).length;
      expect(reused).toBeGreaterThan(0);
    }
  });

  it('reuses every block when nothing changed, and rebuilds when the turns do', () => {
    const codings = [randomCoding(random(1))];
    const first = update(null, codings);
    const again = update(first, [...codings]);
    expect(again.blocks).toBe(first.blocks);
    const turns = TURNS.slice(1);
    const rebuilt = updateTranscript(first, TEXT, turns, codings, byCode(codings));
    expect(rebuilt.blocks).toEqual(buildTranscript(TEXT, turns, codings, byCode(codings)));
  });

  it('restacks the blocks of codings whose code moved in the codebook', () => {
    const r = random(3);
    const codings = Array.from({ length: 30 }, () => randomCoding(r));
    const first = update(null, codings);
    const flipped = (id: number) => -byCode(codings)(id);
    const next = updateTranscript(first, TEXT, TURNS, codings, flipped);
    expect(next.blocks).toEqual(buildTranscript(TEXT, TURNS, codings, flipped));
  });
});

describe('coding previews', () => {
  const coding = (id: number, start: number, end: number): Coding => ({
    id,
    documentId: 1,
    codeId: 1,
    start,
    end,
    coder: 't',
    createdAt: '',
    memo: null,
  });
  const view = {
    summary: { id: 1, codings: 2 },
    text: TEXT,
    turns: TURNS,
    codings: [coding(1, 0, 5), coding(2, 10, 20)],
  } as unknown as DocumentView;

  it('adds a coding in place and counts it, but not twice nor to another document', () => {
    const added = withCoding(view, coding(3, 5, 8))!;
    expect(added.codings.map((k) => k.id)).toEqual([1, 3, 2]);
    expect(added.summary.codings).toBe(3);
    expect(withCoding(view, coding(2, 10, 20))).toBeNull();
    expect(withCoding(view, { ...coding(4, 1, 2), documentId: 2 })).toBeNull();
  });

  it('removes codings and edits memos, or says it cannot', () => {
    const removed = withoutCodings(view, [1])!;
    expect(removed.codings.map((k) => k.id)).toEqual([2]);
    expect(removed.summary.codings).toBe(1);
    expect(withoutCodings(view, [9])).toBeNull();
    expect(withMemo(view, 2, 'Key quote')!.codings[1]!.memo).toBe('Key quote');
    expect(withMemo(view, 2, '  ')!.codings[1]!.memo).toBeNull();
    expect(withMemo(view, 9, 'x')).toBeNull();
  });
});
