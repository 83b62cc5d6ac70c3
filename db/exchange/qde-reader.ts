// project.qde / .qdc XML -> QdeProject. Lenient where tools differ (namespace version tokens, prefixes,
// missing names, empty containers), strict where a file could mislead us (duplicate GUIDs, positions
// that are not integers).

import { badInput } from '../../shared/errors';
import { guidKey } from '../../shared/exchange/guid';
import type {
  QdeCase,
  QdeCode,
  QdeCoding,
  QdeProject,
  QdeSelection,
  QdeSource,
  QdeText,
  QdeValue,
  SourceKind,
} from './qde-model';
import { attr, child, kids, textOf, type XNode } from './xml-read';
import { XmlStreamReader } from './xml-stream';
import { UniqueGuids } from './unique-guids';
import type { GuidMap } from './guid-map';

export interface ReadContext {
  file: string;
  what: string;
  warnings: string[];
}

const key = (node: XNode, name = 'guid') => guidKey(attr(node, name) ?? '');
const refs = (node: XNode, element: string, name = 'targetGUID') =>
  kids(node, element)
    .map((r) => attr(r, name))
    .filter((g): g is string => !!g)
    .map(guidKey);
const description = (node: XNode) => textOf(child(node, 'Description'));
const SOURCE_KINDS: SourceKind[] = ['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'];

function position(node: XNode, name: string, ctx: ReadContext): number {
  const raw = attr(node, name)?.trim() ?? '';
  if (!/^[+-]?\d+$/.test(raw))
    throw badInput(
      ctx.file,
      `${ctx.what}: selection ${attr(node, 'guid') ?? '(no GUID)'} has no valid ${name} ("${raw}")`,
    );
  return Number(raw);
}

export function readCodes(parent: XNode | undefined): QdeCode[] {
  return kids(parent, 'Code').map((c) => ({
    key: key(c),
    name: attr(c, 'name') ?? '',
    color: attr(c, 'color'),
    codable: !/^(false|0)$/i.test((attr(c, 'isCodable') ?? 'true').trim()),
    description: description(c),
    noteRefs: refs(c, 'NoteRef'),
    children: readCodes(c),
  }));
}

function readValues(node: XNode): QdeValue[] {
  return kids(node, 'VariableValue').flatMap((v) => {
    const variable = attr(child(v, 'VariableRef'), 'targetGUID');
    const valueKey = Object.keys(v).find((k) => k.endsWith('Value'));
    if (!variable || !valueKey) return [];
    return [
      {
        variable: guidKey(variable),
        kind: valueKey.slice(0, -'Value'.length),
        value: textOf(child(v, valueKey)),
      },
    ];
  });
}

function readCoding(c: XNode): QdeCoding {
  return {
    key: key(c),
    code: guidKey(attr(child(c, 'CodeRef'), 'targetGUID') ?? ''),
    user: attr(c, 'creatingUser') && guidKey(attr(c, 'creatingUser')!),
    created: attr(c, 'creationDateTime'),
    noteRefs: refs(c, 'NoteRef'),
  };
}

function readSelection(s: XNode, ctx: ReadContext): QdeSelection {
  return {
    key: key(s),
    name: attr(s, 'name') ?? '',
    start: position(s, 'startPosition', ctx),
    end: position(s, 'endPosition', ctx),
    user: attr(s, 'creatingUser') && guidKey(attr(s, 'creatingUser')!),
    created: attr(s, 'creationDateTime'),
    description: description(s),
    codings: kids(s, 'Coding').map(readCoding),
    noteRefs: refs(s, 'NoteRef'),
  };
}

function readText(t: XNode, ctx: ReadContext, fallbackName: string): QdeText {
  const content = child(t, 'PlainTextContent');
  return {
    key: key(t),
    name: attr(t, 'name')?.trim() || fallbackName,
    plainTextPath: attr(t, 'plainTextPath'),
    richTextPath: attr(t, 'richTextPath'),
    content: content ? textOf(content) : undefined,
    description: description(t),
    selections: kids(t, 'PlainTextSelection').map((s) => readSelection(s, ctx)),
    codings: kids(t, 'Coding').map(readCoding),
    noteRefs: refs(t, 'NoteRef'),
    values: readValues(t),
    user: attr(t, 'creatingUser') && guidKey(attr(t, 'creatingUser')!),
    created: attr(t, 'creationDateTime'),
    otherSelections: kids(t, 'TranscriptSelection').length,
  };
}

function readSource(kind: SourceKind, s: XNode, index: number, ctx: ReadContext): QdeSource {
  const name = attr(s, 'name')?.trim() || `Source ${index + 1}`;
  const texts =
    kind === 'TextSource'
      ? [readText(s, ctx, name)]
      : kind === 'PDFSource'
        ? kids(s, 'Representation').map((r) => readText(r, ctx, name))
        : kids(s, 'Transcript').map((r, i) =>
            readText(r, ctx, i ? `${name} (transcript ${i + 1})` : `${name} (transcript)`),
          );
  const media = ['PDFSelection', 'PictureSelection', 'AudioSelection', 'VideoSelection'].flatMap((n) =>
    kids(s, n),
  );
  return {
    kind,
    key: key(s),
    name,
    description: description(s),
    texts,
    mediaSelections: media.length,
    mediaCodings: media.reduce((n, m) => n + kids(m, 'Coding').length, 0),
    codings: kind === 'TextSource' ? [] : kids(s, 'Coding').map(readCoding),
    noteRefs: kind === 'TextSource' ? [] : refs(s, 'NoteRef'),
    values: kind === 'TextSource' ? [] : readValues(s),
    path: attr(s, 'path'),
  };
}

function readCase(c: XNode): QdeCase {
  return {
    key: key(c),
    name: attr(c, 'name')?.trim() || undefined,
    description: description(c),
    codeRefs: refs(c, 'CodeRef'),
    values: readValues(c),
    sourceRefs: refs(c, 'SourceRef'),
    selectionRefs: refs(c, 'SelectionRef'),
  };
}

/** What the streaming read takes out of the tree as it goes: the Sources and Cases, the bulk of a file. */
interface Taken {
  /**
   * By kind, in document order; a source without a name waits as an element for its default name, and
   * one an early sink has taken leaves what the sink returned.
   */
  sources: Map<SourceKind, (QdeSource | { unnamed: XNode } | { taken: QdeSource })[]>;
  cases: QdeCase[];
}

/**
 * Takes each source as soon as it is read, so the model never holds them all (see `readQde`). `head`
 * is the project read so far: root attributes, users, codes, variables and cases (all of which come
 * before the sources in a valid file).
 */
export interface SourceSink {
  /** Imports the source and returns what the model should keep of it. */
  take(source: QdeSource, head: QdeProject): QdeSource;
  /** Hand over each TextSource as its element ends; when false, every source is handed over at the end. */
  early: boolean;
  /** A table (two columns) the duplicate-GUID check shares with the sink, which uses column 1. */
  readonly guids?: GuidMap;
}

/**
 * Thrown by `readQde` after it handed a source to an early sink and then met the Users, CodeBook or
 * Cases that source depended on. The caller starts again with a sink that is not early.
 */
export class SourcesBeforeHead extends Error {
  constructor() {
    super('project.qde has sources before its users, codebook or cases');
  }
}

/** Parts of a file that sources depend on, and so must be read before a source is taken early. */
const HEAD_CONTAINERS = new Set(['Users', 'CodeBook', 'Cases']);

/** The project without its sources, from the tree as far as it has been read. */
function headFrom(root: XNode, ctx: ReadContext, cases: QdeCase[]): QdeProject {
  return {
    name: attr(root, 'name') ?? '',
    origin: attr(root, 'origin'),
    creatingUser: attr(root, 'creatingUserGUID') && guidKey(attr(root, 'creatingUserGUID')!),
    created: attr(root, 'creationDateTime'),
    description: description(root),
    noteRefs: refs(root, 'NoteRef'),
    users: kids(child(root, 'Users'), 'User').map((u) => ({
      key: key(u),
      name: attr(u, 'name')?.trim() ?? '',
    })),
    codes: readCodes(child(child(root, 'CodeBook'), 'Codes')),
    variables: kids(child(root, 'Variables'), 'Variable').map((v) => ({
      key: key(v),
      name: attr(v, 'name')?.trim() ?? '',
      type: attr(v, 'typeOfVariable')?.trim() ?? 'Text',
    })),
    cases,
    sources: [],
    notes: kids(child(root, 'Notes'), 'Note').map((n, i) => readText(n, ctx, `Note ${i + 1}`)),
    links: kids(child(root, 'Links'), 'Link').map((l) => ({
      key: key(l),
      name: attr(l, 'name') ?? '',
      origin: attr(l, 'originGUID') && guidKey(attr(l, 'originGUID')!),
      target: attr(l, 'targetGUID') && guidKey(attr(l, 'targetGUID')!),
      noteRefs: refs(l, 'NoteRef'),
    })),
    sets: kids(child(root, 'Sets'), 'Set').map((s) => ({
      key: key(s),
      name: attr(s, 'name')?.trim() ?? '',
      description: description(s),
      codes: refs(s, 'MemberCode'),
      sources: refs(s, 'MemberSource'),
      notes: refs(s, 'MemberNote'),
    })),
    graphs: kids(child(root, 'Graphs'), 'Graph').length,
  };
}

function projectFrom(root: XNode, ctx: ReadContext, taken: Taken, sink?: SourceSink): QdeProject {
  const project = headFrom(root, ctx, taken.cases);
  let index = 0;
  // Document order across the kinds is not kept; it only decides default names and import order.
  for (const kind of SOURCE_KINDS)
    for (const s of taken.sources.get(kind) ?? []) {
      if ('taken' in s) project.sources.push(s.taken);
      else {
        const source = 'unnamed' in s ? readSource(kind, s.unnamed, index, ctx) : s;
        project.sources.push(sink ? sink.take(source, project) : source);
      }
      index++;
    }
  return project;
}

/**
 * project.qde read as it arrives: `feed` passes each piece of the text to `write`. Each source and case
 * becomes plain data as soon as its element ends, so neither the text nor a tree of the whole file is
 * ever held; with an early `sink`, each TextSource is imported and let go as soon as it is read.
 * Problems are reported as a whole-file parse would find them: XML errors first, then the root, then
 * duplicate GUIDs, then bad positions, then whatever the sink refused.
 */
export function readQde(
  feed: (write: (text: string) => void) => void,
  file: string,
  warnings: string[] = [],
  sink?: SourceSink,
): QdeProject {
  const ctx: ReadContext = { file, what: 'project.qde', warnings };
  const taken: Taken = { sources: new Map(), cases: [] };
  const guids = new UniqueGuids(file, ctx.what, sink?.guids);
  const containers = new Map<string, number>();
  let root: XNode | undefined;
  let head: QdeProject | undefined;
  let headAfterSources = false;
  let itemError: unknown;
  let sinkError: unknown;
  const attempt = (read: () => void) => {
    if (guids.error !== undefined || itemError !== undefined) return;
    try {
      read();
    } catch (e) {
      itemError = e;
    }
  };
  /** A TextSource handed to the sink now; what the model keeps of it waits in its place. */
  const takeEarly = (source: QdeSource): { taken: QdeSource } => {
    if (sinkError !== undefined) return { taken: source };
    try {
      head ??= headFrom(root!, ctx, taken.cases);
      return { taken: sink!.take(source, head) };
    } catch (e) {
      sinkError = e;
      return { taken: source };
    }
  };
  const reader = new XmlStreamReader(file, ctx.what, {
    onOpen(ancestors, name, node) {
      if (!ancestors.length) root = node;
      if (ancestors.length === 1) {
        containers.set(name, (containers.get(name) ?? 0) + 1);
        if (head && HEAD_CONTAINERS.has(name) && containers.get(name) === 1) headAfterSources = true;
      }
      guids.see(name, node);
    },
    onElement(ancestors, name, node) {
      if (ancestors[0] !== 'Project') return true; // refused at the end; keep nothing meanwhile
      if (ancestors.length !== 2) return false;
      const container = ancestors[1]!;
      // Only the first Sources and Cases count, as `child` reads them.
      if (container !== 'Sources' && container !== 'Cases') return false;
      if (containers.get(container) !== 1) return true;
      const kind = name as SourceKind;
      if (container === 'Sources' && SOURCE_KINDS.includes(kind))
        attempt(() => {
          const list = taken.sources.get(kind) ?? [];
          taken.sources.set(kind, list);
          if (kind === 'TextSource' && sink?.early && !headAfterSources)
            // TextSources come first in import order, so this one's index is the number before it.
            list.push(takeEarly(readSource(kind, node, list.length, ctx)));
          // The index only names a source that has no name of its own.
          else list.push(attr(node, 'name')?.trim() ? readSource(kind, node, -1, ctx) : { unnamed: node });
        });
      if (container === 'Cases' && name === 'Case') attempt(() => taken.cases.push(readCase(node)));
      return true;
    },
  });
  feed((text) => reader.write(text));
  const { root: whole, rootName, namespace } = reader.end();
  if (rootName !== 'Project')
    throw badInput(file, `${ctx.what} has a <${rootName}> root, not a REFI-QDA <Project>`);
  if (!namespace?.startsWith('urn:QDA-XML:project:'))
    warnings.push(
      `The project XML has namespace "${namespace ?? 'none'}", not urn:QDA-XML:project:1.0; read it anyway.`,
    );
  if (guids.error !== undefined) throw guids.error;
  if (itemError !== undefined) throw itemError;
  if (headAfterSources) throw new SourcesBeforeHead();
  if (sinkError !== undefined) throw sinkError;
  return projectFrom(whole, ctx, taken, sink);
}
