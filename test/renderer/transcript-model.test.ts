import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../../renderer/transcript/model';
import type { Block } from '../../renderer/transcript/model';
import {
  blendTint,
  laneColor,
  luminance,
  MAX_LANES,
  segmentStyle,
} from '../../renderer/transcript/highlight';
import { formatTime, tint } from '../../renderer/format';
import { turnsOf } from '../helpers/project';
import type { Coding, Turn } from '../../shared/types';

const TEXT = `Title line

Ann: One two three.

Bob: Four five
six seven.
`;

function turns(text: string): Turn[] {
  return turnsOf(text).map((t, i) => ({ ...t, id: i + 1, speakerId: i + 1, words: 0 }));
}

let nextId = 1;
function coding(text: string, phrase: string, codeId = 1, from = 0): Coding {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(phrase);
  return {
    id: nextId++,
    documentId: 1,
    codeId,
    start,
    end: start + phrase.length,
    coder: 't',
    createdAt: '',
    memo: null,
  };
}

/** Each block as its lines of [text, codingIds] pairs, for readable expectations. */
const shape = (blocks: Block[]) =>
  blocks.map((b) => ({
    kind: b.kind,
    ...(b.kind === 'turn' ? { speaker: b.speaker } : {}),
    lines: b.lines.map((l) => l.map((s) => [s.text, s.codingIds])),
  }));

describe('buildTranscript', () => {
  it('makes a block per turn body and per paragraph outside turns', () => {
    const blocks = buildTranscript(TEXT, turns(TEXT), []);
    expect(shape(blocks)).toEqual([
      { kind: 'text', lines: [[['Title line', []]]] },
      { kind: 'turn', speaker: 'Ann', lines: [[['One two three.', []]]] },
      // The turn's trailing newline is not an empty line.
      { kind: 'turn', speaker: 'Bob', lines: [[['Four five', []]], [['six seven.', []]]] },
    ]);
    const ann = blocks[1]!;
    expect(ann.lines[0]![0]).toMatchObject({ start: TEXT.indexOf('One'), end: TEXT.indexOf('One') + 14 });
  });

  it('splits text at coding boundaries and keeps overlapping codings on every piece they cover', () => {
    const a = coding(TEXT, 'two three', 1);
    const b = coding(TEXT, 'three.', 2);
    const blocks = buildTranscript(TEXT, turns(TEXT), [b, a]);
    expect(shape(blocks)[1]).toEqual({
      kind: 'turn',
      speaker: 'Ann',
      lines: [
        [
          ['One ', []],
          ['two ', [a.id]],
          ['three', [a.id, b.id]],
          ['.', [b.id]],
        ],
      ],
    });
    expect(blocks[1]!.codingIds).toEqual([a.id, b.id]);
    expect(blocks[2]!.codingIds).toEqual([]);
  });

  it('orders stacked codings by codebook position, and carries codings across line breaks', () => {
    const early = coding(TEXT, 'five\nsix', 9);
    const late = coding(TEXT, 'five', 3);
    const position = new Map([
      [early.id, 0],
      [late.id, 1],
    ]);
    const blocks = buildTranscript(TEXT, turns(TEXT), [late, early], (id) => position.get(id) ?? 0);
    expect(shape(blocks)[2]!.lines).toEqual([
      [
        ['Four ', []],
        ['five', [early.id, late.id]],
      ],
      [
        ['six', [early.id]],
        [' seven.', []],
      ],
    ]);
  });

  it('clips codings to what is shown: labels are headers, not text', () => {
    const label = coding(TEXT, 'Ann: One', 1);
    const blocks = buildTranscript(TEXT, turns(TEXT), [label]);
    expect(shape(blocks)[1]!.lines).toEqual([
      [
        ['One', [label.id]],
        [' two three.', []],
      ],
    ]);
  });

  it('handles a document without turns, and one with many codings quickly', () => {
    const plain = 'Just notes.\n\nSecond paragraph.';
    expect(shape(buildTranscript(plain, [], []))).toEqual([
      { kind: 'text', lines: [[['Just notes.', []]]] },
      { kind: 'text', lines: [[['Second paragraph.', []]]] },
    ]);
    const long = Array.from({ length: 3000 }, (_, i) => `P${i}: ${'word '.repeat(40)}`).join('\n\n');
    const many = Array.from({ length: 5000 }, (_, i) => {
      const start = (i * 37) % (long.length - 50);
      return { ...coding(long, 'P0'), id: 100_000 + i, start, end: start + 40 };
    });
    const started = performance.now();
    const blocks = buildTranscript(long, turns(long), many);
    expect(blocks).toHaveLength(3000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('highlight styles', () => {
  it('tints one code and gives each coding its own underline lane', () => {
    expect(segmentStyle([])).toBe('');
    expect(segmentStyle([{ lane: 0, color: '#E6194B' }])).toBe(
      '--tint: rgba(230, 25, 75, 0.2); --lane0: #E6194B',
    );
    // Lane 1 alone leaves lane 0 empty (the coding there has ended), so lines stay at their depth.
    expect(
      segmentStyle([
        { lane: 2, color: '#4363D8' },
        { lane: 0, color: '#E6194B' },
      ]),
    ).toBe('--tint: rgba(149, 62, 146, 0.26); --lane0: #E6194B; --lane2: #4363D8');
    // Lanes beyond the last drawn one share it.
    expect(segmentStyle([{ lane: 7, color: '#3CB44B' }])).toBe(
      `--tint: rgba(60, 180, 75, 0.2); --lane${MAX_LANES - 1}: #3CB44B`,
    );
    expect(blendTint(['#000000', '#000000', '#000000', '#000000', '#000000', '#000000'])).toBe(
      'rgba(0, 0, 0, 0.34)',
    );
    expect(tint('bogus', 0.5)).toBe('rgba(128, 128, 128, 0.5)');
  });

  it('darkens underlines of pale codes so every coding stays visible', () => {
    expect(laneColor('#E6194B')).toBe('#E6194B');
    expect(laneColor('#000075')).toBe('#000075');
    expect(laneColor('#DCBEFF')).toBe('#847299');
    expect(laneColor('#FFFFFF')).toBe('#999999');
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('#000000')).toBe(0);
    expect(segmentStyle([{ lane: 0, color: '#BFEF45' }])).toBe(
      '--tint: rgba(191, 239, 69, 0.2); --lane0: #738f29',
    );
  });

  it('formats recording times', () => {
    expect(formatTime(5)).toBe('0:05');
    expect(formatTime(90.7)).toBe('1:30');
    expect(formatTime(3725)).toBe('1:02:05');
  });
});
