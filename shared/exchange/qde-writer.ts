// project.qde from a snapshot. Child order follows Project.xsd's sequences exactly, empty containers are
// left out (the schema rejects them), and each text source points at a UTF-8, LF, BOM-less file, the one
// form every tool reads the same way (GUIDE §4).

import { codeElement, PROJECT_NS } from './codebook-xml';
import { exportGuid } from './guid';
import type {
  ProjectSnapshot,
  SnapshotCase,
  SnapshotHead,
  SnapshotNote,
  SnapshotSelection,
  SnapshotSet,
  SnapshotSource,
  SnapshotValue,
} from './snapshot';
import {
  container,
  el,
  endTag,
  escapeAttr,
  escapeText,
  serializeElement,
  serializeXml,
  startTag,
  textEl,
  XML_DECLARATION,
  xmlDateTime,
  type XmlElement,
} from './xml-write';

const g = (guid: string | undefined) => (guid ? exportGuid(guid) : undefined);
const noteRefs = (guids: string[]) => guids.map((n) => el('NoteRef', { targetGUID: g(n) }));

function valueElement(v: SnapshotValue): XmlElement {
  return el('VariableValue', {}, [
    el('VariableRef', { targetGUID: g(v.variableGuid) }),
    textEl(`${v.type}Value`, v.value),
  ]);
}

const attr = (name: string, value: string | number | undefined) =>
  value === undefined ? '' : ` ${name}="${escapeAttr(String(value))}"`;

/**
 * A selection as `serializeElement` would write it, built as one string: a large project has 375,000
 * selections, and going through element objects made ~1.5 GB of garbage per export.
 */
function selectionXml(s: SnapshotSelection, depth: number): string {
  const pad = '  '.repeat(depth);
  const start =
    `${pad}<PlainTextSelection${attr('guid', g(s.guid))}${attr('name', s.name)}` +
    `${attr('startPosition', s.start)}${attr('endPosition', s.end)}${attr('creatingUser', g(s.userGuid))}` +
    `${attr('creationDateTime', xmlDateTime(s.createdAt))}`;
  if (!s.description && !s.codings.length) return `${start}/>\n`;
  let out = `${start}>\n`;
  if (s.description) out += `${pad}  <Description>${escapeText(s.description)}</Description>\n`;
  for (const c of s.codings)
    out +=
      `${pad}  <Coding${attr('guid', g(c.guid))}${attr('creatingUser', g(c.userGuid))}` +
      `${attr('creationDateTime', xmlDateTime(c.createdAt))}>\n` +
      `${pad}    <CodeRef${attr('targetGUID', g(c.codeGuid))}/>\n${pad}  </Coding>\n`;
  return `${out}${pad}</PlainTextSelection>\n`;
}

const sourceAttrs = (s: SnapshotSource) => ({
  guid: g(s.guid),
  name: s.name,
  plainTextPath: `internal://${s.fileName}`,
  creationDateTime: xmlDateTime(s.createdAt),
});

/** A text source a child at a time, so that no source's whole XML is held at once. */
function* sourceChunks(s: SnapshotSource, depth: number): Generator<string> {
  const rest = [...noteRefs(s.noteGuids), ...s.values.map(valueElement)];
  if (!s.selectionCount && !rest.length) {
    yield serializeElement(el('TextSource', sourceAttrs(s)), depth);
    return;
  }
  yield startTag('TextSource', sourceAttrs(s), depth);
  for (const sel of s.selections) yield selectionXml(sel, depth + 1);
  for (const e of rest) yield serializeElement(e, depth + 1);
  yield endTag('TextSource', depth);
}

function caseElement(c: SnapshotCase): XmlElement {
  return el('Case', { guid: g(c.guid), name: c.name }, [
    ...c.values.map(valueElement),
    ...Array.from(c.selectionGuids, (s) => el('SelectionRef', { targetGUID: g(s) })),
  ]);
}

function noteElement(n: SnapshotNote): XmlElement {
  const created = xmlDateTime(n.createdAt);
  const richTextPath = n.richTextFileName ? `internal://${n.richTextFileName}` : undefined;
  const attributes = { guid: g(n.guid), name: n.name, richTextPath };
  return el('Note', { ...attributes, creationDateTime: created, modifiedDateTime: created }, [
    textEl('PlainTextContent', n.text),
  ]);
}

function setElement(s: SnapshotSet): XmlElement {
  return el('Set', { guid: g(s.guid), name: s.name }, [
    s.description ? textEl('Description', s.description) : null,
    ...s.sourceGuids.map((m) => el('MemberSource', { targetGUID: g(m) })),
  ]);
}

/**
 * project.qde a piece at a time (the start, each case, each source, the end), so a large project is
 * written without holding its whole XML; `sources` is walked once. The pieces join to `projectToQde`.
 */
export function* projectToQdeChunks(p: SnapshotHead, sources: Iterable<SnapshotSource>): Generator<string> {
  const codes = container(
    'Codes',
    p.codes.map((c) => codeElement(c, true)),
  );
  const before = [
    container(
      'Users',
      p.users.map((u) => el('User', { guid: g(u.guid), name: u.name })),
    ),
    codes && el('CodeBook', {}, [codes]),
    container(
      'Variables',
      p.variables.map((v) => el('Variable', { guid: g(v.guid), name: v.name, typeOfVariable: v.type })),
    ),
  ].filter((e): e is XmlElement => !!e);
  const after = [
    container('Notes', p.notes.map(noteElement)),
    container('Sets', p.sets.map(setElement)),
    ...noteRefs(p.projectNoteGuids),
  ].filter((e): e is XmlElement => !!e);
  const rest = sources[Symbol.iterator]();
  const first = rest.next();
  const attrs = {
    xmlns: PROJECT_NS,
    name: p.name,
    origin: p.origin,
    creationDateTime: xmlDateTime(p.createdAt),
  };
  if (!before.length && !p.cases.length && first.done && !after.length) {
    yield serializeXml(el('Project', attrs));
    return;
  }
  yield XML_DECLARATION + startTag('Project', attrs, 0);
  for (const e of before) yield serializeElement(e, 1);
  if (p.cases.length) {
    yield startTag('Cases', {}, 1);
    for (const c of p.cases) yield serializeElement(caseElement(c), 2);
    yield endTag('Cases', 1);
  }
  if (!first.done) {
    yield startTag('Sources', {}, 1);
    yield* sourceChunks(first.value, 2);
    for (let s = rest.next(); !s.done; s = rest.next()) yield* sourceChunks(s.value, 2);
    yield endTag('Sources', 1);
  }
  for (const e of after) yield serializeElement(e, 1);
  yield endTag('Project', 0);
}

export function projectToQde(p: ProjectSnapshot): string {
  return Array.from(projectToQdeChunks(p, p.sources)).join('');
}
