import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HostHandlers } from '../db/handlers';
import type { Project } from '../db/project';
import { importFiles } from '../db/import/import-files';
import { SUPPORTED_EXTENSIONS } from '../db/import/read-source';
import { exportQdpx } from '../db/exchange/export-project';
import { safeFileName } from '../shared/file-names';
import { CommonplaceError } from '../shared/errors';

export interface ProgressSink {
  (done: number, total: number, file: string): void;
}

/** Asks where to save, then writes there with `write`; a failure names the file. */
async function saveThroughDialog(
  window: BrowserWindow,
  suggestedName: string,
  write: (path: string) => unknown,
): Promise<{ saved: boolean; path: string | null }> {
  const result = await dialog.showSaveDialog(window, {
    title: 'Export',
    defaultPath: suggestedName,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return { saved: false, path: null };
  try {
    await write(result.filePath);
  } catch (e) {
    if (e instanceof CommonplaceError) throw e;
    throw new CommonplaceError(
      'io',
      `could not be written (${(e as Error).message})`,
      basename(result.filePath),
    );
  }
  return { saved: true, path: result.filePath };
}

/** The host half of the contract in Electron: native dialogs and writing files the user chose. */
export function electronHost(window: BrowserWindow, project: Project, progress: ProgressSink): HostHandlers {
  return {
    'host.capabilities': () => ({ nativeDialogs: true }),
    'host.saveFile': async ({ suggestedName, data, encoding }) =>
      saveThroughDialog(window, suggestedName, (path) =>
        writeFile(path, encoding === 'base64' ? Buffer.from(data, 'base64') : data),
      ),
    'host.exportProject': async () =>
      saveThroughDialog(window, `${safeFileName(project.name)}.qdpx`, (path) => exportQdpx(project, path)),
    'host.importDialog': async ({ group }) => {
      const result = await dialog.showOpenDialog(window, {
        title: 'Import Documents',
        buttonLabel: 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Transcripts', extensions: SUPPORTED_EXTENSIONS.map((e) => e.slice(1)) },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (result.canceled || result.filePaths.length === 0) return null;
      const r = await importFiles(project, result.filePaths, { group, onProgress: progress });
      return { imported: r.imported.map(({ file: _file, ...d }) => d), failed: r.failed };
    },
  };
}
