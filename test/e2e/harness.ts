import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createHandlers, dispatch } from '../../db/handlers';
import type { Handlers } from '../../db/handlers';
import type { Project } from '../../db/project';
import { startWebServer } from '../../scripts/web-server';
import type { WebServer } from '../../scripts/web-server';
import { tempDir } from '../helpers/project';
import { launchBrowser, watch } from './browser';
import type { PageLog } from './browser';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const screenshotPath = (name: string) => join(repo, 'test-results', `${name}.png`);

/** The built renderer served on loopback, Chromium, and pages whose window.commonplace calls the real core. */
export interface Harness {
  web: WebServer;
  handlers: Handlers;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  page(): Promise<{ page: Page; log: PageLog }>;
  expectClean(log: PageLog): void;
  close(): Promise<void>;
}

export async function startHarness(project: Project): Promise<Harness> {
  const root = join(tempDir(), 'renderer');
  await build({
    configFile: join(repo, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: root, emptyOutDir: true },
  });
  const handlers = createHandlers(project);
  const web = await startWebServer({ root, handlers });
  const browser = await launchBrowser();
  return {
    web,
    handlers,
    browser,
    async page() {
      const page = await browser.context.newPage();
      const log = watch(page);
      // Stands in for the Electron preload: the same Bridge shape, answered by dispatch in this process.
      await page.exposeBinding('__commonplaceCall', async (_s, name: string, args: unknown) =>
        dispatch(handlers, name, args),
      );
      await page.addInitScript(() => {
        const w = window as unknown as { __commonplaceCall: (n: string, a: unknown) => Promise<unknown> };
        Object.defineProperty(window, 'commonplace', {
          value: Object.freeze({ call: (name: string, args: unknown) => w.__commonplaceCall(name, args) }),
        });
      });
      return { page, log };
    },
    expectClean(log) {
      expect(log.problems).toEqual([]);
      expect(
        log.requests.filter((u) => !u.startsWith(`${web.origin}/`)),
        'requests leaving the page',
      ).toEqual([]);
    },
    async close() {
      await browser.close();
      await web.close();
    },
  };
}
