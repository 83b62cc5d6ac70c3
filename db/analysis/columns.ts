import type { Project } from '../project';
import type { AttributeScope } from '../../shared/types';
import { type AnalysisData, speakersOf } from './data';
import { compareAttributeValues, displayAttributeValue, findAttributeDef } from '../attributes';
import { paramList } from '../sql';

/** What the columns of a matrix are. */
export type ColumnSpec =
  | { kind: 'document' }
  | { kind: 'group' }
  | { kind: 'speaker' }
  | { kind: 'document-attribute'; name: string }
  | { kind: 'speaker-attribute'; name: string };

export interface MatrixColumn {
  /** Stable id: `document:ID`, `group:ID`, `speaker:ID`, `document-attribute:VALUE`, `speaker-attribute:VALUE`. */
  key: string;
  label: string;
}

export interface ColumnLayout {
  cols: MatrixColumn[];
  /** Speaker and speaker-attribute columns place codings by speaker; the others by document. */
  bySpeaker: boolean;
  ofDocument: Map<number, number[]>;
  ofSpeaker: Map<number, number[]>;
}

export const isBySpeaker = (spec: ColumnSpec): boolean =>
  spec.kind === 'speaker' || spec.kind === 'speaker-attribute';

/**
 * The columns for the filtered data: every document left by the filters (even with no coding), groups
 * holding one of them, speakers (allowed by the speaker filters) with a turn in them, and the attribute
 * values those documents or speakers have. Documents or speakers outside every column (no group, no
 * value) are left out of the matrix and its totals.
 */
export function layoutColumns(project: Project, spec: ColumnSpec, data: AnalysisData): ColumnLayout {
  const layout: ColumnLayout = {
    cols: [],
    bySpeaker: isBySpeaker(spec),
    ofDocument: new Map(),
    ofSpeaker: new Map(),
  };
  const assign = (map: Map<number, number[]>, id: number, col: number) => {
    const list = map.get(id);
    if (list) list.push(col);
    else map.set(id, [col]);
  };
  const docs = data.documentIds;
  const docList = paramList(docs.length);
  const speakers = speakersOf(data);

  if (spec.kind === 'document' || spec.kind === 'speaker') {
    const table = spec.kind === 'document' ? 'documents' : 'speakers';
    const ids = spec.kind === 'document' ? docs : speakers;
    const rows = project.db
      .prepare(
        `SELECT id, name FROM ${table} WHERE id IN (${paramList(ids.length)}) ORDER BY name COLLATE NOCASE, id`,
      )
      .all(...ids) as { id: number; name: string }[];
    rows.forEach((r, i) => {
      layout.cols.push({ key: `${spec.kind}:${r.id}`, label: r.name });
      assign(spec.kind === 'document' ? layout.ofDocument : layout.ofSpeaker, r.id, i);
    });
    return layout;
  }

  if (spec.kind === 'group') {
    const members = project.db
      .prepare(
        `SELECT g.id, g.name, m.document_id AS doc FROM doc_groups g JOIN group_members m ON m.group_id = g.id
         WHERE m.document_id IN (${docList}) ORDER BY g.name COLLATE NOCASE, g.id`,
      )
      .all(...docs) as { id: number; name: string; doc: number }[];
    const index = new Map<number, number>();
    for (const m of members) {
      let col = index.get(m.id);
      if (col === undefined) {
        col = layout.cols.push({ key: `group:${m.id}`, label: m.name }) - 1;
        index.set(m.id, col);
      }
      assign(layout.ofDocument, m.doc, col);
    }
    return layout;
  }

  const scope: AttributeScope = spec.kind === 'document-attribute' ? 'document' : 'speaker';
  const def = findAttributeDef(project, scope, spec.name);
  const targets = scope === 'document' ? docs : speakers;
  const values = project.db
    .prepare(
      `SELECT target_id AS id, value FROM attribute_values WHERE def_id = ? AND target_id IN (${paramList(targets.length)})`,
    )
    .all(def.id, ...targets) as { id: number; value: string }[];
  const distinct = [...new Set(values.map((v) => v.value))].sort((a, b) =>
    compareAttributeValues(def.type, a, b),
  );
  const col = new Map(distinct.map((v, i) => [v, i]));
  layout.cols = distinct.map((v) => ({
    key: `${spec.kind}:${v}`,
    label: displayAttributeValue(def.type, v),
  }));
  for (const v of values)
    assign(scope === 'document' ? layout.ofDocument : layout.ofSpeaker, v.id, col.get(v.value)!);
  return layout;
}
