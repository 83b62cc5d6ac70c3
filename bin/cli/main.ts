import { Command, CommanderError } from 'commander';
import { isCommonplaceError } from '../../shared/errors';
import { ExitCode, processIo, type Io } from './io';
import { registerProjectCommands } from './project-commands';
import { registerDocumentCommands } from './document-commands';
import { registerGroupCommands } from './group-commands';
import { registerCodeCommands } from './code-commands';
import { registerRetrievalCommands } from './retrieval-commands';
import { registerSafetyCommands } from './safety-commands';
import { registerExchangeCommands } from './exchange-commands';
import { registerAnalysisCommands } from './analysis-commands';

export function buildProgram(io: Io): Command {
  const program = new Command('commonplace')
    .description('Commonplace: qualitative coding of transcripts, from the command line.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)');
  registerProjectCommands(program, io);
  registerDocumentCommands(program, io);
  registerGroupCommands(program, io);
  registerCodeCommands(program, io);
  registerRetrievalCommands(program, io);
  registerSafetyCommands(program, io);
  registerExchangeCommands(program, io);
  registerAnalysisCommands(program, io);
  for (const cmd of program.commands)
    cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof ExitCode) return e.code;
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isCommonplaceError(e)) {
      io.err(`commonplace: ${e.message}\n`);
      return 1;
    }
    io.err(`commonplace: unexpected error: ${(e as Error)?.stack ?? e}\n`);
    return 70;
  }
}
