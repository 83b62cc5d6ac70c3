import type { Command } from 'commander';
import type { Project } from '../../db/project';
import type { AttributeScope, AttributeType } from '../../shared/types';
import {
  ATTRIBUTE_TYPES,
  changeAttributeType,
  deleteAttribute,
  listAttributes,
  renameAttribute,
  setAttributes,
} from '../../db/attributes';
import { importAttributesCsv } from '../../db/attribute-import';
import { mergeSpeakers, renameSpeaker } from '../../db/speaker-edits';
import { requireCode } from '../../db/codes';
import {
  type AnalysisFilters,
  MATRIX_MEASURES,
  type MatrixMeasure,
  computeCooccurrence,
  computeMatrix,
  matrixToCsv,
  parseColumnSpec,
  speakerParticipation,
} from '../../db/analysis';
import { roundCell } from '../../db/analysis/format';
import { invalidArgument } from '../../shared/errors';
import { collect, printJson, printTable, withProject, writeOutput, type Io } from './io';
import { resolveDocument, resolveGroup, resolveSpeaker } from './resolve';

interface TargetFlags {
  doc?: string;
  speaker?: string;
}

interface FilterFlags {
  group?: string[];
  speaker?: string[];
  excludeSpeaker?: string[];
  coder?: string[];
  doc?: string[];
}

/** The one document or speaker named by --doc or --speaker. */
function target(p: Project, o: TargetFlags): { scope: AttributeScope; id: number; name: string } {
  if (!!o.doc === !!o.speaker) throw invalidArgument('Give exactly one of --doc NAME or --speaker NAME.');
  return o.doc
    ? { scope: 'document', id: resolveDocument(p, o.doc), name: o.doc }
    : { scope: 'speaker', id: resolveSpeaker(p, o.speaker!), name: o.speaker! };
}

/** --docs or --speakers (exactly one when `required`). */
function scopeOf(o: { docs?: boolean; speakers?: boolean }, required = true): AttributeScope | undefined {
  if (o.docs && o.speakers) throw invalidArgument('Give either --docs or --speakers, not both.');
  if (!o.docs && !o.speakers && required) throw invalidArgument('Give --docs or --speakers.');
  return o.docs ? 'document' : o.speakers ? 'speaker' : undefined;
}

function attributeType(t: string | undefined): AttributeType | undefined {
  if (t !== undefined && !ATTRIBUTE_TYPES.includes(t as AttributeType))
    throw invalidArgument(`Unknown type "${t}"; use ${ATTRIBUTE_TYPES.join(', ')}.`);
  return t as AttributeType | undefined;
}

function filters(p: Project, o: FilterFlags): AnalysisFilters {
  const coderId = (n: string) => {
    const id = p.db.prepare('SELECT id FROM coders WHERE name = ?').pluck().get(n) as number | undefined;
    if (id === undefined) throw invalidArgument(`No coder named "${n}".`);
    return id;
  };
  return {
    groupIds: o.group?.map((g) => resolveGroup(p, g)),
    documentIds: o.doc?.map((d) => resolveDocument(p, d)),
    speakerIds: o.speaker?.map((s) => resolveSpeaker(p, s)),
    excludeSpeakerIds: o.excludeSpeaker?.map((s) => resolveSpeaker(p, s)),
    coderIds: o.coder?.map(coderId),
  };
}

function filterOptions(cmd: Command, codings = true): Command {
  cmd
    .option('--group <name>', 'only documents in this group (repeatable)', collect)
    .option('--doc <name>', 'only this document (repeatable)', collect)
    .option('--speaker <name>', 'only this speaker (repeatable)', collect)
    .option('--exclude-speaker <name>', 'leave this speaker out, e.g. the facilitator (repeatable)', collect);
  return codings ? cmd.option('--coder <name>', 'only codings by this coder (repeatable)', collect) : cmd;
}

function registerAttributes(program: Command, io: Io): void {
  const attrs = program.command('attrs').description('typed attributes of documents and speakers');
  attrs
    .command('set')
    .description('set attributes of one document or speaker (one undoable step)')
    .argument('<project>')
    .argument('<pairs...>', 'KEY=VALUE')
    .option('--doc <name>', 'the document')
    .option('--speaker <name>', 'the speaker')
    .option('--type <type>', `type of new attributes: ${ATTRIBUTE_TYPES.join(', ')} (default text)`)
    .action((path: string, pairs: string[], o: TargetFlags & { type?: string }) => {
      const values = pairs.map((pair) => {
        const at = pair.indexOf('=');
        const name = at > 0 ? pair.slice(0, at).trim() : '';
        const value = at > 0 ? pair.slice(at + 1) : '';
        if (!name || !value.trim())
          throw invalidArgument(`"${pair}" is not KEY=VALUE (to remove a value, use attrs delete).`);
        return { name, value };
      });
      const t = withProject(path, (p) => {
        const t = target(p, o);
        setAttributes(p, t.scope, t.id, values, attributeType(o.type));
        return t;
      });
      io.out(`Set ${values.length} attribute(s) of ${t.scope} ${t.name}\n`);
    });
  attrs
    .command('delete')
    .description("remove one document's or speaker's value")
    .argument('<project>')
    .argument('<key>')
    .option('--doc <name>', 'the document')
    .option('--speaker <name>', 'the speaker')
    .action((path: string, key: string, o: TargetFlags) => {
      const t = withProject(path, (p) => {
        const t = target(p, o);
        deleteAttribute(p, t.scope, t.id, key);
        return t;
      });
      io.out(`Deleted ${key} of ${t.scope} ${t.name}\n`);
    });
  attrs
    .command('import')
    .description(
      'import attributes from CSV: first column the name, header row the attributes (one undoable step)',
    )
    .argument('<project>')
    .argument('<file>', 'CSV file (comma, semicolon or tab separated)')
    .option('--docs', 'the rows are documents')
    .option('--speakers', 'the rows are speakers')
    .option('--json', 'print JSON only')
    .action((path: string, file: string, o: { docs?: boolean; speakers?: boolean; json?: boolean }) => {
      const scope = scopeOf(o)!;
      const r = withProject(path, (p) => importAttributesCsv(p, file, scope));
      if (o.json) printJson(io, r);
      else
        io.out(
          `Imported ${r.values} value(s) for ${r.targets} ${scope}(s): ${r.attributes.map((a) => `${a.name} (${a.type})`).join(', ')}\n`,
        );
    });
  attrs
    .command('list')
    .description('list attribute values')
    .argument('<project>')
    .option('--docs', 'only document attributes')
    .option('--speakers', 'only speaker attributes')
    .option('--json', 'print JSON only: [{scope, target, name, type, value}]')
    .action((path: string, o: { docs?: boolean; speakers?: boolean; json?: boolean }) => {
      const rows = withProject(path, (p) => listAttributes(p, scopeOf(o, false))).map((a) => ({
        scope: a.scope,
        target: a.target,
        name: a.name,
        type: a.type,
        value: a.value,
      }));
      if (o.json) printJson(io, rows);
      else
        printTable(
          io,
          ['scope', 'target', 'attribute', 'type', 'value'],
          rows.map((r) => [r.scope, r.target, r.name, r.type, r.value]),
        );
    });
  attrs
    .command('rename')
    .description('rename an attribute')
    .argument('<project>')
    .argument('<name>')
    .argument('<new-name>')
    .option('--docs', 'a document attribute')
    .option('--speakers', 'a speaker attribute')
    .action((path: string, name: string, newName: string, o: { docs?: boolean; speakers?: boolean }) => {
      withProject(path, (p) => renameAttribute(p, scopeOf(o)!, name, newName));
      io.out(`Renamed ${name} to ${newName.trim()}\n`);
    });
  attrs
    .command('type')
    .description('change the type of an attribute, converting its values (refused if any does not fit)')
    .argument('<project>')
    .argument('<name>')
    .argument('<type>', ATTRIBUTE_TYPES.join(', '))
    .option('--docs', 'a document attribute')
    .option('--speakers', 'a speaker attribute')
    .action((path: string, name: string, type: string, o: { docs?: boolean; speakers?: boolean }) => {
      withProject(path, (p) => changeAttributeType(p, scopeOf(o)!, name, attributeType(type)!));
      io.out(`${name} is now ${type}\n`);
    });
}

function registerSpeakerEdits(program: Command, io: Io): void {
  program
    .command('speakers-rename')
    .description('rename a speaker in every transcript')
    .argument('<project>')
    .argument('<old>')
    .argument('<new>')
    .action((path: string, old: string, name: string) => {
      withProject(path, (p) => renameSpeaker(p, resolveSpeaker(p, old), name));
      io.out(`Renamed speaker ${old} to ${name.trim()}\n`);
    });
  program
    .command('speakers-merge')
    .description('merge one speaker into another: turns move, the target keeps its attributes on conflicts')
    .argument('<project>')
    .argument('<from>')
    .argument('<into>')
    .option('--json', 'print JSON only')
    .action((path: string, from: string, into: string, o: { json?: boolean }) => {
      const r = withProject(path, (p) => mergeSpeakers(p, resolveSpeaker(p, from), resolveSpeaker(p, into)));
      if (o.json) return printJson(io, r);
      io.out(`Merged ${r.from} into ${r.into}: ${r.turns} turn(s) moved\n`);
      for (const c of r.conflicts) io.out(`  ${c.name}: kept "${c.kept}", dropped "${c.dropped}"\n`);
    });
}

function registerTables(program: Command, io: Io): void {
  filterOptions(
    program
      .command('matrix')
      .description('code matrix: codes × documents, groups, speakers or attribute values, with totals')
      .argument('<project>')
      .requiredOption('--cols <columns>', 'document, group, speaker, doc-attr:KEY or speaker-attr:KEY')
      .option('--measure <measure>', MATRIX_MEASURES.join(', '), 'codings')
      .option('--subcodes', "roll sub-codes' codings up into their parents")
      .option('--code <name>', 'only this code as a row (repeatable)', collect)
      .option('--format <format>', 'csv (with totals) or json', 'csv')
      .option('--out <file>', 'write to a file instead of standard output'),
  ).action(
    (
      path: string,
      o: FilterFlags & {
        cols: string;
        measure: string;
        subcodes?: boolean;
        code?: string[];
        format: string;
        out?: string;
      },
    ) => {
      if (!MATRIX_MEASURES.includes(o.measure as MatrixMeasure))
        throw invalidArgument(`Unknown measure "${o.measure}"; use ${MATRIX_MEASURES.join(', ')}.`);
      if (!['csv', 'json'].includes(o.format))
        throw invalidArgument(`Unknown format "${o.format}"; use csv or json.`);
      const m = withProject(path, (p) =>
        computeMatrix(p, {
          ...filters(p, o),
          columns: parseColumnSpec(o.cols),
          measure: o.measure as MatrixMeasure,
          subcodes: o.subcodes,
          codeIds: o.code?.map((c) => requireCode(p, c).id),
        }),
      );
      const text =
        o.format === 'json'
          ? `${JSON.stringify({ rows: m.rows.map((r) => r.path), cols: m.cols.map((c) => c.label), cells: m.cells.map((r) => r.map(roundCell)) }, null, 2)}\n`
          : matrixToCsv(m);
      writeOutput(io, text, o.out);
    },
  );

  filterOptions(
    program
      .command('cooccur')
      .description('code co-occurrence: overlapping codings, or codes in the same speaker turn')
      .argument('<project>')
      .option('--within <mode>', 'overlap or turn', 'overlap')
      .option('--json', 'print JSON only: {codes, cells}'),
  ).action((path: string, o: FilterFlags & { within: string; json?: boolean }) => {
    if (o.within !== 'overlap' && o.within !== 'turn')
      throw invalidArgument(`Unknown --within "${o.within}"; use overlap or turn.`);
    const r = withProject(path, (p) =>
      computeCooccurrence(p, { ...filters(p, o), within: o.within as 'overlap' }),
    );
    const codes = r.codes.map((c) => c.path);
    if (o.json) printJson(io, { codes, cells: r.cells });
    else
      printTable(
        io,
        ['code', ...codes],
        r.cells.map((row, i) => [codes[i]!, ...row]),
      );
  });

  filterOptions(
    program
      .command('participation')
      .description('turns and words per speaker (labels and timestamps excluded)')
      .argument('<project>')
      .option('--json', 'print JSON only'),
    false,
  ).action((path: string, o: FilterFlags & { json?: boolean }) => {
    const rows = withProject(path, (p) => speakerParticipation(p, filters(p, o)));
    if (o.json)
      printJson(
        io,
        rows.map(({ speakerId: _, ...r }) => r),
      );
    else
      printTable(
        io,
        ['speaker', 'turns', 'words', '% of words'],
        rows.map((r) => [r.speaker, r.turns, r.words, roundCell(r.wordsPercent)]),
      );
  });
}

export function registerAnalysisCommands(program: Command, io: Io): void {
  registerAttributes(program, io);
  registerSpeakerEdits(program, io);
  registerTables(program, io);
}
