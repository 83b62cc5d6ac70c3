import { writeFileSync } from 'node:fs';
import { Project } from '../../db/project';
import { CommonplaceError } from '../../shared/errors';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Exit code carried by a thrown value, so commands can fail without printing twice. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Plain aligned columns for humans; --json is for programs. */
export function printTable(io: Io, header: string[], rows: (string | number | null)[][]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const r of cells)
    io.out(`${r.map((c, i) => (i === r.length - 1 ? c : (c ?? '').padEnd(widths[i]!))).join('  ')}\n`);
}

// COMMONPLACE_CODER names the coder recorded on new codings; the default is the OS user name.
const openProject = (path: string) => {
  const project = openQuietly(path);
  for (const w of project.warnings) process.stderr.write(`commonplace: warning: ${w}\n`);
  return project;
};

const openQuietly = (path: string) =>
  Project.open(path, { coder: process.env.COMMONPLACE_CODER || undefined });

export function withProject<T>(path: string, fn: (p: Project) => T): T {
  const project = openProject(path);
  try {
    return fn(project);
  } finally {
    project.close();
  }
}

export async function withProjectAsync<T>(path: string, fn: (p: Project) => Promise<T>): Promise<T> {
  const project = openProject(path);
  try {
    return await fn(project);
  } finally {
    project.close();
  }
}

export function writeOutput(io: Io, text: string | Buffer, out?: string): void {
  if (!out) {
    io.out(typeof text === 'string' ? text : text.toString('utf8'));
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new CommonplaceError('io', `cannot write the file (${(e as Error).message})`, out);
  }
}

export function parseOffset(name: string, value: string): number {
  if (!/^\d+$/.test(value))
    throw new CommonplaceError('invalid-argument', `${name} must be a whole number, not "${value}".`);
  return Number(value);
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
