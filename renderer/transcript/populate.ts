import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type { ElementNode } from 'lexical';
import { $createMarkNode } from '@lexical/mark';
import type { CodeInfo, Coding } from '../../shared/types';
import type { Block } from './model';
import { $createTurnNode } from './TurnNode';
import type { TurnCode } from './TurnNode';
import { highlightStyle } from './highlight';

/** What the editor needs to know about each coding to draw and label it. */
export interface CodingLookup {
  codeOf(codingId: number): CodeInfo | undefined;
}

export const markId = (codingId: number): string => `coding-${codingId}`;
export const codingIdOfMark = (id: string): number => Number(id.slice('coding-'.length));

export function codingLookup(codings: readonly Coding[], codes: readonly CodeInfo[]): CodingLookup {
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const byCoding = new Map(codings.map((k) => [k.id, codeById.get(k.codeId)]));
  return { codeOf: (id) => byCoding.get(id) };
}

function distinctCodes(codingIds: readonly number[], lookup: CodingLookup): CodeInfo[] {
  const seen = new Map<number, CodeInfo>();
  for (const id of codingIds) {
    const code = lookup.codeOf(id);
    if (code && !seen.has(code.id)) seen.set(code.id, code);
  }
  return [...seen.values()];
}

function fill(container: ElementNode, block: Block, lookup: CodingLookup): void {
  block.lines.forEach((line, i) => {
    if (i > 0) container.append($createLineBreakNode());
    for (const segment of line) {
      const text = $createTextNode(segment.text);
      if (segment.codingIds.length === 0) {
        container.append(text);
        continue;
      }
      text.setStyle(highlightStyle(distinctCodes(segment.codingIds, lookup).map((c) => c.color)));
      container.append($createMarkNode(segment.codingIds.map(markId)).append(text));
    }
  });
}

/** Replaces the editor content with the transcript. Call inside an editor update. */
export function $populateTranscript(blocks: readonly Block[], lookup: CodingLookup): void {
  const root = $getRoot();
  root.clear();
  for (const block of blocks) {
    let container: ElementNode;
    if (block.kind === 'turn') {
      const codes: TurnCode[] = distinctCodes(block.codingIds, lookup).map((c) => ({
        name: c.path,
        color: c.color,
      }));
      container = $createTurnNode(block.speaker, block.time, codes);
    } else {
      container = $createParagraphNode();
    }
    fill(container, block, lookup);
    root.append(container);
  }
}
