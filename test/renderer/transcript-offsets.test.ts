import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../../renderer/transcript/model';
import { domPointToOffset, offsetToDomPoint, tidyRange } from '../../renderer/transcript/offsets';
import type { Coding, Turn } from '../../shared/types';
import { el, renderBlocks, text, textNodes } from './fake-dom';
import type { FakeNode } from './fake-dom';

// DOM positions in the rendered transcript to UTF-16 offsets of the canonical text, and back: astral
// characters (emoji count two code units), speaker labels and timestamps that are shown only as headers,
// turns of several paragraphs, and highlights splitting the text into pieces.

const TEXT = `Panel on housing, 3 April 🏠

[00:00:42] Zoë (Housing): Honestly 😀 the targets drive everything.

Second paragraph of Zoë's turn, with 👩‍👩‍👧 a family.
[00:01:10] Sam: Trust. An honest relationship 🤝.
`;

function turn(label: string, until: string | null, time: number | null): Turn {
  const start = TEXT.indexOf(label);
  const end = until === null ? TEXT.length : TEXT.indexOf(until);
  const speaker = label.replace(/^\[[^\]]*\] /, '').replace(/: $/, '');
  return { id: start, speaker, speakerId: 1, start, bodyStart: start + label.length, end, time, words: 0 };
}

const TURNS = [turn('[00:00:42] Zoë (Housing): ', '[00:01:10]', 42), turn('[00:01:10] Sam: ', null, 70)];

function coding(id: number, phrase: string): Coding {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return {
    id,
    documentId: 1,
    codeId: id,
    start,
    end: start + phrase.length,
    coder: 't',
    createdAt: '',
    memo: null,
  };
}

const CODINGS = [
  coding(1, '😀 the targets'),
  coding(2, 'targets drive everything.\n\nSecond'),
  coding(3, 'family'),
];
const blocks = buildTranscript(TEXT, TURNS, CODINGS);
const root = renderBlocks(blocks);
const shownText = textNodes(root).filter((n) => n.parentNode?.getAttribute('data-start') !== null);

describe('DOM points to document offsets', () => {
  it('maps every position inside every piece of shown text to its UTF-16 offset', () => {
    let checked = 0;
    for (const node of shownText) {
      const start = Number(node.parentNode!.getAttribute('data-start'));
      expect(TEXT.slice(start, start + node.data.length)).toBe(node.data);
      for (let i = 0; i <= node.data.length; i++) {
        expect(domPointToOffset(root, node, i, 'start')).toBe(start + i);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(TEXT.length * 0.8);
  });

  it('counts an emoji as two code units, like the core', () => {
    const piece = shownText.find((n) => n.data.startsWith('😀'))!;
    expect(domPointToOffset(root, piece, 2, 'start')).toBe(TEXT.indexOf('😀') + 2);
    expect(TEXT.slice(TEXT.indexOf('😀'), domPointToOffset(root, piece, 2, 'end')!)).toBe('😀');
  });

  it('snaps points in a turn header to the words: a start to the turn body, an end to the turn before', () => {
    const sam = root.childNodes.find((b) => b.getAttribute('data-block') === `t${TURNS[1]!.start}`)!;
    const speaker = textNodes(sam.childNodes[0]!)[0]!;
    expect(domPointToOffset(root, speaker, 1, 'start')).toBe(TURNS[1]!.bodyStart);
    expect(domPointToOffset(root, speaker, 1, 'end')).toBe(TEXT.indexOf('a family.') + 'a family.'.length);
    // An element point before the header (the whole turn selected by a triple click ends there).
    expect(domPointToOffset(root, sam, 0, 'end')).toBe(TEXT.indexOf('a family.') + 'a family.'.length);
    expect(domPointToOffset(root, sam, 0, 'start')).toBe(TURNS[1]!.bodyStart);
  });

  it('maps element points between pieces and across the line breaks of a two-paragraph turn', () => {
    const zoe = root.childNodes.find((b) => b.getAttribute('data-block') === `t${TURNS[0]!.start}`)!;
    const body = zoe.childNodes[1]!;
    const firstBreak = body.childNodes.findIndex((c) => c.tag === 'br');
    // Just before the first <br>: the end of the first paragraph; just after the second: the next one.
    expect(domPointToOffset(root, body, firstBreak, 'end')).toBe(TEXT.indexOf('everything.') + 11);
    expect(domPointToOffset(root, body, firstBreak + 2, 'start')).toBe(TEXT.indexOf('Second'));
    // A selection of the whole body, as element points on the body itself.
    const start = domPointToOffset(root, body, 0, 'start')!;
    const end = domPointToOffset(root, body, body.childNodes.length, 'end')!;
    expect(TEXT.slice(start, end)).toBe(
      "Honestly 😀 the targets drive everything.\n\nSecond paragraph of Zoë's turn, with 👩‍👩‍👧 a family.",
    );
  });

  it('maps points on a piece element, and has nothing before the first or after the last text', () => {
    const piece = shownText[0]!.parentNode!;
    expect(domPointToOffset(root, piece, 0, 'start')).toBe(0);
    expect(domPointToOffset(root, piece, 1, 'end')).toBe(TEXT.indexOf('🏠') + 2);
    expect(domPointToOffset(root, root, 0, 'end')).toBeNull();
    expect(domPointToOffset(root, root, root.childNodes.length, 'start')).toBeNull();
    expect(domPointToOffset(root, el('div'), 0, 'start')).toBeNull();
  });
});

describe('document offsets to DOM points', () => {
  const at = (offset: number, bias: 'start' | 'end') => {
    const p = offsetToDomPoint(root, offset, bias)!;
    return { text: (p.node as FakeNode).data, offset: p.offset };
  };

  it('finds the piece holding an offset, and round-trips with the forward mapping', () => {
    // Code units that are shown (inside a piece); labels, timestamps and newlines are not.
    const shown = new Set<number>();
    for (const b of blocks)
      for (const line of b.lines) for (const p of line) for (let i = p.start; i < p.end; i++) shown.add(i);
    for (let offset = 0; offset <= TEXT.length; offset++) {
      const start = offsetToDomPoint(root, offset, 'start');
      if (start) {
        const back = domPointToOffset(root, start.node, start.offset, 'start')!;
        if (shown.has(offset)) expect(back).toBe(offset);
        // A hidden offset moves forward over hidden code units only.
        for (let i = offset; i < back; i++) expect(shown.has(i)).toBe(false);
      }
      const end = offsetToDomPoint(root, offset, 'end');
      if (end) {
        const back = domPointToOffset(root, end.node, end.offset, 'end')!;
        if (shown.has(offset - 1)) expect(back).toBe(offset);
        for (let i = back; i < offset; i++) expect(shown.has(i)).toBe(false);
      }
    }
    const emoji = TEXT.indexOf('🤝');
    expect(at(emoji, 'start')).toEqual({ text: 'Trust. An honest relationship 🤝.', offset: 30 });
  });

  it('moves offsets on a label to the turn body (start) or the turn before (end)', () => {
    const label = TURNS[1]!.start + 3;
    expect(at(label, 'start')).toEqual({ text: 'Trust. An honest relationship 🤝.', offset: 0 });
    // "family" is coded, so the last piece of Zoë's turn is the full stop after it.
    expect(at(label, 'end')).toEqual({ text: '.', offset: 1 });
  });

  it('handles a piece without a text node', () => {
    const bare = el(
      'div',
      {},
      el(
        'p',
        { 'data-block': 'p0', 'data-body-start': 0, 'data-body-end': 3 },
        el('span', { 'data-start': 0 }),
      ),
    );
    expect(offsetToDomPoint(bare, 0, 'start')).toBeNull();
    const one = el(
      'div',
      {},
      el(
        'p',
        { 'data-block': 'p0', 'data-body-start': 0, 'data-body-end': 3 },
        el('span', { 'data-start': 0 }, text('abc')),
      ),
    );
    expect(offsetToDomPoint(one, 3, 'end')).toMatchObject({ offset: 3 });
  });
});

describe('tidyRange', () => {
  it('drops whitespace at the ends and never splits a surrogate pair', () => {
    const t = 'a 😀 b';
    expect(tidyRange(t, 1, 5)).toEqual({ start: 2, end: 4 });
    // Starting on the low half of the emoji takes the whole emoji; ending inside it does too.
    expect(tidyRange(t, 3, 4)).toEqual({ start: 2, end: 4 });
    expect(tidyRange(t, 0, 3)).toEqual({ start: 0, end: 4 });
    expect(tidyRange(t, 1, 2)).toBeNull();
    expect(tidyRange(t, -5, 99)).toEqual({ start: 0, end: 6 });
  });
});
