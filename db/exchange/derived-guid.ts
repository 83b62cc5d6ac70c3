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
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
