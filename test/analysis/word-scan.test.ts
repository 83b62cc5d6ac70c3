import { describe, expect, it } from 'vitest';
import { scanWordStarts } from '../../shared/word-scan';
import { mulberry32 } from '../durability/random';

// countWords' own pattern (shared/text.ts): the scanner must find exactly its matches.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*/gu;
const PIECES = [
  'a',
  'Z',
  '7',
  'é',
  'e\u0301',
  '😀',
  '𝐀',
  '𠀀',
  '\ud800',
  '\udc00',
  "'",
  '’',
  '-',
  '.',
  ' ',
  '\n',
  ',',
  '—',
  '_',
  'ß',
  'ж',
  '٣',
];

const starts = (text: string) => {
  const out: number[] = [];
  scanWordStarts(text, (at) => out.push(at));
  return out;
};

describe('the word scanner', () => {
  it('finds where the word pattern matches, on random mixes of letters, marks, joiners and surrogates', () => {
    const random = mulberry32(11);
    for (let round = 0; round < 2000; round++) {
      const length = Math.floor(random() * 30);
      const text = Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
      expect(starts(text), JSON.stringify(text)).toEqual([...text.matchAll(WORD)].map((m) => m.index));
    }
  });

  it('joins words only across one joiner between word characters', () => {
    expect(starts("don't well-known e.g. a--b x. ’y")).toEqual([0, 6, 17, 22, 25, 27, 31]);
  });
});
