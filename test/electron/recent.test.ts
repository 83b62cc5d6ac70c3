import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRecent, RecentProjects } from '../../electron/recent';
import { cleanupTempDirs, tempDir } from '../helpers/project';

afterEach(cleanupTempDirs);

describe('recent projects', () => {
  it('keeps the latest first, without duplicates, at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = addRecent(list, `/p/${i}.commonplace`);
    list = addRecent(list, '/p/5.commonplace');
    expect(list[0]).toBe('/p/5.commonplace');
    expect(list).toHaveLength(10);
    expect(new Set(list).size).toBe(10);
  });

  it('persists, forgets files that are gone, and survives a corrupt list', () => {
    const dir = tempDir();
    const a = join(dir, 'a.commonplace');
    const b = join(dir, 'b.commonplace');
    writeFileSync(a, '');
    writeFileSync(b, '');
    const store = new RecentProjects(join(dir, 'user', 'recent.json'));
    store.add(a);
    store.add(b);
    expect(store.list()).toEqual([b, a]);
    store.add(join(dir, 'gone.commonplace'));
    expect(store.list()).toEqual([b, a]);
    writeFileSync(join(dir, 'user', 'recent.json'), '{not json');
    expect(store.list()).toEqual([]);
    store.clear();
    expect(store.list()).toEqual([]);
  });
});
