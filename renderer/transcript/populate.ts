import { $createLineBreakNode, $getNodeByKey, $getRoot } from 'lexical';
import type { NodeKey } from 'lexical';
import type { CodeInfo, Coding } from '../../shared/types';
import type { Block } from './model';
import { $isBlockNode, BlockNode, CodingMarkNode, SegmentNode } from './nodes';
import type { BlockProps } from './nodes';
import type { TurnCode } from './turn-header';
import { segmentStyle } from './highlight';

// Puts blocks into the editor, and afterwards brings it up to date with new blocks by touching only the
// blocks whose content changed (a new coding repaints one or two turns, not 50,000 words).

/** What the editor needs to know about each coding to draw and label it. */
export interface CodingLookup {
  codeOf(codingId: number): CodeInfo | undefined;
}

export function codingLookup(codings: readonly Coding[], codes: readonly CodeInfo[]): CodingLookup {
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const byCoding = new Map(codings.map((k) => [k.id, codeById.get(k.codeId)]));
  return { codeOf: (id) => byCoding.get(id) };
}

function distinctCodes(codingIds: readonly number[], lookup: CodingLookup): TurnCode[] {
  const seen = new Map<number, TurnCode>();
  for (const id of codingIds) {
    const c = lookup.codeOf(id);
    if (c && !seen.has(c.id)) seen.set(c.id, { id: c.id, name: c.name, path: c.path, color: c.color });
  }
  return [...seen.values()];
}

function propsOf(block: Block, lookup: CodingLookup): BlockProps {
  return {
    kind: block.kind,
    blockKey: block.key,
    bodyStart: block.bodyStart,
    bodyEnd: block.bodyEnd,
    speaker: block.kind === 'turn' ? block.speaker : '',
    time: block.kind === 'turn' ? block.time : null,
    codes: block.kind === 'turn' ? distinctCodes(block.codingIds, lookup) : [],
  };
}

/** Everything that decides how a block looks; equal signatures mean the block needs no update. */
export function blockSignature(block: Block, lookup: CodingLookup): string {
  const parts: string[] = [block.kind, block.key, String(block.bodyStart), String(block.bodyEnd)];
  if (block.kind === 'turn') parts.push(block.speaker, String(block.time));
  for (const id of block.codingIds) {
    const c = lookup.codeOf(id);
    parts.push(`${id}@${block.lanes.get(id)}=${c ? `${c.id}${c.color}${c.path}` : '?'}`);
  }
  for (const line of block.lines) {
    parts.push('/');
    for (const s of line) parts.push(`${s.start}-${s.end}:${s.codingIds.join(',')}`);
  }
  return parts.join('|');
}

function fill(container: BlockNode, block: Block, lookup: CodingLookup): void {
  block.lines.forEach((line, i) => {
    if (i > 0) container.append($createLineBreakNode());
    for (const s of line) {
      const text = new SegmentNode(s.text, s.start);
      if (s.codingIds.length === 0) {
        container.append(text);
        continue;
      }
      const covering = s.codingIds.flatMap((id) => {
        const code = lookup.codeOf(id);
        return code ? [{ lane: block.lanes.get(id) ?? 0, color: code.color }] : [];
      });
      text.setStyle(segmentStyle(covering));
      const names = [...new Set(s.codingIds.map((id) => lookup.codeOf(id)?.path ?? 'Unknown code'))];
      container.append(new CodingMarkNode(s.codingIds.map(String), names.join('|')).append(text));
    }
  });
}

export interface SyncState {
  /** Block keys in document order. */
  order: string[];
  signatures: Map<string, string>;
  nodes: Map<string, NodeKey>;
}

export interface SyncResult {
  state: SyncState;
  /** Keys of the blocks created or updated; every block on a full rebuild. */
  changed: string[];
  rebuilt: boolean;
}

export interface SyncPlan {
  blocks: readonly Block[];
  signatures: string[];
  /** Anything structural changed (turns re-detected, another document): rebuild everything. */
  rebuild: boolean;
  /** Indexes of the blocks to refill when not rebuilding. */
  changed: number[];
  /** Blocks from this index on are new at the end (a long transcript is filled a slice at a time). */
  appendFrom: number;
}

/** What an update to `blocks` involves; a plan with nothing to do lets the view skip the editor update. */
export function planSync(
  blocks: readonly Block[],
  lookup: CodingLookup,
  previous: SyncState | null,
  signatureOf: (block: Block) => string = (b) => blockSignature(b, lookup),
): SyncPlan {
  const signatures = blocks.map(signatureOf);
  const extends_ =
    previous !== null &&
    previous.order.length <= blocks.length &&
    previous.order.every((key, i) => blocks[i]!.key === key);
  if (!previous || !extends_) {
    return { blocks, signatures, rebuild: true, changed: [], appendFrom: blocks.length };
  }
  const appendFrom = previous.order.length;
  const changed: number[] = [];
  for (let i = 0; i < appendFrom; i++) {
    if (previous.signatures.get(blocks[i]!.key) !== signatures[i]) changed.push(i);
  }
  return { blocks, signatures, rebuild: false, changed, appendFrom };
}

export const planIsEmpty = (plan: SyncPlan): boolean =>
  !plan.rebuild && plan.changed.length === 0 && plan.appendFrom === plan.blocks.length;

function $blockNode(block: Block, lookup: CodingLookup): BlockNode {
  const node = new BlockNode(propsOf(block, lookup));
  fill(node, block, lookup);
  return node;
}

function $rebuild(plan: SyncPlan, lookup: CodingLookup): SyncResult {
  const root = $getRoot();
  root.clear();
  const nodes = new Map<string, NodeKey>();
  for (const block of plan.blocks) {
    const node = $blockNode(block, lookup);
    root.append(node);
    nodes.set(block.key, node.getKey());
  }
  const order = plan.blocks.map((b) => b.key);
  const signatures = new Map(order.map((k, i) => [k, plan.signatures[i]!]));
  return { state: { order, signatures, nodes }, changed: order, rebuilt: true };
}

/** Carries out a plan inside an editor update: refills only the changed blocks, in place, and appends. */
export function $applySync(plan: SyncPlan, lookup: CodingLookup, previous: SyncState | null): SyncResult {
  if (plan.rebuild || !previous) return $rebuild(plan, lookup);
  const changed: string[] = [];
  const signatures = new Map(previous.signatures);
  const nodes = new Map(previous.nodes);
  const root = $getRoot();
  for (let i = plan.appendFrom; i < plan.blocks.length; i++) {
    const block = plan.blocks[i]!;
    const node = $blockNode(block, lookup);
    root.append(node);
    nodes.set(block.key, node.getKey());
    signatures.set(block.key, plan.signatures[i]!);
    changed.push(block.key);
  }
  for (const i of plan.changed) {
    const block = plan.blocks[i]!;
    const node = $getNodeByKey(previous.nodes.get(block.key) ?? '');
    if (!$isBlockNode(node)) throw new Error(`Transcript block ${block.key} is missing from the editor.`);
    node.setProps(propsOf(block, lookup));
    node.clear();
    fill(node, block, lookup);
    signatures.set(block.key, plan.signatures[i]!);
    changed.push(block.key);
  }
  const order = plan.blocks.length === previous.order.length ? previous.order : plan.blocks.map((b) => b.key);
  return { state: { order, signatures, nodes }, changed, rebuilt: false };
}
