// `npm run screenshots`: PNGs of the main views, with the realistic demo project, into docs/screenshots/.
// Uses the same loopback server and headless Chromium as the end-to-end tests.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { createHandlers } from '../db/handlers';
import { startWebServer } from './web-server';
import { buildDemoProject } from './demo/build-demo';
import { launchBrowser } from '../test/e2e/browser';
import { dragSelect, openDocument } from '../test/e2e/coding-page';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = join(repo, 'docs', 'screenshots');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`  docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'commonplace-shots-'));
  const root = join(work, 'renderer');
  await build({
    configFile: join(repo, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: root, emptyOutDir: true },
  });
  const project = await buildDemoProject(join(work, 'Communities of practice.commonplace'));
  const handlers = createHandlers(project);
  const web = await startWebServer({ root, handlers });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    // tsx keeps function names with a __name helper, which functions sent to page.evaluate then call.
    await page.addInitScript('window.__name = (f) => f;');
    // The page's own loopback bridge, exactly as `npm run web` serves it.
    await page.goto(web.url);
    await openDocument(page, 'northgate-march');

    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem', { name: /^Secret caseloads/ }).click();
    await tree.getByRole('treeitem', { name: /^Little miracles/ }).click({ modifiers: ['Control'] });
    const panel = page.getByRole('complementary', { name: /Excerpts, memos and search/ });
    await panel.getByText(/excerpts from 2 codes/).waitFor();
    await shot(page, 'workspace');

    await dragSelect(page, 'Last month', 'the Friday.');
    const popup = page.getByRole('dialog', { name: 'Code passage' });
    await popup.waitFor();
    await popup.getByRole('combobox').fill('tru');
    await shot(page, 'quick-code');
    await page.keyboard.press('Escape');

    await panel.getByRole('tab', { name: 'Memos' }).click();
    await panel.getByRole('tab', { name: 'Journal' }).click();
    await panel.getByRole('textbox', { name: 'Project journal' }).waitFor();
    await shot(page, 'memos');

    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('searchbox').or(panel.getByRole('textbox')).first().fill('caseload* OR miracle*');
    await page.keyboard.press('Enter');
    await panel.getByText(/hits?/).first().waitFor();
    await shot(page, 'search');

    await page.getByRole('button', { name: 'Compare' }).click();
    await page
      .getByRole('main')
      .locator('table')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await shot(page, 'compare-matrix');
    for (const [tab, name] of [
      ['Co-occurrence', 'compare-cooccurrence'],
      ['Charts', 'compare-charts'],
      ['Attributes', 'compare-attributes'],
    ] as const) {
      const t = page.getByRole('tab', { name: tab });
      if (!(await t.count())) continue;
      await t.click();
      await page.waitForLoadState('networkidle');
      await shot(page, name);
    }
  } finally {
    await browser.close();
    await web.close();
    project.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
