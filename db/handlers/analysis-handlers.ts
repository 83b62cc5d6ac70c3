import type { Project } from '../project';
import type { Some } from './types';
import type { ExportedFile } from '../../shared/contract';
import type { MatrixQueryArgs } from '../../shared/contract/analysis-calls';
import {
  type MatrixQuery,
  codeFrequency,
  computeCooccurrence,
  computeMatrix,
  cooccurrencePassages,
  matrixCellExcerpts,
  matrixToCsv,
  parseColumnSpec,
  speakerParticipation,
} from '../analysis';
import { matrixToXlsx } from '../analysis/matrix-xlsx';
import {
  changeAttributeType,
  defineAttribute,
  deleteAttribute,
  dropAttribute,
  listAttributeDefs,
  listAttributes,
  renameAttribute,
  setAttribute,
} from '../attributes';
import { importAttributesText } from '../attribute-import';
import { mergeSpeakers, renameSpeaker } from '../speaker-edits';
import { columnsLabel, measureInfo } from '../../shared/analysis-labels';
import { notFound } from '../../shared/errors';
import { paramList } from '../sql';
import { safeFileName } from '../../shared/file-names';

type AnalysisCalls =
  | 'analysis.matrix'
  | 'analysis.matrixCell'
  | 'analysis.matrixExport'
  | 'analysis.cooccurrence'
  | 'analysis.cooccurrencePassages'
  | 'analysis.participation'
  | 'analysis.codeFrequency'
  | 'attributes.list'
  | 'attributes.defs'
  | 'attributes.set'
  | 'attributes.delete'
  | 'attributes.define'
  | 'attributes.drop'
  | 'attributes.rename'
  | 'attributes.changeType'
  | 'attributes.importCsv'
  | 'speakers.rename'
  | 'speakers.merge';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const matrixQuery = ({ columns, ...rest }: MatrixQueryArgs): MatrixQuery => ({
  ...rest,
  columns: parseColumnSpec(columns),
});

/** The filters in words for an export's About sheet ("Excluding speakers: Facilitator"). */
function describeFilters(project: Project, q: MatrixQueryArgs): string[] {
  const names = (table: string, ids: number[] | undefined) =>
    ids?.length
      ? (
          project.db
            .prepare(`SELECT name FROM ${table} WHERE id IN (${paramList(ids.length)}) ORDER BY name`)
            .pluck()
            .all(...ids) as string[]
        ).join(', ')
      : '';
  return [
    ['Coders', names('coders', q.coderIds)],
    ['Groups', names('doc_groups', q.groupIds)],
    ['Documents', names('documents', q.documentIds)],
    ['Only speakers', names('speakers', q.speakerIds)],
    ['Excluding speakers', names('speakers', q.excludeSpeakerIds)],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`);
}

export function analysisHandlers(project: Project): Some<AnalysisCalls> {
  return {
    'analysis.matrix': (q) => computeMatrix(project, matrixQuery(q)),
    'analysis.matrixCell': ({ query, row, col, contextChars }) =>
      matrixCellExcerpts(project, matrixQuery(query), row, col, contextChars),
    'analysis.matrixExport': async ({ query, format }): Promise<ExportedFile> => {
      const m = computeMatrix(project, matrixQuery(query));
      const fileName = `${safeFileName(project.name)} code matrix.${format}`;
      if (format === 'csv') return { fileName, mimeType: 'text/csv', data: matrixToCsv(m), encoding: 'utf8' };
      const data = await matrixToXlsx(m, {
        projectName: project.name,
        measure: measureInfo(m.measure).label,
        columns: columnsLabel(query.columns),
        subcodes: !!query.subcodes,
        filters: describeFilters(project, query),
      });
      return { fileName, mimeType: XLSX, data: data.toString('base64'), encoding: 'base64' };
    },
    'analysis.cooccurrence': (q) => computeCooccurrence(project, q),
    'analysis.cooccurrencePassages': ({ query, codeA, codeB }) =>
      cooccurrencePassages(project, query, codeA, codeB),
    'analysis.participation': ({ documentId }) => {
      if (documentId === undefined) return speakerParticipation(project);
      if (!project.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId))
        throw notFound(`No document with id ${documentId}.`);
      return speakerParticipation(project, { documentIds: [documentId] });
    },
    'analysis.codeFrequency': ({ codeId, by, ...q }) =>
      codeFrequency(project, codeId, { ...q, columns: parseColumnSpec(by) }),
    'attributes.list': ({ scope }) => listAttributes(project, scope),
    'attributes.defs': ({ scope }) => listAttributeDefs(project, scope),
    'attributes.set': ({ scope, targetId, name, value, type }) =>
      setAttribute(project, scope, targetId, name, value, type),
    'attributes.delete': ({ scope, targetId, name }) => deleteAttribute(project, scope, targetId, name),
    'attributes.define': ({ scope, name, type }) => defineAttribute(project, scope, name, type),
    'attributes.drop': ({ scope, name }) => dropAttribute(project, scope, name),
    'attributes.rename': ({ scope, name, newName }) => renameAttribute(project, scope, name, newName),
    'attributes.changeType': ({ scope, name, type }) => changeAttributeType(project, scope, name, type),
    'attributes.importCsv': ({ scope, fileName, text }) =>
      importAttributesText(project, text, scope, fileName),
    'speakers.rename': ({ id, name }) => renameSpeaker(project, id, name),
    'speakers.merge': ({ fromId, intoId }) => mergeSpeakers(project, fromId, intoId),
  };
}
