// The project as a REFI-QDA snapshot: GUIDs, code-point positions, memos as Notes, speakers as Cases.
// Speaker turns become PlainTextSelections (no coding) named after the speaker, and each speaker a Case
// whose SelectionRefs point at its turns: the spec's way to say "these passages belong to this person".

import type { Project } from '../project';
import type { AttributeScope, AttributeType, CodeInfo } from '../../shared/types';
import { listCodes } from '../codes';
import { codePointCounter } from '../../shared/exchange/positions';
import { exportGuid } from '../../shared/exchange/guid';
import { turnName, variableTypeOf, variableValue } from '../../shared/exchange/values';
import type {
  ProjectSnapshot,
  SnapshotCase,
  SnapshotHead,
  SnapshotCode,
  SnapshotNote,
  SnapshotSelection,
  SnapshotSource,
  SnapshotValue,
  SnapshotVariable,
} from '../../shared/exchange/snapshot';
import { derivedGuid, guidText } from './derived-guid';
import type { RichMemoFiles } from './rich-memos';

export const ORIGIN = 'Commonplace 0.1.0';

/** Longest selection name; names only help other tools (and our import) recognise the passage. */
const NAME_CODE_POINTS = 100;

interface MemoRow {
  guid: string;
  kind: 'project' | 'document' | 'code';
  targetId: number;
  json: string;
  text: string;
  updatedAt: string;
}

function variables(project: Project) {
  const defs = project.db
    .prepare('SELECT id, scope, name, type FROM attribute_defs ORDER BY scope, name COLLATE NOCASE')
    .all() as { id: number; scope: AttributeScope; name: string; type: AttributeType }[];
  const rows = project.db
    .prepare('SELECT def_id AS defId, target_id AS targetId, value FROM attribute_values')
    .all() as {
    defId: number;
    targetId: number;
    value: string;
  }[];
  const out: SnapshotVariable[] = [];
  // scope -> target id -> values of that target
  const values = new Map<string, SnapshotValue[]>();
  for (const def of defs) {
    const mine = rows.filter((r) => r.defId === def.id);
    if (!mine.length) continue;
    const type = variableTypeOf(
      def.type,
      mine.map((r) => r.value),
    );
    // attribute_defs has no GUID column: derive one from what identifies the definition, so it survives
    // a round trip (and the same attribute in two projects gets the same GUID, which helps merging).
    const guid = derivedGuid('variable', def.scope, def.name.toLowerCase());
    out.push({ guid, name: def.name, type });
    for (const r of mine) {
      const key = `${def.scope}:${r.targetId}`;
      values.set(key, [
        ...(values.get(key) ?? []),
        { variableGuid: guid, type, value: variableValue(type, r.value) },
      ]);
    }
  }
  return {
    variables: out,
    valuesOf: (scope: AttributeScope, id: number) => values.get(`${scope}:${id}`) ?? [],
  };
}

/** The code tree as REFI nests it; `noteOf` gives the Notes holding a code's memo. */
export function codeTree(codes: CodeInfo[], noteOf: (id: number) => string[] = () => []): SnapshotCode[] {
  const nodes = new Map<number, SnapshotCode>();
  const roots: SnapshotCode[] = [];
  for (const c of codes) {
    const node: SnapshotCode = {
      guid: c.guid,
      name: c.name,
      color: c.color.toUpperCase(),
      description: c.description,
      noteGuids: noteOf(c.id),
      children: [],
    };
    nodes.set(c.id, node);
    (c.parentId === null ? roots : nodes.get(c.parentId)!.children).push(node);
  }
  return roots;
}

interface DocRow {
  id: number;
  guid: string;
  name: string;
  importedAt: string;
}

interface TurnRow {
  speakerId: number;
  speakerGuid: string;
  speaker: string;
  start: number;
  end: number;
  time: number | null;
}

/** A document's turns in export order. */
function turnRows(db: Project['db'], doc: DocRow): TurnRow[] {
  return db
    .prepare(
      `SELECT t.speaker_id AS speakerId, s.guid AS speakerGuid, s.name AS speaker, t.start, t.end, t.time FROM turns t
       JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start, t.end`,
    )
    .all(doc.id) as TurnRow[];
}

/** The GUID of each of a document's turns (`turnRows` order). */
function turnGuids(doc: DocRow, turns: TurnRow[]): string[] {
  const used = new Set<string>();
  return turns.map((t) => {
    // Two identical turns would get one GUID, which our own importer (rightly) refuses; number repeats.
    let guid = derivedGuid(doc.guid, 'turn', t.start, t.end, t.speakerGuid);
    for (let n = 2; used.has(guid); n++)
      guid = derivedGuid(doc.guid, 'turn', t.start, t.end, t.speakerGuid, n);
    used.add(guid);
    return guid;
  });
}

interface CodingRow {
  guid: string;
  codeId: number;
  start: number;
  end: number;
  coderId: number;
  createdAt: string;
  memo: string | null;
}

/** The first `n` code points of text[start, end), as Array.from would split them (a lone half alone). */
function firstCodePoints(text: string, start: number, end: number, n: number): string {
  let i = start;
  for (let count = 0; i < end && count < n; count++) {
    const c = text.charCodeAt(i);
    const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  }
  return text.slice(start, i);
}

/**
 * A source whose selections (its turns and codings, merged in position order) are built as they are
 * walked: a large project's export then holds one selection at a time instead of a document's 1,250,
 * which lived long enough to be promoted to V8's old generation and made most of the export's heap.
 */
function sourceOf(
  project: Project,
  d: DocRow,
  text: string,
  turnGuid: (turnIndex: number) => string,
  { codeGuid, coderGuid }: { codeGuid: Map<number, string>; coderGuid: Map<number, string> },
): Omit<SnapshotSource, 'noteGuids' | 'values'> {
  const { db } = project;
  const cp = codePointCounter(text);
  const turns = turnRows(db, d);
  const codings = db
    .prepare(
      `SELECT guid, code_id AS codeId, start, end, coder_id AS coderId, created_at AS createdAt, memo
       FROM codings WHERE document_id = ? ORDER BY start, end, id`,
    )
    .all(d.id) as CodingRow[];
  const turnSelection = (t: TurnRow, i: number): SnapshotSelection => ({
    guid: turnGuid(i),
    name: turnName(t.speaker, t.time),
    start: cp(t.start),
    end: cp(t.end),
    description: '',
    codings: [],
  });
  const codingSelection = (k: CodingRow): SnapshotSelection => {
    const userGuid = coderGuid.get(k.coderId);
    return {
      guid: derivedGuid(k.guid, 'selection'),
      name: firstCodePoints(text, k.start, k.end, NAME_CODE_POINTS),
      start: cp(k.start),
      end: cp(k.end),
      userGuid,
      createdAt: k.createdAt,
      description: k.memo ?? '',
      codings: [{ guid: k.guid, codeGuid: codeGuid.get(k.codeId)!, userGuid, createdAt: k.createdAt }],
    };
  };
  // Both lists are in (start, end) order; on equal ranges a turn comes first.
  function* selections(): Generator<SnapshotSelection> {
    let t = 0;
    let k = 0;
    while (t < turns.length || k < codings.length) {
      const turn = turns[t];
      const coding = codings[k];
      if (
        turn &&
        (!coding || turn.start < coding.start || (turn.start === coding.start && turn.end <= coding.end))
      )
        yield turnSelection(turn, t++);
      else yield codingSelection(codings[k++]!);
    }
  }
  return {
    guid: d.guid,
    name: d.name,
    fileName: sourceFileName(d),
    text,
    createdAt: d.importedAt,
    selections: { [Symbol.iterator]: selections },
    selectionCount: turns.length + codings.length,
  };
}

const sourceFileName = (d: DocRow) => `${exportGuid(d.guid)}.txt`;

/**
 * The snapshot in parts, for exporting a large project without holding every text at once: the head
 * (everything but the sources, with each speaker's turn GUIDs), then the sources one at a time, then
 * the texts alone. Call it inside a read transaction, so the walks see the same project.
 */
export interface SnapshotParts {
  head: SnapshotHead;
  /** The sources in export order, each built when reached; every call reads the texts again. */
  sources(): Generator<SnapshotSource>;
  /**
   * Each source's file name and text as UTF-8, in the same order, without its selections: bytes straight
   * from SQLite, as a 200 KB text held as a string is only freed by a full collection.
   */
  texts(): Generator<{ fileName: string; bytes: Uint8Array }>;
}

/** `richFiles`: the .docx made for memos with formatting (see rich-memos.ts), if any. */
export function snapshotParts(project: Project, richFiles: RichMemoFiles = new Map()): SnapshotParts {
  const { db } = project;
  const meta = (key: string) =>
    db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  const memos = db
    .prepare(
      `SELECT guid, kind, target_id AS targetId, content_json AS json, content_text AS text, updated_at AS updatedAt FROM memos
       WHERE trim(content_text) <> '' ORDER BY kind, target_id`,
    )
    .all() as MemoRow[];
  const noteOf = (kind: string, id: number) =>
    memos.filter((m) => m.kind === kind && m.targetId === id).map((m) => m.guid);
  const { variables: vars, valuesOf } = variables(project);
  const coders = db.prepare('SELECT id, guid, name FROM coders ORDER BY name').all() as {
    id: number;
    guid: string;
    name: string;
  }[];
  const coderGuid = new Map(coders.map((c) => [c.id, c.guid]));
  const codes = listCodes(project);
  const codeGuid = new Map(codes.map((c) => [c.id, c.guid]));

  const docs = db
    .prepare('SELECT id, guid, name, imported_at AS importedAt FROM documents ORDER BY name COLLATE NOCASE')
    .all() as DocRow[];
  const docGuid = new Map(docs.map((d) => [d.id, d.guid]));
  const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  // Cases come before Sources in project.qde, so each speaker's turn GUIDs are gathered first, kept for
  // the sources too so that each (a SHA-1) is made once. As 16 bytes each rather than as strings (~120
  // bytes with their lists), 175,000 of them take 3 MB instead of 21 MB through the whole export.
  const turnCount = db.prepare('SELECT count(*) FROM turns').pluck().get() as number;
  const turnGuidBytes = Buffer.alloc(16 * turnCount);
  const firstTurnOf = new Map<number, number>();
  const speakerTurns = new Map<number, number[]>();
  let stored = 0;
  for (const d of docs) {
    const turns = turnRows(db, d);
    firstTurnOf.set(d.id, stored);
    turnGuids(d, turns).forEach((guid, i) => {
      turnGuidBytes.write(guid.replace(/-/g, ''), 16 * stored, 'hex');
      const list = speakerTurns.get(turns[i]!.speakerId);
      if (list) list.push(stored);
      else speakerTurns.set(turns[i]!.speakerId, [stored]);
      stored++;
    });
  }
  const turnGuid = (index: number) => guidText(turnGuidBytes.subarray(16 * index, 16 * index + 16));

  const speakers = db.prepare('SELECT id, guid, name FROM speakers ORDER BY name COLLATE NOCASE').all() as {
    id: number;
    guid: string;
    name: string;
  }[];
  const cases: SnapshotCase[] = speakers
    .map((s) => ({
      guid: s.guid,
      name: s.name,
      values: valuesOf('speaker', s.id),
      turns: speakerTurns.get(s.id) ?? [],
    }))
    .filter((c) => c.values.length || c.turns.length)
    .map(({ turns, ...c }) => ({
      ...c,
      // Made as the case is written, a case at a time.
      selectionGuids: {
        *[Symbol.iterator]() {
          for (const i of turns) yield turnGuid(i);
        },
      },
    }));

  const docName = new Map(docs.map((d) => [d.id, d.name]));
  const codePath = new Map(codes.map((c) => [c.id, c.path]));
  const notes: SnapshotNote[] = memos.map((m) => ({
    guid: m.guid,
    name:
      m.kind === 'project'
        ? 'Project journal'
        : `Memo: ${(m.kind === 'document' ? docName : codePath).get(m.targetId) ?? m.targetId}`,
    text: m.text,
    createdAt: m.updatedAt,
    // A memo edited since its file was made keeps only its plain text rather than stale formatting.
    richTextFileName: richFiles.get(m.guid)?.json === m.json ? richFiles.get(m.guid)!.fileName : undefined,
  }));

  const groups = db
    .prepare('SELECT id, guid, name, description FROM doc_groups ORDER BY name COLLATE NOCASE')
    .all() as {
    id: number;
    guid: string;
    name: string;
    description: string;
  }[];
  const members = db
    .prepare(
      `SELECT m.document_id FROM group_members m JOIN documents d ON d.id = m.document_id
       WHERE m.group_id = ? ORDER BY d.name COLLATE NOCASE`,
    )
    .pluck();
  const head: SnapshotHead = {
    name: project.name,
    origin: ORIGIN,
    createdAt: meta('created_at'),
    users: coders.map((c) => ({ guid: c.guid, name: c.name })),
    codes: codeTree(codes, (id) => noteOf('code', id)),
    variables: vars,
    cases,
    notes,
    sets: groups.map((g) => ({
      guid: g.guid,
      name: g.name,
      description: g.description,
      sourceGuids: (members.all(g.id) as number[]).map((id) => docGuid.get(id)!),
    })),
    projectNoteGuids: noteOf('project', 0),
  };
  return {
    head,
    *sources() {
      for (const d of docs)
        yield {
          ...sourceOf(project, d, textOf.get(d.id) as string, (i) => turnGuid(firstTurnOf.get(d.id)! + i), {
            codeGuid,
            coderGuid,
          }),
          noteGuids: noteOf('document', d.id),
          values: valuesOf('document', d.id),
        };
    },
    *texts() {
      const bytesOf = db.prepare('SELECT CAST(text AS BLOB) FROM documents WHERE id = ?').pluck();
      for (const d of docs) yield { fileName: sourceFileName(d), bytes: bytesOf.get(d.id) as Buffer };
    },
  };
}

/** The whole snapshot in memory; exporting a file uses `snapshotParts` instead. */
export function buildSnapshot(project: Project): ProjectSnapshot {
  const { head, sources } = snapshotParts(project);
  return { ...head, sources: Array.from(sources(), (s) => ({ ...s, selections: [...s.selections] })) };
}
