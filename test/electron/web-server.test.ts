import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject, tempDir } from '../helpers/project';
import { createHandlers } from '../../db/handlers';
import type { Project } from '../../db/project';
import { startWebServer, tokenMatches } from '../../scripts/web-server';
import type { WebServer } from '../../scripts/web-server';
import { API_PATH, TOKEN_HEADER } from '../../renderer/web-bridge';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

let project: Project;
let web: WebServer;

beforeEach(async () => {
  project = newProject();
  addTextDocument(project, 'Northgate 1', FOCUS_GROUP, ['Northgate']);
  const root = join(tempDir(), 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Commonplace</title>');
  web = await startWebServer({ root, handlers: createHandlers(project) });
});

afterEach(async () => {
  await web.close();
  project.close();
  cleanupTempDirs();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so tests control every header (fetch would set Host and Origin itself). */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, method, path, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const callApi = (
  token: string | undefined,
  name: string,
  args: unknown = {},
  extra: Record<string, string> = {},
) =>
  send(
    'POST',
    API_PATH,
    {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { [TOKEN_HEADER]: token }),
      ...extra,
    },
    JSON.stringify({ name, args }),
  );

describe('npm run web server', () => {
  it('listens on loopback only and prints a URL carrying the token', () => {
    const address = web.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${encodeURIComponent(web.token)}`);
    expect(web.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses API calls with a missing or wrong token', async () => {
    expect((await callApi(undefined, 'documents.list')).status).toBe(403);
    expect((await callApi('', 'documents.list')).status).toBe(403);
    expect((await callApi(`${web.token}x`, 'documents.list')).status).toBe(403);
    expect((await callApi(web.token.slice(0, -1), 'documents.list')).status).toBe(403);
  });

  it('answers with the core envelope when the token is right', async () => {
    const reply = await callApi(web.token, 'documents.list');
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body) as { ok: boolean; value: { name: string }[] };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.map((d) => d.name)).toEqual(['Northgate 1']);
    expect(JSON.parse((await callApi(web.token, 'db.exec')).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(JSON.parse((await callApi(web.token, 'documents.get', { id: -1 })).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('refuses other origins, other hosts, wrong methods and non-JSON bodies', async () => {
    expect((await callApi(web.token, 'documents.list', {}, { origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect((await callApi(web.token, 'documents.list', {}, { origin: web.origin })).status).toBe(200);
    expect(
      (await callApi(web.token, 'documents.list', {}, { host: `evil.example:${web.port}` })).status,
    ).toBe(421);
    expect((await send('GET', API_PATH, { [TOKEN_HEADER]: web.token })).status).toBe(405);
    expect(
      (await send('POST', API_PATH, { [TOKEN_HEADER]: web.token, 'content-type': 'text/plain' }, '{}'))
        .status,
    ).toBe(415);
    expect((await send('DELETE', '/index.html')).status).toBe(405);
  });

  it('serves the page with the CSP header and nothing outside the root', async () => {
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).toContain('<title>Commonplace</title>');
    expect((await send('GET', '/../../etc/passwd')).status).toBe(404);
    expect((await send('GET', '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('compares tokens without short-circuiting on length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });
});
