import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { contentType, readStatic, resolveStaticPath } from '../../electron/app-files';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

afterEach(cleanupTempDirs);

describe('resolveStaticPath', () => {
  const root = '/srv/renderer';

  it('maps URL paths to files inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/index.html')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe('/srv/renderer/assets/index-abc.js');
    expect(resolveStaticPath(root, '/assets/')).toBe('/srv/renderer/assets/index.html');
    expect(resolveStaticPath(root, '/a%20b.css')).toBe('/srv/renderer/a b.css');
  });

  it('refuses every way out of the root', () => {
    for (const path of [
      '/../secret',
      '/assets/../../secret',
      '/%2e%2e/secret',
      '/..%2fsecret',
      '/..%5csecret',
      '/assets/..\\..\\secret',
      '/x%00.html',
      '/%E0%A4%A',
      '/..',
    ]) {
      expect(resolveStaticPath(root, path), path).toBeNull();
    }
  });
});

describe('readStatic', () => {
  function site() {
    const dir = tempDir();
    const root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
    return root;
  }

  it('serves files with the security headers and a fresh page', async () => {
    const root = site();
    const page = await readStatic(root, '/');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['Cache-Control']).toBe('no-store');
    const script = await readStatic(root, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(String(script.body)).toBe('console.log(1)');
    expect(contentType('x.js')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files, folders and symlinks leaving the root', async () => {
    const root = site();
    expect((await readStatic(root, '/nope.js')).status).toBe(404);
    expect((await readStatic(root, '/assets')).status).toBe(404);
    expect((await readStatic(root, '/assets/link.txt')).status).toBe(404);
    expect((await readStatic(root, '/../secret.txt')).status).toBe(404);
  });
});
