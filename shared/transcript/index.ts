// Pure entry point for text-based sources: no Node APIs, so the renderer can parse pasted text too.

import type { ParsedTurn, SourceFormat } from '../types';
import { parseMarkdown } from './markdown';
import { parseSrt, parseVtt } from './subtitles';
import { detectTurns, type DetectOptions } from './turns';

export { detectTurns, findLabels, type DetectOptions } from './turns';
export { parseMarkdown } from './markdown';
export { parseSrt, parseVtt } from './subtitles';
export { parseClock } from './clock';

export interface TranscriptOptions extends DetectOptions {
  /** Default true; when false no turns are returned (the text is the same either way). */
  detectSpeakers?: boolean;
}

/**
 * Canonical text (BOM removed, LF) of a text-based source -> stored text and speaker turns.
 * Plain text is stored as is; Markdown loses emphasis around labels; subtitles become paragraphs.
 */
export function parseTranscript(
  text: string,
  format: Exclude<SourceFormat, 'docx'>,
  source: string,
  options: TranscriptOptions = {},
): { text: string; turns: ParsedTurn[] } {
  const detect = options.detectSpeakers !== false;
  switch (format) {
    case 'txt':
      return { text, turns: detect ? detectTurns(text, options) : [] };
    case 'md':
      return parseMarkdown(text, { detectSpeakers: detect });
    case 'vtt':
    case 'srt': {
      const doc = format === 'vtt' ? parseVtt(text, source) : parseSrt(text, source);
      return { text: doc.text, turns: detect ? doc.turns : [] };
    }
  }
}
