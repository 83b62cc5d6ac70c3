// Reading an XML document as it arrives, a piece of text at a time, into the element shape of xml-read.ts
// without ever holding the whole text or the whole tree: the caller takes completed elements it can use
// at once (a source with its selections, say) and they are not kept. Untrusted files are refused when
// they hold a DOCTYPE (and so any ENTITY declaration, which can only appear inside one), and no entity is
// expanded beyond the five predefined ones and character references; nesting is bounded.

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { badInput } from '../../shared/errors';
import { doctypeRefusal, type ParsedXml, type XNode } from './xml-read';

/** Deeper nesting than any REFI-QDA file has; the readers recurse over the tree. */
const MAX_DEPTH = 400;

export interface StreamHandlers {
  /** Each start tag, with the local names of the elements around it (root first) and its attributes. */
  onOpen?(ancestors: readonly string[], name: string, node: XNode): void;
  /**
   * Each completed element below the root. Returning true takes it: it is not added to its parent, so
   * the tree keeps only what the caller leaves there.
   */
  onElement?(ancestors: readonly string[], name: string, node: XNode): boolean;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * A copy of `s` that does not point into the piece it was cut from. V8 keeps a substring as a view of
 * its parent, so every name or date kept from a file would otherwise keep that whole piece of the file
 * alive; concatenating and slicing forces a fresh string.
 */
const detached = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** Text -> tree, fed a piece at a time with `write`; `end` returns the (pruned) tree. */
export class XmlStreamReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private readonly stack: XNode[] = [];
  private readonly names: string[] = [];
  private root: XNode | undefined;
  private rootName = '';
  private namespace: string | null = null;

  constructor(
    private readonly file: string,
    private readonly what: string,
    private readonly handlers: StreamHandlers = {},
  ) {
    const p = this.parser;
    // Called once a whole DOCTYPE has been read, however it was split between pieces; a DOCTYPE in the
    // wrong place, or an ENTITY declaration outside one, is a syntax error instead.
    p.on('doctype', () => {
      throw doctypeRefusal(this.file, this.what);
    });
    // Only the parser's own errors come here; what the handlers throw passes through unchanged.
    p.on('error', (e) => {
      const message = e.message.replace(/^\d+:\d+: /, '');
      throw badInput(this.file, `${this.what} is not well-formed XML (line ${p.line}: ${message})`);
    });
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', () => this.close());
    p.on('text', (text) => this.text(text));
    p.on('cdata', (text) => this.text(text));
  }

  private open(tag: SaxesTagPlain): void {
    if (this.stack.length >= MAX_DEPTH)
      throw badInput(this.file, `${this.what} nests elements more than ${MAX_DEPTH} deep`);
    const node: XNode = {};
    const xmlns: { prefix: string; uri: string }[] = [];
    for (const [key, value] of Object.entries(tag.attributes)) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) xmlns.push({ prefix: key.slice(6), uri: value });
      else node[localName(key)] = detached(value);
    }
    const name = localName(tag.name);
    if (!this.stack.length) {
      // The root's own namespace: the default one, or the one its prefix is bound to.
      const prefix = tag.name.includes(':') ? tag.name.slice(0, tag.name.indexOf(':')) : '';
      this.rootName = name;
      this.namespace = xmlns.find((x) => x.prefix === prefix)?.uri ?? null;
      this.root = node;
    }
    this.handlers.onOpen?.(this.names, name, node);
    this.stack.push(node);
    this.names.push(name);
  }

  private close(): void {
    const node = this.stack.pop()!;
    const name = this.names.pop()!;
    const parent = this.stack[this.stack.length - 1];
    if (!parent || this.handlers.onElement?.(this.names, name, node)) return;
    const siblings = parent[name];
    if (Array.isArray(siblings)) siblings.push(node);
    else parent[name] = [node];
  }

  private text(text: string): void {
    const node = this.stack[this.stack.length - 1];
    if (!node) return;
    node['#text'] = typeof node['#text'] === 'string' ? node['#text'] + text : detached(text);
  }

  write(piece: string): void {
    this.parser.write(piece);
  }

  end(): ParsedXml {
    this.parser.close();
    if (!this.root) throw badInput(this.file, `${this.what} has no root element`);
    return { root: this.root, rootName: this.rootName, namespace: this.namespace };
  }
}
