import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Project } from '../../db/project';
import { backupNow, backupTo, restoreBackup, DEFAULT_KEEP, type BackupInfo } from '../../db/backup';
import { checkFile } from '../../db/check';
import { locationWarnings } from '../../db/lock';
import { CommonplaceError } from '../../shared/errors';
import { ExitCode, printJson, type Io } from './io';

const showWarnings = (io: Io, warnings: string[]) => warnings.forEach((w) => io.err(`warning: ${w}\n`));

function parseKeep(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new CommonplaceError(
      'invalid-argument',
      `--keep must be a whole number of at least 1, not "${value}".`,
    );
  return Number(value);
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export function registerSafetyCommands(program: Command, io: Io): void {
  program
    .command('backup')
    .description(
      'copy the project safely, even while it is open: into its rotating "<name> backups" folder, ' +
        'into OUT if OUT is a folder, or to the file OUT',
    )
    .argument('<project>')
    .argument('[out]', 'a folder for rotating backups, or a new file')
    .option('--keep <n>', `rotating backups to keep (default ${DEFAULT_KEEP})`)
    .option('--json', 'print JSON only')
    .action(async (path: string, out: string | undefined, o: { keep?: string; json?: boolean }) => {
      const keep = o.keep === undefined ? undefined : parseKeep(o.keep);
      const project = Project.open(path, { lock: 'none' });
      let info: BackupInfo;
      try {
        showWarnings(io, project.warnings);
        const intoFolder = out === undefined || (existsSync(out) && statSync(out).isDirectory());
        if (intoFolder) {
          info = await backupNow(project, { dir: out, keep });
        } else {
          if (existsSync(out))
            throw new CommonplaceError('conflict', 'a file already exists here; choose another name', out);
          info = await backupTo(project, resolve(out));
        }
      } finally {
        project.close();
      }
      if (o.json) printJson(io, { path: info.path, bytes: info.bytes, takenAt: info.takenAt.toISOString() });
      else io.out(`Backed up to ${info.path} (${sizeText(info.bytes)})\n`);
    });

  program
    .command('restore')
    .description('check a backup and put it in place of PROJECT (an existing project needs --force)')
    .argument('<backup>')
    .argument('<project>')
    .option('--force', 'replace an existing project (a copy of it is kept in its backups folder)')
    .option('--json', 'print JSON only')
    .action((backup: string, path: string, o: { force?: boolean; json?: boolean }) => {
      const result = restoreBackup(backup, path, { force: o.force });
      showWarnings(io, locationWarnings(path));
      if (o.json) printJson(io, result);
      else {
        io.out(`Restored ${backup} to ${result.path}\n`);
        if (result.replacedKeptAt) io.out(`The project it replaced is kept at ${result.replacedKeptAt}\n`);
      }
    });

  program
    .command('check')
    .description('check the project file for damage and inconsistencies (exit code 1 when any are found)')
    .argument('<project>')
    .option('--json', 'print JSON only')
    .action((path: string, o: { json?: boolean }) => {
      if (!existsSync(path)) throw new CommonplaceError('not-found', 'no project file here', path);
      showWarnings(io, locationWarnings(path));
      const report = checkFile(path);
      if (o.json) printJson(io, report);
      else if (report.ok && report.findings.length === 0) io.out(`${path}: no problems found\n`);
      else {
        for (const f of report.findings) io.out(`${f.severity}: ${f.what} (${f.where})\n`);
        io.out(report.ok ? `${path}: usable, with warnings\n` : `${path}: problems found\n`);
      }
      if (!report.ok) throw new ExitCode(1);
    });
}
