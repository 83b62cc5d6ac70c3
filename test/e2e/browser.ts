import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

// Headless Chromium from the OS (Playwright's own browser download is not available offline).

export const CHROMIUM = '/usr/bin/chromium';

/** Chromium is required in CI; elsewhere a missing browser skips the end-to-end tests. */
export const skipBrowserTests = !existsSync(CHROMIUM) && !process.env.CI;
if (skipBrowserTests) {
  console.warn(`Skipping end-to-end tests: no ${CHROMIUM}. Install it with "apt-get install -y chromium".`);
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`End-to-end tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'commonplace-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageLog {
  requests: string[];
  problems: string[];
}

/** Records every request and every console error, page error or CSP violation of a page. */
export function watch(page: Page): PageLog {
  const log: PageLog = { requests: [], problems: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.problems.push(`pageerror: ${e.message}`));
  return log;
}
