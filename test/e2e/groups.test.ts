import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import type { Project } from '../../db/project';
import { listDocuments } from '../../db/documents';
import { ensureGroup, listGroups } from '../../db/groups';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, tempDir } from '../helpers/project';
import { createRiversideProject } from './fixture';
import { skipBrowserTests } from './browser';
import { screenshotPath, startHarness, type Harness } from './harness';
import { documentsRegion, groupsShown } from './documents-page';

// Renaming and deleting document groups from the left column, by keyboard and by menu, over a real
// project: the core must agree with what the list shows, documents must survive, and undo must restore.

let project: Project;
let h: Harness;

const header = (page: Page, name: string) =>
  documentsRegion(page).locator('.doc-group-bar', { hasText: name });
const headerButton = (page: Page, name: string) => header(page, name).locator('.doc-group-header');
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`groups-${name}`) });
const isFocused = (page: Page, name: string) =>
  headerButton(page, name).evaluate((e) => e === document.activeElement);

const groupsInProject = () => listGroups(project).map((g) => [g.name, g.documents]);

describe.skipIf(skipBrowserTests)('document groups in the left column', () => {
  beforeAll(async () => {
    project = createRiversideProject(tempDir());
    addTextDocument(project, 'Northgate 2', FOCUS_GROUP, ['Northgate', 'Pilots']);
    project.mutate('Add group', () => ensureGroup(project, 'Wave 3'));
    h = await startHarness(project);
    mkdirSync(dirname(screenshotPath('x')), { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    project?.close();
    cleanupTempDirs();
  });

  it('renames in place and deletes with a confirmation, keeping documents, with undo', async () => {
    const { page, log } = await h.page();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 1360, height: 860 });
    await page.goto(`${h.web.origin}/`);
    await expect
      .poll(() => groupsShown(page))
      .toEqual([
        ['Northgate', ['Northgate 1', 'Northgate 2']],
        ['Pilots', ['Northgate 2']],
        ['Riverside', ['Riverside panel 2']],
        ['Wave 3', []],
      ]);
    expect(await header(page, 'Wave 3').locator('xpath=..').innerText()).toMatch(/No documents/);

    // F2 on a group heading: a clash is refused with the core's message naming the group, nothing changes.
    await headerButton(page, 'Northgate').focus();
    await page.keyboard.press('F2');
    const field = page.getByRole('textbox', { name: 'Rename group Northgate' });
    await field.fill('riverside');
    await field.press('Enter');
    await expect
      .poll(() => documentsRegion(page).getByRole('alert').innerText())
      .toBe('A group named "Riverside" already exists.');
    await shot(page, 'rename');
    expect(groupsInProject()).toEqual([
      ['Northgate', 2],
      ['Pilots', 1],
      ['Riverside', 1],
      ['Wave 3', 0],
    ]);
    await field.fill('Northgate estate');
    await field.press('Enter');
    await expect.poll(groupsInProject).toContainEqual(['Northgate estate', 2]);
    await expect.poll(() => isFocused(page, 'Northgate estate')).toBe(true);
    expect(listDocuments(project).find((d) => d.name === 'Northgate 2')?.groups).toEqual([
      'Northgate estate',
      'Pilots',
    ]);

    // From the menu (right-click): a change of letter case only is a rename too.
    await headerButton(page, 'Pilots').click({ button: 'right' });
    await page
      .getByRole('menu', { name: 'Actions for group Pilots' })
      .getByRole('menuitem', { name: 'Rename' })
      .click();
    await page.getByRole('textbox', { name: 'Rename group Pilots' }).fill('PILOTS');
    await page.keyboard.press('Enter');
    await expect.poll(groupsInProject).toContainEqual(['PILOTS', 1]);

    // Delete key: the confirmation counts the documents and says they are kept; Escape cancels.
    await headerButton(page, 'Northgate estate').focus();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Delete group “Northgate estate”?' });
    expect(await confirm.innerText()).toMatch(
      /2 documents stay in the project[\s\S]*The one in no other group will be listed under “No group”[\s\S]*Ctrl\+Z/,
    );
    await shot(page, 'delete');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await isFocused(page, 'Northgate estate')).toBe(true);
    expect(groupsInProject()).toContainEqual(['Northgate estate', 2]);

    // The ⋯ button, then confirm: the group goes, every document stays.
    await header(page, 'Northgate estate').hover();
    await header(page, 'Northgate estate').getByRole('button', { name: 'More actions' }).click();
    await shot(page, 'menu');
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    await confirm.getByRole('button', { name: 'Delete group' }).click();
    await expect
      .poll(() => groupsShown(page))
      .toEqual([
        ['PILOTS', ['Northgate 2']],
        ['Riverside', ['Riverside panel 2']],
        ['Wave 3', []],
        ['No group', ['Northgate 1']],
      ]);
    expect(listDocuments(project).map((d) => d.name)).toEqual([
      'Northgate 1',
      'Northgate 2',
      'Riverside panel 2',
    ]);
    await expect
      .poll(() => page.locator('.sb-toast').innerText())
      .toMatch(/Deleted group “Northgate estate”; its 2 documents are kept\. Undo with Ctrl\+Z\./);
    await shot(page, 'deleted');

    // Undo brings the group back with its memberships.
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => groupsShown(page))
      .toEqual([
        ['Northgate estate', ['Northgate 1', 'Northgate 2']],
        ['PILOTS', ['Northgate 2']],
        ['Riverside', ['Riverside panel 2']],
        ['Wave 3', []],
      ]);

    // An empty group, all by keyboard: Shift+F10, Delete…, Enter.
    await headerButton(page, 'Wave 3').focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu', { name: 'Actions for group Wave 3' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const empty = page.getByRole('dialog', { name: 'Delete group “Wave 3”?' });
    expect(await empty.innerText()).toMatch(/holds no documents/);
    // Focus starts on Cancel, so a stray Enter deletes nothing.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => groupsInProject().map(([name]) => name)).not.toContain('Wave 3');
    await expect.poll(() => groupsShown(page).then((g) => g.map(([name]) => name))).not.toContain('Wave 3');
    h.expectClean(log);
  });
});
