// project.qde / .qdc XML -> QdeProject. Lenient where tools differ (namespace version tokens, prefixes,
// missing names, empty containers), strict where a file could mislead us (duplicate GUIDs, positions
// that are not integers).

import { badInput } from '../../shared/errors';
import { guidKey } from '../../shared/exchange/guid';
import type {
  QdeCode,
  QdeCoding,
  QdeProject,
  QdeSelection,
  QdeSource,
  QdeText,
  QdeValue,
  SourceKind,
} from './qde-model';
import { allGuids, attr, child, kids, parseXml, textOf, type XNode } from './xml-read';

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

function checkUniqueGuids(root: XNode, rootName: string, ctx: ReadContext): void {
  const seen = new Map<string, string>();
  for (const { element, guid } of allGuids(root, rootName)) {
    const k = guidKey(guid);
    const before = seen.get(k);
    if (before !== undefined) {
      throw badInput(
        ctx.file,
        `${ctx.what} gives the GUID ${guid} to two elements (${before} and ${element}); GUIDs must be unique, so references would be ambiguous`,
      );
    }
    seen.set(k, element);
  }
}

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

export function parseQde(xml: string, file: string, warnings: string[] = []): QdeProject {
  const ctx: ReadContext = { file, what: 'project.qde', warnings };
  const { root, rootName, namespace } = parseXml(xml, file, ctx.what);
  if (rootName !== 'Project')
    throw badInput(file, `${ctx.what} has a <${rootName}> root, not a REFI-QDA <Project>`);
  if (!namespace?.startsWith('urn:QDA-XML:project:'))
    warnings.push(
      `The project XML has namespace "${namespace ?? 'none'}", not urn:QDA-XML:project:1.0; read it anyway.`,
    );
  checkUniqueGuids(root, rootName, ctx);
  const sourcesEl = child(root, 'Sources');
  let index = 0;
  const sources: QdeSource[] = [];
  // Document order across the kinds is lost in parsing; it only decides default names and import order.
  for (const kind of SOURCE_KINDS)
    for (const s of kids(sourcesEl, kind)) sources.push(readSource(kind, s, index++, ctx));
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
    cases: kids(child(root, 'Cases'), 'Case').map((c) => ({
      key: key(c),
      name: attr(c, 'name')?.trim() || undefined,
      description: description(c),
      codeRefs: refs(c, 'CodeRef'),
      values: readValues(c),
      sourceRefs: refs(c, 'SourceRef'),
      selectionRefs: refs(c, 'SelectionRef'),
    })),
    sources,
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

export { checkUniqueGuids };
