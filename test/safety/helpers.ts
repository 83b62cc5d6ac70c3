import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { registerSafetyCommands } from '../../bin/cli/safety-commands';
import { ExitCode } from '../../bin/cli/io';
import { isCommonplaceError } from '../../shared/errors';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** A child process holding the project's lock, as the desktop app would; resolves once it holds it. */
export function holdLock(path: string): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/safety/hold-lock.ts'), path], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      if (out.includes('ready')) done(child);
    });
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('exit', (code) => fail(new Error(`lock holder exited ${code}: ${err}`)));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the safety commands the way bin/cli/main.ts runs every command (exit codes included). */
export async function safetyCli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
  const program = new Command('commonplace')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerSafetyCommands(program, io);
  for (const cmd of program.commands)
    cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
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
