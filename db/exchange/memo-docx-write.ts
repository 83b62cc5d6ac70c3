// A memo's editor JSON -> the .docx a Note's richTextPath points at (REFI-QDA §9.1.3: styled text is
// DOCX beside a plain-text rendition), so other tools and our own import get its formatting back. Web
// addresses in the text become hyperlinks whose words are the address itself: our import then reads
// them back as the same text, so a round trip changes nothing.

import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { SerializedElementNode, SerializedLexicalNode, SerializedTextNode } from 'lexical';
import { BOLD, ITALIC, UNDERLINE } from './lexical-json';

const NUMBERED = 'memo-numbered';
const URL = /\bhttps?:\/\/[^\s<>()"]*[^\s<>()".,;:!?'’”]/g;

const childrenOf = (n: SerializedLexicalNode): SerializedLexicalNode[] =>
  (n as Partial<SerializedElementNode>).children ?? [];
const isElement = (n: SerializedLexicalNode) => Array.isArray((n as Partial<SerializedElementNode>).children);

/**
 * Whether a memo has anything its plain text cannot carry back: formatting, headings, lists, or line
 * breaks inside a paragraph (plain text makes those paragraph ends on import).
 */
export function hasFormatting(nodes: readonly SerializedLexicalNode[]): boolean {
  return nodes.some((n) => {
    if (n.type === 'heading' || n.type === 'list' || n.type === 'linebreak') return true;
    if (n.type === 'text' && ((n as SerializedTextNode).format & (BOLD | ITALIC | UNDERLINE)) !== 0)
      return true;
    return hasFormatting(childrenOf(n));
  });
}

function textRun(text: string, format: number, style?: string): TextRun {
  const parts = text.split('\t');
  return new TextRun({
    children: parts.flatMap((p, i) => (i ? [new Tab(), p] : [p])).filter((c) => c !== ''),
    bold: (format & BOLD) !== 0 || undefined,
    italics: (format & ITALIC) !== 0 || undefined,
    underline: (format & UNDERLINE) !== 0 ? {} : undefined,
    style,
  });
}

function textRuns(text: string, format: number): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let at = 0;
  for (const m of text.matchAll(URL)) {
    if (m.index > at) out.push(textRun(text.slice(at, m.index), format));
    out.push(new ExternalHyperlink({ link: m[0], children: [textRun(m[0], format, 'Hyperlink')] }));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(textRun(text.slice(at), format));
  return out;
}

function inlineRuns(nodes: readonly SerializedLexicalNode[]): ParagraphChild[] {
  return nodes.flatMap((n): ParagraphChild[] => {
    if (n.type === 'linebreak') return [new TextRun({ break: 1 })];
    if (n.type === 'tab') return [new TextRun({ children: [new Tab()] })];
    const t = n as Partial<SerializedTextNode>;
    if (typeof t.text === 'string') return textRuns(t.text, t.format ?? 0);
    return inlineRuns(childrenOf(n));
  });
}

class Writer {
  readonly paragraphs: Paragraph[] = [];
  private lists = 0;

  block(n: SerializedLexicalNode): void {
    if (n.type === 'list') {
      this.list(n, 0);
      return;
    }
    const tag = n.type === 'heading' ? (n as { tag?: string }).tag : undefined;
    // The editor's "Heading" and "Subheading" are h2 and h3; Word's first two levels read back as them.
    const heading = !tag
      ? undefined
      : tag === 'h1' || tag === 'h2'
        ? HeadingLevel.HEADING_1
        : HeadingLevel.HEADING_2;
    const children = inlineRuns(isElement(n) ? childrenOf(n) : [n]);
    this.paragraphs.push(new Paragraph({ heading, children }));
  }

  private list(n: SerializedLexicalNode, level: number): void {
    const numbered = (n as { listType?: string }).listType === 'number';
    const instance = ++this.lists;
    for (const item of childrenOf(n)) {
      const inner = childrenOf(item);
      const nested = inner.filter((c) => c.type === 'list');
      const words = inner.filter((c) => c.type !== 'list');
      if (words.length || !nested.length)
        this.paragraphs.push(
          new Paragraph({
            children: inlineRuns(words),
            ...(numbered
              ? { numbering: { reference: NUMBERED, level: Math.min(level, 8), instance } }
              : { bullet: { level: Math.min(level, 8) } }),
          }),
        );
      for (const child of nested) this.list(child, level + 1);
    }
  }
}

const numberedLevels = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.DECIMAL,
  text: `%${level + 1}.`,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
}));

/** The .docx of a memo's top-level nodes (the children of its editor state's root). */
export async function memoDocx(blocks: readonly SerializedLexicalNode[]): Promise<Buffer> {
  const writer = new Writer();
  for (const b of blocks) writer.block(b);
  const doc = new Document({
    creator: 'Commonplace',
    numbering: { config: [{ reference: NUMBERED, levels: numberedLevels }] },
    sections: [{ children: writer.paragraphs }],
  });
  return Packer.toBuffer(doc);
}
