// Memo content as Lexical's serialized editor state, built in plain TS: the core has no DOM and no editor,
// and the renderer's memo editor loads this JSON as it loads its own. Only nodes that editor registers
// (renderer/panels/memo/memo-state.ts MEMO_NODES: headings and lists, plus Lexical's built-in paragraph,
// text and line break) are produced; any other type would make it fall back to the plain text.
// Links are therefore kept as text: it registers no LinkNode.

import type {
  SerializedEditorState,
  SerializedElementNode,
  SerializedLexicalNode,
  SerializedLineBreakNode,
  SerializedParagraphNode,
  SerializedTextNode,
} from 'lexical';
import type { SerializedHeadingNode } from '@lexical/rich-text';
import type { SerializedListItemNode, SerializedListNode } from '@lexical/list';

/** Lexical's text format bits; the memo editor shows these three. */
export const BOLD = 1;
export const ITALIC = 2;
export const UNDERLINE = 8;
export const SHOWN_FORMATS = BOLD | ITALIC | UNDERLINE;

export type TextJson = SerializedTextNode & { type: 'text' };
export type LineBreakJson = SerializedLineBreakNode & { type: 'linebreak' };
export type Inline = TextJson | LineBreakJson;
/** The memo editor's two heading levels: "Heading" and "Subheading". */
export type HeadingTag = 'h2' | 'h3';
export type MemoBlock = SerializedParagraphNode | SerializedHeadingNode | SerializedListNode;

const elementBase = { direction: null, format: '' as const, indent: 0, version: 1 };

export const textNode = (text: string, format = 0): TextJson => ({
  detail: 0,
  format: format & SHOWN_FORMATS,
  mode: 'normal',
  style: '',
  text,
  type: 'text',
  version: 1,
});

export const lineBreak = (): LineBreakJson => ({ type: 'linebreak', version: 1 });

export const paragraph = (children: Inline[]): SerializedParagraphNode => ({
  ...elementBase,
  children,
  // Lexical records the format of the first text, so typing at the start continues it.
  textFormat: children.find((c) => c.type === 'text')?.format ?? 0,
  textStyle: '',
  type: 'paragraph',
});

export const heading = (tag: HeadingTag, children: Inline[]): SerializedHeadingNode => ({
  ...elementBase,
  children,
  tag,
  type: 'heading',
});

/** One entry of a list: its words, or (as Lexical nests lists) a list one level deeper. */
export type ListEntry = Inline[] | SerializedListNode;

/**
 * A list at nesting `depth` (0 outermost). Numbers are counted as Lexical counts them: an item holding
 * only a nested list takes the next number without using it up.
 */
export function list(numbered: boolean, entries: ListEntry[], depth = 0): SerializedListNode {
  let value = 1;
  const children: SerializedListItemNode[] = entries.map((entry) => {
    const nested = !Array.isArray(entry);
    const item: SerializedListItemNode = {
      ...elementBase,
      children: nested ? [entry] : entry,
      checked: undefined,
      indent: depth,
      value,
      type: 'listitem',
    };
    if (!nested) value++;
    return item;
  });
  return {
    ...elementBase,
    children,
    listType: numbered ? 'number' : 'bullet',
    start: 1,
    tag: numbered ? 'ol' : 'ul',
    type: 'list',
  };
}

/** The stored form (memos.content_json) of a memo made of these blocks. */
export function memoJson(blocks: MemoBlock[]): string {
  const state: SerializedEditorState = {
    root: {
      ...elementBase,
      children: blocks.length ? blocks : [paragraph([])],
      type: 'root',
    },
  };
  return JSON.stringify(state);
}

const isElement = (n: SerializedLexicalNode): n is SerializedElementNode =>
  Array.isArray((n as Partial<SerializedElementNode>).children);

/**
 * The plain text (memos.content_text) of serialized nodes, by the rule of Lexical's getTextContent,
 * so it equals what the editor stores once the memo is edited: blocks (list items too) separated by a
 * blank line, line breaks as a newline.
 */
export function nodesText(nodes: readonly SerializedLexicalNode[]): string {
  let out = '';
  nodes.forEach((n, i) => {
    if (isElement(n)) {
      out += nodesText(n.children);
      if (i < nodes.length - 1) out += '\n\n';
    } else if (n.type === 'linebreak') out += '\n';
    else if (n.type === 'tab') out += '\t';
    else out += (n as Partial<SerializedTextNode>).text ?? '';
  });
  return out;
}

export const memoText = (blocks: MemoBlock[]): string => nodesText(blocks).trim();
