import { createHash } from 'node:crypto';

/**
 * A name-based (version 5 style) GUID for things Commonplace stores without one of their own (turns,
 * the selection around a coding, attribute definitions), so exporting the same project twice gives the
 * same GUIDs and a re-import can match them.
 */
export function derivedGuid(...parts: (string | number)[]): string {
  const b = createHash('sha1').update(parts.join('\x1f')).digest();
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  // One flat string: joining slices would keep a tree of pieces per GUID (~400 bytes instead of ~56),
  // and an export holds one per speaker turn (175,000 in a large project) until the sources are written.
  return b.subarray(0, 16).toString('hex').replace(DASHED, '$1-$2-$3-$4-');
}

const DASHED = /^(.{8})(.{4})(.{4})(.{4})/;

/** The text form derivedGuid gives, of a GUID's 16 bytes. */
export const guidText = (bytes: Buffer): string => bytes.toString('hex').replace(DASHED, '$1-$2-$3-$4-');
