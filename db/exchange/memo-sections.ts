// Several pieces of memo for one target (a description, notes, orphans under their names) made into
// one memo: a coding memo is plain text, any other memo a section per titled piece under a heading.

import type { MemoFragment } from './import-state';
import { heading, textNode, type MemoBlock } from './lexical-json';
import { plainTextBlocks } from './memo-plain-text';

const blocksOf = (f: MemoFragment): MemoBlock[] => f.blocks ?? plainTextBlocks(f.text);

/** Inside a section its own headings drop a level, so the section titles stay on top. */
const demoted = (b: MemoBlock): MemoBlock => (b.type === 'heading' ? { ...b, tag: 'h3' } : b);

const alone = (fragments: MemoFragment[]) => fragments.length === 1 && !fragments[0]!.titled;

export function memoBlocks(fragments: MemoFragment[]): MemoBlock[] {
  if (alone(fragments)) return blocksOf(fragments[0]!);
  return fragments.flatMap((f) =>
    f.title ? [heading('h2', [textNode(f.title)]), ...blocksOf(f).map(demoted)] : blocksOf(f),
  );
}

/** codings.memo is plain text: titles go on a line of their own above each piece. */
export function codingMemoText(fragments: MemoFragment[]): string {
  if (alone(fragments)) return fragments[0]!.text;
  return fragments.map((f) => (f.title ? `${f.title}\n${f.text}` : f.text)).join('\n\n');
}
