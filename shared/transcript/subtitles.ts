// WebVTT and SubRip files -> cues. Both are blocks separated by blank lines; the differences are the
// header, the NOTE/STYLE/REGION blocks of WebVTT, SRT's cue numbers and its comma before milliseconds.

import { badInput } from '../errors';
import { roundMillis } from './clock';
import { cuesToDocument, type Cue, type CueDocument } from './cues';

// Hours are optional in WebVTT (`01:02.500`); SRT always has them but some tools write a dot.
const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}`);

function seconds(h: string | undefined, m: string, s: string, ms: string): number {
  return roundMillis(Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000);
}

function blocks(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').filter((line) => line.trim() !== ''))
    .filter((b) => b.length > 0);
}

/** A cue block: optional identifier or number, the timing line, then the payload lines. */
function cueOf(block: string[]): Cue | null {
  const at = block.findIndex((line) => line.includes('-->'));
  if (at < 0 || at > 1) return null;
  const m = TIMING.exec(block[at]!);
  if (!m) return null;
  const [, h1, m1 = '', s1 = '', ms1 = '', h2, m2 = '', s2 = '', ms2 = ''] = m;
  return {
    start: seconds(h1, m1, s1, ms1),
    end: seconds(h2, m2, s2, ms2),
    payload: block.slice(at + 1).join('\n'),
  };
}

/** Canonical WebVTT text (LF, no BOM) -> transcript. `source` names the file in error messages. */
export function parseVtt(text: string, source: string): CueDocument {
  const all = blocks(text);
  const first = all[0]?.[0] ?? '';
  // Lenient on a missing header: many tools write cues without it, and the timings are unambiguous.
  const body = /^WEBVTT(?:[ \t].*)?$/.test(first) ? all.slice(1) : all;
  const cues: Cue[] = [];
  for (const block of body) {
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]!)) continue;
    const cue = cueOf(block);
    if (cue) cues.push(cue);
  }
  if (cues.length === 0) {
    throw badInput(
      source,
      'contains no WebVTT subtitles (no timing lines like "00:00:01.000 --> 00:00:04.000")',
    );
  }
  return cuesToDocument(cues);
}

/** Canonical SubRip text (LF, no BOM) -> transcript. */
export function parseSrt(text: string, source: string): CueDocument {
  const cues = blocks(text)
    .map(cueOf)
    .filter((c): c is Cue => c !== null);
  if (cues.length === 0) {
    throw badInput(
      source,
      'contains no SRT subtitles (no timing lines like "00:00:01,000 --> 00:00:04,000")',
    );
  }
  return cuesToDocument(cues);
}
