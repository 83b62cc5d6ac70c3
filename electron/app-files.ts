import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './security';

// Serves the built renderer from one folder, for both the app:// protocol and the loopback web server.

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path (still percent-encoded) to a file inside `root`, or null when it would leave `root`.
 * Rejects encoded separators and NUL bytes outright rather than trying to normalise them.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c/i.test(urlPath)) return null;
  const relative = decoded.replace(/^\/+/, '');
  const wanted = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  const base = resolve(root);
  const full = resolve(base, wanted);
  return full.startsWith(base + sep) ? full : null;
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const notFound = (): StaticResponse => ({
  status: 404,
  headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  body: 'Not found',
});

/** Reads one renderer file with the security headers; symlinks pointing outside `root` count as missing. */
export async function readStatic(root: string, urlPath: string): Promise<StaticResponse> {
  const file = resolveStaticPath(root, urlPath);
  if (!file) return notFound();
  try {
    // Inside an asar archive realpath may be unsupported; the string guard above still holds there.
    const real = (p: string) => realpath(p).catch(() => p);
    const [realRoot, realFile] = await Promise.all([real(resolve(root)), real(file)]);
    if (!realFile.startsWith(realRoot + sep) || !(await stat(realFile)).isFile()) return notFound();
    const body = await readFile(realFile);
    const html = file.endsWith('.html');
    return {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': contentType(file),
        // Hashed asset names make assets safe to cache; the page itself must always be fresh.
        'Cache-Control': html ? 'no-store' : 'public, max-age=31536000, immutable',
      },
      body,
    };
  } catch {
    return notFound();
  }
}
