import { describe, expect, it } from 'vitest';
import { surrounding } from '../../shared/text';
import { mulberry32 } from '../durability/random';

describe('the context around an excerpt', () => {
  it('shows every run of whitespace, and every line break or tab, as one space', () => {
    const random = mulberry32(5);
    const pieces = ['word', ' ', '  ', '\n', '\n\n', '\t', 'é', '😀', ' \u00a0', '.'];
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: 60 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const start = Math.floor(random() * text.length);
      const end = Math.min(text.length, start + Math.floor(random() * 20));
      const { before, after } = surrounding(text, start, end, 30);
      for (const side of [before, after]) {
        expect(side).not.toMatch(/\s\s|[^\S ]/);
      }
    }
    expect(surrounding('One.\n\nTwo  three\tfour five', 11, 16, 80)).toEqual({
      before: 'One. Two ',
      after: ' four five',
    });
  });
});
