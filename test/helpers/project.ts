import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../../db/project';
import { insertDocument } from '../../db/documents';
import type { ParsedTurn } from '../../shared/types';

const dirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-test-'));
  dirs.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function newProject(coder = 'tester'): Project {
  return Project.create(join(tempDir(), 'study.commonplace'), { coder });
}

/** Builds turns for text written as `Name: words` paragraphs separated by blank lines. */
export function turnsOf(text: string): ParsedTurn[] {
  const turns: ParsedTurn[] = [];
  const re = /^([^\n:]{1,40}): ([^\n]*(?:\n(?!\n)[^\n]*)*)/gm;
  for (const m of text.matchAll(re)) {
    turns.push({
      speaker: m[1]!,
      start: m.index,
      bodyStart: m.index + m[1]!.length + 2,
      end: m.index + m[0].length,
      time: null,
    });
  }
  return turns;
}

export function addTextDocument(project: Project, name: string, text: string, groups: string[] = []): number {
  return project.mutate(`Import "${name}"`, () =>
    insertDocument(project, {
      name,
      originalName: `${name}.txt`,
      text,
      format: 'txt',
      encoding: 'utf-8',
      turns: turnsOf(text),
      groups,
    }),
  );
}

export const FOCUS_GROUP = `Northgate community of practice, 12 March

Facilitator: Welcome back, everyone. Let's talk about the Hartley case.

Zoë (Housing): Honestly the targets drive everything. My manager counts tenancies sustained, not people helped. 😀 That's the secret caseload nobody reports.

Sam (Police): We had a little miracle last month. He turned up to probation on his own.

Facilitator: What made that possible?

Zoë (Housing): Trust. An honest relationship with one worker who stayed.
`;
