// Renderer timings in headless Chromium (issue 7): the built renderer served on loopback with the real core
// behind a stand-in bridge, as in test/e2e/harness.ts, on a project with one 50,000-word transcript coded
// 1,000 times. Skipped with a note when Chromium is missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { Project } from '../db/project';
import { createHandlers, dispatch } from '../db/handlers';
import { startWebServer } from '../scripts/web-server';
import { CHROMIUM } from '../test/e2e/browser';
import { LONG_DOC, addLongDocument } from '../test/e2e/coding-fixture';
import { median, type Figure } from './measure';

const repo = fileURLToPath(new URL('..', import.meta.url));
const APPLICATIONS = 50;
const round = (n: number) => Math.round(n * 10) / 10;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

export async function benchRenderer(): Promise<Figure[]> {
  if (!existsSync(CHROMIUM)) {
    console.warn(`\nRenderer timings skipped: no ${CHROMIUM} (apt-get install -y chromium).`);
    return [];
  }
  process.stderr.write('renderer: building and opening a 50,000-word transcript in headless Chromium\n');
  const work = mkdtempSync(join(tmpdir(), 'commonplace-bench-renderer-'));
  const root = join(work, 'renderer');
  await build({
    configFile: join(repo, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: root, emptyOutDir: true },
  });
  const project = Project.create(join(work, 'renderer.commonplace'), { coder: 'bench' });
  const long = addLongDocument(project, 50_000, 1_000);
  const handlers = createHandlers(project);
  const web = await startWebServer({ root, handlers });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const page = await context.newPage();
    // tsx keeps function names with a __name helper, which functions sent to page.evaluate then call.
    await page.addInitScript('window.__name = (f) => f;');
    await page.exposeBinding('__commonplaceCall', async (_s, name: string, args: unknown) =>
      dispatch(handlers, name, args),
    );
    await page.addInitScript(() => {
      const w = window as unknown as { __commonplaceCall: (n: string, a: unknown) => Promise<unknown> };
      Object.defineProperty(window, 'commonplace', {
        value: Object.freeze({ call: (name: string, args: unknown) => w.__commonplaceCall(name, args) }),
      });
    });
    await page.goto(`${web.origin}/`);
    const figures: Figure[] = [];
    const label = `${long.words} words, ${long.codings} codings`;

    const opened = await openTimed(page);
    figures.push({
      name: `renderer: open transcript to first paint (${label})`,
      value: round(opened.paint),
      unit: 'ms',
      target: 500,
    });
    if (opened.populate !== undefined)
      figures.push({
        name: 'renderer: transcript populate, first slice (in page)',
        value: round(opened.populate),
        unit: 'ms',
      });
    if (opened.filled !== undefined)
      figures.push({
        name: 'renderer: open transcript to every block in the editor',
        value: round(opened.filled),
        unit: 'ms',
      });
    const heap = await page.evaluate(() => {
      (window as unknown as { gc?: () => void }).gc?.();
      return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
    });
    figures.push({
      name: 'renderer: JS heap after opening',
      value: round(heap / 1e6),
      unit: 'MB',
      target: 300,
    });

    const scroll = await scrollThrough(page);
    figures.push(
      {
        name: `renderer: scroll whole transcript (${scroll.steps} frames), longest task`,
        value: round(scroll.max),
        unit: 'ms',
        target: 100,
      },
      { name: 'renderer: scroll, long tasks over 50 ms', value: scroll.over50, unit: 'tasks' },
    );

    const bridge = await page.evaluate(async (id) => {
      const c = (window as unknown as { commonplace: { call(n: string, a: unknown): Promise<unknown> } })
        .commonplace;
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await c.call('documents.get', { id });
        runs.push(performance.now() - t0);
      }
      return runs.sort((a, b) => a - b)[2]!;
    }, long.id);
    figures.push({
      name: 'renderer: documents.get round trip over the bridge',
      value: round(bridge),
      unit: 'ms',
    });

    const before = project.db.prepare('SELECT count(*) FROM codings').pluck().get() as number;
    const applied = await applyCodes(page);
    const after = project.db.prepare('SELECT count(*) FROM codings').pluck().get() as number;
    figures.push(
      {
        name: `renderer: apply code to highlight painted, median of ${applied.length} (${after - before} new)`,
        value: round(median(applied)),
        unit: 'ms',
      },
      {
        name: 'renderer: apply code to highlight painted, p95',
        value: round(p95(applied)),
        unit: 'ms',
        target: 50,
      },
    );
    await context.close();
    return figures;
  } finally {
    await browser.close();
    await web.close();
    project.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Click on the document in the list to its transcript text painted (the frame after it is in the DOM),
 * and to the whole transcript in the editor (it is filled a slice at a time).
 */
async function openTimed(page: Page): Promise<{ paint: number; populate?: number; filled?: number }> {
  const button = page.getByRole('button', { name: new RegExp(`^${LONG_DOC}\\b`) }).first();
  await button.waitFor();
  await page.evaluate((name) => {
    const w = window as unknown as { __opened: Promise<number>; __clicked: number };
    w.__opened = new Promise((resolve) => {
      let t0 = 0;
      document.addEventListener('click', () => (w.__clicked = t0 = performance.now()), {
        capture: true,
        once: true,
      });
      const poll = () => {
        const text = document.querySelector(`[aria-label="Transcript of ${name}"] [data-block]`)?.textContent;
        if (t0 && text) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
  }, LONG_DOC);
  await button.click();
  const paint = await page.evaluate(() => (window as unknown as { __opened: Promise<number> }).__opened);
  const populate = await page.evaluate(
    () => performance.getEntriesByName('commonplace:transcript-populate', 'measure')[0]?.duration,
  );
  const filled = await page.evaluate(async () => {
    const t0 = (window as unknown as { __clicked: number }).__clicked;
    for (let i = 0; i < 100; i++) {
      const m = performance.getEntriesByName('commonplace:transcript-filled', 'measure')[0];
      if (m) return m.startTime + m.duration - t0;
      await new Promise((r) => setTimeout(r, 50));
    }
    return undefined;
  });
  return { paint, populate, filled };
}

/** Scrolls top to bottom a screenful per frame, recording long tasks (PerformanceObserver 'longtask'). */
async function scrollThrough(page: Page): Promise<{ steps: number; max: number; over50: number }> {
  return page.evaluate(
    () =>
      new Promise<{ steps: number; max: number; over50: number }>((resolve) => {
        const scroller = document.querySelector('main.centre')!;
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push(e.duration);
        });
        observer.observe({ type: 'longtask' });
        scroller.scrollTop = 0;
        let steps = 0;
        const step = () => {
          if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 || steps > 2000) {
            // Let the last frames' tasks be reported.
            setTimeout(() => {
              observer.disconnect();
              resolve({ steps, max: Math.max(0, ...tasks), over50: tasks.filter((d) => d > 50).length });
            }, 200);
            return;
          }
          steps++;
          scroller.scrollTop += scroller.clientHeight * 0.8;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
}

/**
 * Codes 50 passages through the quick-code popup, as a reader would (drag over words, type the code, Enter),
 * timing each from the app's apply mark (Enter) to the end of the first frame after the transcript's DOM
 * shows the new highlight (the app's apply measure ends when it does): a mutation observer sees the change
 * in the same task, so the frame waited for is the one that paints it.
 */
async function applyCodes(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __applied: number[] };
    w.__applied = [];
    let seen = 0;
    new MutationObserver(() => {
      const entries = performance.getEntriesByName('commonplace:apply-code-to-update', 'measure');
      for (; seen < entries.length; seen++) {
        const start = entries[seen]!.startTime;
        requestAnimationFrame(() => setTimeout(() => w.__applied.push(performance.now() - start)));
      }
    }).observe(document.querySelector('.transcript')!, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
  });
  const popup = page.getByRole('dialog', { name: 'Code passage' });
  for (let i = 0; i < APPLICATIONS; i++) {
    const points = await page.evaluate((i) => {
      const blocks = [...document.querySelectorAll<HTMLElement>('.transcript [data-block]')];
      const block = blocks[(20 + i * 37) % blocks.length]!;
      block.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement?.closest('.turn-head') || n.data.length < 30) continue;
        const rect = (a: number, b: number) => {
          const r = document.createRange();
          r.setStart(n, a);
          r.setEnd(n, b);
          const rects = r.getClientRects();
          return rects[rects.length - 1]!;
        };
        const a = rect(2, 3);
        const b = rect(24, 25);
        return {
          from: { x: a.left + 1, y: a.top + a.height / 2 },
          to: { x: b.right - 1, y: b.top + b.height / 2 },
        };
      }
      throw new Error(`no text to select in block ${i}`);
    }, i);
    await page.mouse.move(points.from.x, points.from.y);
    await page.mouse.down();
    await page.mouse.move(points.to.x, points.to.y, { steps: 4 });
    await page.mouse.up();
    await popup.waitFor();
    await page.keyboard.type(`Theme ${(i % 12) + 1}`);
    await popup.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => (window as unknown as { __applied: number[] }).__applied.length > n,
      i,
      { polling: 'raf' },
    );
    await popup.waitFor({ state: 'detached' });
  }
  return page.evaluate(() => (window as unknown as { __applied: number[] }).__applied);
}
