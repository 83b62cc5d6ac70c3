import { z } from 'zod';
import { call, none } from './define';
import type { ImportSummary } from '../types';

// Calls answered by the host rather than the core: native dialogs in Electron. The loopback and test
// bridges answer them with an 'unsupported' error, and the renderer falls back to browser means
// (a file input, a download).
export const hostCalls = {
  'host.saveFile': (() => {
    const args = z
      .object({
        suggestedName: z.string().min(1).max(255),
        data: z.string().max(200_000_000),
        encoding: z.enum(['utf8', 'base64']),
      })
      .strict();
    return call<typeof args, { saved: boolean; path: string | null }>(args);
  })(),
  // The project archive is written straight to the file the user chose: passing its bytes to the renderer
  // and back (base64 both ways) held four copies of a 45 MB archive in the core at the large size.
  'host.exportProject': (() => {
    const args = z.object({ format: z.enum(['qdpx']) }).strict();
    return call<typeof args, { saved: boolean; path: string | null }>(args);
  })(),
  'host.importDialog': (() => {
    const args = z.object({ group: z.string().trim().min(1).max(500).optional() }).strict();
    return call<typeof args, ImportSummary | null>(args);
  })(),
  'host.capabilities': call<typeof none, { nativeDialogs: boolean }>(none),
};
