import type { Command } from 'commander';
import { Project } from '../../db/project';
import { projectStats } from '../../db/stats';
import { printJson, printTable, withProject, type Io } from './io';

export function registerProjectCommands(program: Command, io: Io): void {
  program
    .command('init')
    .description('create a new, empty project file (suggested extension .commonplace)')
    .argument('<project>')
    .action((path: string) => {
      Project.create(path).close();
      io.out(`Created ${path}\n`);
    });

  program
    .command('stats')
    .description('counts of documents, words, speakers, codes and codings')
    .argument('<project>')
    .option('--json', 'print JSON only')
    .action((path: string, o: { json?: boolean }) => {
      const s = withProject(path, projectStats);
      if (o.json) printJson(io, s);
      else
        printTable(
          io,
          ['documents', 'words', 'speakers', 'codes', 'codings'],
          [[s.documents, s.words, s.speakers, s.codes, s.codings]],
        );
    });

  for (const direction of ['undo', 'redo'] as const) {
    program
      .command(direction)
      .description(
        `${direction} the last ${direction === 'undo' ? '' : 'undone '}change (shared with the desktop app)`,
      )
      .argument('<project>')
      .option('--json', 'print JSON only')
      .action((path: string, o: { json?: boolean }) => {
        const step = withProject(path, (p) => (direction === 'undo' ? p.history.undo() : p.history.redo()));
        if (o.json) printJson(io, { [direction]: step.label });
        else io.out(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.label}\n`);
      });
  }

  program
    .command('history')
    .description('the recent undoable changes, newest first')
    .argument('<project>')
    .option('--json', 'print JSON only')
    .action((path: string, o: { json?: boolean }) => {
      const steps = withProject(
        path,
        (p) =>
          p.db
            .prepare(
              'SELECT label, created_at AS createdAt, undone FROM history_steps ORDER BY id DESC LIMIT 50',
            )
            .all() as { label: string; createdAt: string; undone: number }[],
      ).map((s) => ({ label: s.label, createdAt: s.createdAt, undone: s.undone === 1 }));
      if (o.json) printJson(io, steps);
      else
        printTable(
          io,
          ['when', 'state', 'change'],
          steps.map((s) => [s.createdAt, s.undone ? 'undone' : 'done', s.label]),
        );
    });
}
