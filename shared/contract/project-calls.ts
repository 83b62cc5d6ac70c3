import { z } from 'zod';
import { call, id, ids, name, none } from './define';
import type {
  DocumentSummary,
  ImportSummary,
  ProjectStats,
  SpeakerSummary,
  Turn,
  Coding,
  GroupSummary,
} from '../types';

export interface DocumentView {
  summary: DocumentSummary;
  text: string;
  turns: Turn[];
  codings: Coding[];
}

export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

export interface ProjectInfo {
  name: string;
  path: string;
  coder: string;
}

const importFiles = z
  .object({
    // base64, so the same call works over Electron IPC, the loopback bridge and the test bridge
    files: z
      .array(
        z
          .object({
            name: z.string().min(1).max(1000),
            data: z.string().max(70_000_000),
            group: name.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
    group: name.optional(),
    detectSpeakers: z.boolean().optional(),
    keepGoing: z.boolean().optional(),
  })
  .strict();

export const projectCalls = {
  'project.info': call<typeof none, ProjectInfo>(none),
  'project.stats': call<typeof none, ProjectStats>(none),
  'history.state': call<typeof none, HistoryState>(none),
  'history.undo': call<typeof none, HistoryState>(none),
  'history.redo': call<typeof none, HistoryState>(none),
  'import.files': call<typeof importFiles, ImportSummary>(importFiles),
  'documents.list': call<typeof none, DocumentSummary[]>(none),
  'documents.get': call<z.ZodObject<{ id: typeof id }>, DocumentView>(z.object({ id }).strict()),
  'documents.rename': (() => {
    const args = z.object({ id, name }).strict();
    return call<typeof args, void>(args);
  })(),
  'documents.delete': (() => {
    const args = z.object({ id }).strict();
    return call<typeof args, void>(args);
  })(),
  'documents.setGroups': (() => {
    const args = z.object({ id, groups: z.array(name).max(1000) }).strict();
    return call<typeof args, void>(args);
  })(),
  'groups.list': call<typeof none, GroupSummary[]>(none),
  'groups.rename': (() => {
    const args = z.object({ id, name }).strict();
    return call<typeof args, void>(args);
  })(),
  'groups.delete': (() => {
    const args = z.object({ id }).strict();
    return call<typeof args, void>(args);
  })(),
  'speakers.list': (() => {
    const args = z.object({ documentId: id.optional(), documentIds: ids().optional() }).strict();
    return call<typeof args, SpeakerSummary[]>(args);
  })(),
};
