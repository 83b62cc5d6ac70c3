import { describe, expect, it } from 'vitest';
import {
  extendBySentence,
  nextSentence,
  previousSentence,
  sentenceRanges,
} from '../../renderer/transcript/sentences';
import { assignLanes } from '../../renderer/transcript/lanes';

const words = (text: string, ranges: { start: number; end: number }[]) =>
  ranges.map((r) => text.slice(r.start, r.end));

describe('sentences for keyboard selection', () => {
  it('splits at terminators followed by space, and at line breaks, trimming each sentence', () => {
    const text = 'Label: It cost £3.50 a week. Really?! "Yes." Then…\n\nNew paragraph 😀 here';
    const from = text.indexOf('It');
    expect(words(text, sentenceRanges(text, from, text.length))).toEqual([
      'It cost £3.50 a week.',
      'Really?!',
      '"Yes."',
      'Then…',
      'New paragraph 😀 here',
    ]);
    expect(sentenceRanges(text, 0, 0)).toEqual([]);
    expect(sentenceRanges('   ', 0, 3)).toEqual([]);
  });

  it('moves to the next and previous sentence, wrapping, and extends by one', () => {
    const s = [
      { start: 0, end: 5 },
      { start: 6, end: 10 },
      { start: 11, end: 20 },
    ];
    expect(nextSentence(s, null)).toEqual(s[0]);
    expect(nextSentence(s, s[0]!)).toEqual(s[1]);
    expect(nextSentence(s, s[2]!)).toEqual(s[0]);
    // A mouse selection inside the second sentence: next is the third.
    expect(nextSentence(s, { start: 7, end: 8 })).toEqual(s[2]);
    expect(previousSentence(s, null)).toEqual(s[2]);
    expect(previousSentence(s, s[1]!)).toEqual(s[0]);
    expect(previousSentence(s, s[0]!)).toEqual(s[2]);
    expect(extendBySentence(s, s[0]!)).toEqual({ start: 0, end: 10 });
    expect(extendBySentence(s, { start: 0, end: 10 })).toEqual({ start: 0, end: 20 });
    expect(extendBySentence(s, { start: 0, end: 20 })).toEqual({ start: 0, end: 20 });
    expect(extendBySentence(s, null)).toEqual(s[0]);
    expect(nextSentence([], null)).toBeNull();
    expect(previousSentence([], s[0]!)).toBeNull();
  });
});

describe('underline lanes', () => {
  it('keeps each coding in one lane and reuses lanes once a coding ends', () => {
    const lanes = assignLanes([
      { id: 1, start: 0, end: 100 },
      { id: 2, start: 10, end: 20 },
      { id: 3, start: 20, end: 30 },
      { id: 4, start: 25, end: 40 },
      { id: 5, start: 100, end: 120 },
    ]);
    expect(Object.fromEntries(lanes)).toEqual({ 1: 0, 2: 1, 3: 1, 4: 2, 5: 0 });
  });

  it('puts the longer of two codings starting together in the lower lane, then codebook order', () => {
    const order = (a: number, b: number) => b - a;
    expect(
      Object.fromEntries(
        assignLanes(
          [
            { id: 1, start: 0, end: 10 },
            { id: 2, start: 0, end: 50 },
            { id: 3, start: 0, end: 10 },
          ],
          order,
        ),
      ),
    ).toEqual({ 2: 0, 3: 1, 1: 2 });
  });
});
