import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Locator, Page } from 'playwright-core';
import { createHandlers, dispatch } from '../../db/handlers';
import type { Handlers } from '../../db/handlers';
import type { Project } from '../../db/project';
import { getMemo, saveMemo } from '../../db/memos';
import { setCodingMemo } from '../../db/codings';
import { startWebServer } from '../../scripts/web-server';
import type { WebServer } from '../../scripts/web-server';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { createRiversideProject } from './fixture';
import { launchBrowser, skipBrowserTests, watch } from './browser';
import type { PageLog } from './browser';

// The right-hand panel (excerpts, memos, search) in headless Chromium, against a fresh real project file
// per test. window.commonplace stands in for the Electron preload and calls the real core here.

const repo = fileURLToPath(new URL('../..', import.meta.url));
const results = join(repo, 'test-results');

let project: Project;
let handlers: Handlers;
let web: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let riversideId: number;

type Override = (name: string, args: unknown) => unknown;

async function openPage(override?: Override): Promise<{ page: Page; log: PageLog; panel: Locator }> {
  const page = await browser.context.newPage();
  const log = watch(page);
  // Bound now: a page left open by a failed test must not write into the next test's project.
  const core = handlers;
  await page.exposeBinding(
    '__commonplaceCall',
    async (_source, name: string, args: unknown) => override?.(name, args) ?? dispatch(core, name, args),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __commonplaceCall: (n: string, a: unknown) => Promise<unknown> };
    Object.defineProperty(window, 'commonplace', {
      value: Object.freeze({ call: (name: string, args: unknown) => w.__commonplaceCall(name, args) }),
    });
  });
  await page.goto(`${web.origin}/`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Riverside study');
  const panel = page.getByRole('complementary', { name: 'Excerpts, memos and search' });
  return { page, log, panel };
}

function expectClean(log: PageLog): void {
  expect(log.problems).toEqual([]);
  const outside = log.requests.filter((u) => !u.startsWith(`${web.origin}/`));
  expect(outside, 'requests leaving the page').toEqual([]);
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: join(results, `panels-${name}.png`), fullPage: false });

const historySteps = () =>
  project.db.prepare('SELECT count(*) FROM history_steps WHERE undone = 0').pluck().get() as number;

const openDocumentTitle = (page: Page) => page.locator('#document-title').textContent();

/** A document's row in the sidebar list (its button reads "NAME  N words · N codings"). */
const documentButton = (page: Page, name: string) =>
  page
    .getByRole('region', { name: /Documents/ })
    .getByRole('button', { name: new RegExp(`^${name}\\b.*words`) });

/** Chooses codes through the panel's own searchable list: one by keyboard, the rest by mouse. */
async function chooseCodes(panel: Locator, byKeyboard: string, ...byMouse: string[]): Promise<void> {
  await panel.getByRole('button', { name: /Choose codes|Add code/ }).click();
  const box = panel.getByRole('combobox', { name: 'Codes to retrieve' });
  await box.fill(byKeyboard);
  await box.press('Enter');
  for (const path of byMouse) await panel.getByRole('option', { name: path, exact: true }).click();
  await panel.getByRole('button', { name: 'Done' }).click();
}

const groupHeadings = (panel: Locator) => panel.locator('.excerpt-group-heading').allInnerTexts();

describe.skipIf(skipBrowserTests)('right panel in Chromium', () => {
  let root: string;

  beforeAll(async () => {
    root = join(tempDir(), 'renderer');
    await build({
      configFile: join(repo, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: root, emptyOutDir: true },
    });
    browser = await launchBrowser();
    mkdirSync(results, { recursive: true });
  }, 120_000);

  beforeEach(async () => {
    for (const p of browser.context.pages()) await p.close();
    await web?.close();
    project?.close();
    project = createRiversideProject(tempDir());
    handlers = createHandlers(project);
    web = await startWebServer({ root, handlers });
    riversideId = (
      project.db.prepare("SELECT id FROM documents WHERE name = 'Riverside panel 2'").get() as {
        id: number;
      }
    ).id;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    project?.close();
    cleanupTempDirs();
  });

  it('retrieves excerpts of the chosen codes, grouped with counts, filtered, and jumps to them', async () => {
    const coding = project.db
      .prepare(
        "SELECT k.id FROM codings k JOIN codes c ON c.id = k.code_id WHERE c.name = 'System failure' ORDER BY k.start LIMIT 1",
      )
      .pluck()
      .get() as number;
    setCodingMemo(project, coding, 'The classic complaint.');
    const { page, log, panel } = await openPage();

    expect(await panel.getByRole('tab', { name: /^Excerpts/ }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => panel.getByText('No codes chosen').isVisible()).toBe(true);

    await chooseCodes(panel, 'trust', 'System failure');
    await expect
      .poll(() => groupHeadings(panel))
      .toEqual(['Trust\n2 excerpts', 'System failure\n2 excerpts']);
    await expect
      .poll(() => panel.getByRole('tab', { name: /^Excerpts/ }).textContent())
      .toMatch(/\(2 codes chosen\)/);
    expect(await panel.locator('.results-count').textContent()).toBe('4 excerpts from 2 codes');

    // Each excerpt names its document, group and speakers, shows the greyed context, and the coding memo.
    const failure = panel.locator('.excerpt', { hasText: 'nobody calls back' });
    expect(await failure.locator('.excerpt-where').textContent()).toBe(
      'Riverside panel 2 · Riverside · Priya (Tenant)',
    );
    expect(await failure.locator('.excerpt-coded').textContent()).toBe('nobody calls back');
    expect(await failure.locator('.excerpt-context').first().textContent()).toMatch(/^….*Honestly, $/);
    expect(await failure.locator('.excerpt-memo').textContent()).toBe('Memo: The classic complaint.');
    expect(
      await failure
        .locator('.excerpt-context')
        .first()
        .evaluate((e) => getComputedStyle(e).fontStyle),
    ).toBe('italic');

    await panel.getByRole('checkbox', { name: 'Include sub-codes' }).check();
    await expect
      .poll(() => groupHeadings(panel))
      .toEqual(['Trust\n2 excerpts', 'Trust › Named worker\n1 excerpt', 'System failure\n2 excerpts']);

    // Filters: a speaker chip keeps excerpts overlapping that speaker's turns.
    await panel.locator('.filters summary').click();
    await panel.getByRole('button', { name: 'Marcus (Caretaker)', exact: true }).click();
    expect(
      await panel
        .getByRole('button', { name: 'Marcus (Caretaker)', exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await expect.poll(() => groupHeadings(panel)).toEqual(['Trust\n1 excerpt', 'System failure\n1 excerpt']);
    await expect.poll(() => panel.locator('.filters summary').textContent()).toMatch(/1 active/);
    await shoot(page, 'excerpts');

    // A group with none of these codings leaves a helpful empty state.
    await panel.getByRole('button', { name: 'Marcus (Caretaker)', exact: true }).click();
    await panel.getByRole('button', { name: 'Northgate', exact: true }).click();
    await expect.poll(() => panel.getByText('No excerpts').isVisible()).toBe(true);
    expect(await panel.locator('.empty-state', { hasText: 'No excerpts' }).textContent()).toMatch(
      /Clear some filters/,
    );
    await panel.getByRole('button', { name: 'Clear all filters' }).click();
    await expect.poll(() => panel.locator('.excerpt').count()).toBe(5);

    // The coder list comes from the project.
    expect(await panel.getByRole('combobox', { name: 'Coder' }).locator('option').allTextContents()).toEqual([
      'Anyone',
      'e2e (6 codings)',
    ]);

    // Click jumps to the passage; so does Enter on a focused excerpt.
    expect(await page.getByRole('main').getByText('No document open').isVisible()).toBe(true);
    await failure.click();
    await expect.poll(() => openDocumentTitle(page)).toBe('Riverside panel 2');
    await documentButton(page, 'Northgate 1').click();
    await expect.poll(() => openDocumentTitle(page)).toBe('Northgate 1');
    await panel
      .locator('.excerpt')
      .filter({
        has: page.locator('.excerpt-coded', { hasText: /^I trust the residents more than the system$/ }),
      })
      .focus();
    // Back and forth with the keyboard, so the browser shows the keyboard focus ring.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await shoot(page, 'excerpt-focus');
    await page.keyboard.press('Enter');
    await expect.poll(() => openDocumentTitle(page)).toBe('Riverside panel 2');

    // Undo in the core (the coding memo was the last step) refreshes the excerpts.
    await page.keyboard.press('Control+z');
    await expect.poll(() => failure.locator('.excerpt-memo').count()).toBe(0);

    // Removing a chip changes the shared selection.
    await panel.getByRole('button', { name: 'Stop retrieving System failure' }).click();
    await expect
      .poll(() => groupHeadings(panel))
      .toEqual(['Trust\n2 excerpts', 'Trust › Named worker\n1 excerpt']);
    expectClean(log);
    await page.close();
  });

  it('exports the same excerpts: text formats download, the native dialog is used when there is one', async () => {
    const { page, log, panel } = await openPage();
    await chooseCodes(panel, 'targets');
    await expect.poll(() => panel.locator('.excerpt').count()).toBe(1);

    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Riverside study excerpts.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain('the targets are about closing tickets, not fixing homes');
    // Only the chosen code: a header and one row.
    expect(csv.trim().split('\n')).toHaveLength(2);
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'Downloaded' }).textContent())
      .toBe('Downloaded Riverside study excerpts.csv.');

    const md = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export as Markdown' }).press('Enter');
    expect((await md).suggestedFilename()).toBe('Riverside study excerpts.md');

    // Word and Excel: a real file when the core can make one, otherwise its reason, readably.
    const docx = await dispatch(handlers, 'export.excerpts', { format: 'docx', query: {} });
    if (docx.ok) {
      const binary = page.waitForEvent('download');
      await panel.getByRole('button', { name: 'Export as Word (DOCX)' }).click();
      const bytes = readFileSync((await (await binary).path())!);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    } else {
      await panel.getByRole('button', { name: 'Export as Word (DOCX)' }).click();
      await expect.poll(() => panel.getByRole('alert').textContent()).toContain(docx.error.message);
    }
    await shoot(page, 'export');
    expectClean(log);
    await page.close();

    // In the desktop app the file goes through the Save dialog instead.
    const saved: unknown[] = [];
    const desktop = await openPage((name, args) => {
      if (name !== 'host.saveFile') return undefined;
      saved.push(args);
      return { ok: true, value: { saved: true, path: '/home/sam/Riverside excerpts.html' } };
    });
    await chooseCodes(desktop.panel, 'targets');
    await desktop.panel.getByRole('button', { name: 'Export as HTML' }).click();
    await expect
      .poll(() => desktop.panel.getByText('Saved /home/sam/Riverside excerpts.html.').isVisible())
      .toBe(true);
    expect(saved).toEqual([
      expect.objectContaining({ suggestedName: 'Riverside study excerpts.html', encoding: 'utf8' }),
    ]);
    expectClean(desktop.log);
    await desktop.page.close();
  });

  it('edits memos as rich text with autosave, undoable, and plain-text memos as paragraphs', async () => {
    saveMemo(
      project,
      'document',
      riversideId,
      'First impressions of the panel.\n\nMarcus carries the room.',
      '',
    );
    const { page, log, panel } = await openPage();
    await documentButton(page, 'Riverside panel 2').click();

    // Keyboard: arrows move along the tab list.
    await panel.getByRole('tab', { name: /^Excerpts/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { name: 'Memos' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Memos');

    const editor = panel.getByRole('textbox', { name: 'Memo on Riverside panel 2' });
    await expect
      .poll(() => editor.locator('p').allInnerTexts())
      .toEqual(['First impressions of the panel.', 'Marcus carries the room.']);
    const before = historySteps();

    // Loading is not an edit: nothing is saved until the user types.
    await panel.getByRole('tab', { name: 'Journal' }).click();
    await panel.getByRole('textbox', { name: 'Project journal' }).waitFor();
    await panel.getByRole('tab', { name: 'Document' }).click();
    await editor.waitFor();
    expect(historySteps()).toBe(before);

    // Type a heading (toolbar), then a bold word (shortcut) and a bulleted list (shortcut).
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Themes');
    await panel.getByRole('button', { name: 'Heading', exact: true }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+8');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('trust');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' in named workers');
    await expect.poll(() => editor.locator('h2').allInnerTexts()).toEqual(['Themes']);
    expect(await editor.locator('ul li').allInnerTexts()).toEqual(['trust in named workers']);
    expect(await editor.locator('ul li strong, ul li .memo-bold').first().innerText()).toBe('trust');
    expect(await panel.getByRole('button', { name: 'Bulleted list' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    // Autosave after the pause: a quiet "Saved HH:MM", the text and the editor state in the core.
    await expect
      .poll(() => panel.locator('.memo-status').innerText(), { timeout: 10_000 })
      .toMatch(/^Saved \d/);
    const stored = getMemo(project, 'document', riversideId)!;
    expect(stored.contentText).toContain('Themes');
    expect(stored.contentText).toContain('trust in named workers');
    expect(JSON.parse(stored.contentJson).root.children.map((c: { type: string }) => c.type)).toEqual([
      'paragraph',
      'paragraph',
      'heading',
      'list',
    ]);
    // Autosaves of one memo in a row join one undo step (the core coalesces them), so the count may not grow.
    expect(historySteps()).toBeGreaterThanOrEqual(before);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe(
      'Undo Edit document memo',
    );
    await shoot(page, 'memos');

    // Switching target saves at once (no waiting for the pause), and the journal is its own memo.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Follow up.');
    await panel.getByRole('tab', { name: 'Journal' }).click();
    await expect.poll(() => getMemo(project, 'document', riversideId)?.contentText).toMatch(/Follow up\.$/);
    const journal = panel.getByRole('textbox', { name: 'Project journal' });
    await journal.click();
    await page.keyboard.type('Decided to merge the two trust codes.');
    await documentButton(page, 'Northgate 1').focus(); // blur saves too
    await expect
      .poll(() => getMemo(project, 'project', 0)?.contentText)
      .toBe('Decided to merge the two trust codes.');

    // Undo in the core (top bar) takes the journal back; the editor shows it.
    await expect
      .poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title'))
      .toBe('Undo Edit project journal');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await journal.innerText()).trim()).toBe('');
    expect(getMemo(project, 'project', 0)).toBeUndefined();

    // The code memo follows the first chosen code.
    await panel.getByRole('tab', { name: 'Code', exact: true }).click();
    expect(await panel.getByText('No code selected').isVisible()).toBe(true);
    await panel.getByRole('tab', { name: /^Excerpts/ }).click();
    await chooseCodes(panel, 'named');
    await panel.getByRole('tab', { name: 'Memos' }).click();
    await expect.poll(() => panel.locator('#memo-code-heading').innerText()).toMatch(/Trust\/Named worker/);
    expectClean(log);
    await page.close();
  });

  it('searches with keyword in context, opens hits, and codes every hit', async () => {
    const { page, log, panel } = await openPage();

    // Ctrl+F brings the search box forward from anywhere.
    await documentButton(page, 'Northgate 1').click();
    await page.keyboard.press('Control+f');
    expect(await panel.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true');
    const box = panel.getByRole('searchbox', { name: 'Search the transcripts' });
    await expect.poll(() => box.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await box.getAttribute('placeholder')).toBe('Words, "a phrase", prefix*, this OR that');

    await page.keyboard.type('trust*');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.results-count').textContent()).toBe('2 hits in 2 documents');
    expect(await panel.locator('.hit-group-heading').allInnerTexts()).toEqual([
      'Northgate 1\n1 hit',
      'Riverside panel 2\n1 hit',
    ]);
    const marcus = panel.locator('.hit', { hasText: 'Marcus (Caretaker)' });
    expect(await marcus.locator('.kwic-match').textContent()).toBe('trust');
    expect(await marcus.locator('.kwic-before').textContent()).toMatch(/not fixing homes\. I $/);
    expect(await marcus.locator('.kwic-after').textContent()).toMatch(/^ the residents/);
    expect(await marcus.locator('.kwic-match').evaluate((e) => getComputedStyle(e).fontWeight)).toBe('700');

    // Enter on a focused hit opens its document.
    await marcus.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => openDocumentTitle(page)).toBe('Riverside panel 2');

    // The native Edit menu's Find arrives as a message.
    await panel.getByRole('tab', { name: /^Excerpts/ }).click();
    await page.evaluate(() =>
      window.postMessage({ type: 'commonplace:menu', command: 'find' }, window.location.origin),
    );
    await expect.poll(() => box.evaluate((e) => e === document.activeElement)).toBe(true);

    // Code all hits: choose a code by typing, the scope by keyboard, one speaker by mouse.
    await panel.getByRole('button', { name: 'Code all hits…' }).click();
    const picker = panel.getByRole('combobox', { name: 'Code to apply' });
    await picker.fill('fail');
    await picker.press('Enter');
    await panel.getByRole('radio', { name: /Its sentence/ }).check();
    await panel.getByRole('button', { name: 'Marcus (Caretaker)', exact: true }).click();
    await shoot(page, 'autocode');
    const codings = () => project.db.prepare('SELECT count(*) FROM codings').pluck().get() as number;
    const start = codings();
    await panel.getByRole('button', { name: 'Code the chosen speakers’ hits as “System failure”' }).click();
    await expect
      .poll(() => panel.locator('.autocode-report').textContent())
      .toBe('1 hit, 1 coding added to “System failure”.');
    expect(codings()).toBe(start + 1);
    await shoot(page, 'autocode-done');
    await expect.poll(() => page.locator('.project-stats').innerText()).toMatch(/7 codings/);

    // Phrases, OR, nothing found, and a query with no words.
    await box.fill('"calls back" OR miracle');
    await box.press('Enter');
    await expect.poll(() => panel.locator('.results-count').textContent()).toBe('2 hits in 2 documents');
    await box.fill('xylophone');
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => panel.locator('.results-count').textContent()).toBe('No hits.');
    await box.fill('"" *');
    await box.press('Enter');
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/no words to look for/);

    await box.fill('trust*');
    await box.press('Enter');
    await expect.poll(() => panel.locator('.results-count').textContent()).toBe('2 hits in 2 documents');
    await shoot(page, 'search');
    expectClean(log);
    await page.close();
  });

  it('says when search results stop short, and shows memo failures readably', async () => {
    const many = Array.from({ length: 2001 }, (_, i) => ({
      doc: 'Riverside panel 2',
      documentId: riversideId,
      start: i,
      end: i + 5,
      speaker: 'Priya (Tenant)',
      context: `before ${i} trust after`,
      before: `before ${i} `,
      match: 'trust',
      after: ' after',
    }));
    let saves = 0;
    const { page, log, panel } = await openPage((name, args) => {
      if (name === 'search.text')
        return { ok: true, value: many.slice(0, (args as { limit: number }).limit) };
      if (name === 'memos.get' && (args as { kind: string }).kind === 'code') {
        return { ok: false, error: { code: 'io', message: 'The disk could not be read.' } };
      }
      if (name === 'memos.save' && ++saves === 1) {
        return { ok: false, error: { code: 'locked', message: 'The project is open in another program.' } };
      }
      return undefined;
    });

    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('searchbox').fill('trust');
    await panel.getByRole('searchbox').press('Enter');
    await expect
      .poll(() => panel.locator('.results-count').textContent())
      .toBe(
        'Showing the first 2,000 hits (in 1 document); there are more. Narrow the search to see them all.',
      );
    // Drawn a page at a time, so a long list does not stall the window.
    expect(await panel.locator('.hit').count()).toBe(250);
    await panel.getByRole('button', { name: 'Show 250 more (1,750 not shown)' }).click();
    await expect.poll(() => panel.locator('.hit').count()).toBe(500);

    // A failed save says why, keeps the text, and Try again stores it.
    await panel.getByRole('tab', { name: 'Memos' }).click();
    await panel.getByRole('tab', { name: 'Journal' }).click();
    await panel.getByRole('textbox', { name: 'Project journal' }).click();
    await page.keyboard.type('Check the consent forms.');
    await panel.getByRole('tab', { name: 'Journal' }).focus();
    await expect
      .poll(() => panel.getByRole('alert').textContent())
      .toMatch(/Not saved: The project is open in another program\.Try again/);
    await shoot(page, 'memo-error');
    await panel.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => panel.locator('.memo-status').innerText()).toMatch(/^Saved \d/);
    expect(getMemo(project, 'project', 0)?.contentText).toBe('Check the consent forms.');

    // A memo that cannot be loaded says so and offers to try again.
    await panel.getByRole('tab', { name: /^Excerpts/ }).click();
    await chooseCodes(panel, 'trust');
    await panel.getByRole('tab', { name: 'Memos' }).click();
    await panel.getByRole('tab', { name: 'Code', exact: true }).click();
    await expect
      .poll(() => panel.getByRole('alert').textContent())
      .toBe('The memo could not be loaded: The disk could not be read.Try again');
    expectClean(log);
    await page.close();
  });
});
