import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { Project } from '../../db/project';
import {
  createCode,
  deleteCode,
  describeCode,
  listCodes,
  mergeCode,
  moveCode,
  recolorCode,
  renameCode,
  requireCode,
} from '../../db/codes';
import { addCodings, type NewCoding } from '../../db/codings';
import { autocode, type AutocodeScope } from '../../db/autocode';
import { codebookToCsv, codebookToMarkdown } from '../../shared/export/codebook';
import { CommonplaceError, invalidArgument } from '../../shared/errors';
import { collect, parseOffset, printJson, printTable, withProject, writeOutput, type Io } from './io';
import { resolveDocument } from './resolve';

const codeId = (p: Project, ref: string) => requireCode(p, ref).id;

function registerCodebook(program: Command, io: Io): void {
  const codes = program.command('codes').description('manage the codebook');
  codes
    .command('add')
    .description('add a code')
    .argument('<project>')
    .argument('<name>')
    .option('--parent <name>', 'parent code (name or path)')
    .option('--color <#RRGGBB>', 'colour')
    .option('--description <text>', 'definition of the code')
    .action((path: string, name: string, o: { parent?: string; color?: string; description?: string }) => {
      withProject(path, (p) =>
        createCode(p, {
          name,
          parentId: o.parent ? codeId(p, o.parent) : null,
          color: o.color,
          description: o.description,
        }),
      );
      io.out(`Added code ${name}\n`);
    });
  codes
    .command('list')
    .description('list codes in tree order')
    .argument('<project>')
    .option('--json', 'print JSON only')
    .action((path: string, o: { json?: boolean }) => {
      const list = withProject(path, listCodes).map((c) => ({
        name: c.name,
        path: c.path,
        color: c.color,
        description: c.description,
        codings: c.codings,
      }));
      if (o.json) printJson(io, list);
      else
        printTable(
          io,
          ['code', 'colour', 'codings', 'description'],
          list.map((c) => [c.path, c.color, c.codings, c.description]),
        );
    });
  const simple = (
    cmd: string,
    desc: string,
    arg: string,
    run: (p: Project, id: number, value: string) => void,
  ) =>
    codes
      .command(cmd)
      .description(desc)
      .argument('<project>')
      .argument('<code>')
      .argument(`<${arg}>`)
      .action((path: string, code: string, value: string) => {
        withProject(path, (p) => run(p, codeId(p, code), value));
        io.out(`Done: ${cmd} ${code}\n`);
      });
  simple('rename', 'rename a code', 'new-name', (p, id, v) => renameCode(p, id, v));
  simple('color', 'recolour a code', '#RRGGBB', (p, id, v) => recolorCode(p, id, v));
  simple('describe', "set a code's description", 'text', (p, id, v) => describeCode(p, id, v));
  simple('move', 'move a code under another ("/" for the top level)', 'parent', (p, id, v) =>
    moveCode(p, id, v === '/' ? null : codeId(p, v)),
  );
  simple('merge', 'merge a code into another: codings move, duplicates collapse', 'into', (p, id, v) =>
    mergeCode(p, id, codeId(p, v)),
  );
  codes
    .command('delete')
    .description('delete a code with its sub-codes and codings (undo brings them back)')
    .argument('<project>')
    .argument('<code>')
    .action((path: string, code: string) => {
      withProject(path, (p) => deleteCode(p, codeId(p, code)));
      io.out(`Deleted ${code}\n`);
    });
  codes
    .command('export')
    .description('export the codebook')
    .argument('<project>')
    .option('--format <format>', 'csv or md', 'csv')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((path: string, o: { format: string; out?: string }) => {
      const list = withProject(path, listCodes);
      if (o.format !== 'csv' && o.format !== 'md')
        throw invalidArgument(`Unknown format "${o.format}"; use csv or md.`);
      writeOutput(io, o.format === 'csv' ? codebookToCsv(list) : codebookToMarkdown(list), o.out);
    });
}

interface Batch {
  codings: NewCoding[];
  lines: number[];
}

/** Runs a batch, reporting a bad item by its line in the file rather than its index. */
function applyBatch(p: Project, file: string) {
  const { codings, lines } = readBatch(p, file);
  try {
    return addCodings(p, codings);
  } catch (e) {
    if (!(e instanceof CommonplaceError)) throw e;
    const message = e.message.replace(/ \(item (\d+)\)/, (_, n: string) => ` (line ${lines[Number(n) - 1]})`);
    throw new CommonplaceError(e.code, message, file);
  }
}

function readBatch(p: Project, file: string): Batch {
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split(/\r?\n/);
  } catch (e) {
    throw new CommonplaceError('bad-input', `cannot read the batch file (${(e as Error).message})`, file);
  }
  const codes = new Map<string, number>();
  const docs = new Map<string, number>();
  const out: NewCoding[] = [];
  const lineNumbers: number[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const at = `line ${i + 1}`;
    let row: { doc?: unknown; start?: unknown; end?: unknown; code?: unknown; memo?: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      throw new CommonplaceError('bad-input', `${at} is not JSON`, file);
    }
    if (
      typeof row.doc !== 'string' ||
      typeof row.code !== 'string' ||
      typeof row.start !== 'number' ||
      typeof row.end !== 'number'
    ) {
      throw new CommonplaceError(
        'bad-input',
        `${at} needs "doc" and "code" strings and "start"/"end" numbers`,
        file,
      );
    }
    try {
      if (!docs.has(row.doc)) docs.set(row.doc, resolveDocument(p, row.doc));
      if (!codes.has(row.code)) codes.set(row.code, codeId(p, row.code));
    } catch (e) {
      throw new CommonplaceError('bad-input', `${at}: ${(e as Error).message}`, file);
    }
    out.push({
      documentId: docs.get(row.doc)!,
      codeId: codes.get(row.code)!,
      start: row.start,
      end: row.end,
      memo: typeof row.memo === 'string' ? row.memo : null,
    });
    lineNumbers.push(i + 1);
  });
  return { codings: out, lines: lineNumbers };
}

interface CodeFlags {
  doc?: string;
  start?: string;
  end?: string;
  code?: string;
  memo?: string;
  batch?: string;
  json?: boolean;
}

export function registerCodeCommands(program: Command, io: Io): void {
  registerCodebook(program, io);
  program
    .command('code')
    .description('apply a code to a range, or a batch of codings from JSON lines (one transaction)')
    .argument('<project>')
    .option('--doc <name>', 'document')
    .option('--start <n>', 'start offset (UTF-16 code units)')
    .option('--end <n>', 'end offset, exclusive')
    .option('--code <name>', 'code name or path')
    .option('--memo <text>', 'memo on the coding')
    .option('--batch <file.jsonl>', 'lines of {"doc","start","end","code"}')
    .option('--json', 'print JSON only')
    .action((path: string, o: CodeFlags) => {
      const result = withProject(path, (p) => {
        if (o.batch) return applyBatch(p, o.batch);
        if (!o.doc || o.start === undefined || o.end === undefined || !o.code) {
          throw invalidArgument('Give --doc, --start, --end and --code, or --batch FILE.jsonl.');
        }
        const coding = {
          documentId: resolveDocument(p, o.doc),
          codeId: codeId(p, o.code),
          start: parseOffset('--start', o.start),
          end: parseOffset('--end', o.end),
          memo: o.memo ?? null,
        };
        return addCodings(p, [coding]);
      });
      if (o.json) printJson(io, { added: result.added, existing: result.existing });
      else
        io.out(
          `Added ${result.added} coding(s)${result.existing ? `; ${result.existing} already there` : ''}.\n`,
        );
    });

  program
    .command('autocode')
    .description('apply a code to every hit of a text search')
    .argument('<project>')
    .requiredOption('--query <text>', 'words or "phrase"; OR between alternatives; word* for prefixes')
    .requiredOption('--code <name>', 'code name or path')
    .option('--scope <scope>', 'match, sentence or turn', 'match')
    .option('--speaker <name>', 'only hits spoken by this speaker (repeatable)', collect)
    .option('--json', 'print JSON only')
    .action(
      (
        path: string,
        o: { query: string; code: string; scope: string; speaker?: string[]; json?: boolean },
      ) => {
        if (!['match', 'sentence', 'turn'].includes(o.scope))
          throw invalidArgument(`Unknown scope "${o.scope}"; use match, sentence or turn.`);
        const r = withProject(path, (p) =>
          autocode(p, {
            query: o.query,
            codeId: codeId(p, o.code),
            scope: o.scope as AutocodeScope,
            speakers: o.speaker,
          }),
        );
        if (o.json) printJson(io, r);
        else
          io.out(
            `${r.hits} hit(s); added ${r.added} coding(s)${r.existing ? `, ${r.existing} already coded` : ''}.\n`,
          );
      },
    );
}
