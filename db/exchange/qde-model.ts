// project.qde read into plain data. GUIDs here are reference keys (see guidKey); positions are as in the
// file, in whatever unit its producer used.

export interface QdeUser {
  key: string;
  name: string;
}

export interface QdeCode {
  key: string;
  name: string;
  color?: string;
  codable: boolean;
  description: string;
  noteRefs: string[];
  children: QdeCode[];
}

export interface QdeVariable {
  key: string;
  name: string;
  type: string;
}

export interface QdeValue {
  variable: string;
  /** Element name without "Value": Text, Boolean, Integer, Float, Date, DateTime. */
  kind: string;
  value: string;
}

export interface QdeCoding {
  key: string;
  code: string;
  user?: string;
  created?: string;
  noteRefs: string[];
}

export interface QdeSelection {
  key: string;
  name: string;
  start: number;
  end: number;
  user?: string;
  created?: string;
  description: string;
  codings: QdeCoding[];
  noteRefs: string[];
}

/** Anything of TextSourceType: a TextSource, a PDF's Representation, a Transcript or a Note. */
export interface QdeText {
  key: string;
  name: string;
  plainTextPath?: string;
  richTextPath?: string;
  content?: string;
  description: string;
  selections: QdeSelection[];
  /** Codings of the whole text. */
  codings: QdeCoding[];
  noteRefs: string[];
  values: QdeValue[];
  user?: string;
  created?: string;
  /** Transcript selections (sync-point based), counted only. */
  otherSelections: number;
}

export type SourceKind = 'TextSource' | 'PDFSource' | 'PictureSource' | 'AudioSource' | 'VideoSource';

export interface QdeSource {
  kind: SourceKind;
  key: string;
  name: string;
  description: string;
  /** The plain text(s) we can import: the source itself, a PDF's Representation, AV Transcripts. */
  texts: QdeText[];
  /** Codings and selections on the media itself (PDF areas, picture regions, audio/video spans). */
  mediaSelections: number;
  mediaCodings: number;
  codings: QdeCoding[];
  noteRefs: string[];
  values: QdeValue[];
  path?: string;
}

export interface QdeCase {
  key: string;
  name?: string;
  description: string;
  codeRefs: string[];
  values: QdeValue[];
  sourceRefs: string[];
  selectionRefs: string[];
}

export interface QdeLink {
  key: string;
  name: string;
  origin?: string;
  target?: string;
  noteRefs: string[];
}

export interface QdeSet {
  key: string;
  name: string;
  description: string;
  codes: string[];
  sources: string[];
  notes: string[];
}

export interface QdeProject {
  name: string;
  origin?: string;
  creatingUser?: string;
  created?: string;
  description: string;
  noteRefs: string[];
  users: QdeUser[];
  codes: QdeCode[];
  variables: QdeVariable[];
  cases: QdeCase[];
  sources: QdeSource[];
  notes: QdeText[];
  links: QdeLink[];
  sets: QdeSet[];
  graphs: number;
}
