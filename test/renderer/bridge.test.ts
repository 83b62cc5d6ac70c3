import { describe, expect, it, vi } from 'vitest';
import { TOKEN_HEADER, webBridgeFromLocation } from '../../renderer/web-bridge';
import { commandForKey } from '../../renderer/commands';

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('web bridge shim', () => {
  it('exists only when the page URL carries a token', () => {
    expect(webBridgeFromLocation({ search: '' })).toBeNull();
    expect(webBridgeFromLocation({ search: '?other=1' })).toBeNull();
    expect(webBridgeFromLocation({ search: '?token=abc' })).not.toBeNull();
  });

  it('posts each call with the token and returns the envelope', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => reply(200, { ok: true, value: 3 }));
    const bridge = webBridgeFromLocation({ search: '?token=s3cret' }, fetch)!;
    expect(await bridge.call('documents.list', {})).toEqual({ ok: true, value: 3 });
    expect(fetch).toHaveBeenCalledWith('/api/call', expect.objectContaining({ method: 'POST' }));
    const init = fetch.mock.calls[0]![1];
    expect((init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('s3cret');
    expect(JSON.parse(init.body as string)).toEqual({ name: 'documents.list', args: {} });
  });

  it('turns refusals and network failures into readable error envelopes', async () => {
    const refused = webBridgeFromLocation({ search: '?token=x' }, async () => reply(403, 'Forbidden'))!;
    expect(await refused.call('documents.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const down = webBridgeFromLocation({ search: '?token=x' }, async () =>
      Promise.reject(new TypeError('fetch')),
    )!;
    expect(await down.call('documents.list', {})).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('npm run web') },
    });
  });
});

describe('undo/redo keys', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
  ) => commandForKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

  it('maps the platform shortcuts', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('x', { ctrlKey: true })).toBeNull();
  });
});
