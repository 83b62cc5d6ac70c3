// Cases and Variables. A Case with SelectionRefs is a person who said those passages: a speaker whose
// turns are the selections (the shape Commonplace exports), written by case-turns.ts. A Case with only
// SourceRefs describes whole sources, so its variables become attributes of those documents. Values on
// sources are document attributes. REFI types map to Commonplace's text, number, date and yes/no.

import { checkAttributeValue } from '../attributes';
import type { AttributeScope, AttributeType } from '../../shared/types';
import type { QdeValue } from './qde-model';
import type { ImportState } from './import-state';
import type { CaseTurns } from './case-turns';

const TYPES: Record<string, AttributeType> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
};

class Attributes {
  private readonly defs = new Map<string, { id: number; type: AttributeType; name: string }>();
  private readonly used = new Set<string>();
  private readonly failures = new Map<string, number>();

  constructor(private readonly state: ImportState) {}

  set(scope: AttributeScope, targetId: number, v: QdeValue): void {
    const variable = this.state.model.variables.find((x) => x.key === v.variable);
    if (!variable) {
      this.fail(`values of an undefined variable (${v.variable})`);
      return;
    }
    if (!v.value.trim()) return;
    const def = this.def(scope, variable.name || 'Variable', variable.type);
    this.used.add(v.variable);
    let value = v.value.trim();
    if (def.type === 'date') value = value.replace(/(Z|[+-]\d{2}:\d{2})$/, '');
    try {
      value = checkAttributeValue(def.type, def.name, def.type === 'text' ? v.value : value);
    } catch {
      this.fail(`values of variable "${def.name}" that are not ${def.type}`);
      return;
    }
    this.state.project.db
      .prepare(
        `INSERT INTO attribute_values(def_id, target_id, value) VALUES (?, ?, ?)
         ON CONFLICT (def_id, target_id) DO UPDATE SET value = excluded.value`,
      )
      .run(def.id, targetId, value);
  }

  private def(scope: AttributeScope, name: string, refiType: string) {
    const k = `${scope}:${name.toLowerCase()}`;
    let def = this.defs.get(k);
    if (!def) {
      const type = TYPES[refiType] ?? 'text';
      if (!TYPES[refiType])
        this.state.skip(
          `type of variable "${name}" (${refiType})`,
          'Commonplace has no such attribute type; its values are kept as text',
        );
      const id = Number(
        this.state.project.db
          .prepare('INSERT INTO attribute_defs(scope, name, type) VALUES (?, ?, ?)')
          .run(scope, name, type).lastInsertRowid,
      );
      def = { id, type, name };
      this.defs.set(k, def);
    }
    return def;
  }

  private fail(what: string): void {
    this.failures.set(what, (this.failures.get(what) ?? 0) + 1);
  }

  finish(): void {
    for (const [what, n] of this.failures)
      this.state.skip(`${n} ${what}`, 'they do not fit the attribute type');
    for (const v of this.state.model.variables) {
      if (this.used.has(v.key)) this.state.report.variables++;
      else this.state.skip(`variable "${v.name}"`, 'no source or case has a value for it');
    }
  }
}

/** The rest of the cases, once every document is in: attributes, and what could not be kept. */
export function importCases(state: ImportState, turns: CaseTurns): void {
  const attributes = new Attributes(state);
  state.model.cases.forEach((c, i) => {
    const label = c.name ?? `Case ${i + 1}`;
    const speaker = turns.speakerOf(i);
    if (speaker) {
      const { name, id } = speaker;
      const missing = turns.listed[i]! - turns.found[i]!;
      if (missing)
        state.skip(
          `${missing} passage(s) of case "${name}"`,
          'they are not text selections that were imported',
        );
      if (turns.overlapping[i])
        state.skip(
          `${turns.overlapping[i]} passage(s) of case "${name}"`,
          "they overlap another speaker's turn, and turns cannot overlap",
        );
      for (const v of c.values) attributes.set('speaker', id, v);
    } else {
      const docs = c.sourceRefs
        .map((k) => state.documents.get(k))
        .filter((d): d is number => d !== undefined);
      for (const d of docs) for (const v of c.values) attributes.set('document', d, v);
      state.skip(
        `case "${label}" as a case`,
        docs.length && c.values.length
          ? `it covers whole sources; its variables were set on its ${docs.length} document(s)`
          : 'it covers whole sources and Commonplace has no cases apart from speakers',
      );
    }
    if (c.codeRefs.length)
      state.skip(`${c.codeRefs.length} code(s) on case "${label}"`, 'Commonplace does not code speakers');
    state.report.cases++;
  });
  for (const s of state.model.sources) {
    const docId = state.documents.get(s.key);
    const values = [...s.values, ...s.texts.flatMap((t) => t.values)];
    if (docId !== undefined) for (const v of values) attributes.set('document', docId, v);
    else if (values.length)
      state.skip(`${values.length} variable value(s) of "${s.name}"`, 'the source was not imported');
  }
  attributes.finish();
}
