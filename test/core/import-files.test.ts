import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTempDirs, newProject, tempDir } from '../helpers/project';
import { importFiles } from '../../db/import/import-files';
import { listDocuments } from '../../db/documents';
import { listSpeakers } from '../../db/speakers';
import { projectStats } from '../../db/stats';

afterEach(cleanupTempDirs);

function transcripts(): string {
  const dir = tempDir();
  for (const [group, name, text] of [
    ['Northgate', 'session-1.txt', 'Facilitator: Welcome.\n\nSam (Housing): Thanks for having me.\n'],
    ['Northgate', 'session-2.md', '**Facilitator:** Back again.\n\n**Sam (Housing):** Still here.\n'],
    ['Eastbridge', 'session-3.txt', 'Facilitator: Hello.\r\n\r\nPriya: Hi.\r\n'],
  ] as const) {
    mkdirSync(join(dir, group), { recursive: true });
    writeFileSync(join(dir, group, name), text);
  }
  return dir;
}

describe('importFiles', () => {
  it('imports a folder recursively with groups from folders, as one undoable step', async () => {
    const p = newProject();
    const progress: number[] = [];
    const r = await importFiles(p, [transcripts()], {
      groupFromFolder: true,
      onProgress: (done) => progress.push(done),
    });
    expect(r.failed).toEqual([]);
    expect(listDocuments(p).map((d) => [d.name, d.groups, d.format, d.turns])).toEqual([
      ['session-1', ['Northgate'], 'txt', 2],
      ['session-2', ['Northgate'], 'md', 2],
      ['session-3', ['Eastbridge'], 'txt', 2],
    ]);
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(listSpeakers(p).map((s) => [s.name, s.turns, s.documents])).toEqual([
      ['Facilitator', 3, 3],
      ['Priya', 1, 1],
      ['Sam (Housing)', 2, 2],
    ]);
    expect(p.history.undo().label).toBe('Import 3 documents');
    expect(projectStats(p)).toMatchObject({ documents: 0, speakers: 0, words: 0 });
    expect(p.db.prepare('SELECT count(*) FROM doc_groups').pluck().get()).toBe(0);
    p.history.redo();
    expect(projectStats(p).documents).toBe(3);
  });

  it('imports nothing when one file is bad, unless keepGoing', async () => {
    const p = newProject();
    const dir = transcripts();
    writeFileSync(join(dir, 'Northgate', 'broken.docx'), 'this is not a zip');
    await expect(importFiles(p, [dir])).rejects.toThrow(/Nothing was imported.*\n.*broken\.docx: /);
    expect(projectStats(p).documents).toBe(0);
    const r = await importFiles(p, [dir], { keepGoing: true, group: 'Wave 1' });
    expect(r.imported.map((d) => d.name)).toEqual(['session-3', 'session-1', 'session-2']);
    expect(r.failed.map((f) => f.file)).toEqual([join(dir, 'Northgate', 'broken.docx')]);
    expect(listDocuments(p).every((d) => d.groups.includes('Wave 1'))).toBe(true);
  });

  it('refuses duplicate names within a batch and against the project', async () => {
    const p = newProject();
    const dir = transcripts();
    writeFileSync(join(dir, 'Eastbridge', 'session-1.txt'), 'Facilitator: A different session 1.\n');
    await expect(importFiles(p, [dir])).rejects.toThrow(/also named "session-1"/);
    await importFiles(p, [join(dir, 'Northgate', 'session-1.txt')]);
    await expect(importFiles(p, [join(dir, 'Eastbridge', 'session-1.txt')])).rejects.toThrow(
      /already in the project/,
    );
    await expect(importFiles(p, [tempDir()])).rejects.toThrow(/No importable files/);
  });

  it('can skip speaker detection', async () => {
    const p = newProject();
    const r = await importFiles(p, [transcripts()], { detectSpeakers: false });
    expect(r.imported.every((d) => d.turns === 0)).toBe(true);
    expect(projectStats(p).speakers).toBe(0);
  });
});
