import type { Command } from 'commander';
import { importFiles } from '../../db/import/import-files';
import { listDocuments, getDocument } from '../../db/documents';
import { listSpeakers, listTurns } from '../../db/speakers';
import { invalidArgument } from '../../shared/errors';
import { ExitCode, printJson, printTable, withProject, withProjectAsync, type Io } from './io';
import { resolveDocument } from './resolve';

interface ImportFlags {
  group?: string;
  groupFromFolder?: boolean;
  speakers: boolean;
  keepGoing?: boolean;
  json?: boolean;
}

export function registerDocumentCommands(program: Command, io: Io): void {
  program
    .command('import')
    .description(
      'import transcripts (.txt .md .docx .vtt .srt) or folders of them; all or nothing unless --keep-going',
    )
    .argument('<project>')
    .argument('<files...>', 'files or folders')
    .option('--group <name>', 'put the documents in this document group')
    .option('--group-from-folder', "use each file's folder name as its document group")
    .option('--no-speakers', 'do not detect speaker turns')
    .option('--keep-going', 'import the good files and list the bad ones (exit code 1 if any failed)')
    .option('--json', 'print JSON only')
    .action(async (path: string, files: string[], o: ImportFlags) => {
      if (o.group && o.groupFromFolder)
        throw invalidArgument('Use either --group or --group-from-folder, not both.');
      const result = await withProjectAsync(path, (p) =>
        importFiles(p, files, {
          group: o.group,
          groupFromFolder: o.groupFromFolder,
          detectSpeakers: o.speakers,
          keepGoing: o.keepGoing,
        }),
      );
      const rows = result.imported.map((d) => ({
        name: d.name,
        format: d.format,
        encoding: d.encoding,
        turns: d.turns,
        speakers: d.speakers,
        words: d.words,
      }));
      if (o.json) printJson(io, rows);
      else {
        printTable(
          io,
          ['document', 'format', 'encoding', 'words', 'turns', 'speakers'],
          rows.map((r) => [r.name, r.format, r.encoding, r.words, r.turns, r.speakers.join(', ')]),
        );
        io.out(`Imported ${rows.length} document(s).\n`);
      }
      for (const f of result.failed) io.err(`commonplace: not imported: ${f.file}: ${f.problem}\n`);
      if (result.failed.length) throw new ExitCode(1);
    });

  program
    .command('docs')
    .description('list documents with their groups, words, turns and codings')
    .argument('<project>')
    .option('--json', 'print JSON only')
    .action((path: string, o: { json?: boolean }) => {
      const docs = withProject(path, listDocuments).map((d) => ({
        name: d.name,
        groups: d.groups,
        words: d.words,
        turns: d.turns,
        codings: d.codings,
      }));
      if (o.json) printJson(io, docs);
      else
        printTable(
          io,
          ['document', 'groups', 'words', 'turns', 'codings'],
          docs.map((d) => [d.name, d.groups.join(', '), d.words, d.turns, d.codings]),
        );
    });

  program
    .command('speakers')
    .description('list speakers with their turns and words spoken (labels and timestamps excluded)')
    .argument('<project>')
    .option('--doc <name>', 'only in this document')
    .option('--json', 'print JSON only')
    .action((path: string, o: { doc?: string; json?: boolean }) => {
      const speakers = withProject(path, (p) =>
        listSpeakers(p, o.doc === undefined ? undefined : resolveDocument(p, o.doc)),
      ).map((s) => ({ name: s.name, turns: s.turns, words: s.words, documents: s.documents }));
      if (o.json) printJson(io, speakers);
      else
        printTable(
          io,
          ['speaker', 'turns', 'words', 'documents'],
          speakers.map((s) => [s.name, s.turns, s.words, s.documents]),
        );
    });

  program
    .command('turns')
    .description("list a document's speaker turns")
    .argument('<project>')
    .requiredOption('--doc <name>', 'document name')
    .option('--json', 'print JSON only')
    .action((path: string, o: { doc: string; json?: boolean }) => {
      const turns = withProject(path, (p) => {
        const id = resolveDocument(p, o.doc);
        const { text } = getDocument(p, id);
        return listTurns(p, id).map((t) => ({
          speaker: t.speaker,
          start: t.start,
          end: t.end,
          time: t.time,
          text: text.slice(t.bodyStart, t.end).trim(),
        }));
      });
      if (o.json) printJson(io, turns);
      else
        printTable(
          io,
          ['speaker', 'start', 'end', 'time', 'text'],
          turns.map((t) => [t.speaker, t.start, t.end, t.time, t.text.slice(0, 70)]),
        );
    });
}
