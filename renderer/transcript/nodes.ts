import { $getDocument, ElementNode, TextNode, setDOMUnmanaged } from 'lexical';
import type { EditorConfig, ElementDOMSlot, LexicalEditor, LexicalNode, NodeKey } from 'lexical';
import { MarkNode } from '@lexical/mark';
import { renderTurnHeader, sameHeading, turnLabel } from './turn-header';
import type { TurnCode } from './turn-header';
import { isTabStop } from './tab-stop';

// The transcript's Lexical nodes. Blocks carry their document offsets as data attributes and every piece
// of text its start offset, so DOM selections map to exact document offsets (offsets.ts) and a block can
// be found again after a reload (its key). Content is read-only: nodes change only when the document's
// codings change, and then only the affected blocks are updated in place (populate.ts).

export interface BlockProps {
  kind: 'turn' | 'text';
  blockKey: string;
  bodyStart: number;
  bodyEnd: number;
  speaker: string;
  time: number | null;
  codes: readonly TurnCode[];
}

const NO_BLOCK: BlockProps = {
  kind: 'text',
  blockKey: '',
  bodyStart: 0,
  bodyEnd: 0,
  speaker: '',
  time: null,
  codes: [],
};

function setBlockData(el: HTMLElement, p: BlockProps): void {
  el.dataset.block = p.blockKey;
  el.dataset.bodyStart = String(p.bodyStart);
  el.dataset.bodyEnd = String(p.bodyEnd);
  if (p.kind === 'turn') el.setAttribute('aria-label', turnLabel(p.speaker, p.time));
}

/** A speaker turn (labelled block with a header) or a paragraph of text outside turns. */
export class BlockNode extends ElementNode {
  __props: BlockProps;

  override $config() {
    return this.config('commonplace-block', { extends: ElementNode });
  }

  constructor(props: BlockProps = NO_BLOCK, key?: NodeKey) {
    super(key);
    this.__props = props;
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__props = prev.__props;
  }

  getProps(): BlockProps {
    return this.getLatest().__props;
  }

  setProps(props: BlockProps): this {
    const self = this.getWritable();
    self.__props = props;
    return self;
  }

  override createDOM(_config: EditorConfig, editor: LexicalEditor): HTMLElement {
    const doc = $getDocument();
    const p = this.__props;
    // Focusable for keyboard coding; exactly one block is in the tab order (focus.ts). Asked here too,
    // because Lexical may recreate every block's element (e.g. when React re-attaches the root).
    const tabStop = isTabStop(editor.getRootElement(), p.blockKey);
    if (p.kind === 'text') {
      const para = doc.createElement('p');
      para.className = 'transcript-paragraph';
      para.tabIndex = tabStop ? 0 : -1;
      setBlockData(para, p);
      return para;
    }
    // A labelled group rather than a <section>: a named section is a landmark, and a transcript has
    // hundreds of turns.
    const turn = doc.createElement('div');
    turn.className = 'turn';
    turn.setAttribute('role', 'group');
    turn.tabIndex = tabStop ? 0 : -1;
    setBlockData(turn, p);
    const header = doc.createElement('header');
    header.className = 'turn-head';
    header.contentEditable = 'false';
    // Decoration, not content: Lexical must neither read it as text nor try to reconcile it.
    setDOMUnmanaged(header);
    renderTurnHeader(header, p, tabStop);
    const body = doc.createElement('div');
    body.className = 'turn-body';
    turn.append(header, body);
    return turn;
  }

  // Patches the element rather than replacing it, so focus and the reader's place survive updates.
  override updateDOM(prev: this, dom: HTMLElement): boolean {
    const before = prev.__props;
    const next = this.__props;
    if (before === next) return false;
    if (before.kind !== next.kind) return true;
    setBlockData(dom, next);
    const header = dom.querySelector<HTMLElement>(':scope > .turn-head');
    if (header && !sameHeading(before, next)) renderTurnHeader(header, next, dom.tabIndex === 0);
    return false;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    const body = element.querySelector<HTMLElement>(':scope > .turn-body');
    return body ? super.getDOMSlot(element).withElement(body) : super.getDOMSlot(element);
  }
}

/** A piece of shown text that knows its document offset. */
export class SegmentNode extends TextNode {
  __start: number;

  override $config() {
    return this.config('commonplace-segment', { extends: TextNode });
  }

  constructor(text = '', start = 0, key?: NodeKey) {
    super(text, key);
    this.__start = start;
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__start = prev.__start;
  }

  getStart(): number {
    return this.getLatest().__start;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.dataset.start = String(this.__start);
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (super.updateDOM(prev, dom, config)) return true;
    if (prev.__start !== this.__start) dom.dataset.start = String(this.__start);
    return false;
  }
}

/** A highlight: the codings covering a stretch of text, with their code names for hover and tests. */
export class CodingMarkNode extends MarkNode {
  __names: string;

  override $config() {
    return this.config('commonplace-mark', { extends: MarkNode });
  }

  constructor(ids: readonly string[] = [], names = '', key?: NodeKey) {
    super(ids, key);
    this.__names = names;
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__names = prev.__names;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.dataset.codings = this.__ids.join(' ');
    dom.dataset.codes = this.__names;
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    super.updateDOM(prev, dom, config);
    dom.dataset.codings = this.__ids.join(' ');
    dom.dataset.codes = this.__names;
    return false;
  }
}

export const $isBlockNode = (node: LexicalNode | null | undefined): node is BlockNode =>
  node instanceof BlockNode;

export const TRANSCRIPT_NODES = [BlockNode, SegmentNode, CodingMarkNode];
