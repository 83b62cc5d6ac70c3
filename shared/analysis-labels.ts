// How the comparison views name their measures and columns, shared by the Compare views and the exports
// so a spreadsheet says the same as the screen it came from.
import type { MatrixMeasure } from './contract/analysis-calls';

export interface MeasureInfo {
  id: MatrixMeasure;
  /** For pickers and headings. */
  label: string;
  /** One sentence saying exactly what a cell counts. */
  help: string;
  percent: boolean;
}

export const MEASURES: readonly MeasureInfo[] = [
  { id: 'codings', label: 'Codings', help: 'Number of codings of the code in the column.', percent: false },
  {
    id: 'documents',
    label: 'Documents',
    help: 'Number of documents with at least one coding of the code.',
    percent: false,
  },
  {
    id: 'speakers',
    label: 'Speakers',
    help: "Number of speakers whose turns the code's codings touch.",
    percent: false,
  },
  {
    id: 'words',
    label: 'Words coded',
    help: 'Words inside the codings (a word coded twice counts once); speaker labels never count.',
    percent: false,
  },
  {
    id: 'words-percent',
    label: "% of column's words",
    help: 'Words coded as a percentage of all the words in the column (coverage).',
    percent: true,
  },
  {
    id: 'codings-percent',
    label: "% of row's codings",
    help: "The column's share of the code's codings in the table; each row adds up to 100%.",
    percent: true,
  },
];

export const measureInfo = (id: MatrixMeasure): MeasureInfo =>
  MEASURES.find((m) => m.id === id) ?? MEASURES[0]!;

/** `document`, `group`, `speaker`, `doc-attr:NAME`, `speaker-attr:NAME` in words. */
export function columnsLabel(spec: string): string {
  if (spec === 'document') return 'Documents';
  if (spec === 'group') return 'Document groups';
  if (spec === 'speaker') return 'Speakers';
  if (spec.startsWith('doc-attr:')) return `Document attribute: ${spec.slice('doc-attr:'.length)}`;
  if (spec.startsWith('speaker-attr:')) return `Speaker attribute: ${spec.slice('speaker-attr:'.length)}`;
  return spec;
}

/** The category a bar chart's bars are, for its axis ("Document group", "role"). */
export function categoryLabel(spec: string): string {
  if (spec === 'document') return 'Document';
  if (spec === 'group') return 'Document group';
  if (spec === 'speaker') return 'Speaker';
  return spec.slice(spec.indexOf(':') + 1);
}
