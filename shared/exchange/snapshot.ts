// A project as REFI-QDA sees it: plain data with GUIDs assigned and positions already in code points.
// The core builds it from the database (db/exchange/snapshot.ts); the writers here only serialise it.

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date';

export interface SnapshotUser {
  guid: string;
  name: string;
}

export interface SnapshotCode {
  guid: string;
  name: string;
  /** #RRGGBB */
  color: string;
  description: string;
  /** Notes holding the code's memo. */
  noteGuids: string[];
  children: SnapshotCode[];
}

export interface SnapshotVariable {
  guid: string;
  name: string;
  type: VariableType;
}

export interface SnapshotValue {
  variableGuid: string;
  type: VariableType;
  /** Already in the XML lexical form of its type. */
  value: string;
}

export interface SnapshotCoding {
  guid: string;
  codeGuid: string;
  userGuid?: string;
  createdAt?: string;
}

export interface SnapshotSelection {
  guid: string;
  name: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  userGuid?: string;
  createdAt?: string;
  /** The coding memo (GUIDE: tools read a selection's Description as its comment). */
  description: string;
  codings: SnapshotCoding[];
}

export interface SnapshotSource {
  guid: string;
  name: string;
  /** Name of the plain-text file inside `sources/`. */
  fileName: string;
  text: string;
  createdAt?: string;
  /** In position order; an exported project's are built as they are walked (see db/exchange/snapshot.ts). */
  selections: Iterable<SnapshotSelection>;
  selectionCount: number;
  noteGuids: string[];
  values: SnapshotValue[];
}

export interface SnapshotCase {
  guid: string;
  name: string;
  values: SnapshotValue[];
  /** Walked once, when the case is written. */
  selectionGuids: Iterable<string>;
}

export interface SnapshotNote {
  guid: string;
  name: string;
  text: string;
  createdAt?: string;
  /** Name of the .docx inside `sources/` that keeps the memo's formatting, when it has any. */
  richTextFileName?: string;
}

export interface SnapshotSet {
  guid: string;
  name: string;
  description: string;
  sourceGuids: string[];
}

export interface ProjectSnapshot {
  name: string;
  origin: string;
  createdAt?: string;
  users: SnapshotUser[];
  codes: SnapshotCode[];
  variables: SnapshotVariable[];
  cases: SnapshotCase[];
  sources: SnapshotSource[];
  notes: SnapshotNote[];
  sets: SnapshotSet[];
  projectNoteGuids: string[];
}

/** Everything but the sources, which a large project supplies one at a time. */
export type SnapshotHead = Omit<ProjectSnapshot, 'sources'>;
