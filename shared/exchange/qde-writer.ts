// project.qde from a snapshot. Child order follows Project.xsd's sequences exactly, empty containers are
// left out (the schema rejects them), and each text source points at a UTF-8, LF, BOM-less file, the one
// form every tool reads the same way (GUIDE §4).

import { codeElement, PROJECT_NS } from './codebook-xml';
import { exportGuid } from './guid';
import type {
  ProjectSnapshot,
  SnapshotCase,
  SnapshotNote,
  SnapshotSelection,
  SnapshotSet,
  SnapshotSource,
  SnapshotValue,
} from './snapshot';
import { container, el, serializeXml, textEl, xmlDateTime, type XmlElement } from './xml-write';

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
  return el('Note', { guid: g(n.guid), name: n.name, creationDateTime: created, modifiedDateTime: created }, [
    textEl('PlainTextContent', n.text),
  ]);
}

function setElement(s: SnapshotSet): XmlElement {
  return el('Set', { guid: g(s.guid), name: s.name }, [
    s.description ? textEl('Description', s.description) : null,
    ...s.sourceGuids.map((m) => el('MemberSource', { targetGUID: g(m) })),
  ]);
}

export function projectToQde(p: ProjectSnapshot): string {
  const codes = container(
    'Codes',
    p.codes.map((c) => codeElement(c, true)),
  );
  const root = el(
    'Project',
    { xmlns: PROJECT_NS, name: p.name, origin: p.origin, creationDateTime: xmlDateTime(p.createdAt) },
    [
      container(
        'Users',
        p.users.map((u) => el('User', { guid: g(u.guid), name: u.name })),
      ),
      codes && el('CodeBook', {}, [codes]),
      container(
        'Variables',
        p.variables.map((v) => el('Variable', { guid: g(v.guid), name: v.name, typeOfVariable: v.type })),
      ),
      container('Cases', p.cases.map(caseElement)),
      container('Sources', p.sources.map(sourceElement)),
      container('Notes', p.notes.map(noteElement)),
      container('Sets', p.sets.map(setElement)),
      ...noteRefs(p.projectNoteGuids),
    ],
  );
  return serializeXml(root);
}
