import { describe, expect, it } from 'vitest';
import { $getRoot, createEditor } from 'lexical';
import type { LexicalEditor } from 'lexical';
import { buildTranscript } from '../../renderer/transcript/model';
import { $applySync, codingLookup, planIsEmpty, planSync } from '../../renderer/transcript/populate';
import type { SyncState } from '../../renderer/transcript/populate';
import type { SegmentNode } from '../../renderer/transcript/nodes';
import { $isBlockNode, CodingMarkNode, TRANSCRIPT_NODES } from '../../renderer/transcript/nodes';
import type { CodeInfo, Coding, Turn } from '../../shared/types';
import { turnsOf } from '../helpers/project';

// The transcript in a headless Lexical editor: every piece of text carries its exact document offset, and
// a change of codings updates only the blocks it touches (their node keys elsewhere stay the same).

const TEXT = `Panel 🏠

Ann: One two three 😀 four.

Bob: Five six
seven eight.

Cy: Nine ten.
`;

const TURNS: Turn[] = turnsOf(TEXT).map((t, i) => ({ ...t, id: i + 1, speakerId: i + 1, words: 0 }));

const code = (id: number, name: string, color: string, parentPath = ''): CodeInfo => ({
  id,
  guid: `g${id}`,
  parentId: null,
  name,
  path: parentPath ? `${parentPath}/${name}` : name,
  color,
  description: '',
  position: id,
  codings: 0,
});

const CODES = [code(1, 'Trust', '#3CB44B'), code(2, 'Targets', '#E6194B')];

function coding(id: number, codeId: number, phrase: string): Coding {
  const start = TEXT.indexOf(phrase);
  return {
    id,
    documentId: 1,
    codeId,
    start,
    end: start + phrase.length,
    coder: 't',
    createdAt: '',
    memo: null,
  };
}

function editorWith(codings: Coding[], codes = CODES) {
  const editor = createEditor({
    namespace: 'test',
    nodes: TRANSCRIPT_NODES,
    onError: (e) => {
      throw e;
    },
  });
  let state: SyncState | null = null;
  const sync = (next: Coding[], nextCodes = codes) => {
    const blocks = buildTranscript(TEXT, TURNS, next);
    const lookup = codingLookup(next, nextCodes);
    const plan = planSync(blocks, lookup, state);
    if (planIsEmpty(plan)) return { changed: [] as string[], rebuilt: false };
    let result: ReturnType<typeof $applySync> | undefined;
    editor.update(
      () => {
        result = $applySync(plan, lookup, state);
      },
      { discrete: true },
    );
    state = result!.state;
    return result!;
  };
  sync(codings);
  return { editor, sync };
}

/** Each block's key with its node key, and every piece of text as [offset, text, mark ids]. */
function read(editor: LexicalEditor) {
  return editor.getEditorState().read(() => {
    const blocks = $getRoot()
      .getChildren()
      .filter($isBlockNode)
      .map((b) => [b.getProps().blockKey, b.getKey()]);
    const pieces = $getRoot()
      .getAllTextNodes()
      .map((n) => {
        const parent = n.getParent();
        const ids = parent instanceof CodingMarkNode ? parent.getIDs().join(',') : '';
        return [(n as SegmentNode).getStart(), n.getTextContent(), ids] as const;
      });
    return { blocks: Object.fromEntries(blocks) as Record<string, string>, pieces };
  });
}

describe('transcript in the editor', () => {
  it('gives every piece of text its exact UTF-16 offset, emoji and line breaks included', () => {
    const { editor } = editorWith([coding(1, 1, 'three 😀 four'), coding(2, 2, 'six\nseven')]);
    const { pieces } = read(editor);
    for (const [start, text] of pieces) expect(TEXT.slice(start, start + text.length)).toBe(text);
    expect(pieces).toContainEqual([TEXT.indexOf('three'), 'three 😀 four', '1']);
    expect(pieces).toContainEqual([TEXT.indexOf('six'), 'six', '2']);
    expect(pieces).toContainEqual([TEXT.indexOf('seven'), 'seven', '2']);
    // Labels are not text in the editor: they are the turns' headers.
    expect(pieces.map((p) => p[1]).join('')).not.toContain('Ann:');
  });

  it('updates only the block a new coding touches, and keeps every other node', () => {
    const first = [coding(1, 1, 'three 😀 four')];
    const { editor, sync } = editorWith(first);
    const before = read(editor);
    const result = sync([...first, coding(2, 2, 'Nine')]);
    expect(result).toMatchObject({ changed: [`t${TEXT.indexOf('Cy:')}`], rebuilt: false });
    const after = read(editor);
    expect(after.blocks).toEqual(before.blocks);
    const untouched = (r: typeof before) => r.pieces.filter(([s]) => s < TEXT.indexOf('Cy:'));
    expect(untouched(after)).toEqual(untouched(before));
    expect(after.pieces).toContainEqual([TEXT.indexOf('Nine'), 'Nine', '2']);
    // The same data again: nothing to do at all.
    expect(sync([...first, coding(2, 2, 'Nine')])).toEqual({ changed: [], rebuilt: false });
  });

  it('fills a slice at a time: later blocks are appended, earlier ones kept, and the result is whole', () => {
    const codings = [coding(1, 1, 'three 😀 four'), coding(2, 2, 'Nine')];
    const editor = createEditor({
      namespace: 'test',
      nodes: TRANSCRIPT_NODES,
      onError: (e) => {
        throw e;
      },
    });
    const blocks = buildTranscript(TEXT, TURNS, codings);
    const lookup = codingLookup(codings, CODES);
    let state: SyncState | null = null;
    const apply = (shown: typeof blocks) => {
      const plan = planSync(shown, lookup, state);
      editor.update(() => void (state = $applySync(plan, lookup, state).state), { discrete: true });
      return plan;
    };
    expect(apply(blocks.slice(0, 2))).toMatchObject({ rebuild: true });
    const before = read(editor).blocks;
    expect(apply(blocks)).toMatchObject({ rebuild: false, changed: [], appendFrom: 2 });
    const after = read(editor);
    expect(after.blocks).toMatchObject(before);
    expect(Object.keys(after.blocks)).toEqual(blocks.map((b) => b.key));
    expect(after.pieces).toEqual(read(editorWith(codings).editor).pieces);
    expect(planIsEmpty(planSync(blocks, lookup, state))).toBe(true);
  });

  it('repaints the blocks using a recoloured code, and rebuilds when the turns change', () => {
    const codings = [coding(1, 1, 'One'), coding(2, 2, 'Five')];
    const { sync } = editorWith(codings);
    const recoloured = [CODES[0]!, { ...CODES[1]!, color: '#000075' }];
    expect(sync(codings, recoloured).changed).toEqual([`t${TEXT.indexOf('Bob:')}`]);
    const renamed = [{ ...CODES[0]!, name: 'Confidence', path: 'Confidence' }, recoloured[1]!];
    expect(sync(codings, renamed).changed).toEqual([`t${TEXT.indexOf('Ann:')}`]);
    // Removing the last coding of a turn empties its header's code list.
    expect(sync([codings[0]!], renamed).changed).toEqual([`t${TEXT.indexOf('Bob:')}`]);
  });

  it('labels highlights with their codes and gives nested codings separate lanes', () => {
    const codings = [coding(1, 1, 'One two three'), coding(2, 2, 'two')];
    const { editor } = editorWith(codings);
    editor.getEditorState().read(() => {
      const marks = $getRoot()
        .getAllTextNodes()
        .map((n) => [n.getTextContent(), n.getStyle()]);
      expect(marks).toContainEqual(['One ', '--tint: rgba(60, 180, 75, 0.2); --lane0: #3CB44B']);
      expect(marks).toContainEqual([
        'two',
        '--tint: rgba(145, 103, 75, 0.26); --lane0: #3CB44B; --lane1: #E6194B',
      ]);
      const ann = $getRoot().getChildren().filter($isBlockNode)[1]!.getProps();
      expect(ann.codes.map((c) => c.name)).toEqual(['Trust', 'Targets']);
      expect(ann).toMatchObject({ kind: 'turn', speaker: 'Ann', bodyStart: TEXT.indexOf('One') });
    });
  });
});
