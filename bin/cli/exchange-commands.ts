import type { Command } from 'commander';
import { exportQdpx } from '../../db/exchange/export-project';
import { importQdpx } from '../../db/exchange/import-project';
import { codebookFormats, exportCodebook, importCodebook } from '../../db/exchange/codebook';
import type { ImportReport } from '../../db/exchange/import-state';
import { printJson, printTable, withProject, withProjectAsync, writeOutput, type Io } from './io';
import { extname } from 'node:path';
import { listCodes } from '../../db/codes';
import { codebookToDocx } from '../../db/reports';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function printSkipped(io: Io, skipped: { what: string; why: string }[]): void {
  if (!skipped.length) return;
  io.out(`Not brought in (${skipped.length}):\n`);
  for (const s of skipped) io.out(`  - ${s.what}: ${s.why}\n`);
}

export function registerExchangeCommands(program: Command, io: Io): void {
  program
    .command('export')
    .description(
      'export the whole project as a REFI-QDA project file (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder...',
    )
    .argument('<project>')
    .argument('<out.qdpx>')
    .option('--json', 'print JSON only')
    .action(async (path: string, out: string, o: { json?: boolean }) => {
      const summary = await withProjectAsync(path, (p) => exportQdpx(p, out));
      if (o.json) printJson(io, summary);
      else
        io.out(
          `Exported ${plural(summary.sources, 'source')}, ${plural(summary.codes, 'code')}, ${plural(summary.codings, 'coding')}, ` +
            `${plural(summary.memos, 'memo')}, ${plural(summary.cases, 'case')} and ${plural(summary.variables, 'variable')} to ${out}\n`,
        );
    });

  program
    .command('import-qdpx')
    .description('create a new project from a REFI-QDA project file (.qdpx); nothing is written if it fails')
    .argument('<in.qdpx>')
    .argument('<project>', 'the new project file (must not exist)')
    .option(
      '--speakers',
      'detect speaker labels in sources that carry no speaker turns (as a transcript import does)',
    )
    .option('--json', 'print the import report as JSON only')
    .action(async (file: string, path: string, o: { speakers?: boolean; json?: boolean }) => {
      const { report, warnings, units } = await importQdpx(file, path, {
        detectSpeakers: o.speakers,
        coder: process.env.COMMONPLACE_CODER || undefined,
      });
      const json: ImportReport = {
        sources: report.sources,
        codes: report.codes,
        codings: report.codings,
        memos: report.memos,
        cases: report.cases,
        variables: report.variables,
        skipped: report.skipped.map(({ what, why }) => ({ what, why })),
      };
      if (o.json) {
        printJson(io, json);
        for (const w of warnings) io.err(`commonplace: warning: ${w}\n`);
        return;
      }
      io.out(
        `Created ${path} with ${plural(report.sources, 'source')}, ${plural(report.codes, 'code')}, ${plural(report.codings, 'coding')}, ` +
          `${plural(report.memos, 'memo')}, ${plural(report.cases, 'case')} and ${plural(report.variables, 'variable')}.\n`,
      );
      const counted = units.filter((u) => u.selections > 0);
      if (counted.length)
        printTable(
          io,
          ['source', 'positions read as', 'selections', 'on word boundaries'],
          counted.map((u) => [u.source, u.description, u.selections, u.onWordBoundaries]),
        );
      for (const w of warnings) io.out(`Warning: ${w}\n`);
      printSkipped(io, report.skipped);
    });

  program
    .command('export-codebook')
    .description(
      `export the codebook (${[...codebookFormats(), '.docx'].join(', ')}; chosen by the file extension)`,
    )
    .argument('<project>')
    .argument('<out>', `file ending in ${[...codebookFormats(), '.docx'].join(', ')}`)
    .option('--json', 'print JSON only')
    .action(async (path: string, out: string, o: { json?: boolean }) => {
      const r = await withProjectAsync(path, async (p) => {
        if (extname(out).toLowerCase() !== '.docx') return exportCodebook(p, out);
        // The Word codebook is written asynchronously, so it is not one of the registered sync formats.
        const codes = listCodes(p);
        writeOutput(
          io,
          await codebookToDocx(codes, { title: `Codebook — ${p.name}`, projectName: p.name }),
          out,
        );
        return { codes: codes.length, format: '.docx' };
      });
      if (o.json) printJson(io, r);
      else io.out(`Exported ${plural(r.codes, 'code')} to ${out}\n`);
    });

  program
    .command('import-codebook')
    .description(
      'merge a REFI-QDA codebook (.qdc, or the codebook of a .qdpx) into the project (one undo step)',
    )
    .argument('<project>')
    .argument('<in.qdc>')
    .option('--json', 'print JSON only')
    .action((path: string, file: string, o: { json?: boolean }) => {
      const r = withProject(path, (p) => importCodebook(p, file));
      if (o.json) {
        printJson(io, r);
        return;
      }
      io.out(
        `Added ${plural(r.added, 'code')}; ${r.matched} already in the codebook` +
          `${r.described ? `; filled ${plural(r.described, 'empty description')}` : ''}.\n`,
      );
      if (r.conflicts.length) {
        io.out(`Kept the project's version where they differ (${r.conflicts.length}):\n`);
        printTable(
          io,
          ['code', 'differs in', 'project', 'file'],
          r.conflicts.map((c) => [c.code, c.what, c.project, c.file]),
        );
      }
      printSkipped(io, r.skipped);
    });
}
