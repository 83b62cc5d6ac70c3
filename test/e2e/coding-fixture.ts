import type { Project } from '../../db/project';
import { insertDocument } from '../../db/documents';
import { createCode } from '../../db/codes';
import { insertCodings } from '../../db/codings';
import type { NewCoding } from '../../db/codings';
import type { ParsedTurn } from '../../shared/types';
import { countWords } from '../../shared/text';

// Documents for the coding end-to-end tests, added to the Riverside project: one with emoji and a turn of
// several paragraphs (where DOM and UTF-16 offsets are easiest to get wrong), and one of 50,000 words with
// over a thousand codings (for opening and coding at scale).

export const EMOJI_TEXT = `Mo (Youth worker): We met at the café 🌍 by the station. Nobody from the council came.

The second time 👩‍👩‍👧 families turned up, and that changed everything.

Jo: I don't think the council even knew.
`;

export const EMOJI_DOC = 'Emoji panel';
/** A sentence found once, far down the long document, to jump to. */
export const JUMP_PHRASE = 'Zanzibar was never mentioned again.';
const JUMP_TURN = 800;
export const LONG_DOC = 'Long panel';

function labelled(text: string, label: string, from: number, until: number): ParsedTurn {
  const start = text.indexOf(label, from);
  return {
    speaker: label.replace(/^\[[^\]]*\] /, '').replace(/: $/, ''),
    start,
    bodyStart: start + label.length,
    end: until,
    time: null,
  };
}

export function addEmojiDocument(project: Project): number {
  const jo = EMOJI_TEXT.indexOf('Jo: ');
  const turns = [
    labelled(EMOJI_TEXT, 'Mo (Youth worker): ', 0, jo),
    labelled(EMOJI_TEXT, 'Jo: ', jo, EMOJI_TEXT.length),
  ];
  return project.mutate(`Import "${EMOJI_DOC}"`, () =>
    insertDocument(project, {
      name: EMOJI_DOC,
      originalName: 'emoji.txt',
      text: EMOJI_TEXT,
      format: 'txt',
      encoding: 'utf-8',
      turns,
      groups: ['Riverside'],
    }),
  );
}

/** A deterministic stream of pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = `the housing team said we would wait for weeks before anyone came round and my daughter was
coughing every night because of the damp in her room so I rang again and they gave me another reference
number which means nothing really when you think about it the caretaker is the only one who listens he
knows everybody by name and that matters more than any target on a spreadsheet`.split(/\s+/);
const SPEAKERS = [
  'Facilitator',
  'Priya (Tenant)',
  'Marcus (Caretaker)',
  'Dee (Housing officer)',
  'Sam',
  'Ali',
];

export interface LongDocument {
  id: number;
  turns: number;
  words: number;
  codings: number;
}

/** About `words` words in speaker turns (some of two paragraphs), coded `codings` times with 12 codes. */
export function addLongDocument(project: Project, words = 50_000, codings = 1_200): LongDocument {
  const next = random(42);
  const parts: string[] = [];
  const turns: ParsedTurn[] = [];
  let length = 0;
  let count = 0;
  let seconds = 0;
  for (let t = 0; count < words; t++) {
    const speaker = SPEAKERS[t % SPEAKERS.length]!;
    const stamp = new Date(seconds * 1000).toISOString().slice(11, 19);
    const label = `[${stamp}] ${speaker}: `;
    const n = 15 + Math.floor(next() * 50);
    const sentence = () => {
      const len = 6 + Math.floor(next() * 12);
      const w = Array.from({ length: len }, () => WORDS[Math.floor(next() * WORDS.length)]!);
      w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
      return `${w.join(' ')}.`;
    };
    const sentences: string[] = [];
    for (let used = 0; used < n; used += 10) sentences.push(sentence());
    if (sentences.length > 3 && next() < 0.25) sentences.splice(2, 0, '\n\n');
    if (t === JUMP_TURN) sentences.unshift(JUMP_PHRASE);
    const body = sentences.join(' ').replace(/ \n\n /g, '\n\n');
    const turnText = `${label}${body}\n`;
    turns.push({
      speaker,
      start: length,
      bodyStart: length + label.length,
      end: length + turnText.length,
      time: seconds,
    });
    parts.push(turnText, '\n');
    length += turnText.length + 1;
    count += countWords(body);
    seconds += 10 + Math.floor(next() * 50);
  }
  const text = parts.join('');
  const id = project.mutate(`Import "${LONG_DOC}"`, () =>
    insertDocument(project, {
      name: LONG_DOC,
      originalName: 'long.txt',
      text,
      format: 'txt',
      encoding: 'utf-8',
      turns,
      groups: ['Riverside'],
    }),
  );
  const codes = Array.from({ length: 12 }, (_, i) => createCode(project, { name: `Theme ${i + 1}` }));
  const planned: NewCoding[] = [];
  const seen = new Set<string>();
  while (planned.length < codings) {
    const turn = turns[Math.floor(next() * turns.length)]!;
    const span = turn.end - 1 - turn.bodyStart;
    const start = turn.bodyStart + Math.floor(next() * span * 0.7);
    // Mostly inside one turn, now and then running into the next.
    const end = Math.min(text.length, start + 20 + Math.floor(next() * (next() < 0.1 ? 900 : 250)));
    const codeId = codes[Math.floor(next() * codes.length)]!;
    const key = `${codeId}:${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    planned.push({ documentId: id, codeId, start, end });
  }
  project.mutate('Code the long panel', () => insertCodings(project, planned));
  return { id, turns: turns.length, words: count, codings: planned.length };
}
