import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTempDirs, FOCUS_GROUP, tempDir } from '../helpers/project';
import { cli, cliJson } from './run';

let project: string;

interface Group {
  name: string;
  documents: number;
  description: string;
}
const groups = async () => (await cliJson<Group[]>('groups', 'list', project, '--json')).map((g) => g.name);
const docGroups = async () =>
  (await cliJson<{ name: string; groups: string[] }[]>('docs', project, '--json')).map((d) => [
    d.name,
    d.groups,
  ]);

beforeAll(async () => {
  const dir = tempDir();
  project = join(dir, 'towns.commonplace');
  for (const name of ['a1', 'a2', 'b1']) writeFileSync(join(dir, `${name}.txt`), FOCUS_GROUP);
  expect((await cli('init', project)).code).toBe(0);
  expect(
    (await cli('import', project, join(dir, 'a1.txt'), join(dir, 'a2.txt'), '--group', 'Town A')).code,
  ).toBe(0);
  expect((await cli('import', project, join(dir, 'b1.txt'), '--group', 'Town B')).code).toBe(0);
});

afterAll(cleanupTempDirs);

describe('commonplace groups', () => {
  it('lists groups with their document counts', async () => {
    expect(await cliJson<Group[]>('groups', 'list', project, '--json')).toEqual([
      { name: 'Town A', documents: 2, description: '' },
      { name: 'Town B', documents: 1, description: '' },
    ]);
    const table = await cli('groups', 'list', project);
    expect(
      table.stdout
        .split('\n')
        .slice(0, 3)
        .map((l) => l.trimEnd()),
    ).toEqual(['group   documents  description', 'Town A  2', 'Town B  1']);
  });

  it('renames a group found by name in any case, and refuses a clash or an empty name', async () => {
    const r = await cli('groups', 'rename', project, 'town a', ' Harbour town ');
    expect(r).toEqual({ code: 0, stdout: 'Renamed group Town A to Harbour town\n', stderr: '' });
    expect(await groups()).toEqual(['Harbour town', 'Town B']);

    const clash = await cli('groups', 'rename', project, 'Town B', 'HARBOUR TOWN');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toBe('commonplace: A group named "Harbour town" already exists.\n');
    const empty = await cli('groups', 'rename', project, 'Town B', '  ');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/cannot be empty/);
    const missing = await cli('groups', 'rename', project, 'Town C', 'Anything');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No document group named "Town C"/);
    expect(await groups()).toEqual(['Harbour town', 'Town B']);
  });

  it('deletes a group keeping its documents, and undo brings it back', async () => {
    const r = await cli('groups', 'delete', project, 'Harbour town');
    expect(r).toEqual({ code: 0, stdout: 'Deleted group Harbour town (2 documents kept).\n', stderr: '' });
    expect(await groups()).toEqual(['Town B']);
    expect(await docGroups()).toEqual([
      ['a1', []],
      ['a2', []],
      ['b1', ['Town B']],
    ]);
    expect((await cli('undo', project)).stdout).toBe('Undid: Delete group "Harbour town"\n');
    expect(await docGroups()).toEqual([
      ['a1', ['Harbour town']],
      ['a2', ['Harbour town']],
      ['b1', ['Town B']],
    ]);
    expect((await cli('groups', 'delete', project, 'Nowhere')).stderr).toMatch(/No document group named/);
  });
});
