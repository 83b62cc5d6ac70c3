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

function selectionElement(s: SnapshotSelection): XmlElement {
  const created = xmlDateTime(s.createdAt);
  return el(
    'PlainTextSelection',
    {
      guid: g(s.guid),
      name: s.name,
      startPosition: s.start,
      endPosition: s.end,
      creatingUser: g(s.userGuid),
      creationDateTime: created,
    },
    [
      s.description ? textEl('Description', s.description) : null,
      ...s.codings.map((c) =>
        el(
          'Coding',
          { guid: g(c.guid), creatingUser: g(c.userGuid), creationDateTime: xmlDateTime(c.createdAt) },
          [el('CodeRef', { targetGUID: g(c.codeGuid) })],
        ),
      ),
    ],
  );
}

function sourceElement(s: SnapshotSource): XmlElement {
  return el(
    'TextSource',
    {
      guid: g(s.guid),
      name: s.name,
      plainTextPath: `internal://${s.fileName}`,
      creationDateTime: xmlDateTime(s.createdAt),
    },
    [...s.selections.map(selectionElement), ...noteRefs(s.noteGuids), ...s.values.map(valueElement)],
  );
}

function caseElement(c: SnapshotCase): XmlElement {
  return el('Case', { guid: g(c.guid), name: c.name }, [
    ...c.values.map(valueElement),
    ...c.selectionGuids.map((s) => el('SelectionRef', { targetGUID: g(s) })),
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
    yield serializeElement(sourceElement(first.value), 2);
    for (let s = rest.next(); !s.done; s = rest.next()) yield serializeElement(sourceElement(s.value), 2);
    yield endTag('Sources', 1);
  }
  for (const e of after) yield serializeElement(e, 1);
  yield endTag('Project', 0);
}

export function projectToQde(p: ProjectSnapshot): string {
  return Array.from(projectToQdeChunks(p, p.sources)).join('');
}
