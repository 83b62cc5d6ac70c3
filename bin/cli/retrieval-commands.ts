import type { Command } from 'commander';
import { queryExcerpts } from '../../db/excerpts';
import { searchText } from '../../db/search';
import { listCodes, requireCode } from '../../db/codes';
import {
  excerptsToCsv,
  excerptsToHtml,
  excerptsToJson,
  excerptsToMarkdown,
} from '../../shared/export/excerpts';
import { invalidArgument } from '../../shared/errors';
import { writeExcerptReport } from '../../db/reports';
import { collect, printJson, printTable, withProject, writeOutput, type Io } from './io';
import { resolveGroup, resolveSpeaker } from './resolve';

interface ExcerptFlags {
  code?: string[];
  subcodes?: boolean;
  group?: string[];
  speaker?: string[];
  coder?: string[];
  format: string;
  out?: string;
  sheetPerCode?: boolean;
  context: boolean;
}

export function registerRetrievalCommands(program: Command, io: Io): void {
  program
    .command('search')
    .description('full-text search with keyword in context')
    .argument('<project>')
    .argument('<query>', 'words or phrase; OR between alternatives; word* for prefixes')
    .option('--limit <n>', 'at most this many hits')
    .option('--json', 'print JSON only')
    .action((path: string, query: string, o: { limit?: string; json?: boolean }) => {
      const hits = withProject(path, (p) =>
        searchText(p, query, { limit: o.limit ? Number(o.limit) : undefined }),
      ).map((h) => ({
        doc: h.doc,
        start: h.start,
        end: h.end,
        speaker: h.speaker,
        context: h.context,
      }));
      if (o.json) printJson(io, hits);
      else {
        printTable(
          io,
          ['document', 'at', 'speaker', 'context'],
          hits.map((h) => [h.doc, h.start, h.speaker, h.context]),
        );
        io.out(`${hits.length} hit(s)\n`);
      }
    });

  program
    .command('excerpts')
    .description('coded excerpts, filtered, as csv, md, html or json')
    .argument('<project>')
    .option('--code <name>', 'code name or path (repeatable)', collect)
    .option('--subcodes', "include the codes' sub-codes")
    .option('--group <name>', 'only documents in this group (repeatable)', collect)
    .option('--speaker <name>', 'only excerpts overlapping turns of this speaker (repeatable)', collect)
    .option('--coder <name>', 'only codings by this coder (repeatable)', collect)
    .option('--format <format>', 'csv, md, html, json, docx or xlsx', 'json')
    .option('--out <file>', 'write to a file instead of standard output (required for docx and xlsx)')
    .option('--sheet-per-code', 'xlsx: add one sheet per code')
    .option('--no-context', 'docx: leave out the text around each excerpt')
    .action(async (path: string, o: ExcerptFlags) => {
      if (!['csv', 'md', 'html', 'json', 'docx', 'xlsx'].includes(o.format)) {
        throw invalidArgument(`Unknown format "${o.format}"; use csv, md, html, json, docx or xlsx.`);
      }
      if ((o.format === 'docx' || o.format === 'xlsx') && !o.out) {
        throw invalidArgument(`--format ${o.format} needs --out FILE.`);
      }
      const { excerpts, descriptions, name, codes } = withProject(path, (p) => {
        const coderId = (n: string) => {
          const id = p.db.prepare('SELECT id FROM coders WHERE name = ?').pluck().get(n) as
            number | undefined;
          if (id === undefined) throw invalidArgument(`No coder named "${n}".`);
          return id;
        };
        const codes = listCodes(p);
        return {
          name: p.name,
          codes,
          descriptions: new Map(codes.map((c) => [c.path, c.description])),
          excerpts: queryExcerpts(p, {
            codeIds: o.code?.map((c) => requireCode(p, c).id),
            subcodes: o.subcodes,
            groupIds: o.group?.map((g) => resolveGroup(p, g)),
            speakerIds: o.speaker?.map((s) => resolveSpeaker(p, s)),
            coderIds: o.coder?.map(coderId),
          }),
        };
      });
      const title = `Coded excerpts — ${name}`;
      if (o.format === 'docx' || o.format === 'xlsx') {
        const filters = [
          ...(o.code ?? []).map((c) => `Code: ${c}${o.subcodes ? ' (with sub-codes)' : ''}`),
          ...(o.group ?? []).map((g) => `Group: ${g}`),
          ...(o.speaker ?? []).map((s) => `Speaker: ${s}`),
          ...(o.coder ?? []).map((c) => `Coder: ${c}`),
        ];
        const buffer = await writeExcerptReport(o.format, excerpts, codes, {
          title,
          projectName: name,
          filters,
          context: o.context,
          sheetPerCode: o.sheetPerCode,
        });
        writeOutput(io, buffer, o.out);
        return;
      }
      const text =
        o.format === 'csv'
          ? excerptsToCsv(excerpts)
          : o.format === 'md'
            ? excerptsToMarkdown(excerpts, { title, descriptions })
            : o.format === 'html'
              ? excerptsToHtml(excerpts, { title, descriptions })
              : excerptsToJson(excerpts);
      writeOutput(io, text, o.out);
    });

  program
    .command('coders')
    .description('list coders')
    .argument('<project>')
    .option('--json', 'print JSON only')
    .action((path: string, o: { json?: boolean }) => {
      const rows = withProject(
        path,
        (p) =>
          p.db
            .prepare(
              'SELECT u.name, count(k.id) AS codings FROM coders u LEFT JOIN codings k ON k.coder_id = u.id GROUP BY u.id ORDER BY u.name',
            )
            .all() as { name: string; codings: number }[],
      );
      if (o.json) printJson(io, rows);
      else
        printTable(
          io,
          ['coder', 'codings'],
          rows.map((r) => [r.name, r.codings]),
        );
    });
}
