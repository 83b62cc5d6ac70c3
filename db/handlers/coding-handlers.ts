import type { Project } from '../project';
import type { Some } from './types';
import {
  createCode,
  deleteCode,
  describeCode,
  listCodes,
  mergeCode,
  moveCode,
  recolorCode,
  renameCode,
} from '../codes';
import { addCoding, listCodings, removeCodings, setCodingMemo } from '../codings';
import { documentSummary } from '../documents';
import { codeInVivo } from '../in-vivo';
import { getMemo, saveMemo } from '../memos';

type CodingCalls =
  | 'codes.list'
  | 'codes.create'
  | 'codes.rename'
  | 'codes.recolor'
  | 'codes.describe'
  | 'codes.move'
  | 'codes.merge'
  | 'codes.delete'
  | 'codings.list'
  | 'codings.add'
  | 'codings.addInVivo'
  | 'codings.remove'
  | 'codings.setMemo'
  | 'memos.get'
  | 'memos.save';

export function codingHandlers(project: Project): Some<CodingCalls> {
  return {
    'codes.list': () => listCodes(project),
    'codes.create': (a) => createCode(project, a),
    'codes.rename': ({ id, name }) => renameCode(project, id, name),
    'codes.recolor': ({ id, color }) => recolorCode(project, id, color),
    'codes.describe': ({ id, description }) => describeCode(project, id, description),
    'codes.move': ({ id, parentId, index }) => moveCode(project, id, parentId, index),
    'codes.merge': ({ sourceId, targetId }) => mergeCode(project, sourceId, targetId),
    'codes.delete': ({ id }) => deleteCode(project, id),
    'codings.list': ({ documentId }) => {
      documentSummary(project, documentId); // an unknown document is an error, as for documents.get
      return listCodings(project, documentId);
    },
    'codings.add': (a) => addCoding(project, a),
    'codings.addInVivo': ({ documentId, start, end, parentId }) =>
      codeInVivo(project, documentId, start, end, parentId),
    'codings.remove': ({ ids }) => removeCodings(project, ids),
    'codings.setMemo': ({ id, memo }) => setCodingMemo(project, id, memo),
    'memos.get': ({ kind, targetId }) => getMemo(project, kind, targetId) ?? null,
    'memos.save': ({ kind, targetId, text, json }) => saveMemo(project, kind, targetId, text, json),
  };
}
