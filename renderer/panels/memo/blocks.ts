import {
  $createParagraphNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
} from 'lexical';
import type { ElementNode } from 'lexical';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $insertList, $isListNode, $removeList, ListNode } from '@lexical/list';
import { $getNearestNodeOfType } from '@lexical/utils';
import type { BlockKind } from './shortcuts';

export interface SelectionFormat {
  bold: boolean;
  italic: boolean;
  block: BlockKind;
}

export const NO_FORMAT: SelectionFormat = { bold: false, italic: false, block: 'paragraph' };

/** What the caret is in, for the toolbar's pressed states. */
export function $selectionFormat(): SelectionFormat {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return NO_FORMAT;
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  const top = $isRootOrShadowRoot(anchor) ? null : anchor.getTopLevelElement();
  let block: BlockKind = 'paragraph';
  if (list) block = list.getListType() === 'number' ? 'number' : 'bullet';
  else if ($isHeadingNode(top)) block = top.getTag() === 'h3' ? 'h3' : 'h2';
  return { bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic'), block };
}

function $selectedBlocks(): ElementNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const blocks = new Map<string, ElementNode>();
  for (const node of [selection.anchor.getNode(), ...selection.getNodes()]) {
    const top = $isRootOrShadowRoot(node) ? null : node.getTopLevelElement();
    if ($isElementNode(top) && !$isListNode(top)) blocks.set(top.getKey(), top);
  }
  return [...blocks.values()];
}

/**
 * Applies a block kind to the selected blocks; choosing the kind they already have turns them back into
 * normal text, like a word processor's toggles.
 */
export function $toggleBlock(kind: BlockKind): void {
  const current = $selectionFormat().block;
  const inList = current === 'bullet' || current === 'number';
  if (kind === 'bullet' || kind === 'number') {
    if (current === kind) $removeList();
    else $insertList(kind);
    return;
  }
  if (inList) $removeList();
  const target = kind === current ? 'paragraph' : kind;
  for (const block of $selectedBlocks()) {
    const isSame =
      target === 'paragraph' ? !$isHeadingNode(block) : $isHeadingNode(block) && block.getTag() === target;
    if (isSame) continue;
    block.replace(target === 'paragraph' ? $createParagraphNode() : $createHeadingNode(target), true);
  }
}
