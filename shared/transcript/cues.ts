// Subtitle cues (WebVTT, SRT) -> readable transcript text. Subtitles break speech every few seconds
// for the screen, which is useless for coding, so cues are joined into one paragraph per speaker turn:
// `Name: words of the cues joined with spaces`, with a blank line between paragraphs.

import type { ParsedTurn } from '../types';
import { roundMillis } from './clock';
import { parseLabelLine } from './labels';
import { acceptLabels, speakerKey, tidyName, unifySpeakers, type LabelCandidate } from './speaker-names';

export interface Cue {
  /** Seconds. */
  start: number;
  end: number;
  /** The cue's text lines as in the file, markup included. */
  payload: string;
}

export interface CueDocument {
  text: string;
  turns: ParsedTurn[];
}

interface Segment {
  start: number;
  end: number;
  /** From a `<v Name>` tag: trusted whatever its shape (Teams writes `Smith, Jo (Guest)`). */
  voice: string | null;
  text: string;
}

// Without speakers, a pause this long starts a new paragraph so the text does not become one block.
const PARAGRAPH_PAUSE_SECONDS = 2;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f',
}; // prettier-ignore

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Cue markup removed: <c>, <i>, <b>, <u>, <font>, inline <00:00:01.000> stamps, SSA `{\an8}` overrides. */
export function cleanCueText(raw: string): string {
  const noTags = raw.replace(/<[^<>\n]*>/g, '').replace(/\{\\[^{}]*\}/g, '');
  return decodeEntities(noTags)
    .replace(/^\s*>>+/, '') // broadcast captions mark a change of speaker with >>
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const VOICE = /<v(?:\.[^\s>]*)*(?:[ \t]+([^>]*))?>|<\/v>/g;

function segmentsOf(cue: Cue): Segment[] {
  const out: Segment[] = [];
  let voice: string | null = null;
  let last = 0;
  const push = (raw: string) => {
    const text = cleanCueText(raw);
    if (text || voice) out.push({ start: cue.start, end: cue.end, voice, text });
  };
  for (const m of cue.payload.matchAll(VOICE)) {
    if (m.index > last || voice) push(cue.payload.slice(last, m.index));
    voice = m[0] === '</v>' ? null : tidyName(m[1] ?? '') || null;
    last = m.index + m[0].length;
  }
  push(cue.payload.slice(last));
  return out;
}

/**
 * YouTube-style rolling captions repeat each line in the next cue (`hello world` then
 * `hello world / next line`). When most cues do that, the repeated first line is dropped; a file
 * that only now and then has the same line twice keeps it, since people do repeat themselves.
 */
function unroll(cues: readonly Cue[]): readonly Cue[] {
  const lines = cues.map((c) => c.payload.split('\n').filter((l) => cleanCueText(l)));
  let pairs = 0;
  let rolled = 0;
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!.at(-1);
    const first = lines[i]![0];
    if (previous === undefined || first === undefined) continue;
    pairs++;
    if (cleanCueText(first) === cleanCueText(previous)) rolled++;
  }
  if (rolled < 3 || rolled * 2 < pairs) return cues;
  return cues.map((cue, i) => {
    const previous = i > 0 ? lines[i - 1]!.at(-1) : undefined;
    const own = lines[i]!;
    const first = own[0];
    // A line that opens a voice tag carries the speaker, so it is never dropped.
    const repeats =
      previous !== undefined &&
      first !== undefined &&
      !first.includes('<v') &&
      cleanCueText(first) === cleanCueText(previous);
    return repeats ? { ...cue, payload: own.slice(1).join('\n') } : cue;
  });
}

interface Paragraph {
  speaker: string | null;
  time: number;
  end: number;
  parts: string[];
}

export function cuesToDocument(cues: readonly Cue[]): CueDocument {
  const segments = unroll(cues).flatMap(segmentsOf);

  // Zoom and SRT files write `Name: words` on the first cue of a turn; judge those like text labels.
  const labelled = segments.map((s) => {
    if (s.voice) return null;
    const hit = parseLabelLine(s.text);
    return hit?.style === 'colon' && hit.start === 0 ? hit : null;
  });
  const candidates: LabelCandidate[] = [];
  segments.forEach((s, i) => {
    if (s.voice) candidates.push({ name: s.voice, hinted: true, hasBody: true });
    const hit = labelled[i];
    if (hit) candidates.push({ name: hit.name, hinted: false, hasBody: hit.hasBody });
  });
  const accepted = acceptLabels(candidates);

  const raw = segments.map((s, i) => {
    const hit = labelled[i];
    if (hit && accepted.has(speakerKey(hit.name)))
      return { ...s, voice: hit.name, text: s.text.slice(hit.bodyStart) };
    return s;
  });
  const display = unifySpeakers(raw.flatMap((s) => (s.voice ? [s.voice] : [])));

  const paragraphs: Paragraph[] = [];
  for (const s of raw) {
    const speaker = s.voice ? display.get(s.voice)! : null;
    const current = paragraphs.at(-1);
    const continues = current && (speaker === null || speaker === current.speaker);
    const pause = current && current.speaker === null && s.start - current.end >= PARAGRAPH_PAUSE_SECONDS;
    if (!continues || pause) paragraphs.push({ speaker, time: s.start, end: s.end, parts: [] });
    const p = paragraphs.at(-1)!;
    if (s.text) p.parts.push(s.text);
    p.end = Math.max(p.end, s.end);
  }

  let text = '';
  const turns: ParsedTurn[] = [];
  for (const p of paragraphs) {
    const body = p.parts.join(' ');
    if (!p.speaker && !body) continue;
    if (text) text += '\n\n';
    const start = text.length;
    if (p.speaker) {
      const label = body ? `${p.speaker}: ` : `${p.speaker}:`;
      text += label + body;
      turns.push({
        speaker: p.speaker,
        start,
        bodyStart: start + label.length,
        end: text.length,
        time: roundMillis(p.time),
      });
    } else {
      text += body;
    }
  }
  return { text, turns };
}
