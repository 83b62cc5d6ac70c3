// Speaker turns over canonical text (LF line endings). A turn runs from its label to the next label;
// lines without a label continue the current speaker, and text before the first label has no speaker.

import type { ParsedTurn } from '../types';
import { parseLabelLine, type LabelHit, type LabelStyle } from './labels';
import { acceptLabels, speakerKey, unifySpeakers } from './speaker-names';

export interface DetectOptions {
  /** Offsets of line starts whose label was set in bold in the source (DOCX) or already unwrapped (Markdown). */
  hintedLines?: ReadonlySet<number>;
}

/** A trusted label and the offset of the line it starts. */
export interface FoundLabel {
  lineStart: number;
  hit: LabelHit;
}

function* lines(text: string): Generator<{ start: number; line: string }> {
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    yield { start, line: text.slice(start, end) };
    if (nl === -1) return;
    start = nl + 1;
  }
}

/**
 * Every line that starts with a trusted speaker label. A document keeps to one labelling convention,
 * so only the style with the most trusted labels counts: a `[laughs]` line in a `Name:` transcript,
 * or a `Note: see 17:30` line in an Otter transcript, is then never taken for a speaker.
 */
export function findLabels(text: string, options: DetectOptions = {}): FoundLabel[] {
  const found: FoundLabel[] = [];
  for (const { start, line } of lines(text)) {
    // Cheap pre-filter: every label shape has a colon or a bracket early in the line.
    if (!/[:\]]/.test(line.slice(0, 140))) continue;
    const hit = parseLabelLine(line);
    if (hit) found.push({ lineStart: start, hit });
  }

  let best: { style: LabelStyle; labels: FoundLabel[] } | null = null;
  for (const style of ['colon', 'header', 'bracket'] as const) {
    const ofStyle = found.filter((f) => f.hit.style === style);
    const accepted = acceptLabels(
      ofStyle.map((f) => ({
        name: f.hit.name,
        hinted: f.hit.emphasis.length > 0 || (options.hintedLines?.has(f.lineStart) ?? false),
        hasBody: f.hit.hasBody,
      })),
    );
    const labels = ofStyle.filter((f) => accepted.has(speakerKey(f.hit.name)));
    if (labels.length > (best?.labels.length ?? 0)) best = { style, labels };
  }
  return best?.labels ?? [];
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** Speaker turns of plain text. Names are unified (see unifySpeakers) and offsets are UTF-16 units. */
export function detectTurns(text: string, options: DetectOptions = {}): ParsedTurn[] {
  const labels = findLabels(text, options);
  const names = unifySpeakers(labels.map((l) => l.hit.name));
  return labels.map(({ lineStart, hit }, i): ParsedTurn => {
    const start = lineStart + hit.start;
    const next = labels[i + 1];
    const limit = next ? next.lineStart + next.hit.start : text.length;
    const labelEnd = lineStart + hit.labelEnd;
    let end = limit;
    while (end > labelEnd && isSpace(text[end - 1])) end--;
    // Words may begin on the next line (`Speaker 1  0:03` headers, Rev-style `Name (00:01):`).
    let bodyStart = Math.min(lineStart + hit.bodyStart, end);
    while (bodyStart < end && isSpace(text[bodyStart])) bodyStart++;
    return { speaker: names.get(hit.name)!, start, bodyStart, end, time: hit.time };
  });
}
