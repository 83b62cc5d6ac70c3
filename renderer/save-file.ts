import type { ExportedFile } from '../shared/contract';
import { ApiError, call } from './api';

export type SaveOutcome =
  { kind: 'saved'; path: string | null } | { kind: 'cancelled' } | { kind: 'downloaded'; fileName: string };

export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function download(file: ExportedFile): void {
  const body = file.encoding === 'base64' ? base64ToBytes(file.data) : file.data;
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later rather than at once: a large file may still be read from the blob after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves an exported file through the desktop app's Save dialog; where there is none (the browser and
 * test bridges answer 'unsupported') the browser downloads it instead.
 */
export async function saveExportedFile(file: ExportedFile): Promise<SaveOutcome> {
  try {
    const r = await call('host.saveFile', {
      suggestedName: file.fileName,
      data: file.data,
      encoding: file.encoding,
    });
    return r.saved ? { kind: 'saved', path: r.path } : { kind: 'cancelled' };
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'unsupported') throw e;
  }
  download(file);
  return { kind: 'downloaded', fileName: file.fileName };
}

/**
 * Exports the project archive straight to a file chosen in the desktop app's Save dialog, returning a
 * status line; undefined where there is no dialog (browser and test bridges), so the caller fetches
 * the bytes and downloads them instead.
 */
export async function exportProjectToFile(): Promise<string | undefined> {
  try {
    const r = await call('host.exportProject', { format: 'qdpx' });
    return r.saved ? `Saved ${r.path}.` : 'Not saved.';
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'unsupported') throw e;
    return undefined;
  }
}

/** One line for a status area: what happened to the file. */
export function describeSave(outcome: SaveOutcome, file: ExportedFile): string {
  if (outcome.kind === 'cancelled') return 'Not saved.';
  if (outcome.kind === 'saved') return `Saved ${outcome.path ?? file.fileName}.`;
  return `Downloaded ${outcome.fileName}.`;
}
