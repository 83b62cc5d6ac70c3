// Plain text -> memo paragraphs, as other tools write memos (import) and as the memo editor reads a memo
// stored without its JSON (export).

import { lineBreak, paragraph, textNode, type Inline, type MemoBlock } from './lexical-json';

const lines = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');
const isBlank = (line: string) => !line.trim();

/**
 * How the memo editor itself reads plain text (renderer memo-state `$appendPlainText`), which is the
 * inverse of how it writes it: blank lines separate paragraphs, a single newline is a line break.
 */
export function editorTextBlocks(text: string): MemoBlock[] {
  const blocks: MemoBlock[] = [];
  let current: string[] = [];
  const flush = () => {
    if (!current.length) return;
    const inlines: Inline[] = [];
    current.forEach((line, i) => {
      if (i > 0) inlines.push(lineBreak());
      if (line) inlines.push(textNode(line));
    });
    blocks.push(paragraph(inlines));
    current = [];
  };
  for (const line of lines(text)) {
    if (isBlank(line)) flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

/**
 * A memo imported as plain text: a paragraph per non-blank line. That is how the tools write it: NVivo's
 * plain text has exactly one line per paragraph of its own Word rendition (15,262 of each in the NVivo
 * fixture) with a blank line for each empty, spacing paragraph, and MAXQDA's has whole paragraphs on
 * long lines. Blank lines are dropped, as paragraph spacing already shows them. Our own export separates
 * paragraphs with blank lines, so it reads back the same; a memo with line breaks inside a paragraph
 * also gets a .docx, which keeps them.
 */
export function plainTextBlocks(text: string): MemoBlock[] {
  return lines(text)
    .filter((line) => !isBlank(line))
    .map((line) => paragraph([textNode(line)]));
}
