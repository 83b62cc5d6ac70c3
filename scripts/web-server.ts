import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { dispatch } from '../db/handlers';
import type { Handlers } from '../db/handlers';
import { readStatic } from '../electron/app-files';
import { SECURITY_HEADERS } from '../electron/security';
import { API_PATH, TOKEN_HEADER, TOKEN_PARAM } from '../renderer/web-bridge';

// `npm run web`: the built renderer plus the core's calls, on loopback only. Any local process or web
// page can reach 127.0.0.1, so: a random token on every API call (checked in constant time), a Host
// check against DNS rebinding, an Origin check, and a JSON content type (which forces a CORS preflight
// that this server never approves).

export const HOST = '127.0.0.1';
const MAX_BODY = 8 * 1024 * 1024;

export interface WebServerOptions {
  /** The built renderer (dist/renderer). */
  root: string;
  handlers: Handlers;
  /** 0 (default) picks a free port. */
  port?: number;
  /** For tests; normally random. */
  token?: string;
}

export interface WebServer {
  server: Server;
  port: number;
  origin: string;
  token: string;
  /** The address to open: the page, carrying the token. */
  url: string;
  close(): Promise<void>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares digests so neither the length nor the content of the token leaks through timing. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(given), digest(expected));
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8' });

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let origin = '';
  let allowedHosts = new Set<string>();

  const api = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed', { Allow: 'POST' });
    const header = req.headers[TOKEN_HEADER];
    if (!tokenMatches(Array.isArray(header) ? undefined : header, token)) return send(res, 403, 'Forbidden');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return send(res, 403, 'Forbidden');
    if (!req.headers['content-type']?.startsWith('application/json')) return send(res, 415, 'Expected JSON');
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'Request too large');
    let request: { name?: unknown; args?: unknown };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid-argument', message: 'Body is not JSON.' },
      });
    }
    sendJson(res, 200, await dispatch(options.handlers, request?.name, request?.args));
  };

  const server = createServer((req, res) => {
    // A DNS-rebinding page reaches us under its own host name: only answer to our literal address.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request');
    const { pathname } = new URL(req.url ?? '/', origin);
    const work =
      pathname === API_PATH
        ? api(req, res)
        : req.method === 'GET' || req.method === 'HEAD'
          ? readStatic(options.root, pathname).then((file) =>
              send(res, file.status, req.method === 'HEAD' ? '' : file.body, file.headers),
            )
          : Promise.resolve(send(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' }));
    work.catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(e as Error)?.message ?? e}`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST}:${port}`;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  return {
    server,
    port,
    origin,
    token,
    url: `${origin}/?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
