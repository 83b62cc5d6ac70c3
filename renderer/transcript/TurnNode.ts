import { $applyNodeReplacement, $getDocument, ElementNode, setDOMUnmanaged } from 'lexical';
import type { ElementDOMSlot, LexicalNode, NodeKey } from 'lexical';
import { formatTime } from '../format';

/** A code named in a turn's header, so colour is never the only way to tell codes apart. */
export interface TurnCode {
  name: string;
  color: string;
}

/**
 * One speaker turn: a labelled block whose header (speaker, time, codes present) is decoration outside
 * Lexical's managed content, and whose body holds the turn's text. The body is the slot Lexical fills,
 * so text offsets inside the editor are exactly the spoken words.
 */
export class TurnNode extends ElementNode {
  __speaker: string;
  __time: number | null;
  __codes: readonly TurnCode[];

  override $config() {
    return this.config('commonplace-turn', { extends: ElementNode });
  }

  constructor(speaker = '', time: number | null = null, codes: readonly TurnCode[] = [], key?: NodeKey) {
    super(key);
    this.__speaker = speaker;
    this.__time = time;
    this.__codes = codes;
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__speaker = prev.__speaker;
    this.__time = prev.__time;
    this.__codes = prev.__codes;
  }

  override createDOM(): HTMLElement {
    const doc = $getDocument();
    // A labelled group rather than a <section>: a named section is a landmark, and a transcript has
    // hundreds of turns.
    const section = doc.createElement('div');
    section.className = 'turn';
    section.setAttribute('role', 'group');
    const time = this.__time === null ? '' : formatTime(this.__time);
    section.setAttribute('aria-label', time ? `${this.__speaker}, ${time}` : this.__speaker);

    const header = doc.createElement('header');
    header.className = 'turn-head';
    header.contentEditable = 'false';
    // Decoration, not content: Lexical must neither read it as text nor try to reconcile it.
    setDOMUnmanaged(header);
    const speaker = doc.createElement('span');
    speaker.className = 'turn-speaker';
    speaker.textContent = this.__speaker;
    header.append(speaker);
    if (time) {
      const stamp = doc.createElement('time');
      stamp.className = 'turn-time';
      stamp.dateTime = `PT${Math.floor(this.__time ?? 0)}S`;
      stamp.textContent = time;
      header.append(stamp);
    }
    if (this.__codes.length) {
      const list = doc.createElement('ul');
      list.className = 'turn-codes';
      list.setAttribute('aria-label', 'Codes in this turn');
      for (const code of this.__codes) {
        const item = doc.createElement('li');
        item.className = 'code-chip';
        item.style.setProperty('--code-color', code.color);
        item.textContent = code.name;
        list.append(item);
      }
      header.append(list);
    }

    const body = doc.createElement('div');
    body.className = 'turn-body';
    section.append(header, body);
    return section;
  }

  // Read-only content that is rebuilt, never edited: the DOM never needs patching in place.
  override updateDOM(): boolean {
    return false;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    const body = element.querySelector<HTMLElement>(':scope > .turn-body');
    return body ? super.getDOMSlot(element).withElement(body) : super.getDOMSlot(element);
  }
}

export function $createTurnNode(speaker: string, time: number | null, codes: readonly TurnCode[]): TurnNode {
  return $applyNodeReplacement(new TurnNode(speaker, time, codes));
}

export function $isTurnNode(node: LexicalNode | null | undefined): node is TurnNode {
  return node instanceof TurnNode;
}
