// Maps between positions in the rendered transcript and UTF-16 offsets of the document's canonical text.
// Every piece of shown text is an element carrying its document start offset (data-start); DOM text
// offsets count UTF-16 code units, exactly like the core's offsets, so a point inside a piece is its
// start plus the DOM offset. Points between pieces (line breaks, turn headers, gaps between turns) snap to
// the next piece for a range's start and to the previous one for its end, so labels, timestamps and
// headers never leak into a selection.
//
// Only a small structural subset of the DOM is used, so unit tests can run on a hand-built tree.

export interface DomNode {
  nodeType: number;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  nextSibling: DomNode | null;
  previousSibling: DomNode | null;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

export interface DomPoint {
  node: DomNode;
  offset: number;
}

export type Bias = 'start' | 'end';

const ELEMENT = 1;
const TEXT = 3;

const attr = (n: DomNode, name: string): string | null =>
  n.nodeType === ELEMENT && n.getAttribute ? n.getAttribute(name) : null;

export const isSegment = (n: DomNode): boolean => attr(n, 'data-start') !== null;
export const segmentStart = (n: DomNode): number => Number(attr(n, 'data-start'));
export const segmentEnd = (n: DomNode): number => segmentStart(n) + (n.textContent ?? '').length;
const isBlock = (n: DomNode): boolean => attr(n, 'data-block') !== null;

export function isWithin(node: DomNode | null, root: DomNode): boolean {
  for (let n = node; n; n = n.parentNode) if (n === root) return true;
  return false;
}

function enclosing(node: DomNode, root: DomNode, test: (n: DomNode) => boolean): DomNode | null {
  for (let n: DomNode | null = node; n && n !== root; n = n.parentNode) if (test(n)) return n;
  return null;
}

/** The block element (turn or paragraph) holding a node, if any. */
export const blockOf = (node: DomNode, root: DomNode): DomNode | null => enclosing(node, root, isBlock);

function firstIn(n: DomNode): DomNode | null {
  if (isSegment(n)) return n;
  for (let i = 0; i < n.childNodes.length; i++) {
    const found = firstIn(n.childNodes[i]!);
    if (found) return found;
  }
  return null;
}

function lastIn(n: DomNode): DomNode | null {
  if (isSegment(n)) return n;
  for (let i = n.childNodes.length - 1; i >= 0; i--) {
    const found = lastIn(n.childNodes[i]!);
    if (found) return found;
  }
  return null;
}

/** First segment after `node`'s whole subtree, in document order, inside root. */
function firstAfter(node: DomNode, root: DomNode): DomNode | null {
  for (let n: DomNode | null = node; n && n !== root; n = n.parentNode) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      const found = firstIn(s);
      if (found) return found;
    }
  }
  return null;
}

/** Last segment before `node`'s whole subtree, in document order, inside root. */
function lastBefore(node: DomNode, root: DomNode): DomNode | null {
  for (let n: DomNode | null = node; n && n !== root; n = n.parentNode) {
    for (let s = n.previousSibling; s; s = s.previousSibling) {
      const found = lastIn(s);
      if (found) return found;
    }
  }
  return null;
}

const after = (n: DomNode, root: DomNode) => firstIn(n) ?? firstAfter(n, root);
const before = (n: DomNode, root: DomNode) => lastIn(n) ?? lastBefore(n, root);

/**
 * The document offset of a DOM point inside root, or null when there is no text on that side of it
 * (a start after all text, an end before all text).
 */
export function domPointToOffset(root: DomNode, node: DomNode, offset: number, bias: Bias): number | null {
  if (!isWithin(node, root)) return null;
  if (node.nodeType === TEXT) {
    const segment = enclosing(node, root, isSegment);
    if (segment) return segmentStart(segment) + offset;
    const seg = bias === 'start' ? firstAfter(node, root) : lastBefore(node, root);
    return seg ? (bias === 'start' ? segmentStart(seg) : segmentEnd(seg)) : null;
  }
  const segment = enclosing(node, root, isSegment);
  if (segment) {
    // An element point inside a piece: before or after its single text node.
    return offset === 0 && segment === node ? segmentStart(segment) : segmentEnd(segment);
  }
  if (bias === 'start') {
    const child = node.childNodes[offset];
    const seg = child ? after(child, root) : node === root ? null : firstAfter(node, root);
    return seg ? segmentStart(seg) : null;
  }
  const child = offset > 0 ? node.childNodes[offset - 1] : undefined;
  const seg = child ? before(child, root) : node === root ? null : lastBefore(node, root);
  return seg ? segmentEnd(seg) : null;
}

function listBlocks(root: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (let i = 0; i < root.childNodes.length; i++) {
    const n = root.childNodes[i]!;
    if (isBlock(n)) out.push(n);
  }
  return out;
}

// Listing ~1,250 blocks takes a millisecond or two, and one coding change asks for them several times
// (keeping the reader's place, overlays, focus): the list is kept until the root's children change.
const listed = new WeakMap<object, { blocks: DomNode[]; watch: MutationObserver }>();

/** Blocks (root's children carrying data-block) in document order. */
export function blocksOf(root: DomNode): DomNode[] {
  if (typeof MutationObserver === 'undefined' || !(root instanceof Node)) return listBlocks(root);
  const known = listed.get(root);
  // takeRecords sees changes made earlier in this same task, which the observer's callback would not yet.
  if (known && known.watch.takeRecords().length === 0) return [...known.blocks];
  known?.watch.disconnect();
  const blocks = listBlocks(root);
  const watch = new MutationObserver(() => {
    watch.disconnect();
    if (listed.get(root)?.watch === watch) listed.delete(root);
  });
  watch.observe(root, { childList: true });
  listed.set(root, { blocks, watch });
  return [...blocks];
}

export const bodyStartOf = (block: DomNode): number => Number(attr(block, 'data-body-start'));
export const bodyEndOf = (block: DomNode): number => Number(attr(block, 'data-body-end'));

/** Index of the last block whose shown text starts at or before `offset` (-1 if none). */
export function blockIndexAt(blocks: readonly DomNode[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bodyStartOf(blocks[mid]!) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function segmentsIn(n: DomNode, out: DomNode[] = []): DomNode[] {
  if (isSegment(n)) out.push(n);
  else for (let i = 0; i < n.childNodes.length; i++) segmentsIn(n.childNodes[i]!, out);
  return out;
}

function pointIn(segment: DomNode, at: number): DomPoint {
  const text = segment.childNodes[0];
  return text && text.nodeType === TEXT ? { node: text, offset: at } : { node: segment, offset: at ? 1 : 0 };
}

/**
 * The DOM point for a document offset: inside the piece of text holding it, or the nearest shown text
 * after it (start) or before it (end) when the offset falls on a label, line break or gap.
 */
export function offsetToDomPoint(root: DomNode, offset: number, bias: Bias): DomPoint | null {
  const blocks = blocksOf(root);
  const from = Math.max(0, blockIndexAt(blocks, offset));
  if (bias === 'start') {
    for (let b = from; b < blocks.length; b++) {
      for (const seg of segmentsIn(blocks[b]!)) {
        if (segmentEnd(seg) > offset) return pointIn(seg, Math.max(0, offset - segmentStart(seg)));
      }
    }
    return null;
  }
  for (let b = Math.min(from, blocks.length - 1); b >= 0; b--) {
    for (const seg of segmentsIn(blocks[b]!).reverse()) {
      if (segmentStart(seg) < offset)
        return pointIn(seg, Math.min(offset, segmentEnd(seg)) - segmentStart(seg));
    }
  }
  return null;
}

/**
 * A selected range made ready to code: whitespace at either end dropped, and ends moved off the middle
 * of a surrogate pair (an emoji is coded whole or not at all). Null when nothing is left.
 */
export function tidyRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(0, Math.min(end, text.length));
  const low = (i: number) => {
    const c = text.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  };
  if (s > 0 && low(s)) s--;
  if (e < text.length && low(e)) e++;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}
