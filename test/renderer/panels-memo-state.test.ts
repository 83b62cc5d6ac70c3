import { describe, expect, it } from 'vitest';
import { $getRoot, $isElementNode, $isTextNode, createEditor } from 'lexical';
import type { LexicalEditor } from 'lexical';
import {
  $loadMemo,
  initialMemoState,
  MEMO_NODES,
  memoContentOf,
} from '../../renderer/panels/memo/memo-state';

// The memo editor's loading rules, in a headless Lexical editor (no DOM needed).

function editorWith(memo: { contentJson: string; contentText: string } | null): LexicalEditor {
  const editor = createEditor({
    nodes: MEMO_NODES,
    onError: (e) => {
      throw e;
    },
  });
  editor.update(() => $loadMemo(memo), { discrete: true });
  return editor;
}

const blocks = (editor: LexicalEditor) =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map(
        (n) =>
          `${n.getType()}${$isElementNode(n) && n.getType() === 'heading' ? `:${(n as unknown as { getTag(): string }).getTag()}` : ''}: ${n.getTextContent()}`,
      ),
  );

describe('memo editor state', () => {
  it('loads a plain-text memo (no editor JSON) as paragraphs, keeping single line breaks', () => {
    const editor = editorWith({
      contentJson: '',
      contentText: 'First idea.\n\nSecond idea,\nsame paragraph.\n\n\n',
    });
    expect(blocks(editor)).toEqual(['paragraph: First idea.', 'paragraph: Second idea,\nsame paragraph.']);
    expect(memoContentOf(editor.getEditorState()).text).toBe('First idea.\n\nSecond idea,\nsame paragraph.');
  });

  it('round-trips rich text through the stored JSON', () => {
    const original = editorWith({ contentJson: '', contentText: 'Heading\n\nBody' });
    original.update(
      () => {
        const word = $getRoot().getFirstDescendant();
        if (!$isTextNode(word)) throw new Error('expected text');
        word.toggleFormat('bold');
      },
      { discrete: true },
    );
    const stored = memoContentOf(original.getEditorState());
    expect(stored.json).toContain('"format":1');
    const reloaded = editorWith({ contentJson: stored.json, contentText: stored.text });
    expect(memoContentOf(reloaded.getEditorState())).toEqual(stored);
  });

  it('keeps headings and lists from stored JSON', () => {
    const json = JSON.stringify({
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'heading',
            tag: 'h2',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [
              { type: 'text', text: 'Themes', version: 1, detail: 0, format: 0, mode: 'normal', style: '' },
            ],
          },
          {
            type: 'list',
            listType: 'bullet',
            start: 1,
            tag: 'ul',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [
              {
                type: 'listitem',
                value: 1,
                version: 1,
                direction: null,
                format: '',
                indent: 0,
                children: [
                  {
                    type: 'text',
                    text: 'trust',
                    version: 1,
                    detail: 0,
                    format: 1,
                    mode: 'normal',
                    style: '',
                  },
                ],
              },
            ],
          },
        ],
      },
    });
    const editor = editorWith({ contentJson: json, contentText: 'Themes\n\ntrust' });
    expect(blocks(editor)).toEqual(['heading:h2: Themes', 'list: trust']);
  });

  it('falls back to the plain text when the stored JSON cannot be read', () => {
    for (const contentJson of [
      '{not json',
      '{"root":{"children":[{"type":"text","text":"loose"}]}}',
      '{"root":{}}',
    ]) {
      const editor = editorWith({ contentJson, contentText: 'Still here.' });
      expect(blocks(editor)).toEqual(['paragraph: Still here.']);
    }
  });

  it('starts an absent memo as one empty paragraph whose content counts as empty', () => {
    const start = initialMemoState(null);
    expect(start.content.text).toBe('');
    expect(JSON.parse(start.json).root.children).toHaveLength(1);
  });

  it('computes the starting content exactly as the editor will serialise it, so loading is not an edit', () => {
    const start = initialMemoState({ contentJson: '', contentText: 'A\n\nB' });
    const editor = createEditor({
      nodes: MEMO_NODES,
      onError: (e) => {
        throw e;
      },
    });
    editor.setEditorState(editor.parseEditorState(start.json));
    expect(memoContentOf(editor.getEditorState())).toEqual(start.content);
  });
});
