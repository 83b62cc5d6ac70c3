// A tiny XML serialiser for the two REFI-QDA documents. The schemas are sequence-ordered and reject empty
// containers, so elements are built as data first and `container` drops a container with no children.

export type AttrValue = string | number | boolean | null | undefined;

export interface XmlElement {
  name: string;
  attrs: [string, AttrValue][];
  children: XmlElement[];
  /** Text content; an element has either text or children. */
  text?: string;
}

type Maybe<T> = T | null | undefined | false;

export function el(name: string, attrs: Record<string, AttrValue> = {}, children: Maybe<XmlElement>[] = []) {
  return {
    name,
    attrs: Object.entries(attrs),
    children: children.filter((c): c is XmlElement => !!c),
  } satisfies XmlElement;
}

export function textEl(name: string, text: string, attrs: Record<string, AttrValue> = {}): XmlElement {
  return { name, attrs: Object.entries(attrs), children: [], text };
}

/** A container element, or nothing when it would be empty (REFI containers need at least one child). */
export function container(name: string, children: Maybe<XmlElement>[]): XmlElement | null {
  const kept = children.filter((c): c is XmlElement => !!c);
  return kept.length ? el(name, {}, kept) : null;
}

// XML 1.0 cannot carry most C0 controls, unpaired surrogates or U+FFFE/U+FFFF even as character references.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const xmlSafe = (s: string): string => s.replace(NOT_XML, '\ufffd');

/** Element text. A CR is written as a reference because parsers turn a literal CR LF into LF. */
export function escapeText(s: string): string {
  return xmlSafe(s).replace(/[&<>\r]/g, (c) =>
    c === '\r' ? '&#13;' : c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;',
  );
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Attribute values; tabs and line breaks as references, since parsers normalise literal ones to spaces. */
export const escapeAttr = (s: string): string => xmlSafe(s).replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);

const attrText = (attrs: [string, AttrValue][]): string =>
  attrs
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');

function write(node: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = attrText(node.attrs);
  if (node.text !== undefined) {
    out.push(`${pad}<${node.name}${attrs}>${escapeText(node.text)}</${node.name}>`);
  } else if (!node.children.length) {
    out.push(`${pad}<${node.name}${attrs}/>`);
  } else {
    out.push(`${pad}<${node.name}${attrs}>`);
    for (const c of node.children) write(c, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** The whole document with an XML declaration, two-space indentation and a final newline. */
export function serializeXml(root: XmlElement): string {
  return XML_DECLARATION + serializeElement(root, 0);
}

/**
 * One element at `depth`, as `serializeXml` would write it inside a document, each line ending in a
 * newline; so a document can be written a piece at a time without ever holding all of it.
 */
export function serializeElement(node: XmlElement, depth: number): string {
  const out: string[] = [];
  write(node, depth, out);
  return out.join('\n') + '\n';
}

/** The start tag of an element whose children are written separately (see `serializeElement`). */
export const startTag = (name: string, attrs: Record<string, AttrValue>, depth: number): string =>
  `${'  '.repeat(depth)}<${name}${attrText(Object.entries(attrs))}>\n`;

export const endTag = (name: string, depth: number): string => `${'  '.repeat(depth)}</${name}>\n`;

/** xsd:dateTime as real tools write it: UTC, whole seconds. Unparseable input gives undefined. */
export function xmlDateTime(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
