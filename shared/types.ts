// Domain types shared by the core, the CLI, the IPC contract and the renderer.
// Offsets are UTF-16 code-unit positions into a document's canonical text, end exclusive.

export type SourceFormat = 'txt' | 'md' | 'docx' | 'vtt' | 'srt';

export interface ParsedTurn {
  speaker: string;
  /** Start of the turn, including its label (and any leading timestamp). */
  start: number;
  /** Where the spoken words begin, after label and timestamp. */
  bodyStart: number;
  end: number;
  /** Seconds from the start of the recording, or null. */
  time: number | null;
}

/** A source file turned into canonical text (BOM removed, LF line endings) plus detected speaker turns. */
export interface ParsedDocument {
  text: string;
  format: SourceFormat;
  /** e.g. 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'; for DOCX 'docx'. */
  encoding: string;
  turns: ParsedTurn[];
}

export interface DocumentSummary {
  id: number;
  name: string;
  groups: string[];
  words: number;
  turns: number;
  codings: number;
  format: SourceFormat;
  encoding: string;
  originalName: string;
  importedAt: string;
}

export interface Turn {
  id: number;
  speaker: string;
  speakerId: number;
  start: number;
  bodyStart: number;
  end: number;
  time: number | null;
  words: number;
}

export interface SpeakerSummary {
  id: number;
  name: string;
  turns: number;
  words: number;
  documents: number;
}

export interface CodeInfo {
  id: number;
  guid: string;
  parentId: number | null;
  name: string;
  /** Names from the root down, joined with '/'. */
  path: string;
  color: string;
  description: string;
  position: number;
  /** Codings of this code alone (not its sub-codes). */
  codings: number;
}

export interface Coding {
  id: number;
  documentId: number;
  codeId: number;
  start: number;
  end: number;
  coder: string;
  createdAt: string;
  memo: string | null;
}

export interface Excerpt {
  codingId: number;
  doc: string;
  documentId: number;
  groups: string[];
  /** Speakers of the turns the excerpt touches, in order of appearance. */
  speakers: string[];
  code: string;
  codeId: number;
  path: string;
  color: string;
  start: number;
  end: number;
  text: string;
  /** The excerpt with some surrounding words; `before`/`after` are the added parts. */
  context: string;
  before: string;
  after: string;
  memo: string | null;
  coder: string;
  createdAt: string;
}

export interface SearchHit {
  doc: string;
  documentId: number;
  start: number;
  end: number;
  speaker: string | null;
  /** Keyword in context: a line of text around the hit. */
  context: string;
  before: string;
  match: string;
  after: string;
}

export interface ProjectStats {
  documents: number;
  words: number;
  speakers: number;
  codes: number;
  codings: number;
}

export type MemoKind = 'project' | 'document' | 'code';

export interface Memo {
  kind: MemoKind;
  targetId: number;
  /** Lexical editor state as JSON; empty string when the memo was written as plain text. */
  contentJson: string;
  contentText: string;
  updatedAt: string;
}

export type AttributeScope = 'document' | 'speaker';
export type AttributeType = 'text' | 'number' | 'date' | 'boolean';

export interface AttributeValue {
  scope: AttributeScope;
  target: string;
  targetId: number;
  name: string;
  type: AttributeType;
  value: string;
}

export interface GroupSummary {
  id: number;
  name: string;
  description: string;
  documents: number;
}

export interface ImportSummary {
  imported: {
    id: number;
    name: string;
    format: SourceFormat;
    encoding: string;
    turns: number;
    speakers: string[];
    words: number;
  }[];
  failed: { file: string; problem: string }[];
}
