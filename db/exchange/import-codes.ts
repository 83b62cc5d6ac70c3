// Users -> coders, and the code tree -> codes (order, colour and description kept).

import { CODE_PALETTE } from '../../shared/colors';
import type { QdeCode } from './qde-model';
import { uniqueName, type ImportState } from './import-state';

function color(value: string | undefined, index: number): string {
  const v = value?.trim() ?? '';
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  return CODE_PALETTE[index % CODE_PALETTE.length]!;
}

export function importUsers(state: ImportState): void {
  const taken = new Set<string>();
  const insert = state.project.db.prepare('INSERT INTO coders(guid, name) VALUES (?, ?)');
  state.model.users.forEach((u, i) => {
    // coders.name is unique as written, but two users differing only in case would confuse people.
    const name = uniqueName(u.name || `User ${i + 1}`, taken);
    state.coders.set(u.key, Number(insert.run(state.guidFor(u.key), name).lastInsertRowid));
  });
}

export function importCodes(state: ImportState): void {
  const insert = state.project.db.prepare(
    'INSERT INTO codes(guid, parent_id, name, color, description, position) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let count = 0;
  const notCodable: string[] = [];
  const walk = (codes: QdeCode[], parentId: number | null, prefix: string) => {
    const taken = new Set<string>();
    codes.forEach((c, position) => {
      const clean = c.name.trim().replace(/\s+/g, ' ') || 'Unnamed code';
      const name = uniqueName(clean, taken);
      const path = prefix ? `${prefix}/${name}` : name;
      if (name !== clean)
        state.warnings.push(
          `Code "${prefix ? `${prefix}/` : ''}${clean}" appears twice at one level; the second is named "${name}".`,
        );
      if (!c.codable) notCodable.push(path);
      const id = Number(
        insert.run(
          state.guidFor(c.key),
          parentId,
          name,
          color(c.color, count++),
          c.description.replace(/\r\n?/g, '\n'),
          position,
        ).lastInsertRowid,
      );
      state.codes.set(c.key, id);
      state.report.codes++;
      walk(c.children, id, path);
    });
  };
  walk(state.model.codes, null, '');
  if (notCodable.length)
    state.skip(
      `"not codable" flag of ${notCodable.length} code(s): ${notCodable.slice(0, 5).join(', ')}${notCodable.length > 5 ? ', ...' : ''}`,
      'every Commonplace code can be applied; these folders were imported as ordinary codes',
    );
}
