import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { CALL_NAMES } from '../../shared/contract';
import { createBridge } from '../../electron/bridge';
import { menuTemplate } from '../../electron/menu';
import type { MenuActions } from '../../electron/menu';
import { projectFromArgv, withProjectExtension } from '../../electron/paths';

describe('preload bridge', () => {
  it('forwards known calls and returns their envelopes', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: [] }));
    const bridge = createBridge(invoke, CALL_NAMES);
    expect(await bridge.call('documents.list', {})).toEqual({ ok: true, value: [] });
    expect(invoke).toHaveBeenCalledWith('documents.list', {});
    expect(Object.keys(bridge)).toEqual(['call']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('refuses unknown names locally, without IPC', async () => {
    const invoke = vi.fn();
    const bridge = createBridge(invoke, CALL_NAMES);
    const call = bridge.call as (name: unknown, args: unknown) => Promise<unknown>;
    for (const name of ['db.exec', '__proto__', 'constructor', 42, undefined]) {
      expect(await call(name, {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns a broken channel into an error envelope', async () => {
    const bridge = createBridge(async () => Promise.reject(new Error('window closed')), CALL_NAMES);
    expect(await bridge.call('project.info', {})).toEqual({
      ok: false,
      error: { code: 'io', message: 'Lost contact with the Commonplace core: window closed' },
    });
  });
});

describe('native menu', () => {
  const actions = (): MenuActions => ({
    newProject: vi.fn(),
    openProject: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    closeWindow: vi.fn(),
    quit: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    find: vi.fn(),
    importDocuments: vi.fn(),
    exportData: vi.fn(),
    about: vi.fn(),
  });
  const items = (menu: MenuItemConstructorOptions[], label: string) =>
    (menu.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions | undefined) =>
    (item?.click as unknown as () => void | undefined)?.();

  it('has File, Edit, View and Help with the expected commands', () => {
    const a = actions();
    const menu = menuTemplate(a, {
      platform: 'linux',
      packaged: true,
      appName: 'Commonplace',
      recent: ['/home/me/Northgate.commonplace'],
    });
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = items(menu, '&File');
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual([
      'New Project…',
      'Open…',
      'Open Recent',
      'Import Documents…',
      'Export…',
      'Close',
      'Quit',
    ]);
    file.filter((i) => i.click).forEach(click);
    const recentItems = file.find((i) => i.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recentItems.map((i) => i.label ?? i.type)).toEqual([
      'Northgate.commonplace',
      'separator',
      'Clear Menu',
    ]);
    recentItems.filter((i) => i.click).forEach(click);
    expect(a.openRecent).toHaveBeenCalledWith('/home/me/Northgate.commonplace');
    expect(a.clearRecent).toHaveBeenCalled();
    expect(a.importDocuments).toHaveBeenCalled();
    expect(a.exportData).toHaveBeenCalled();
    expect(a.newProject).toHaveBeenCalled();
    expect(a.openProject).toHaveBeenCalled();
    expect(a.closeWindow).toHaveBeenCalled();
    expect(a.quit).toHaveBeenCalled();
    const edit = items(menu, '&Edit');
    expect(edit.map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'Undo',
      'Redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'separator',
      'Find…',
    ]);
    click(edit.find((i) => i.label === 'Find…'));
    expect(a.find).toHaveBeenCalled();
    click(items(menu, '&Help')[0]);
    expect(a.about).toHaveBeenCalled();
    // No developer tools in a packaged build.
    expect(items(menu, '&View').some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('sends undo/redo to the page without grabbing the keys from it', () => {
    const a = actions();
    const edit = items(
      menuTemplate(a, { platform: 'linux', packaged: false, appName: 'C', recent: [] }),
      '&Edit',
    );
    const [undo, redo] = edit;
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'Ctrl+Y', registerAccelerator: false });
    click(undo);
    click(redo);
    expect(a.undo).toHaveBeenCalledTimes(1);
    expect(a.redo).toHaveBeenCalledTimes(1);
  });

  it('follows macOS conventions there', () => {
    const menu = menuTemplate(actions(), {
      platform: 'darwin',
      packaged: false,
      appName: 'Commonplace',
      recent: [],
    });
    expect(menu[0]?.label).toBe('Commonplace');
    expect(items(menu, '&File').some((i) => i.label === 'Quit')).toBe(false);
    expect(items(menu, '&Edit')[1]).toMatchObject({ accelerator: 'Shift+Cmd+Z' });
    expect(items(menu, '&View').some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});

describe('command line', () => {
  it('finds the project argument in development and packaged argv', () => {
    expect(projectFromArgv(['/electron', '.', 'study.commonplace'], false, '/home/me')).toBe(
      '/home/me/study.commonplace',
    );
    expect(projectFromArgv(['/opt/Commonplace', '--no-sandbox', '/data/a.commonplace'], true, '/')).toBe(
      '/data/a.commonplace',
    );
    expect(projectFromArgv(['/electron', '.'], false, '/')).toBeNull();
    expect(projectFromArgv(['/opt/Commonplace'], true, '/')).toBeNull();
  });

  it('adds the project extension when a save dialog did not', () => {
    expect(withProjectExtension('/a/Study')).toBe('/a/Study.commonplace');
    expect(withProjectExtension('/a/Study.commonplace')).toBe('/a/Study.commonplace');
    expect(withProjectExtension('/a/Study.COMMONPLACE')).toBe('/a/Study.COMMONPLACE');
  });
});
