import type { Command } from 'commander';
import { deleteGroup, getGroup, listGroups, renameGroup } from '../../db/groups';
import { printJson, printTable, withProject, type Io } from './io';
import { resolveGroup } from './resolve';

const documents = (n: number) => `${n} document${n === 1 ? '' : 's'}`;

export function registerGroupCommands(program: Command, io: Io): void {
  const groups = program.command('groups').description('manage document groups (e.g. one per site or wave)');
  groups
    .command('list')
    .description('list document groups with how many documents each holds')
    .argument('<project>')
    .option('--json', 'print JSON only')
    .action((path: string, o: { json?: boolean }) => {
      const list = withProject(path, listGroups).map((g) => ({
        name: g.name,
        documents: g.documents,
        description: g.description,
      }));
      if (o.json) printJson(io, list);
      else
        printTable(
          io,
          ['group', 'documents', 'description'],
          list.map((g) => [g.name, g.documents, g.description]),
        );
    });
  groups
    .command('rename')
    .description('rename a document group (undo brings the old name back)')
    .argument('<project>')
    .argument('<group>')
    .argument('<new-name>')
    .action((path: string, group: string, name: string) => {
      const before = withProject(path, (p) => {
        const id = resolveGroup(p, group);
        const { name: old } = getGroup(p, id);
        renameGroup(p, id, name);
        return old;
      });
      io.out(`Renamed group ${before} to ${name.trim()}\n`);
    });
  groups
    .command('delete')
    .description('delete a document group; its documents stay in the project (undo brings it back)')
    .argument('<project>')
    .argument('<group>')
    .action((path: string, group: string) => {
      const gone = withProject(path, (p) => {
        const g = getGroup(p, resolveGroup(p, group));
        deleteGroup(p, g.id);
        return g;
      });
      const kept = gone.documents ? `${documents(gone.documents)} kept` : 'it held no documents';
      io.out(`Deleted group ${gone.name} (${kept}).\n`);
    });
}
