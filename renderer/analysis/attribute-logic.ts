// Pure helpers for the attribute table: the grid of values, editor values by type, reading CSV bytes.
import type { AttributeDefInfo, AttributeImportResult } from '../../shared/contract/analysis-calls';
import type { AttributeScope, AttributeType, AttributeValue } from '../../shared/types';
import { plural } from '../format';

export interface AttributeTarget {
  id: number;
  name: string;
  /** A fact to tell rows apart at a glance ("12 turns", "Northgate"). */
  detail: string;
}

export interface AttributeGrid {
  defs: AttributeDefInfo[];
  rows: { target: AttributeTarget; values: (string | null)[] }[];
}

/** One row per document or speaker, one column per attribute of the scope; null where there is no value. */
export function attributeGrid(
  scope: AttributeScope,
  targets: readonly AttributeTarget[],
  defs: readonly AttributeDefInfo[],
  values: readonly AttributeValue[],
): AttributeGrid {
  const cols = defs.filter((d) => d.scope === scope);
  const index = new Map(cols.map((d, i) => [d.name, i]));
  const byTarget = new Map<number, (string | null)[]>();
  for (const v of values) {
    const col = index.get(v.name);
    if (v.scope !== scope || col === undefined) continue;
    let row = byTarget.get(v.targetId);
    if (!row) byTarget.set(v.targetId, (row = cols.map(() => null)));
    row[col] = v.value;
  }
  return {
    defs: cols,
    rows: targets.map((t) => ({ target: t, values: byTarget.get(t.id) ?? cols.map(() => null) })),
  };
}

export const TYPE_LABELS: Record<AttributeType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes/no',
};

/** A stored value as its editor shows it: yes/no for booleans, the stored text otherwise. */
export function editorValue(type: AttributeType, stored: string | null): string {
  if (stored === null) return '';
  if (type === 'boolean') return stored === 'true' ? 'yes' : 'no';
  return stored;
}

/**
 * What an edit asks the core to do: nothing (unchanged), remove the value (emptied), or set it. Text
 * is compared as typed; the core normalises numbers and yes/no itself.
 */
export function editFor(
  type: AttributeType,
  stored: string | null,
  typed: string,
): { kind: 'none' } | { kind: 'remove' } | { kind: 'set'; value: string } {
  const empty = type === 'text' ? typed === '' : typed.trim() === '';
  if (empty) return stored === null ? { kind: 'none' } : { kind: 'remove' };
  if (typed === editorValue(type, stored)) return { kind: 'none' };
  return { kind: 'set', value: typed };
}

/**
 * CSV bytes as text the way spreadsheets save them: a BOM names UTF-8 or UTF-16; otherwise UTF-8 when the
 * bytes are valid UTF-8, else Windows-1252 (older Excel on Windows).
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// 0x80–0x9F of Windows-1252 (undefined bytes kept as their C1 code points), written out because some
// TextDecoder builds (Node without full ICU) treat the label as Latin-1.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x4000) {
    const chunk = Array.from(bytes.subarray(i, i + 0x4000), (b) =>
      b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b),
    );
    out += chunk.join('');
  }
  return out;
}

/** "Imported 6 values for 3 documents: site (new, text), sessions (new, number)." */
export function importSummary(r: AttributeImportResult): string {
  const what = r.scope === 'document' ? 'document' : 'speaker';
  const attrs = r.attributes
    .map((a) => `${a.name} (${a.created ? 'new, ' : ''}${TYPE_LABELS[a.type].toLowerCase()})`)
    .join(', ');
  return `Imported ${plural(r.values, 'value')} for ${plural(r.targets, what)}: ${attrs}.`;
}
