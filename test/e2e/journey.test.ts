import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Project } from '../../db/project';
import { getMemo } from '../../db/memos';
import { cleanupTempDirs, newProject } from '../helpers/project';
import { skipBrowserTests } from './browser';
import { screenshotPath, startHarness, type Harness } from './harness';
import { dragSelect, highlights, openDocument } from './coding-page';

// A researcher's first session, end to end: an empty project, import, code two overlapping passages
// with the mouse, retrieve them, write a memo, undo and redo, reload and find it all again.

const TRANSCRIPT = `Northgate community of practice, 12 March

Facilitator: Where are we with Daniel this month?

Zoë (Housing): Honestly the targets drive everything. My manager counts tenancies sustained, not people helped.

Priya (Probation): I kept him on my list without telling anyone. That's my secret caseload.

Sam (Police): He turned up to probation on his own. A little miracle.
`;

let project: Project;
let h: Harness;

const quickCode = (page: Page) => page.getByRole('dialog', { name: 'Code passage' });

async function codeSelection(page: Page, first: string, last: string, code: string): Promise<void> {
  await dragSelect(page, first, last);
  await quickCode(page).waitFor();
  await quickCode(page).getByRole('combobox').fill(code);
  await page.keyboard.press('Enter');
  await quickCode(page).waitFor({ state: 'hidden' });
}

describe.skipIf(skipBrowserTests)('a first session in the workspace', () => {
  beforeAll(async () => {
    project = newProject();
    h = await startHarness(project);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    project?.close();
    cleanupTempDirs();
  });

  it('imports, codes overlapping passages, retrieves them, writes a memo, undoes, redoes and persists', async () => {
    const { page, log } = await h.page();
    await page.goto(`${h.web.origin}/`);
    await page.getByRole('main').getByText('This project is empty').waitFor();

    // A bad file is reported by name and changes nothing.
    await page
      .getByTestId('import-input')
      .setInputFiles([
        { name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a word file') },
      ]);
    await page.getByRole('alert').filter({ hasText: 'broken.docx' }).waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();

    await page
      .getByTestId('import-input')
      .setInputFiles([
        { name: 'northgate-march.txt', mimeType: 'text/plain', buffer: Buffer.from(TRANSCRIPT) },
      ]);
    await page.getByRole('alert').filter({ hasText: 'Imported 1 document' }).waitFor();
    await openDocument(page, 'northgate-march');
    expect(await page.locator('.turn-speaker').allInnerTexts()).toEqual([
      'Facilitator',
      'Zoë (Housing)',
      'Priya (Probation)',
      'Sam (Police)',
    ]);

    // Two overlapping codes, each created from the quick-code popup.
    await codeSelection(page, 'Honestly', 'helped.', 'Managerial domination');
    await expect
      .poll(() => highlights(page))
      .toEqual([expect.objectContaining({ text: expect.stringContaining('Honestly the targets') })]);
    await codeSelection(page, 'targets', 'everything.', 'Targets');
    await expect.poll(async () => (await highlights(page)).some((m) => /Targets/.test(m.codes))).toBe(true);
    const codes = project.db.prepare('SELECT name FROM codes ORDER BY id').pluck().all();
    expect(codes).toEqual(['Managerial domination', 'Targets']);

    // Both excerpts come back in the right panel for the two codes chosen in the codebook.
    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem', { name: /Managerial domination/ }).click();
    await tree.getByRole('treeitem', { name: /Targets/ }).click({ modifiers: ['Control'] });
    const panel = page.getByRole('complementary', { name: /Excerpts, memos and search/ });
    await expect
      .poll(() => panel.getByText('Honestly the targets drive everything.', { exact: false }).count())
      .toBeGreaterThan(0);
    await expect.poll(() => panel.getByText(/2 excerpts from 2 codes/).isVisible()).toBe(true);

    // A journal memo, saved as it is typed.
    await panel.getByRole('tab', { name: 'Memos' }).click();
    await panel.getByRole('tab', { name: 'Journal' }).click();
    const journal = panel.getByRole('textbox', { name: 'Project journal' });
    await journal.click();
    await page.keyboard.type('Targets crowd out care at every site.');
    await expect
      .poll(() => getMemo(project, 'project', 0)?.contentText, { timeout: 10_000 })
      .toBe('Targets crowd out care at every site.');
    await page.screenshot({ path: screenshotPath('journey') });

    // Undo twice (memo, then the second coding) and redo once, from the keyboard.
    await page.getByRole('main').locator('h2').first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => getMemo(project, 'project', 0)).toBeUndefined();
    await page.keyboard.press('Control+z');
    await expect.poll(() => project.db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => project.db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(2);

    // A reload shows everything as it was left.
    await page.reload();
    await openDocument(page, 'northgate-march');
    await expect.poll(async () => (await highlights(page)).length).toBeGreaterThan(0);
    const after = await highlights(page);
    expect(after.some((m) => /Targets/.test(m.codes))).toBe(true);
    expect(after.some((m) => /Managerial domination/.test(m.codes))).toBe(true);
    expect(await page.getByRole('tree').getByRole('treeitem').count()).toBe(2);
    h.expectClean(log);
  });
});
