import type { DomNode } from '../../renderer/transcript/offsets';
import type { Block } from '../../renderer/transcript/model';

// A tiny DOM stand-in (no browser in unit tests) with just what offsets.ts reads, and a renderer that lays
// out blocks the way the transcript's Lexical nodes do: a turn is a group with an unmanaged header
// (speaker, time, buttons) and a body of pieces; coded pieces sit inside <mark>; line breaks are <br>.

export class FakeNode implements DomNode {
  parentNode: FakeNode | null = null;
  childNodes: FakeNode[] = [];
  readonly attributes = new Map<string, string>();

  constructor(
    readonly nodeType: number,
    readonly tag: string,
    readonly data = '',
  ) {}

  get nextSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }

  get previousSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes ?? [];
    return siblings[siblings.indexOf(this) - 1] ?? null;
  }

  get textContent(): string {
    return this.nodeType === 3 ? this.data : this.childNodes.map((c) => c.textContent).join('');
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  append(...children: FakeNode[]): this {
    for (const c of children) {
      c.parentNode = this;
      this.childNodes.push(c);
    }
    return this;
  }
}

export const text = (data: string) => new FakeNode(3, '#text', data);

export function el(
  tag: string,
  attrs: Record<string, string | number> = {},
  ...children: FakeNode[]
): FakeNode {
  const node = new FakeNode(1, tag);
  for (const [k, v] of Object.entries(attrs)) node.attributes.set(k, String(v));
  return node.append(...children);
}

/** The transcript's DOM for these blocks, as the Lexical nodes render it. */
export function renderBlocks(blocks: readonly Block[]): FakeNode {
  const root = el('div', { class: 'transcript' });
  for (const b of blocks) {
    const data = { 'data-block': b.key, 'data-body-start': b.bodyStart, 'data-body-end': b.bodyEnd };
    const body = b.kind === 'turn' ? el('div', { class: 'turn-body' }) : el('p', data);
    b.lines.forEach((line, i) => {
      if (i > 0) body.append(el('br'));
      for (const s of line) {
        const piece = el('span', { 'data-start': s.start }, text(s.text));
        body.append(
          s.codingIds.length ? el('mark', { 'data-codings': s.codingIds.join(' ') }, piece) : piece,
        );
      }
    });
    if (b.kind === 'text') {
      root.append(body);
      continue;
    }
    const header = el(
      'header',
      {},
      el('span', {}, text(b.speaker)),
      ...(b.time === null ? [] : [el('time', {}, text('0:42'))]),
      el('button', {}, text('Code turn')),
    );
    root.append(el('div', { ...data, role: 'group' }, header, body));
  }
  return root;
}

/** Every text node under `node`, in document order. */
export function textNodes(node: FakeNode, out: FakeNode[] = []): FakeNode[] {
  if (node.nodeType === 3) out.push(node);
  for (const c of node.childNodes) textNodes(c, out);
  return out;
}
