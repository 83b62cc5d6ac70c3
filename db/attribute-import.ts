import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Project } from './project';
import type { AttributeScope, AttributeType } from '../shared/types';
import { CommonplaceError, badInput } from '../shared/errors';
import { decodeText } from './import/decode';
import { checkAttributeValue, ensureDef, isIsoDate, listAttributeDefs } from './attributes';

export interface AttributeImportResult {
  scope: AttributeScope;
  /** Documents or speakers that got at least one value. */
  targets: number;
  values: number;
  attributes: { name: string; type: AttributeType; created: boolean }[];
}

// Leading zeros mark identifiers ("007"), which must not turn into the number 7.
const NUMBER = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
// European Excel writes decimal commas in the same files where it uses ';' between cells.
const DECIMAL_COMMA = /^[+-]?(?:0|[1-9]\d*),\d+$/;
const BOOLEAN = /^(?:yes|no|true|false)$/i;

/** The type a column's non-empty values share: number, yes/no, date, or else text. */
export function inferAttributeType(values: string[], decimalComma = false): AttributeType {
  const vs = values.map((v) => v.trim()).filter((v) => v !== '');
  if (vs.length === 0) return 'text';
  if (vs.every((v) => NUMBER.test(v) || (decimalComma && DECIMAL_COMMA.test(v)))) return 'number';
  if (vs.every((v) => BOOLEAN.test(v))) return 'boolean';
  if (vs.every(isIsoDate)) return 'date';
  return 'text';
}

/** The delimiter of the header line: ';' (European Excel), tab, or ','; quoted text is ignored. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** Reads a CSV file (UTF-8, UTF-16 or Windows-1252, as Excel saves them) and imports it. */
export function importAttributesCsv(project: Project, file: string, scope: AttributeScope) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new CommonplaceError('io', `cannot read the file (${(e as Error).message})`, file);
  }
  return importAttributesText(project, decodeText(bytes, file).text, scope, file);
}

/**
 * Imports attributes from CSV text: the first column names the document or speaker, the header row names
 * the attributes, and each column's type is inferred from its values. Empty cells are skipped (existing
 * values stay). Every problem is found before anything is written; the import is one undoable step.
 */
export function importAttributesText(
  project: Project,
  text: string,
  scope: AttributeScope,
  file = 'attributes.csv',
): AttributeImportResult {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    throw badInput(file, `is not valid CSV (${(e as Error).message}).`);
  }
  const fail = (problem: string) => badInput(file, `${problem} Nothing was imported.`);
  const header = (records[0] ?? []).map((h) => h.trim());
  // Spreadsheets often leave empty columns at the right edge; they are not attributes.
  const isEmptyColumn = (i: number) => records.every((r) => (r[i] ?? '').trim() === '');
  const columns: { index: number; name: string }[] = [];
  for (let i = 1; i < header.length; i++) {
    if (isEmptyColumn(i)) continue;
    const name = header[i]!;
    if (!name) throw fail(`Column ${i + 1} has values but no attribute name in the header row.`);
    if (columns.some((c) => c.name.toLowerCase() === name.toLowerCase()))
      throw fail(`The header row names "${name}" twice.`);
    columns.push({ index: i, name });
  }
  if (columns.length === 0)
    throw fail('The header row must name the attributes after the first (name) column.');

  const rows = resolveRows(project, records, scope, fail);
  const decimalComma = delimiter === ';';
  const defs = new Map(listAttributeDefs(project, scope).map((d) => [d.name.toLowerCase(), d]));
  const planned = columns.map((c) => {
    const cells = rows.map((r) => ({ row: r.row, targetId: r.id, value: (r.cells[c.index] ?? '').trim() }));
    const inferred = inferAttributeType(
      cells.map((x) => x.value),
      decimalComma,
    );
    const normal = (v: string) => (inferred === 'number' && decimalComma ? v.replace(',', '.') : v);
    const existing = defs.get(c.name.toLowerCase());
    // An existing attribute keeps its type: the column must fit it (a number column fits a text attribute).
    const type = existing?.type ?? inferred;
    const values = cells
      .filter((x) => x.value !== '')
      .map((x) => {
        try {
          return { targetId: x.targetId, value: checkAttributeValue(type, c.name, normal(x.value)) };
        } catch {
          throw fail(
            `Row ${x.row}, column "${c.name}": "${x.value}" does not fit the existing ${type} attribute "${existing?.name ?? c.name}".`,
          );
        }
      });
    return { name: existing?.name ?? c.name, type, created: !existing, values };
  });

  const label = `Import ${scope} attributes from ${basename(file)}`;
  return project.mutate(label, () => {
    const upsert = project.db.prepare(
      `INSERT INTO attribute_values(def_id, target_id, value) VALUES (?, ?, ?)
       ON CONFLICT (def_id, target_id) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value`,
    );
    const targets = new Set<number>();
    let count = 0;
    for (const p of planned) {
      const def = ensureDef(project, scope, p.name, p.type);
      for (const v of p.values) {
        upsert.run(def.id, v.targetId, v.value);
        targets.add(v.targetId);
        count++;
      }
    }
    return {
      scope,
      targets: targets.size,
      values: count,
      attributes: planned.map(({ name, type, created }) => ({ name, type, created })),
    };
  });
}

interface ResolvedRow {
  /** Spreadsheet row number (the header is row 1; quoted line breaks stay inside their row). */
  row: number;
  id: number;
  cells: string[];
}

function resolveRows(
  project: Project,
  records: string[][],
  scope: AttributeScope,
  fail: (problem: string) => Error,
): ResolvedRow[] {
  const byName = project.db
    .prepare(`SELECT id FROM ${scope === 'document' ? 'documents' : 'speakers'} WHERE name = ?`)
    .pluck();
  // A document may be listed by its file name ("northgate.txt"), as the CLI accepts too.
  const find = (name: string) =>
    (byName.get(name) ?? (scope === 'document' ? byName.get(basename(name, extname(name))) : undefined)) as
      number | undefined;
  const unknown: string[] = [];
  const seen = new Map<number, number>();
  const out: ResolvedRow[] = [];
  records.forEach((cells, i) => {
    if (i === 0 || cells.every((c) => c.trim() === '')) return;
    const row = i + 1;
    const name = (cells[0] ?? '').trim().replace(/\s+/g, ' ');
    if (!name) throw fail(`Row ${row} has values but no ${scope} name in the first column.`);
    const id = find(name);
    if (id === undefined) {
      unknown.push(`row ${row}: no ${scope} named "${name}"`);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) throw fail(`Row ${row} repeats "${name}" (already on row ${first}).`);
    seen.set(id, row);
    out.push({ row, id, cells: cells.map((c) => c.replace(/\r\n?/g, '\n')) });
  });
  if (unknown.length) {
    const shown =
      unknown.slice(0, 10).join('; ') + (unknown.length > 10 ? `; and ${unknown.length - 10} more` : '');
    throw fail(`Unknown ${scope} name(s): ${shown}.`);
  }
  return out;
}
