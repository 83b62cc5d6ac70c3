// Parsing REFI-QDA XML from untrusted files. A DOCTYPE is never needed by REFI-QDA and is the door to
// entity expansion ("billion laughs") and external entities (XXE), so any DOCTYPE or ENTITY declaration
// is refused before parsing, and the parser expands no entities: the five predefined ones and character
// references are decoded here, on access.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { badInput } from '../../shared/errors';

/**
 * Marks elements from the streaming reader (xml-stream.ts), whose parser has already decoded entities and
 * normalised attribute values; `parseXml` leaves both to the accessors here.
 */
export const DECODED = Symbol('decoded');

/** A parsed element: attributes by name, child elements by name (always arrays), text under '#text'. */
export type XNode = { [key: string]: unknown; [DECODED]?: true };

export interface ParsedXml {
  root: XNode;
  rootName: string;
  /** The root's default namespace, if any. */
  namespace: string | null;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref.toLowerCase()] ?? whole;
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/** A streaming `decodeXmlBytes`: bytes in, text out, a piece at a time. */
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

/** Bytes -> text: UTF-8 (BOM allowed, as older QualCoder wrote one) or UTF-16 with a BOM. */
export function decodeXmlBytes(bytes: Uint8Array, file: string, what: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badInput(file, `${what} is not valid UTF-8 text`);
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  maxNestedTags: 400,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

export const doctypeRefusal = (file: string, what: string) =>
  badInput(
    file,
    `${what} contains a DOCTYPE or ENTITY declaration; REFI-QDA files never need one, and it can be used for entity-expansion or external-entity attacks, so the file is refused`,
  );

export function parseXml(xml: string, file: string, what: string): ParsedXml {
  const text = xml.replace(/^\ufeff/, '');
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw doctypeRefusal(file, what);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw badInput(file, `${what} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  let doc: XNode;
  try {
    doc = parser.parse(text) as XNode;
  } catch (e) {
    throw badInput(file, `${what} cannot be read as XML (${(e as Error).message})`);
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('#') && !k.startsWith('?'));
  const root = rootName ? kids(doc, rootName)[0] : undefined;
  if (!rootName || !root) throw badInput(file, `${what} has no root element`);
  // The parser drops xmlns attributes along with prefixes, so read the namespace from the start tag.
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  const start = /<([^\s>/!?]+)([^>]*)>/.exec(body);
  const prefix = start?.[1]?.includes(':') ? `:${start[1].split(':')[0]}` : '';
  const ns = new RegExp(`\\sxmlns${prefix.replace(/[.-]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(
    start?.[2] ?? '',
  );
  return { root, rootName, namespace: ns ? decodeEntities(ns[2] ?? ns[3] ?? '') : null };
}

/** Child elements with this name (a leaf with text only comes back as { '#text': text }). */
export function kids(node: XNode | undefined, name: string): XNode[] {
  const v = node?.[name];
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'object' && x !== null ? (x as XNode) : { '#text': String(x) }));
}

export const child = (node: XNode | undefined, name: string): XNode | undefined => kids(node, name)[0];

/** An attribute with XML's attribute-value normalisation (literal line breaks and tabs are spaces). */
export function attr(node: XNode | undefined, name: string): string | undefined {
  const v = node?.[name];
  if (typeof v !== 'string') return undefined;
  if (node![DECODED]) return v;
  return decodeEntities(v.replace(/[\t\n\r]/g, ' '));
}

/** The text of an element: its own text plus any CDATA, entities decoded. */
export function textOf(node: XNode | undefined): string {
  if (!node) return '';
  // The streaming reader keeps text and CDATA together, in document order, already decoded.
  if (node[DECODED]) return typeof node['#text'] === 'string' ? node['#text'] : '';
  const parts: string[] = [];
  for (const t of [node['#text']].flat()) if (typeof t === 'string') parts.push(decodeEntities(t));
  for (const c of [node['#cdata']].flat()) {
    if (typeof c === 'string') parts.push(c);
    else if (c && typeof c === 'object') parts.push(String((c as XNode)['#text'] ?? ''));
  }
  return parts.join('');
}

/** Every `guid` attribute in the document, with the element holding it, for the duplicate check. */
export function* allGuids(node: XNode, name: string): Generator<{ element: string; guid: string }> {
  const g = node['guid'];
  // A Codebook's Set/MemberCode names its code with `guid`: a reference, not a second definition.
  if (typeof g === 'string' && name !== 'MemberCode') yield { element: name, guid: g };
  for (const [key, value] of Object.entries(node)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) if (item && typeof item === 'object') yield* allGuids(item as XNode, key);
  }
}
