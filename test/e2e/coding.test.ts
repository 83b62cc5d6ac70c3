import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { createHandlers, dispatch } from '../../db/handlers';
import type { Handlers } from '../../db/handlers';
import type { Project } from '../../db/project';
import { listCodings } from '../../db/codings';
import { documentIdByName } from '../../db/documents';
import { listCodes } from '../../db/codes';
import { startWebServer } from '../../scripts/web-server';
import type { WebServer } from '../../scripts/web-server';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { RIVERSIDE, createRiversideProject } from './fixture';
import {
  addEmojiDocument,
  addLongDocument,
  EMOJI_DOC,
  EMOJI_TEXT,
  JUMP_PHRASE,
  LONG_DOC,
} from './coding-fixture';
import type { LongDocument } from './coding-fixture';
import { dragSelect, focusedBlock, highlights, openDocument, selectedText, spokenTexts } from './coding-page';
import { launchBrowser, skipBrowserTests, watch } from './browser';
import type { PageLog } from './browser';

// Reading and coding a transcript in the built renderer, in headless Chromium, against the real core
// over a real project file: selections to exact offsets, the quick-code popup, coding by keyboard only,
// the codings popover, jumps, and a 50,000-word transcript updated in place.

const repo = fileURLToPath(new URL('../..', import.meta.url));
const shot = (name: string) => join(repo, 'test-results', `coding-${name}.png`);

let project: Project;
let handlers: Handlers;
let web: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let long: LongDocument;

async function newPage(): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.exposeBinding('__commonplaceCall', (_source, name: string, args: unknown) =>
    dispatch(handlers, name, args),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __commonplaceCall: (n: string, a: unknown) => Promise<unknown> };
    Object.defineProperty(window, 'commonplace', {
      value: Object.freeze({ call: (name: string, args: unknown) => w.__commonplaceCall(name, args) }),
    });
  });
  await page.goto(`${web.origin}/`);
  await page.locator('.top-bar h1').waitFor();
  return { page, log };
}

function expectClean(log: PageLog): void {
  expect(log.problems).toEqual([]);
  const outside = log.requests.filter((u) => !u.startsWith(`${web.origin}/`));
  expect(outside, 'requests leaving the page').toEqual([]);
}

/** The codings of a document as the core has them, each with its text. */
function coded(
  doc: string,
): { code: string; text: string; start: number; end: number; memo: string | null }[] {
  const id = documentIdByName(project, doc);
  const names = new Map(listCodes(project).map((c) => [c.id, c.path]));
  const text = (handlers['documents.get']({ id }) as { text: string }).text;
  return listCodings(project, id).map((k) => ({
    code: names.get(k.codeId) ?? '?',
    text: text.slice(k.start, k.end),
    start: k.start,
    end: k.end,
    memo: k.memo,
  }));
}

const quickCode = (page: Page) => page.getByRole('dialog', { name: 'Code passage' });
const codeSearch = (page: Page) => quickCode(page).getByRole('combobox');

describe.skipIf(skipBrowserTests)('coding in the transcript', () => {
  beforeAll(async () => {
    const dir = tempDir();
    const root = join(dir, 'renderer');
    // The production bundle, as the app ships (Vitest's NODE_ENV=test would bundle React's and Lexical's
    // development builds, which are several times slower and would make the logged timings meaningless).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(repo, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir: root, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    project = createRiversideProject(dir);
    addEmojiDocument(project);
    long = addLongDocument(project);
    handlers = createHandlers(project);
    web = await startWebServer({ root, handlers });
    browser = await launchBrowser();
    mkdirSync(join(repo, 'test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    project?.close();
    cleanupTempDirs();
  });

  it('shows turns with labelled, lane-underlined highlights', async () => {
    const { page, log } = await newPage();
    await openDocument(page, 'Riverside panel 2');
    const turns = page.locator('.transcript .turn');
    expect(await turns.locator('.turn-speaker').allInnerTexts()).toEqual([
      'Facilitator',
      'Priya (Tenant)',
      'Marcus (Caretaker)',
      'Priya (Tenant)',
    ]);
    expect(await turns.locator('.turn-time').allInnerTexts()).toEqual(['0:05', '0:42', '1:30', '2:15']);
    expect(await page.getByRole('group', { name: 'Priya (Tenant), 0:42' }).count()).toBe(1);
    expect(await turns.nth(0).locator('.turn-body').innerText()).toBe(
      "Thanks for coming. Let's start with the repairs backlog.",
    );
    expect(await turns.nth(2).locator('.turn-codes li').allInnerTexts()).toEqual([
      'Managerial targets',
      'Trust',
      'System failure',
    ]);
    const marks = await highlights(page);
    expect(marks).toContainEqual({ text: 'not fixing homes', codes: 'Managerial targets|System failure' });
    expect(marks).toContainEqual({ text: "Marcus says he'll come", codes: 'Trust|Trust/Named worker' });
    // Each coding keeps one underline lane along its extent: "Trust" stays in lane 0 across the nested
    // "Named worker" coding, which takes lane 1.
    const lanes = await page
      .locator('.transcript mark.coded > [data-start]')
      .evaluateAll((els) => els.map((e) => [(e as HTMLElement).innerText, (e as HTMLElement).style.cssText]));
    const lane = (text: string) => lanes.find(([t]) => t === text)?.[1] ?? '';
    expect(lane('When ')).toMatch(/--lane0: #3CB44B/i);
    expect(lane("Marcus says he'll come")).toMatch(/--lane0: #3CB44B.*--lane1: #F58231/i);
    expect(lane(', he comes.')).toMatch(/--lane0: #3CB44B/i);
    await page.screenshot({ path: shot('transcript') });
    expectClean(log);
    await page.close();
  });

  it('codes a mouse selection at its exact offsets: search, create, recent keys, in vivo, Escape', async () => {
    const { page, log } = await newPage();
    await openDocument(page, EMOJI_DOC);

    // An emoji inside the passage: offsets are UTF-16 code units of the stored text.
    await dragSelect(page, 'café 🌍 by the station');
    await expect.poll(() => quickCode(page).isVisible()).toBe(true);
    expect(await quickCode(page).locator('.popup-quote').innerText()).toBe('“café 🌍 by the station”');
    expect(await codeSearch(page).evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await page.locator('.pending-range').count()).toBeGreaterThan(0);
    await page.keyboard.type('tru');
    const options = quickCode(page).getByRole('option');
    expect(await spokenTexts(options)).toEqual(['Trust', 'Named worker in Trust', 'Create “tru”']);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: shot('quick-code') });
    await page.keyboard.press('Enter');
    await expect.poll(() => quickCode(page).count()).toBe(0);
    const at = EMOJI_TEXT.indexOf('café');
    expect(coded(EMOJI_DOC)).toContainEqual(
      expect.objectContaining({ code: 'Trust', start: at, end: at + 'café 🌍 by the station'.length }),
    );
    await expect
      .poll(() => highlights(page))
      .toContainEqual({ text: 'café 🌍 by the station', codes: 'Trust' });
    // Screen readers hear what happened.
    expect(await page.locator('.transcript-frame [role="status"]').innerText()).toBe('Coded with Trust.');

    // Across the blank line of a two-paragraph turn, into another emoji's paragraph; a new code.
    await dragSelect(page, 'Nobody from', 'time 👩‍👩‍👧 families');
    await codeSearch(page).waitFor();
    await page.keyboard.type('Absent council');
    expect((await spokenTexts(options))[0]).toBe('Create “Absent council”');
    await page.keyboard.press('Enter');
    await expect.poll(() => quickCode(page).count()).toBe(0);
    const from = EMOJI_TEXT.indexOf('Nobody from');
    const to = EMOJI_TEXT.indexOf('families') + 'families'.length;
    expect(coded(EMOJI_DOC)).toContainEqual(
      expect.objectContaining({
        code: 'Absent council',
        start: from,
        end: to,
        text: EMOJI_TEXT.slice(from, to),
      }),
    );

    // Recent codes are one key away: 1 is the last one used, 2 the one before.
    await dragSelect(page, "I don't think the council even knew");
    await codeSearch(page).waitFor();
    const recent = quickCode(page).getByRole('group', { name: 'Recent' }).getByRole('option');
    expect(await spokenTexts(recent)).toEqual(['Absent council', 'Trust']);
    expect(await recent.evaluateAll((els) => els.map((e) => e.getAttribute('aria-keyshortcuts')))).toEqual([
      '1',
      '2',
    ]);
    await page.keyboard.press('2');
    await expect.poll(() => quickCode(page).count()).toBe(0);
    expect(coded(EMOJI_DOC)).toContainEqual(
      expect.objectContaining({ code: 'Trust', text: "I don't think the council even knew" }),
    );

    // In vivo: a code named after the words.
    await dragSelect(page, 'families turned up');
    await codeSearch(page).waitFor();
    await page.keyboard.press('Control+i');
    await expect.poll(() => quickCode(page).count()).toBe(0);
    expect(coded(EMOJI_DOC)).toContainEqual(
      expect.objectContaining({ code: 'families turned up', text: 'families turned up' }),
    );
    await expect
      .poll(() => page.locator('.transcript .turn-codes').first().innerText())
      .toContain('families turned up');

    // Escape gives the selection back (to copy it) and the keyboard's place to its turn.
    await dragSelect(page, 'We met');
    await codeSearch(page).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => quickCode(page).count()).toBe(0);
    expect(await selectedText(page)).toBe('We met');
    expect(await focusedBlock(page)).toBe('t0');
    expectClean(log);
    await page.close();
  });

  it('codes with the keyboard alone: turns, sentences, quick-code, codings, help', async () => {
    const { page, log } = await newPage();
    await openDocument(page, 'Riverside panel 2');
    await page.getByRole('button', { name: /Keyboard/ }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedBlock(page)).toBe('p0');
    await page.keyboard.press('j');
    expect(await focusedBlock(page)).toBe(`t${RIVERSIDE.indexOf('[00:00:05]')}`);
    // A turn without codings says so.
    await page.keyboard.press('i');
    const none = page.getByRole('dialog', { name: /Codings here/ });
    await expect.poll(() => none.locator('.popover-head').innerText()).toMatch(/No codings here/i);
    await page.keyboard.press('Escape');
    await expect.poll(() => none.count()).toBe(0);
    expect(await focusedBlock(page)).toBe(`t${RIVERSIDE.indexOf('[00:00:05]')}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowDown');
    const marcus = `t${RIVERSIDE.indexOf('[00:01:30]')}`;
    expect(await focusedBlock(page)).toBe(marcus);

    const first = 'We log everything, but the targets are about closing tickets, not fixing homes.';
    const second = 'I trust the residents more than the system.';
    await page.keyboard.press('s');
    expect(await selectedText(page)).toBe(first);
    await page.keyboard.press('s');
    expect(await selectedText(page)).toBe(second);
    await page.keyboard.press('Shift+S');
    expect(await selectedText(page)).toBe(first);
    await page.keyboard.press('e');
    expect((await selectedText(page)).replace(/\s+/g, ' ')).toBe(`${first} ${second}`);
    await page.keyboard.press('Escape');
    expect(await selectedText(page)).toBe('');

    await page.keyboard.press('s');
    await page.keyboard.press('c');
    await codeSearch(page).waitFor();
    await page.keyboard.type('named');
    await page.keyboard.press('Enter');
    await expect.poll(() => quickCode(page).count()).toBe(0);
    expect(coded('Riverside panel 2')).toContainEqual(
      expect.objectContaining({ code: 'Trust/Named worker', text: first }),
    );
    expect(await focusedBlock(page)).toBe(marcus);

    // Enter with nothing selected: the whole turn (its words, not its label or the newline after it).
    await page.keyboard.press('Enter');
    await codeSearch(page).waitFor();
    expect(await quickCode(page).locator('.popup-quote').innerText()).toBe(
      'Whole turn of Marcus (Caretaker)',
    );
    await page.keyboard.press('1');
    await expect.poll(() => quickCode(page).count()).toBe(0);
    expect(coded('Riverside panel 2')).toContainEqual(
      expect.objectContaining({ code: 'Trust/Named worker', text: `${first} ${second}` }),
    );

    // I: the turn's codings, focus inside; Escape returns to the turn.
    await page.keyboard.press('i');
    const popover = page.getByRole('dialog', { name: /Codings here/ });
    await popover.waitFor();
    expect(await popover.locator('.coding-code-name').allInnerTexts()).toEqual([
      'Trust/Named worker',
      'Trust/Named worker',
      'Managerial targets',
      'System failure',
      'Trust',
    ]);
    expect(await popover.evaluate((e) => e.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    expect(await focusedBlock(page)).toBe(marcus);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.innerText()).toMatch(/Select the next sentence/);
    await page.screenshot({ path: shot('keyboard-help') });
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    expect(await focusedBlock(page)).toBe(marcus);
    await page.keyboard.press('s');
    await page.screenshot({ path: shot('keyboard-focus') });
    expectClean(log);
    await page.close();
  });

  it('shows a highlight’s codings on hover and click, with memo editing and removal', async () => {
    const { page, log } = await newPage();
    await openDocument(page, 'Riverside panel 2');
    const popover = page.getByRole('dialog', { name: /Codings here/ });

    await page.getByText('the targets are about', { exact: false }).first().hover();
    // Hover popovers open and close after short pauses: wait for them, whatever the machine's speed.
    await expect.poll(() => popover.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await popover.locator('.coding-code-name').allInnerTexts()).toContain('Managerial targets');
    // The coding's whole extent is marked while its popover shows.
    expect(await page.locator('mark.is-emphasised').count()).toBeGreaterThan(0);
    await page.screenshot({ path: shot('hover') });
    await page.mouse.move(5, 5);
    await expect.poll(() => popover.count(), { timeout: 5000 }).toBe(0);
    expect(await page.locator('mark.is-emphasised').count()).toBe(0);

    await page.locator('mark.coded', { hasText: 'nobody calls back' }).click();
    await popover.waitFor();
    expect(await popover.locator('.coding-code-name').allInnerTexts()).toEqual(['System failure']);
    expect(await popover.locator('.coding-meta').innerText()).toMatch(/^Coded by e2e · /);
    expect(await popover.locator('.coding-memo').innerText()).toBe('No memo');
    await popover.getByRole('button', { name: 'Add memo' }).click();
    await page.keyboard.type('Callbacks are the first thing tenants mention.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => popover.locator('.coding-memo').innerText())
      .toBe('Callbacks are the first thing tenants mention.');
    expect(coded('Riverside panel 2')).toContainEqual(
      expect.objectContaining({
        text: 'nobody calls back',
        memo: 'Callbacks are the first thing tenants mention.',
      }),
    );
    await page.screenshot({ path: shot('popover') });

    await popover.getByRole('button', { name: /Remove this coding of System failure/ }).click();
    await expect.poll(() => popover.count()).toBe(0);
    expect(coded('Riverside panel 2').some((k) => k.text === 'nobody calls back')).toBe(false);
    expect((await highlights(page)).some((h) => h.text.includes('nobody calls back'))).toBe(false);
    expectClean(log);
    await page.close();
  });

  it('codes a whole turn from its header', async () => {
    const { page, log } = await newPage();
    await openDocument(page, 'Riverside panel 2');
    const turn = page.getByRole('group', { name: 'Facilitator, 0:05' });
    await turn.hover();
    await turn.getByRole('button', { name: 'Code turn' }).click();
    await codeSearch(page).waitFor();
    expect(await quickCode(page).locator('.popup-quote').innerText()).toBe('Whole turn of Facilitator');
    await page.keyboard.type('System');
    await page.keyboard.press('Enter');
    await expect.poll(() => quickCode(page).count()).toBe(0);
    expect(coded('Riverside panel 2')).toContainEqual(
      expect.objectContaining({
        code: 'System failure',
        text: "Thanks for coming. Let's start with the repairs backlog.",
      }),
    );
    expect(await turn.locator('.turn-codes li').allInnerTexts()).toEqual(['System failure']);
    expectClean(log);
    await page.close();
  });

  it('opens a 50,000-word transcript with 1,200 codings and codes it in place, keeping the place', async () => {
    const { page, log } = await newPage();
    const started = Date.now();
    await openDocument(page, LONG_DOC);
    const blocks = page.locator('.transcript [data-block]');
    await expect.poll(() => blocks.count()).toBe(long.turns);
    const opened = Date.now() - started;
    // Every coding is drawn: each coding id appears on at least one highlight.
    const drawn = await page.evaluate(() => {
      const ids = new Set<string>();
      for (const m of document.querySelectorAll<HTMLElement>('.transcript mark.coded')) {
        for (const id of (m.dataset.codings ?? '').split(' ')) if (id) ids.add(id);
      }
      return ids.size;
    });
    expect(drawn).toBe(long.codings);

    // Read from the middle, then code a sentence of the turn at the top of the view by keyboard.
    const scroller = page.locator('main.centre');
    await page.evaluate(() => {
      const all = document.querySelectorAll<HTMLElement>('.transcript [data-block]');
      all[Math.floor(all.length / 2)]!.scrollIntoView({ block: 'start' });
    });
    const place = () =>
      page.evaluate(() => {
        const s = document.querySelector('main.centre')!.getBoundingClientRect();
        const all = [...document.querySelectorAll<HTMLElement>('.transcript [data-block]')];
        const top = all.find((b) => b.getBoundingClientRect().top >= s.top)!;
        return { key: top.dataset.block, offset: Math.round(top.getBoundingClientRect().top - s.top) };
      });
    const before = await place();
    // Tags every block and piece of text, to tell afterwards which ones the update replaced.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('.transcript [data-block], .transcript [data-start]')) {
        (el as unknown as { kept: boolean }).kept = true;
      }
    });
    // The transcript's tab stop follows the reader's scrolling, so Tab lands on the turn at the top.
    const tabStop = () =>
      page.evaluate(
        () => document.querySelector<HTMLElement>('.transcript [data-block][tabindex="0"]')?.dataset.block,
      );
    await expect.poll(tabStop).toBe(before.key);
    // Clicking the speaker's name puts the keyboard there too.
    await page.locator(`[data-block="${before.key}"] .turn-speaker`).click();
    const target = await focusedBlock(page);
    expect(target).toBe(before.key);
    expect(await place()).toEqual(before);
    await page.keyboard.press('s');
    const sentence = await selectedText(page);
    await page.keyboard.press('c');
    await codeSearch(page).waitFor();
    await page.keyboard.type('Theme 3');
    await page.keyboard.press('Enter');
    await expect.poll(() => quickCode(page).count()).toBe(0);

    const added = coded(LONG_DOC).find((k) => k.code === 'Theme 3' && k.text === sentence);
    expect(added, 'the coding in the core').toBeDefined();
    const after = await page.evaluate((key) => {
      const blocks = [...document.querySelectorAll('.transcript [data-block]')];
      const pieces = [...document.querySelectorAll('.transcript [data-start]')];
      const fresh = pieces.filter((p) => !(p as unknown as { kept?: boolean }).kept);
      return {
        blocksReplaced: blocks.filter((b) => !(b as unknown as { kept?: boolean }).kept).length,
        freshPieces: fresh.length,
        freshOutside: fresh.filter((p) => (p.closest('[data-block]') as HTMLElement).dataset.block !== key)
          .length,
      };
    }, target);
    // Only the coded turn's text was rebuilt; every block element and all other text stayed as it was.
    expect(after).toMatchObject({ blocksReplaced: 0, freshOutside: 0 });
    expect(after.freshPieces).toBeGreaterThan(0);
    const marks = await page
      .locator(`[data-block="${target}"] mark.coded`)
      .evaluateAll((els) => els.map((m) => (m as HTMLElement).dataset.codes ?? ''));
    expect(marks.some((codes) => codes.split('|').includes('Theme 3'))).toBe(true);
    expect(await place()).toEqual(before);
    expect(await focusedBlock(page)).toBe(target);

    // Undo reloads the document: the reader stays where they were.
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => coded(LONG_DOC).some((k) => k.code === 'Theme 3' && k.text === sentence))
      .toBe(false);
    await expect
      .poll(() => page.locator(`[data-block="${target}"] mark.coded[data-codes*="Theme 3"]`).count())
      .toBe(0);
    expect(await place()).toEqual(before);
    expect(await scroller.evaluate((e) => e.scrollTop)).toBeGreaterThan(1000);

    // Scrolling: a frame per step down the whole transcript; the slowest frame, for information.
    const frames = await page.evaluate(
      () =>
        new Promise<{ steps: number; worst: number; mean: number }>((resolve) => {
          const scroller = document.querySelector('main.centre')!;
          const times: number[] = [];
          let last = performance.now();
          scroller.scrollTop = 0;
          const step = () => {
            const now = performance.now();
            times.push(now - last);
            last = now;
            if (
              scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 ||
              times.length > 400
            ) {
              resolve({
                steps: times.length,
                worst: Math.max(...times.slice(1)),
                mean: times.slice(1).reduce((a, b) => a + b, 0) / (times.length - 1),
              });
              return;
            }
            scroller.scrollTop += 700;
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
    );
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('commonplace:'))
        .map((m) => `${m.name} ${m.duration.toFixed(0)} ms`),
    );
    console.info(
      `${LONG_DOC}: ${long.words} words, ${long.turns} turns, ${long.codings} codings; shown in ${opened} ms; ${measures.join('; ')}; ` +
        `scrolled through in ${frames.steps} frames, mean ${frames.mean.toFixed(1)} ms, worst ${frames.worst.toFixed(0)} ms`,
    );
    await page.screenshot({ path: shot('long') });
    expectClean(log);
    await page.close();
  });

  it('shows a coding the moment Enter is pressed, then its counts, and takes it back if the core refuses', async () => {
    const { page, log } = await newPage();
    const doomed = handlers['codes.create']({ name: 'Doomed' }) as number;
    await page.reload();
    await openDocument(page, EMOJI_DOC);
    const ownCount = (path: string) =>
      page.evaluate((path) => {
        const row = [...document.querySelectorAll('[title]')].find((e) => e.getAttribute('title') === path);
        return row?.querySelector('.code-count')?.textContent ?? null;
      }, path);
    const facts = () => page.locator('.document-facts').innerText();
    const trust = Number(await ownCount('Trust'));
    const codings = coded(EMOJI_DOC).length;
    const marked = async (text: string, code: string) =>
      (await highlights(page)).filter((h) => h.text.includes(text) && h.codes.split('|').includes(code))
        .length;

    await dragSelect(page, 'that changed everything');
    await codeSearch(page).waitFor();
    await page.keyboard.type('Trust');
    await page.keyboard.press('Enter');
    await expect.poll(() => quickCode(page).count()).toBe(0);
    expect(coded(EMOJI_DOC)).toContainEqual(
      expect.objectContaining({ code: 'Trust', text: 'that changed everything' }),
    );
    expect(await marked('that changed everything', 'Trust')).toBe(1);
    // The counts follow from the refresh, which runs after the highlight is shown.
    await expect.poll(() => ownCount('Trust')).toBe(String(trust + 1));
    await expect.poll(facts).toMatch(new RegExp(`\\b${codings + 1} codings?\\b`));
    // The highlight carries the core's coding, not the tentative one: its popover can remove it.
    await page.getByText('that changed everything').click();
    const popover = page.getByRole('dialog', { name: /Codings/ });
    await popover.getByRole('button', { name: /Remove this coding of Trust/ }).click();
    await expect.poll(() => marked('that changed everything', 'Trust')).toBe(0);
    expect(coded(EMOJI_DOC)).toHaveLength(codings);
    await expect.poll(() => ownCount('Trust')).toBe(String(trust));

    // The code goes (from the command line, say) while the popup is open: the highlight shown at once
    // is taken back when the core refuses the coding, and the codebook catches up.
    await dragSelect(page, 'We met at the');
    await codeSearch(page).waitFor();
    await page.keyboard.type('Doomed');
    await quickCode(page)
      .getByRole('option', { name: /Doomed/ })
      .first()
      .waitFor();
    handlers['codes.delete']({ id: doomed });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/code/i);
    await expect.poll(() => marked('We met at the', 'Doomed')).toBe(0);
    await expect.poll(() => ownCount('Doomed')).toBeNull();
    expect(coded(EMOJI_DOC)).toHaveLength(codings);
    expectClean(log);
    await page.close();
  });

  it('jumps to a passage from search, far down a long transcript, and flashes it', async () => {
    const { page, log } = await newPage();
    await openDocument(page, LONG_DOC);
    await page.getByRole('tab', { name: 'Search' }).click();
    const search = page.getByRole('searchbox', { name: 'Search the transcripts' });
    await search.fill('zanzibar');
    await search.press('Enter');
    await page.locator('button.hit', { hasText: 'Zanzibar' }).click({ timeout: 5000 });
    const flash = page.locator('.jump-flash');
    await expect.poll(() => flash.count()).toBeGreaterThan(0);
    const at = await page.evaluate(() => {
      const s = document.querySelector('main.centre')!.getBoundingClientRect();
      const f = document.querySelector('.jump-flash')!.getBoundingClientRect();
      return {
        inView: f.top >= s.top && f.bottom <= s.bottom,
        scrolled: document.querySelector('main.centre')!.scrollTop,
      };
    });
    expect(at.inView).toBe(true);
    expect(at.scrolled).toBeGreaterThan(10_000);
    // Focus stays on the hit; the passage's turn is where Tab enters the transcript.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('hit'))).toBe(true);
    const stop = page.locator('.transcript [data-block][tabindex="0"]');
    expect(await stop.innerText()).toContain(JUMP_PHRASE);
    await page.screenshot({ path: shot('jump') });
    // The flash fades and is gone.
    await expect.poll(() => flash.count(), { timeout: 5000 }).toBe(0);
    expectClean(log);
    await page.close();
  });
});
