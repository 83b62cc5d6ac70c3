import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { createHandlers, dispatch } from '../../db/handlers';
import type { Handlers } from '../../db/handlers';
import type { Project } from '../../db/project';
import { startWebServer } from '../../scripts/web-server';
import type { WebServer } from '../../scripts/web-server';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { CODES, createRiversideProject } from './fixture';
import { launchBrowser, skipBrowserTests, watch } from './browser';
import type { PageLog } from './browser';

// The built renderer in headless Chromium against a real project file. The page is served by the same
// loopback server as `npm run web`; `window.commonplace` is either injected (standing in for the Electron
// preload, calling the real `dispatch` in this process) or the page's own fetch shim.

const repo = fileURLToPath(new URL('../..', import.meta.url));
const screenshot = join(repo, 'test-results', 'workspace.png');

let project: Project;
let handlers: Handlers;
let web: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ');

/** A page whose window.commonplace forwards to dispatch here, like the preload forwards over IPC. */
async function preloadPage(
  override?: (name: string, args: unknown) => unknown,
): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.exposeBinding(
    '__commonplaceCall',
    async (_source, name: string, args: unknown) => override?.(name, args) ?? dispatch(handlers, name, args),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __commonplaceCall: (n: string, a: unknown) => Promise<unknown> };
    Object.defineProperty(window, 'commonplace', {
      value: Object.freeze({ call: (name: string, args: unknown) => w.__commonplaceCall(name, args) }),
    });
  });
  return { page, log };
}

function expectClean(log: PageLog): void {
  expect(log.problems).toEqual([]);
  const outside = log.requests.filter((u) => !u.startsWith(`${web.origin}/`));
  expect(outside, 'requests leaving the page').toEqual([]);
}

async function openRiverside(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Riverside panel 2/ }).click();
  await page.locator('div.turn').first().waitFor();
}

describe.skipIf(skipBrowserTests)('workspace in Chromium', () => {
  beforeAll(async () => {
    const dir = tempDir();
    const root = join(dir, 'renderer');
    await build({
      configFile: join(repo, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: root, emptyOutDir: true },
    });
    project = createRiversideProject(dir);
    handlers = createHandlers(project);
    web = await startWebServer({ root, handlers });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    project?.close();
    cleanupTempDirs();
  });

  it('lists documents and codes, and shows a transcript with speakers and overlapping highlights', async () => {
    const { page, log } = await preloadPage();
    await page.goto(`${web.origin}/`);

    await expect.poll(() => page.locator('h1').textContent()).toBe('Riverside study');
    // Documents are listed under their group headings (test/e2e/sidebar.test.ts covers the grouping).
    const documents = page.getByRole('region', { name: /Documents/ }).getByRole('button', { name: /words/ });
    await expect
      .poll(() => documents.allInnerTexts())
      .toEqual([
        expect.stringMatching(/Northgate 1\s+[\d,]+ words · 0 codings/),
        expect.stringMatching(/Riverside panel 2\s+[\d,]+ words · 6 codings/),
      ]);
    const codebook = page.getByRole('region', { name: /Codebook/ });
    expect(await codebook.locator('.code-name').allInnerTexts()).toEqual([
      'Managerial targets',
      'Trust',
      'Named worker',
      'System failure',
    ]);
    expect(
      await codebook
        .locator('.code-swatch')
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor),
    ).toBe(`rgb(${rgb(CODES.targets.color)})`);
    await expect.poll(() => page.getByRole('main').getByText('No document open').isVisible()).toBe(true);

    await openRiverside(page);
    const turns = page.locator('div.turn');
    expect(await turns.locator('.turn-speaker').allInnerTexts()).toEqual([
      'Facilitator',
      'Priya (Tenant)',
      'Marcus (Caretaker)',
      'Priya (Tenant)',
    ]);
    expect(await turns.locator('.turn-time').allInnerTexts()).toEqual(['0:05', '0:42', '1:30', '2:15']);
    // Each turn is a group named by speaker and time, for screen-reader navigation.
    expect(await page.getByRole('group', { name: 'Priya (Tenant), 0:42' }).count()).toBe(1);
    // The label and timestamp are decoration; the body holds exactly the spoken words.
    expect(await turns.nth(0).locator('.turn-body').innerText()).toBe(
      "Thanks for coming. Let's start with the repairs backlog.",
    );
    expect(await page.locator('.transcript-paragraph').innerText()).toBe("Riverside tenants' panel, 3 April");

    const marks = page.locator('mark.coded');
    const highlights = await marks.evaluateAll((els) =>
      els.map((m) => ({
        text: (m as HTMLElement).innerText,
        codes: (m as HTMLElement).dataset.codes,
        style: (m.firstElementChild as HTMLElement).style.cssText,
      })),
    );
    const find = (text: string) => highlights.find((h) => h.text === text);
    expect(find('the targets are about closing tickets, ')).toMatchObject({ codes: 'Managerial targets' });
    expect(find('the targets are about closing tickets, ')?.style).toContain(
      `--tint: rgba(${rgb(CODES.targets.color)}, 0.2)`,
    );
    // Overlaps keep every code visible: each coding has its own underline lane, and every name is on the mark.
    const overlap = find('not fixing homes');
    expect(overlap?.codes).toBe('Managerial targets|System failure');
    expect(overlap?.style).toContain(`--lane0: ${CODES.targets.color}`);
    expect(overlap?.style).toContain(`--lane1: ${CODES.failure.color}`);
    expect(find(' the residents more than the system')).toBeUndefined();
    expect(find('I trust the residents')).toMatchObject({ codes: 'Trust|System failure' });
    expect(find("Marcus says he'll come")).toMatchObject({ codes: 'Trust|Trust/Named worker' });
    expect(find("Marcus says he'll come")?.style).toContain(`--lane1: ${CODES.named.color}`);
    expect(await page.locator('mark.coded-overlap').count()).toBe(3);
    expect(await turns.nth(2).locator('.turn-codes li').allInnerTexts()).toEqual([
      'Managerial targets',
      'Trust',
      'System failure',
    ]);

    mkdirSync(join(repo, 'test-results'), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: false });
    expectClean(log);
    await page.close();
  });

  it('works in a plain browser through the token-protected web bridge', async () => {
    const page = await browser.context.newPage();
    const log = watch(page);
    const apiCalls: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call')) apiCalls.push(r.headers()['x-commonplace-token']);
    });
    await page.goto(web.url);
    await openRiverside(page);
    expect(await page.locator('mark.coded').count()).toBeGreaterThan(0);
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((t) => t === web.token)).toBe(true);
    expectClean(log);
    await page.close();
  });

  it('explains what to do when opened without a project', async () => {
    const page = await browser.context.newPage();
    const log = watch(page);
    await page.goto(`${web.origin}/`);
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toMatch(/not connected to a project.*npm run web/s);
    expectClean(log);
    await page.close();
  });

  it('shows the core error message when a call fails', async () => {
    const { page, log } = await preloadPage((name) =>
      name === 'documents.list'
        ? { ok: false, error: { code: 'locked', message: 'The project is open in another program.' } }
        : undefined,
    );
    await page.goto(`${web.origin}/`);
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.innerText())
      .toMatch(/The project is open in another program\.[\s\S]*locked/);
    expectClean(log);
    await page.close();
  });

  it('undoes the last change with Ctrl+Z and redoes it with Ctrl+Y', async () => {
    const { page, log } = await preloadPage();
    await page.goto(`${web.origin}/`);
    await openRiverside(page);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo Apply code');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('mark.coded-overlap').count()).toBe(2);
    await expect.poll(() => page.locator('.project-stats').innerText()).toMatch(/5 codings/);
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.locator('mark.coded-overlap').count()).toBe(3);
    expectClean(log);
    await page.close();
  });
});
