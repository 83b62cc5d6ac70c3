// A note's rich text (.docx) -> memo blocks, from mammoth's document tree (as db/import/docx.ts reads
// Word files): bold, italic and underline; headings; bulleted and numbered lists, nested; links as
// their text followed by the address, as the memo editor has no link node. Empty paragraphs are Word's
// spacing and are dropped; tables become their cells' paragraphs; pictures and footnotes are left out.

import { readDocxTree, type DocElement } from '../import/docx';
import {
  BOLD,
  heading,
  ITALIC,
  lineBreak,
  list,
  paragraph,
  textNode,
  UNDERLINE,
  type HeadingTag,
  type Inline,
  type ListEntry,
  type MemoBlock,
} from './lexical-json';

function pushText(out: Inline[], text: string, format: number): void {
  text.split(/\r\n?|\n/).forEach((part, i) => {
    if (i > 0) out.push(lineBreak());
    if (!part) return;
    const last = out[out.length - 1];
    // Lexical merges neighbouring text of one format when it loads; doing it here keeps the JSON as stored.
    if (last?.type === 'text' && last.format === format) last.text += part;
    else out.push(textNode(part, format));
  });
}

const plain = (inlines: Inline[]) => inlines.map((n) => (n.type === 'text' ? n.text : '\n')).join('');

function collectInlines(el: DocElement, format: number, caps: boolean, out: Inline[]): void {
  switch (el.type) {
    case 'text':
      pushText(out, caps ? (el.value ?? '').toUpperCase() : (el.value ?? ''), format);
      return;
    case 'tab':
      pushText(out, '\t', format);
      return;
    case 'break':
      out.push(lineBreak());
      return;
    case 'run': {
      const own = (el.isBold ? BOLD : 0) | (el.isItalic ? ITALIC : 0) | (el.isUnderline ? UNDERLINE : 0);
      for (const c of el.children ?? []) collectInlines(c, own, !!el.isAllCaps, out);
      return;
    }
    case 'hyperlink': {
      const words: Inline[] = [];
      for (const c of el.children ?? []) collectInlines(c, format, caps, words);
      for (const w of words) {
        if (w.type === 'text') pushText(out, w.text, w.format);
        else out.push(w);
      }
      // A link whose words are its address (as our export writes them) needs no second copy.
      if (el.href && plain(words).trim() !== el.href) pushText(out, ` (${el.href})`, 0);
      return;
    }
    default:
      for (const c of el.children ?? []) collectInlines(c, format, caps, out);
  }
}

/** Word's built-in style names are English whatever the interface language ("heading 1", "Title"). */
function headingTag(p: DocElement): HeadingTag | null {
  const style = `${p.styleName ?? ''} ${p.styleId ?? ''}`;
  if (/\bsubtitle\b/i.test(style)) return 'h3';
  if (/\btitle\b/i.test(style)) return 'h2';
  const level = /\bheading\s*([1-9])\b/i.exec(style)?.[1];
  if (!level) return null;
  return level === '1' ? 'h2' : 'h3';
}

interface OpenList {
  numbered: boolean;
  entries: ListEntry[];
}

/** Lexical nests a deeper list inside an item of its parent list; Word only numbers paragraphs' levels. */
class ListBuilder {
  private stack: OpenList[] = [];

  constructor(private readonly blocks: MemoBlock[]) {}

  add(depth: number, numbered: boolean, words: Inline[]): void {
    while (this.stack.length > depth + 1) this.closeInnermost();
    const same = this.stack[depth];
    if (same && same.numbered !== numbered) this.closeInnermost();
    while (this.stack.length <= depth) this.stack.push({ numbered, entries: [] });
    this.stack[depth]!.entries.push(words);
  }

  close(): void {
    while (this.stack.length) this.closeInnermost();
  }

  private closeInnermost(): void {
    const open = this.stack.pop()!;
    const depth = this.stack.length;
    const node = list(open.numbered, open.entries, depth);
    if (depth === 0) this.blocks.push(node);
    else this.stack[depth - 1]!.entries.push(node);
  }
}

function collectBlocks(el: DocElement, blocks: MemoBlock[], lists: ListBuilder): void {
  if (el.type !== 'paragraph') {
    for (const c of el.children ?? []) collectBlocks(c, blocks, lists);
    return;
  }
  const words: Inline[] = [];
  collectInlines(el, 0, false, words);
  while (words[words.length - 1]?.type === 'linebreak') words.pop();
  if (!plain(words).trim()) return;
  const tag = headingTag(el);
  if (el.numbering && !tag) {
    const depth = Math.min(Math.max(Number.parseInt(el.numbering.level ?? '0', 10) || 0, 0), 8);
    lists.add(depth, el.numbering.isOrdered !== false, words);
    return;
  }
  lists.close();
  blocks.push(tag ? heading(tag, words) : paragraph(words));
}

/** The memo a .docx holds; a file that is not a readable Word document is bad input naming `file`. */
export async function docxMemoBlocks(bytes: Uint8Array, file: string): Promise<MemoBlock[]> {
  const tree = await readDocxTree(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  const blocks: MemoBlock[] = [];
  const lists = new ListBuilder(blocks);
  collectBlocks(tree, blocks, lists);
  lists.close();
  return blocks;
}
