// Comparative analysis: code matrices, co-occurrence, participation. See each module for definitions.
export type { AnalysisFilters } from './data';
export type { ColumnSpec, MatrixColumn } from './columns';
export { computeMatrix, MATRIX_MEASURES } from './matrix';
export type { MatrixMeasure, MatrixQuery, MatrixResult, MatrixRow } from './matrix';
export { matrixCellCodingIds, matrixCellExcerpts } from './cells';
export { computeCooccurrence, cooccurrencePassages } from './cooccurrence';
export type {
  CooccurrencePassage,
  CooccurrenceQuery,
  CooccurrenceResult,
  CooccurrenceWithin,
} from './cooccurrence';
export { codeFrequency, participationByDocument, speakerParticipation } from './participation';
export type { CodeFrequency, DocumentParticipation, SpeakerParticipation } from './participation';
export { matrixToCsv, parseColumnSpec } from './format';
