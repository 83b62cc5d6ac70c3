// The desktop host's export goes straight from the core to the file chosen in the Save dialog, never
// through the renderer; Electron's dialog is replaced by one that answers as a user would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject, tempDir } from '../helpers/project';

const answer = vi.hoisted(() => ({ filePath: undefined as string | undefined, defaultPath: '' }));
vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: async (_window: unknown, options: { defaultPath: string }) => {
      answer.defaultPath = options.defaultPath;
      return answer.filePath ? { canceled: false, filePath: answer.filePath } : { canceled: true };
    },
  },
}));

const { electronHost } = await import('../../electron/host');

afterEach(cleanupTempDirs);

describe('the desktop host', () => {
  it('exports the project archive to the chosen file, or nowhere when the dialog is cancelled', async () => {
    const project = newProject();
    addTextDocument(project, 'Town A session 1', FOCUS_GROUP);
    const host = electronHost({} as BrowserWindow, project, () => {});

    answer.filePath = undefined;
    expect(await host['host.exportProject']({ format: 'qdpx' })).toEqual({ saved: false, path: null });
    expect(answer.defaultPath).toBe(`${project.name}.qdpx`);

    answer.filePath = join(tempDir(), 'study.qdpx');
    expect(await host['host.exportProject']({ format: 'qdpx' })).toEqual({
      saved: true,
      path: answer.filePath,
    });
    const entries = Object.keys(unzipSync(readFileSync(answer.filePath)));
    expect(entries).toContain('project.qde');
    expect(entries.filter((e) => e.startsWith('sources/'))).toHaveLength(1);
    project.close();
  });

  it('names the file when it cannot be written, and leaves nothing behind', async () => {
    const project = newProject();
    addTextDocument(project, 'Town A session 1', FOCUS_GROUP);
    const host = electronHost({} as BrowserWindow, project, () => {});
    answer.filePath = join(tempDir(), 'missing-folder', 'study.qdpx');
    await expect(host['host.exportProject']({ format: 'qdpx' })).rejects.toThrow(/study\.qdpx/);
    project.close();
  });
});
