import type { ExportedFile } from '../shared/contract';
import { ApiError, call } from './api';

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function download(file: ExportedFile): void {
  const body = file.encoding === 'base64' ? base64ToBytes(file.data) : file.data;
  const url = URL.createObjectURL(new Blob([body as BlobPart], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves an exported file: through the native save dialog in the desktop app, or as a browser download
 * where the host has no dialogs. Resolves to a short description of what happened.
 */
export async function saveExportedFile(file: ExportedFile): Promise<string> {
  try {
    const r = await call('host.saveFile', {
      suggestedName: file.fileName,
      data: file.data,
      encoding: file.encoding,
    });
    return r.saved ? `Saved ${r.path ?? file.fileName}` : 'Not saved';
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'unsupported') throw e;
    download(file);
    return `Downloaded ${file.fileName}`;
  }
}
