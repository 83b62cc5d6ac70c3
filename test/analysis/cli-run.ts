// Runs the CLI in-process with the analysis commands. main.ts does not register them yet (the lead wires
// registerAnalysisCommands in); until then this builds the same program and adds them, with main's
// error handling. Once they are wired, it simply delegates to test/cli/run.ts.
import { CommanderError } from 'commander';
import { buildProgram } from '../../bin/cli/main';
import { ExitCode, type Io } from '../../bin/cli/io';
import { registerAnalysisCommands } from '../../bin/cli/analysis-commands';
import { isCommonplaceError } from '../../shared/errors';
import { cli as mainCli, type CliResult } from '../cli/run';

const quiet: Io = { out: () => {}, err: () => {} };
const wired = buildProgram(quiet).commands.some((c) => c.name() === 'matrix');

export async function cli(...argv: string[]): Promise<CliResult> {
  if (wired) return mainCli(...argv);
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => (stdout += t), err: (t) => (stderr += t) };
  const program = buildProgram(io);
  registerAnalysisCommands(program, io);
  let code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof ExitCode) code = e.code;
    else if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else if (isCommonplaceError(e)) {
      io.err(`commonplace: ${e.message}\n`);
      code = 1;
    } else throw e;
  }
  return { code, stdout, stderr };
}

export async function cliJson<T = unknown>(...argv: string[]): Promise<T> {
  const r = await cli(...argv);
  if (r.code !== 0) throw new Error(`commonplace ${argv.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
