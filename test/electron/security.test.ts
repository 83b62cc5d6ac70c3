import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  isAppUrl,
  secureWebPreferences,
} from '../../electron/security';
import { MENU_MESSAGE_TYPE as MAIN_MENU_MESSAGE } from '../../electron/channels';
import { MENU_MESSAGE_TYPE as PAGE_MENU_MESSAGE } from '../../renderer/commands';

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

describe('window security', () => {
  it('isolates, sandboxes and denies Node to every renderer', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', { devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
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
      devTools: false,
    });
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });

  it('trusts only pages served by the app protocol', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://commonplace/assets/x.js')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'file:///index.html',
      'http://127.0.0.1/index.html',
      'https://commonplace/index.html',
      'about:blank',
      '',
      null,
      undefined,
      'not a url',
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('content security policy', () => {
  for (const [label, csp] of [
    ['header', CONTENT_SECURITY_POLICY],
    ['meta', META_CONTENT_SECURITY_POLICY],
  ] as const) {
    it(`${label}: nothing inline, nothing evaluated, nothing remote`, () => {
      const d = directives(csp);
      expect(d.get('default-src')).toEqual(["'none'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('style-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      // Only images may come from blob: URLs (the page's own chart SVG, rasterised for PNG export).
      expect(d.get('img-src')).toEqual(["'self'", 'blob:']);
      const rest = csp.replace("img-src 'self' blob:", '');
      expect(rest).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|wss?:|data:|blob:|\*/);
    });
  }

  it('forbids framing in the header (a meta tag cannot)', () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('index.html carries the same policy in its meta tag', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('main and page agree on the menu message type', () => {
    expect(PAGE_MENU_MESSAGE).toBe(MAIN_MENU_MESSAGE);
  });
});
