import { app, dialog } from 'electron';
import type { BrowserWindow, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { PROJECT_EXTENSION } from '../db/project';
import { withProjectExtension } from './paths';

export interface ProjectChoice {
  path: string;
  create: boolean;
}

const filters = [{ name: 'Commonplace project', extensions: [PROJECT_EXTENSION.slice(1)] }];

export async function chooseNewProject(parent?: BrowserWindow): Promise<ProjectChoice | null> {
  const options: SaveDialogOptions = {
    title: 'New Project',
    buttonLabel: 'Create',
    defaultPath: `Untitled${PROJECT_EXTENSION}`,
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return { path: withProjectExtension(result.filePath), create: true };
}

export async function chooseProjectToOpen(parent?: BrowserWindow): Promise<ProjectChoice | null> {
  const options: OpenDialogOptions = { title: 'Open Project', filters, properties: ['openFile'] };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  return result.canceled || !path ? null : { path, create: false };
}

/** Shown when no project was given: there is no window yet, so this is the app's front door. */
export async function askForProject(): Promise<ProjectChoice | 'quit'> {
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: 'Commonplace',
      message: 'Open a project to start',
      detail:
        'A Commonplace project is one .commonplace file holding your transcripts, codebook and codings. ' +
        'Create a new one or open an existing one.',
      buttons: ['New Project…', 'Open Project…', 'Quit'],
      defaultId: 1,
      cancelId: 2,
      noLink: true,
    });
    if (response === 2) return 'quit';
    const choice = response === 0 ? await chooseNewProject() : await chooseProjectToOpen();
    if (choice) return choice;
  }
}

export function showError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}

export function showWarning(title: string, message: string): void {
  void dialog.showMessageBox({ type: 'warning', title, message: title, detail: message, buttons: ['OK'] });
}

export async function showAbout(parent?: BrowserWindow): Promise<void> {
  const options: MessageBoxOptions = {
    type: 'info',
    title: `About ${app.getName()}`,
    message: `${app.getName()} ${app.getVersion()}`,
    detail:
      'Offline qualitative coding of focus-group transcripts.\n' +
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    buttons: ['OK'],
  };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}
