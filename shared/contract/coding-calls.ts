import { z } from 'zod';
import { call, color, id, ids, longText, name, none, offset } from './define';
import type { CodeInfo, Coding, Memo } from '../types';

const memoKind = z.enum(['project', 'document', 'code']);

export const codingCalls = {
  'codes.list': call<typeof none, CodeInfo[]>(none),
  'codes.create': (() => {
    const args = z
      .object({
        name,
        parentId: id.nullable().optional(),
        color: color.optional(),
        description: longText.optional(),
      })
      .strict();
    return call<typeof args, number>(args);
  })(),
  'codes.rename': (() => {
    const args = z.object({ id, name }).strict();
    return call<typeof args, void>(args);
  })(),
  'codes.recolor': (() => {
    const args = z.object({ id, color }).strict();
    return call<typeof args, void>(args);
  })(),
  'codes.describe': (() => {
    const args = z.object({ id, description: longText }).strict();
    return call<typeof args, void>(args);
  })(),
  'codes.move': (() => {
    const args = z
      .object({ id, parentId: id.nullable(), index: z.number().int().nonnegative().max(1e6).optional() })
      .strict();
    return call<typeof args, void>(args);
  })(),
  'codes.merge': (() => {
    const args = z.object({ sourceId: id, targetId: id }).strict();
    return call<typeof args, void>(args);
  })(),
  'codes.delete': (() => {
    const args = z.object({ id }).strict();
    return call<typeof args, void>(args);
  })(),
  // A document's codings without its text and turns: what the open transcript refetches after a coding change.
  'codings.list': (() => {
    const args = z.object({ documentId: id }).strict();
    return call<typeof args, Coding[]>(args);
  })(),
  'codings.add': (() => {
    const args = z
      .object({ documentId: id, codeId: id, start: offset, end: offset, memo: longText.optional() })
      .strict();
    return call<typeof args, { added: number; existing: number; ids: number[] }>(args);
  })(),
  'codings.addInVivo': (() => {
    const args = z
      .object({ documentId: id, start: offset, end: offset, parentId: id.nullable().optional() })
      .strict();
    return call<typeof args, { codeId: number; codingId: number | null }>(args);
  })(),
  'codings.remove': (() => {
    const args = z.object({ ids: ids().min(1) }).strict();
    return call<typeof args, number>(args);
  })(),
  'codings.setMemo': (() => {
    const args = z.object({ id, memo: longText.nullable() }).strict();
    return call<typeof args, void>(args);
  })(),
  'memos.get': (() => {
    const args = z.object({ kind: memoKind, targetId: id }).strict();
    return call<typeof args, Memo | null>(args);
  })(),
  'memos.save': (() => {
    const args = z
      .object({ kind: memoKind, targetId: id, text: longText, json: z.string().max(5_000_000) })
      .strict();
    return call<typeof args, void>(args);
  })(),
};
