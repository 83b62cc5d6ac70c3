// Recognises the speaker-label shapes that appear at the start of a transcript line. Only the shape is
// judged here; whether a label is trusted depends on the whole document (see speaker-names.ts).

import { CLOCK, parseClock } from './clock';
import { hasLabelShape, tidyName } from './speaker-names';

export type LabelStyle =
  /** `Name: words`, `**Name:** words`, `[00:01:02] Name: words`, `Name (00:01):` */
  | 'colon'
  /** `[id1] words` (QualCoder, some focus-group notes) */
  | 'bracket'
  /** `Speaker 1  0:03` alone on a line, words on the following lines (Otter and similar services) */
  | 'header';

export interface LabelHit {
  style: LabelStyle;
  /** Display name with emphasis and any timestamp removed. */
  name: string;
  /** Offsets within the line. `start` is where the turn begins (timestamp or label, after indentation). */
  start: number;
  /** Just past the label itself (the colon, closing emphasis or bracket). */
  labelEnd: number;
  /** Past the label and the spaces after it; the line length when the words start on a later line. */
  bodyStart: number;
  time: number | null;
  /** Bold/italic markers around the label, as [start, end) ranges in the line. */
  emphasis: Array<[number, number]>;
  hasBody: boolean;
}

const SPACE = String.raw`[ \t\u00a0\u202f]`;
const EM = String.raw`\*\*|__|\*|_`;
const STAMP = String.raw`\[${CLOCK}\]|\(${CLOCK}\)|${CLOCK}`;

// The name part may hold a parenthesised role or time, which can itself contain a colon: `Sam (00:01:02):`.
const COLON_LABEL = new RegExp(
  String.raw`^(${SPACE}*)` +
    String.raw`(?:(${STAMP})${SPACE}+(?:[-–—|]${SPACE}+)?)?` +
    String.raw`(${EM})?` +
    String.raw`(\p{L}(?:[^:\n()\[\]*]|\([^()\n]{0,40}\)|\[[^\[\]\n]{0,20}\]){0,59}?)` +
    String.raw`(${EM})?(${SPACE}*:)(${EM})?(?=${SPACE}|$)`,
  'du',
);
const BRACKET_LABEL = new RegExp(String.raw`^(${SPACE}*)\[([^\[\]\n]{1,40})\]:?(?=${SPACE}+\S)`, 'u');
const HEADER_LABEL = new RegExp(String.raw`^(${SPACE}*)(.{1,40}?)${SPACE}+(${STAMP})${SPACE}*$`, 'u');
const TRAILING_TIME = new RegExp(String.raw`${SPACE}*(?:\[(${CLOCK})\]|\((${CLOCK})\))$`, 'u');
const STAMP_AFTER_LABEL = new RegExp(String.raw`^(?:\[(${CLOCK})\]|\((${CLOCK})\))${SPACE}*`, 'u');
const LEADING_SPACE = new RegExp(`^${SPACE}*`, 'u');
const leadingSpace = (s: string) => LEADING_SPACE.exec(s)?.[0].length ?? 0;

// Non-speech annotations that transcribers put in brackets at the start of a line.
const ANNOTATION =
  /^(?:inaudible|unintelligible|indistinct|unclear|crosstalk|cross-talk|overtalk|overlapping|laugh\w*|chuckl\w*|giggl\w*|sigh\w*|cough\w*|pause|long pause|silence|music|applause|noise|background|break|end|start|redacted|name|interruption|interrupt\w*|phone|door|beep|blank|sic|foreign|speaks|speaking|in|translated|translation|transcriber|note|video|audio|recording|\?|\.\.\.|…)(?:\b.*)?$/i;

const stripClock = (s: string) => s.replace(/^[[(]|[\])]$/g, '');

/** The label at the start of `line`, if it has one of the recognised shapes. */
export function parseLabelLine(line: string): LabelHit | null {
  return colonLabel(line) ?? headerLabel(line) ?? bracketLabel(line);
}

function colonLabel(line: string): LabelHit | null {
  const m = COLON_LABEL.exec(line);
  if (!m?.indices) return null;
  const [whole, indent = '', stamp, open, rawName = '', close, , closeAfter] = m;
  // Emphasis must be balanced, **Sam:** or **Sam**:, and a stray marker means this is not a label.
  if ((open ?? '') !== (close ?? closeAfter ?? '') || (close && closeAfter)) return null;

  let name = rawName;
  let time = stamp ? parseClock(stripClock(stamp)) : null;
  if (stamp && time === null) return null;
  const trailing = TRAILING_TIME.exec(name);
  if (trailing) {
    name = name.slice(0, trailing.index);
    time ??= parseClock(trailing[1] ?? trailing[2] ?? '');
  }
  name = tidyName(name);
  if (!hasLabelShape(name)) return null;

  const emphasis: Array<[number, number]> = [];
  for (const group of [3, 5, 7]) {
    const span = m.indices[group];
    if (span) emphasis.push([span[0], span[1]]);
  }
  const labelEnd = whole.length;
  let bodyStart = labelEnd + leadingSpace(line.slice(labelEnd));
  // A stamp right after the label (`Sam: [00:01:02] words`) is still the turn's time, not words.
  const after = time === null ? STAMP_AFTER_LABEL.exec(line.slice(bodyStart)) : null;
  if (after) {
    time = parseClock(after[1] ?? after[2] ?? '');
    if (time !== null) bodyStart += after[0].length;
  }
  const hasBody = bodyStart < line.length || time !== null;
  return { style: 'colon', name, start: indent.length, labelEnd, bodyStart, time, emphasis, hasBody };
}

function headerLabel(line: string): LabelHit | null {
  const m = HEADER_LABEL.exec(line);
  if (!m) return null;
  const [, indent = '', rawName = '', stamp = ''] = m;
  const name = tidyName(rawName);
  const time = parseClock(stripClock(stamp));
  if (time === null || !hasLabelShape(name)) return null;
  const start = indent.length;
  return {
    style: 'header',
    name,
    start,
    labelEnd: line.length,
    bodyStart: line.length,
    time,
    emphasis: [],
    hasBody: true,
  };
}

function bracketLabel(line: string): LabelHit | null {
  const m = BRACKET_LABEL.exec(line);
  if (!m) return null;
  const [whole, indent = '', rawName = ''] = m;
  const name = tidyName(rawName);
  if (ANNOTATION.test(name) || parseClock(name) !== null || !hasLabelShape(name)) return null;
  const labelEnd = whole.length;
  const bodyStart = labelEnd + leadingSpace(line.slice(labelEnd));
  return {
    style: 'bracket',
    name,
    start: indent.length,
    labelEnd,
    bodyStart,
    time: null,
    emphasis: [],
    hasBody: true,
  };
}
