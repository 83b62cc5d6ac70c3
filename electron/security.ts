import type { WebPreferences } from 'electron';

// Pure security policy for the desktop shell, kept free of runtime Electron imports so tests can assert it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'commonplace';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

// Everything the page may load comes from its own origin; nothing may be framed, posted or fetched elsewhere.
const PAGE_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: lets the page rasterise its own chart SVG (an <img> from a Blob URL drawn on a canvas) for PNG
  // export; blob URLs can only be made by the page's own scripts, so nothing outside can be loaded.
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** The CSP for a <meta> tag: `frame-ancestors` is ignored there (and Chromium logs an error about it). */
export const META_CONTENT_SECURITY_POLICY = PAGE_DIRECTIVES.join('; ');

/** The CSP sent as a response header with every page and asset. */
export const CONTENT_SECURITY_POLICY = [...PAGE_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** Headers every response from the app protocol or the loopback web server carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface WindowSecurityOptions {
  /** DevTools are for development builds only. */
  devTools: boolean;
}

/** webPreferences for every window: the renderer is a sandboxed web page that reaches the core only over IPC. */
export function secureWebPreferences(preload: string, { devTools }: WindowSecurityOptions): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click would try to open links in new windows (which are refused anyway).
    disableBlinkFeatures: 'Auxclick',
    devTools,
  };
}

/** True for URLs served by our own protocol; used to authenticate IPC senders. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
