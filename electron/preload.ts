import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES } from '../shared/contract';
import { createBridge } from './bridge';
import {
  CALL_CHANNEL,
  MENU_CHANNEL,
  MENU_MESSAGE_TYPE,
  PROGRESS_CHANNEL,
  PROGRESS_MESSAGE_TYPE,
  isMenuCommand,
} from './channels';
import type { MenuMessage, ProgressMessage } from './channels';

// Sandboxed preload, bundled to one CJS file: it may only require 'electron'.

contextBridge.exposeInMainWorld(
  'commonplace',
  createBridge((name, args) => ipcRenderer.invoke(CALL_CHANNEL, name, args), CALL_NAMES),
);

// Menu commands reach the page as window messages so that `window.commonplace` stays exactly the Bridge.
ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
  if (!isMenuCommand(command)) return;
  const message: MenuMessage = { type: MENU_MESSAGE_TYPE, command };
  window.postMessage(message, window.location.origin);
});

ipcRenderer.on(PROGRESS_CHANNEL, (_event, p: { done?: unknown; total?: unknown; file?: unknown }) => {
  if (typeof p?.done !== 'number' || typeof p.total !== 'number') return;
  const message: ProgressMessage = {
    type: PROGRESS_MESSAGE_TYPE,
    done: p.done,
    total: p.total,
    file: typeof p.file === 'string' ? p.file : '',
  };
  window.postMessage(message, window.location.origin);
});
