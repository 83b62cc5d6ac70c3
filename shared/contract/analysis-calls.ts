import { z } from 'zod';
import { call, id, name } from './define';
import type { ExportedFile } from './retrieval-calls';
import type { AttributeScope, AttributeType, AttributeValue, Excerpt } from '../types';

// Result shapes mirror db/analysis and db/attributes (the handlers are type-checked against them); they are
// restated here so the renderer depends on the contract only.

export interface MatrixRow {
  codeId: number;
  path: string;
  depth: number;
}

export interface MatrixColumn {
  key: string;
  label: string;
}

export type MatrixMeasure =
  'codings' | 'documents' | 'speakers' | 'words' | 'words-percent' | 'codings-percent';

export interface MatrixResult {
  measure: MatrixMeasure;
  rows: MatrixRow[];
  cols: MatrixColumn[];
  cells: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

export interface CooccurrenceResult {
  within: 'overlap' | 'turn';
  codes: MatrixRow[];
  cells: number[][];
}

export interface CooccurrencePassage {
  documentId: number;
  doc: string;
  start: number;
  end: number;
  text: string;
  overlap: { start: number; end: number } | null;
  speaker: string | null;
  codingIds: number[];
}

export interface SpeakerParticipation {
  speakerId: number;
  speaker: string;
  turns: number;
  words: number;
  turnsPercent: number;
  wordsPercent: number;
}

export interface CodeFrequency {
  code: MatrixRow;
  measure: MatrixMeasure;
  bars: (MatrixColumn & { value: number })[];
  total: number;
}

export interface AttributeDefInfo {
  id: number;
  scope: AttributeScope;
  name: string;
  type: AttributeType;
  values: number;
}

export interface AttributeImportResult {
  scope: AttributeScope;
  targets: number;
  values: number;
  attributes: { name: string; type: AttributeType; created: boolean }[];
}

export interface SpeakerMergeResult {
  from: string;
  into: string;
  turns: number;
  attributesAdded: string[];
  conflicts: { name: string; kept: string; dropped: string }[];
}

// Kept well under SQLite's limit on bound parameters, which several filters can share in one query.
const filterIds = z.array(id).max(5000);
const filters = {
  coderIds: filterIds.optional(),
  groupIds: filterIds.optional(),
  documentIds: filterIds.optional(),
  speakerIds: filterIds.optional(),
  excludeSpeakerIds: filterIds.optional(),
};

/** `document`, `group`, `speaker`, `doc-attr:NAME` or `speaker-attr:NAME`, as the CLI's --cols. */
export const columnSpec = z
  .string()
  .max(520)
  .regex(/^(?:document|group|speaker|(?:doc|speaker)-attr:[\s\S]*\S[\s\S]*)$/, 'unknown columns');
export type ColumnSpecText = z.infer<typeof columnSpec>;

const measure = z.enum(['codings', 'documents', 'speakers', 'words', 'words-percent', 'codings-percent']);
const scope = z.enum(['document', 'speaker']);
const attributeType = z.enum(['text', 'number', 'date', 'boolean']);
const index = z.number().int().nonnegative().max(1_000_000).nullable();

export const matrixQuery = z
  .object({
    columns: columnSpec,
    measure: measure.optional(),
    subcodes: z.boolean().optional(),
    codeIds: z.array(id).max(5000).optional(),
    ...filters,
  })
  .strict();
export type MatrixQueryArgs = z.input<typeof matrixQuery>;

export const cooccurrenceQuery = z
  .object({ within: z.enum(['overlap', 'turn']).optional(), ...filters })
  .strict();
export type CooccurrenceQueryArgs = z.input<typeof cooccurrenceQuery>;

const args = <S extends z.ZodRawShape>(shape: S) => z.object(shape).strict();

const matrixCell = args({
  query: matrixQuery,
  row: index,
  col: index,
  contextChars: z.number().int().nonnegative().max(5000).optional(),
});
const matrixExport = args({ query: matrixQuery, format: z.enum(['csv', 'xlsx']) });
const passages = args({ query: cooccurrenceQuery, codeA: id, codeB: id });
const participation = args({ documentId: id.optional() });
const frequency = args({
  codeId: id,
  by: columnSpec,
  measure: measure.optional(),
  subcodes: z.boolean().optional(),
  ...filters,
});
const scopeOnly = args({ scope: scope.optional() });
const value = z.string().max(100_000);
const setValue = args({ scope, targetId: id, name, value: value.nullable(), type: attributeType.optional() });
const deleteValue = args({ scope, targetId: id, name });
const defineAttribute = args({ scope, name, type: attributeType });
const dropAttribute = args({ scope, name });
const renameAttribute = args({ scope, name, newName: name });
const changeType = args({ scope, name, type: attributeType });
const importCsv = args({
  scope,
  fileName: z.string().trim().min(1).max(255),
  text: z.string().max(20_000_000),
});
const renameSpeaker = args({ id, name });
const mergeSpeakers = args({ fromId: id, intoId: id });

export const analysisCalls = {
  'analysis.matrix': call<typeof matrixQuery, MatrixResult>(matrixQuery),
  'analysis.matrixCell': call<typeof matrixCell, Excerpt[]>(matrixCell),
  'analysis.matrixExport': call<typeof matrixExport, ExportedFile>(matrixExport),
  'analysis.cooccurrence': call<typeof cooccurrenceQuery, CooccurrenceResult>(cooccurrenceQuery),
  'analysis.cooccurrencePassages': call<typeof passages, CooccurrencePassage[]>(passages),
  'analysis.participation': call<typeof participation, SpeakerParticipation[]>(participation),
  'analysis.codeFrequency': call<typeof frequency, CodeFrequency>(frequency),
  'attributes.list': call<typeof scopeOnly, AttributeValue[]>(scopeOnly),
  'attributes.defs': call<typeof scopeOnly, AttributeDefInfo[]>(scopeOnly),
  /** Sets one value; null removes it (the attribute stays). */
  'attributes.set': call<typeof setValue, void>(setValue),
  'attributes.delete': call<typeof deleteValue, void>(deleteValue),
  'attributes.define': call<typeof defineAttribute, void>(defineAttribute),
  /** Removes an attribute with every value. */
  'attributes.drop': call<typeof dropAttribute, void>(dropAttribute),
  'attributes.rename': call<typeof renameAttribute, void>(renameAttribute),
  'attributes.changeType': call<typeof changeType, void>(changeType),
  'attributes.importCsv': call<typeof importCsv, AttributeImportResult>(importCsv),
  'speakers.rename': call<typeof renameSpeaker, void>(renameSpeaker),
  'speakers.merge': call<typeof mergeSpeakers, SpeakerMergeResult>(mergeSpeakers),
};
