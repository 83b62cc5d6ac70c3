import type { Project } from '../project';
import type { Some } from './types';
import { deleteDocument, documentSummary, getDocument, listDocuments, renameDocument } from '../documents';
import { deleteGroup, listGroups, renameGroup, setDocumentGroups } from '../groups';
import { listSpeakers, listTurns } from '../speakers';
import { listCodings } from '../codings';
import { projectStats } from '../stats';
import { importSources } from '../import/import-files';

type ProjectCalls =
  | 'project.info'
  | 'project.stats'
  | 'history.state'
  | 'history.undo'
  | 'history.redo'
  | 'import.files'
  | 'documents.list'
  | 'documents.get'
  | 'documents.rename'
  | 'documents.delete'
  | 'documents.setGroups'
  | 'groups.list'
  | 'groups.rename'
  | 'groups.delete'
  | 'speakers.list';

export function historyState(project: Project) {
  return { undo: project.history.peekUndo()?.label ?? null, redo: project.history.peekRedo()?.label ?? null };
}

export function projectHandlers(project: Project): Some<ProjectCalls> {
  return {
    'project.info': () => ({ name: project.name, path: project.path, coder: project.coder }),
    'project.stats': () => projectStats(project),
    'history.state': () => historyState(project),
    'history.undo': () => {
      project.history.undo();
      return historyState(project);
    },
    'history.redo': () => {
      project.history.redo();
      return historyState(project);
    },
    'import.files': async ({ files, group, detectSpeakers, keepGoing }) => {
      const inputs = files.map((f) => ({
        name: f.name,
        data: Buffer.from(f.data, 'base64'),
        group: f.group,
      }));
      const r = await importSources(project, inputs, { group, detectSpeakers, keepGoing });
      return {
        imported: r.imported.map(({ file: _file, ...d }) => d),
        failed: r.failed,
      };
    },
    'documents.list': () => listDocuments(project),
    'documents.get': ({ id }) => ({
      summary: documentSummary(project, id),
      text: getDocument(project, id).text,
      turns: listTurns(project, id),
      codings: listCodings(project, id),
    }),
    'documents.rename': ({ id, name }) => renameDocument(project, id, name),
    'documents.delete': ({ id }) => deleteDocument(project, id),
    'documents.setGroups': ({ id, groups }) => {
      getDocument(project, id);
      setDocumentGroups(project, id, groups);
    },
    'groups.list': () => listGroups(project),
    'groups.rename': ({ id, name }) => renameGroup(project, id, name),
    'groups.delete': ({ id }) => deleteGroup(project, id),
    'speakers.list': ({ documentId, documentIds }) => {
      if (documentId !== undefined) return listSpeakers(project, documentId);
      const all = listSpeakers(project);
      if (!documentIds?.length) return all;
      const inDocs = new Set(documentIds.flatMap((d) => listSpeakers(project, d).map((s) => s.id)));
      return all.filter((s) => inDocs.has(s.id));
    },
  };
}
