import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is a static page loaded from disk (app:// in Electron, loopback in `npm run web`):
// relative asset URLs, no inline scripts, nothing fetched from elsewhere.
const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // The CSP forbids data: URLs, so every asset must be a real file.
    assetsInlineLimit: 0,
    sourcemap: true,
    modulePreload: { polyfill: false },
    // Loaded from disk or loopback, never over a network: one bundle is simplest and fast enough.
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
