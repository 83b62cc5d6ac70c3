// The element shape REFI-QDA XML is read into (by the streaming reader, xml-stream.ts), its accessors, and
// the byte decoding in front of it. A DOCTYPE is never needed by REFI-QDA and is the door to entity
// expansion ("billion laughs") and external entities (XXE), so the reader refuses any DOCTYPE or ENTITY
// declaration and expands no entities beyond the five predefined ones and character references.

import { badInput } from '../../shared/errors';

/**
 * A parsed element: attributes by name (entities decoded, values normalised), child elements by name
 * (always arrays), text and CDATA together under '#text' in document order.
 */
export type XNode = { [key: string]: unknown };

export interface ParsedXml {
  root: XNode;
  rootName: string;
  /** The root's default namespace, if any. */
  namespace: string | null;
}

/**
 * Bytes -> text, a piece at a time: UTF-8 (BOM allowed, as older QualCoder wrote one) or UTF-16 with a
 * BOM.
 */
export class XmlBytesDecoder {
  private decoder: TextDecoder | undefined;
  private head = new Uint8Array(0);

  constructor(
    private readonly file: string,
    private readonly what: string,
  ) {}

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      throw badInput(this.file, `${this.what} is not valid UTF-8 text`);
    }
  }

  push(bytes: Uint8Array): string {
    if (this.decoder) return this.decode(bytes, true);
    // The first two bytes tell UTF-16 (with its BOM) from UTF-8.
    const head = new Uint8Array(this.head.length + bytes.length);
    head.set(this.head);
    head.set(bytes, this.head.length);
    if (head.length < 2) {
      this.head = head;
      return '';
    }
    const [a, b] = head;
    const encoding = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8';
    this.decoder = new TextDecoder(encoding, { fatal: true });
    return this.decode(head, true);
  }

  end(): string {
    if (!this.decoder) {
      this.decoder = new TextDecoder('utf-8', { fatal: true });
      return this.decode(this.head, false);
    }
    return this.decode(new Uint8Array(0), false);
  }
}

export const doctypeRefusal = (file: string, what: string) =>
  badInput(
    file,
    `${what} contains a DOCTYPE or ENTITY declaration; REFI-QDA files never need one, and it can be used for entity-expansion or external-entity attacks, so the file is refused`,
  );

/** Child elements with this name. */
export function kids(node: XNode | undefined, name: string): XNode[] {
  const v = node?.[name];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export const child = (node: XNode | undefined, name: string): XNode | undefined => kids(node, name)[0];

/** An attribute, as the reader decoded and normalised it (literal line breaks and tabs are spaces). */
export function attr(node: XNode | undefined, name: string): string | undefined {
  const v = node?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** The text of an element: its own text and CDATA, in document order, entities decoded. */
export function textOf(node: XNode | undefined): string {
  const t = node?.['#text'];
  return typeof t === 'string' ? t : '';
}
