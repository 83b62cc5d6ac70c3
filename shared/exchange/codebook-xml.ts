// The code tree in both REFI-QDA dialects: inside a project (codes may carry NoteRefs) and as a
// stand-alone Codebook (.qdc), whose Code has no NoteRef element at all.

import { exportGuid } from './guid';
import type { SnapshotCode } from './snapshot';
import { container, el, serializeXml, textEl, type XmlElement } from './xml-write';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

export function codeElement(code: SnapshotCode, withNotes: boolean): XmlElement {
  return el('Code', { guid: exportGuid(code.guid), name: code.name, isCodable: true, color: code.color }, [
    code.description ? textEl('Description', code.description) : null,
    ...(withNotes ? code.noteGuids.map((g) => el('NoteRef', { targetGUID: exportGuid(g) })) : []),
    ...code.children.map((c) => codeElement(c, withNotes)),
  ]);
}

/** A .qdc document. The schema requires at least one code, so an empty codebook cannot be written. */
export function codebookToQdc(codes: SnapshotCode[], origin: string): string {
  if (!codes.length) throw new Error('a REFI-QDA codebook needs at least one code');
  const codesEl = container(
    'Codes',
    codes.map((c) => codeElement(c, false)),
  )!;
  return serializeXml(el('CodeBook', { xmlns: CODEBOOK_NS, origin }, [codesEl]));
}
