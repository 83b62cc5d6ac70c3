import { describe, expect, it } from 'vitest';
import { WordStarts } from '../../db/analysis/word-starts';
import { mulberry32 } from '../durability/random';

const naive = (xs: number[], x: number) => {
  const i = xs.findIndex((v) => v >= x);
  return i < 0 ? xs.length : i;
};

describe('word starts kept in 2 bytes each', () => {
  it('find the same first word at or after any offset as the full offsets do, across 64K blocks', () => {
    const random = mulberry32(3);
    for (const gap of [1, 7, 300, 40_000, 200_000]) {
      const xs: number[] = [];
      for (let at = Math.floor(random() * gap); xs.length < 2_000; at += 1 + Math.floor(random() * gap))
        xs.push(at);
      const ws = WordStarts.from(Int32Array.from([...xs, 999]), xs.length);
      expect(ws.length).toBe(xs.length);
      expect(Array.from(ws.offsets())).toEqual(xs);
      const last = xs[xs.length - 1]!;
      const probes = [-5, 0, 1, 65_535, 65_536, 65_537, 131_072, last, last + 1, last + 70_000];
      for (let i = 0; i < 300; i++) probes.push(Math.floor(random() * (last + 2)));
      for (const x of probes) expect(ws.lowerBound(x), `gap ${gap}, x ${x}`).toBe(naive(xs, x));
    }
    expect(WordStarts.from(new Int32Array(0), 0).lowerBound(10)).toBe(0);
  });
});
