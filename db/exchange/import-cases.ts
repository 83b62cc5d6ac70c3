// Cases and Variables. A Case with SelectionRefs is a person who said those passages: a speaker whose
// turns are the selections (the shape Commonplace exports). A Case with only SourceRefs describes whole
// sources, so its variables become attributes of those documents. Values on sources are document
// attributes. REFI types map to Commonplace's text, number, date and yes/no.

import { checkAttributeValue } from '../attributes';
import type { AttributeScope, AttributeType } from '../../shared/types';
import { countWords } from '../../shared/text';
import { parseLabelLine } from '../../shared/transcript/labels';
import { parseTurnName } from '../../shared/exchange/values';
import type { QdeCase, QdeValue } from './qde-model';
import { uniqueName, type ImportState, type ImportedSelection } from './import-state';

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

/** Where the words start after a speaker label at the start of the turn, and the label's time. */
function turnBody(text: string, start: number, end: number): { bodyStart: number; time: number | null } {
  const line = text.slice(start, end).split('\n', 1)[0] ?? '';
  const hit = parseLabelLine(line);
  if (!hit || hit.start !== 0) return { bodyStart: start, time: null };
  let bodyStart = Math.min(start + hit.bodyStart, end);
  while (bodyStart < end && /\s/.test(text[bodyStart]!)) bodyStart++;
  return { bodyStart, time: hit.time };
}

function ensureSpeaker(state: ImportState, name: string, key: string): number {
  const { db } = state.project;
  const found = db.prepare('SELECT id FROM speakers WHERE name = ?').pluck().get(name) as number | undefined;
  if (found !== undefined) return found;
  return Number(
    db.prepare('INSERT INTO speakers(guid, name) VALUES (?, ?)').run(state.guidFor(key), name)
      .lastInsertRowid,
  );
}

function importSpeaker(
  state: ImportState,
  c: QdeCase,
  name: string,
  texts: Map<number, string>,
  turnsOf: Map<number, [number, number][]>,
) {
  const speakerId = ensureSpeaker(state, name, c.key);
  const selections = c.selectionRefs
    .map((k) => state.selections.get(k))
    .filter((s): s is ImportedSelection => !!s)
    .sort((a, b) => a.documentId - b.documentId || a.start - b.start);
  const missing = c.selectionRefs.length - selections.length;
  if (missing)
    state.skip(`${missing} passage(s) of case "${name}"`, 'they are not text selections that were imported');
  let overlapping = 0;
  const insert = state.project.db.prepare(
    'INSERT INTO turns(document_id, speaker_id, start, end, body_start, time, words) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const s of selections) {
    const taken = turnsOf.get(s.documentId) ?? [];
    if (taken.some(([a, b]) => s.start < b && a < s.end)) {
      overlapping++;
      continue;
    }
    taken.push([s.start, s.end]);
    turnsOf.set(s.documentId, taken);
    const text = texts.get(s.documentId)!;
    const body = turnBody(text, s.start, s.end);
    const named = parseTurnName(s.selection.name);
    const time =
      named.time !== null && named.speaker.toLowerCase() === name.toLowerCase() ? named.time : body.time;
    insert.run(
      s.documentId,
      speakerId,
      s.start,
      s.end,
      body.bodyStart,
      time,
      countWords(text.slice(body.bodyStart, s.end)),
    );
  }
  if (overlapping)
    state.skip(
      `${overlapping} passage(s) of case "${name}"`,
      "they overlap another speaker's turn, and turns cannot overlap",
    );
  return speakerId;
}

export function importCases(state: ImportState, texts: Map<number, string>): void {
  const attributes = new Attributes(state);
  const turnsOf = new Map<number, [number, number][]>();
  const taken = new Set<string>();
  state.model.cases.forEach((c, i) => {
    const label = c.name ?? `Case ${i + 1}`;
    const asSpeaker = c.selectionRefs.length > 0 || c.sourceRefs.length === 0;
    if (asSpeaker) {
      const name = uniqueName(label, taken);
      const speakerId = importSpeaker(state, c, name, texts, turnsOf);
      for (const v of c.values) attributes.set('speaker', speakerId, v);
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
