// Escaping for CommonMark/GFM output. Transcript text is full of characters that Markdown would
// otherwise interpret: "[laughs]" and "<inaudible>" (links, raw HTML), "*really*" and snake_case
// (emphasis), "~" (GFM strikethrough), "|" (GFM tables), and lines that begin with "-", "1." or
// "#" (lists, headings).

// Everything here is ASCII punctuation, which CommonMark allows to be backslash-escaped.
const INLINE = /[\\`*_[\]<>#|~]/g;
// "&amp;" or "&#39;" would be rendered as the character it names.
const ENTITY = /&(?=#?[a-z0-9]+;)/gi;
// Markers that only mean something at the start of a line: list items, setext underlines,
// ordered-list numbers ("1." / "1)").
const BLOCK_START = /^([-+=])|^(\d+)([.)])/;

/** Escapes inline syntax and flattens line breaks: for headings and one-line metadata. */
export function mdInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(INLINE, '\\$&').replace(ENTITY, '\\&');
}

/**
 * One source line as a Markdown line that renders as itself. Leading whitespace is dropped
 * because four spaces would turn the line into a code block.
 */
export function mdLine(line: string): string {
  const escaped = line.trim().replace(INLINE, '\\$&').replace(ENTITY, '\\&');
  return escaped.replace(BLOCK_START, (_m, mark?: string, num?: string, dot?: string) =>
    mark ? `\\${mark}` : `${num}\\${dot}`,
  );
}

/** Non-blank lines of `text`, escaped. Callers join them as separate paragraphs or hard breaks. */
export function mdLines(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .filter((l) => l.trim() !== '')
    .map(mdLine);
}
