import { main } from '../../bin/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process (the same code the `commonplace` launcher runs). */
export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

export async function cliJson<T = unknown>(...argv: string[]): Promise<T> {
  const r = await cli(...argv);
  if (r.code !== 0) throw new Error(`commonplace ${argv.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
