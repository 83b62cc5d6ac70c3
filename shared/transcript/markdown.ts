// Markdown transcripts are stored as their source text, so a researcher sees what they wrote. The one
// change: emphasis around a speaker label is dropped (`**Interviewer:** Hi` -> `Interviewer: Hi`),
// because the label is shown by the app itself and the asterisks would only clutter excerpts.

import type { ParsedTurn } from '../types';
import { detectTurns, findLabels } from './turns';

export interface MarkdownResult {
  text: string;
  turns: ParsedTurn[];
}

/** Canonical markdown text (LF) -> stored text with plain labels, and its speaker turns. */
export function parseMarkdown(markdown: string, options: { detectSpeakers?: boolean } = {}): MarkdownResult {
  const labels = findLabels(markdown);
  let text = '';
  let copied = 0;
  let removed = 0;
  // The unwrapped lines keep their hint, so detection on the stored text agrees with the source.
  const hintedLines = new Set<number>();
  for (const { lineStart, hit } of labels) {
    if (hit.emphasis.length === 0) continue;
    hintedLines.add(lineStart - removed);
    for (const [from, to] of hit.emphasis) {
      text += markdown.slice(copied, lineStart + from);
      copied = lineStart + to;
      removed += to - from;
    }
  }
  text += markdown.slice(copied);
  if (options.detectSpeakers === false) return { text, turns: [] };
  return { text, turns: detectTurns(text, { hintedLines }) };
}
