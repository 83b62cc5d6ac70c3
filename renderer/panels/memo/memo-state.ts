import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $parseSerializedNode,
  createEditor,
} from 'lexical';
import type { EditorState, Klass, LexicalNode, SerializedLexicalNode } from 'lexical';
import { HeadingNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import type { MemoContent } from './autosave';

/** Every node a memo may contain; the editor and the headless tests register the same set. */
export const MEMO_NODES: Klass<LexicalNode>[] = [HeadingNode, ListNode, ListItemNode];

/**
 * Fills the (empty) root from plain text: blank lines separate paragraphs and single line breaks stay
 * line breaks, which is also how Lexical writes paragraphs back to plain text.
 */
export function $appendPlainText(text: string): void {
  const root = $getRoot();
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/);
  for (const block of blocks) {
    if (!block.trim()) continue;
    const paragraph = $createParagraphNode();
    block.split('\n').forEach((line, i) => {
      if (i > 0) paragraph.append($createLineBreakNode());
      if (line) paragraph.append($createTextNode(line));
    });
    root.append(paragraph);
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

/**
 * Loads a stored memo into the (empty) root: its editor JSON when there is any, otherwise its plain
 * text (memos written by the CLI or an import). JSON that cannot be read falls back to the text, so a
 * damaged memo is still shown rather than lost.
 */
export function $loadMemo(memo: { contentJson: string; contentText: string } | null): void {
  const root = $getRoot();
  root.clear();
  if (memo?.contentJson) {
    try {
      const parsed = JSON.parse(memo.contentJson) as { root?: { children?: SerializedLexicalNode[] } };
      const children = parsed.root?.children;
      if (!Array.isArray(children)) throw new Error('no root');
      for (const child of children) {
        const node = $parseSerializedNode(child);
        // Only blocks belong at the root; text found there means the JSON is not a memo.
        if (!$isElementNode(node)) throw new Error('not a block');
        root.append(node);
      }
      if (root.getChildrenSize() === 0) root.append($createParagraphNode());
      return;
    } catch {
      root.clear();
    }
  }
  $appendPlainText(memo?.contentText ?? '');
}

/** The memo as stored: plain text (for search and export) and the editor state. */
export function memoContentOf(state: EditorState): MemoContent {
  const text = state.read(() => $getRoot().getTextContent()).trim();
  return { text, json: JSON.stringify(state.toJSON()) };
}

/**
 * The editor's starting point for a stored memo, computed up front in a headless editor so the
 * autosave baseline is exactly what the visible editor will serialise: loading never counts as an edit.
 */
export function initialMemoState(memo: { contentJson: string; contentText: string } | null): {
  json: string;
  content: MemoContent;
} {
  const editor = createEditor({
    namespace: 'commonplace-memo',
    nodes: MEMO_NODES,
    onError: (e) => {
      throw e;
    },
  });
  editor.update(() => $loadMemo(memo), { discrete: true });
  const content = memoContentOf(editor.getEditorState());
  return { json: content.json, content };
}
