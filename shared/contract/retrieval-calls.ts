import { z } from 'zod';
import { call, id, ids, none } from './define';
import type { Excerpt, SearchHit } from '../types';

export const excerptQuery = z
  .object({
    codeIds: ids(10_000).optional(),
    subcodes: z.boolean().optional(),
    documentIds: ids().optional(),
    groupIds: ids(10_000).optional(),
    speakerIds: ids().optional(),
    coderIds: ids(10_000).optional(),
    contextChars: z.number().int().nonnegative().max(5000).optional(),
  })
  .strict();

export type ExcerptQueryArgs = z.input<typeof excerptQuery>;

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** Text as is, or base64 for binary formats. */
  data: string;
  encoding: 'utf8' | 'base64';
}

const query = z.string().trim().min(1).max(1000);

export const retrievalCalls = {
  'excerpts.query': call<typeof excerptQuery, Excerpt[]>(excerptQuery),
  'search.text': (() => {
    const args = z
      .object({
        query,
        limit: z.number().int().positive().max(100_000).optional(),
        documentIds: ids().optional(),
      })
      .strict();
    return call<typeof args, SearchHit[]>(args);
  })(),
  'search.autocode': (() => {
    const args = z
      .object({
        query,
        codeId: id,
        scope: z.enum(['match', 'sentence', 'turn']).optional(),
        speakers: z.array(z.string().max(500)).max(1000).optional(),
        documentIds: ids().optional(),
      })
      .strict();
    return call<typeof args, { hits: number; added: number; existing: number }>(args);
  })(),
  'export.excerpts': (() => {
    const args = z
      .object({ format: z.enum(['csv', 'md', 'html', 'json', 'docx', 'xlsx']), query: excerptQuery })
      .strict();
    return call<typeof args, ExportedFile>(args);
  })(),
  'export.codebook': (() => {
    const args = z.object({ format: z.enum(['csv', 'md', 'docx', 'qdc']) }).strict();
    return call<typeof args, ExportedFile>(args);
  })(),
  'export.project': (() => {
    const args = z.object({ format: z.enum(['qdpx']) }).strict();
    return call<typeof args, ExportedFile>(args);
  })(),
  'coders.list': call<typeof none, { id: number; name: string; codings: number }[]>(none),
};
