import { create } from 'zustand';
import type { ImportSummary } from '../../shared/types';
import { ApiError, call, errorInfo } from '../api';
import { bytesToBase64 } from '../save-file';
import { useWorkspace } from '../store';

export interface ImportState {
  phase: 'idle' | 'reading' | 'importing' | 'done';
  done: number;
  total: number;
  file: string;
  result: ImportSummary | null;
  /** Why nothing was imported (the core names each bad file and its problem). */
  failure: string | null;
  importFiles(files: File[]): Promise<void>;
  importWithDialog(): Promise<void>;
  progress(done: number, total: number, file: string): void;
  dismiss(): void;
}

export const useImport = create<ImportState>()((set, get) => ({
  phase: 'idle',
  done: 0,
  total: 0,
  file: '',
  result: null,
  failure: null,

  async importFiles(files) {
    if (files.length === 0 || get().phase === 'reading' || get().phase === 'importing') return;
    set({ phase: 'reading', done: 0, total: files.length, file: '', result: null, failure: null });
    try {
      const payload = [];
      for (const [i, f] of files.entries()) {
        set({ done: i, file: f.name });
        payload.push({ name: f.name, data: bytesToBase64(new Uint8Array(await f.arrayBuffer())) });
      }
      set({ phase: 'importing', done: files.length, file: '' });
      const result = await call('import.files', { files: payload });
      set({ phase: 'done', result });
    } catch (e) {
      set({ phase: 'done', failure: errorInfo(e).message });
    }
    await useWorkspace.getState().refresh();
  },

  async importWithDialog() {
    set({ phase: 'importing', done: 0, total: 0, file: '', result: null, failure: null });
    try {
      const result = await call('host.importDialog', {});
      set(result ? { phase: 'done', result } : { phase: 'idle' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'unsupported') {
        set({ phase: 'idle' });
        throw e;
      }
      set({ phase: 'done', failure: errorInfo(e).message });
    }
    await useWorkspace.getState().refresh();
  },

  progress: (done, total, file) => set({ done, total, file }),
  dismiss: () => set({ phase: 'idle', result: null, failure: null }),
}));
