// REFI-QDA GUIDs: `8-4-4-4-12` hex in either case, optionally wrapped in braces. Tools disagree on case
// and some write ids that are not GUIDs at all, so references are compared through `guidKey`.

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** True for a well-formed GUID, braced or not. */
export const isGuid = (value: string): boolean => GUID.test(value.trim());

/**
 * The key that references are matched by: a GUID lower-cased without braces; anything else trimmed and
 * lower-cased, so files with home-made ids (`c001`) still resolve their own references.
 */
export function guidKey(value: string): string {
  const v = value.trim();
  const m = GUID.exec(v);
  return (m ? m[1]! : v).toLowerCase();
}

/** GUIDs as the GUIDE recommends writing them: upper case, no braces. */
export function exportGuid(value: string): string {
  const m = GUID.exec(value.trim());
  if (!m) throw new Error(`not a GUID: ${value}`);
  return m[1]!.toUpperCase();
}
