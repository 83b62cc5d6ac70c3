import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../db/project';
import { listAttributes } from '../../db/attributes';
import { cleanupTempDirs } from '../helpers/project';
import { skipBrowserTests } from './browser';
import { screenshotPath, startHarness, type Harness } from './harness';
import { attributeValue, buildCompareProject, idOf, openCompare, shot } from './compare-page';

// The Attributes tab of Compare in Chromium over the demo study: typed edits with undo, CSV import with
// the core's errors, refused type changes, and speaker rename and merge, each checked in the project.

let project: Project;
let h: Harness;

describe.skipIf(skipBrowserTests)('Compare: attributes and speakers', () => {
  beforeAll(async () => {
    project = await buildCompareProject();
    h = await startHarness(project);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    project?.close();
    cleanupTempDirs();
  });

  it('edits attributes in place with undo, imports them from CSV, and renames and merges speakers', async () => {
    const { page, log } = await openCompare(h, 'Attributes');
    const main = page.getByRole('main');
    await main.getByLabel('New attribute').fill('sessions');
    await main.getByLabel('Type', { exact: true }).selectOption('number');
    await main.getByRole('button', { name: 'Add attribute' }).click();
    await main.getByRole('columnheader', { name: /^sessions/ }).waitFor();
    const sessions = main.getByLabel('sessions of northgate-march');
    await sessions.fill('4');
    await sessions.press('Enter');
    await expect.poll(() => attributeValue(project, 'document', 'northgate-march', 'sessions')).toBe('4');

    // A spreadsheet saved by European Excel: semicolons, and the first column names the documents.
    const csv = (text: string, name = 'sites.csv') => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    const file = main.locator('input[type="file"]');
    await file.setInputFiles(
      csv(
        'document;site;sessions\nnorthgate-march;Northgate Hub;4\neastbridge-march;Eastbridge Centre;5\nharbour-april;Harbour House;3\n',
      ),
    );
    await main.getByRole('status').filter({ hasText: 'Imported 6 values for 3 documents' }).waitFor();
    expect(attributeValue(project, 'document', 'harbour-april', 'site')).toBe('Harbour House');
    await expect
      .poll(() => main.getByLabel('site of eastbridge-march').inputValue())
      .toBe('Eastbridge Centre');
    await file.setInputFiles(csv('document,site\nnorthgate-march,North\nsouthgate-may,South\n', 'more.csv'));
    await expect
      .poll(() => main.getByRole('alert').textContent())
      .toMatch(/more\.csv: .*row 3: no document named "southgate-may".*Nothing was imported/);
    expect(attributeValue(project, 'document', 'northgate-march', 'site')).toBe('Northgate Hub');

    // A type change that would lose values is refused, with the core's reason beside the control.
    await main.getByRole('button', { name: 'Edit attribute site' }).click();
    await main
      .getByRole('form', { name: 'Change the type' })
      .getByLabel('Type', { exact: true })
      .selectOption('number');
    await main.getByRole('button', { name: 'Change type' }).click();
    await expect
      .poll(() =>
        main
          .getByRole('region', { name: /Attribute “site”/ })
          .getByRole('alert')
          .textContent(),
      )
      .toContain('Cannot make "site" a number attribute: 3 value(s) do not fit');
    await main.getByRole('button', { name: 'Done' }).click();
    await shot(page, 'attributes', screenshotPath);

    // Speakers: a typed edit, undone with Ctrl+Z once focus has left the field.
    await main.getByRole('button', { name: /^Speakers/ }).click();
    const role = main.getByLabel('role of Facilitator');
    await role.fill('Facilitator');
    await role.press('Enter');
    await expect.poll(() => attributeValue(project, 'speaker', 'Facilitator', 'role')).toBe('Facilitator');
    await main.locator('caption').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => attributeValue(project, 'speaker', 'Facilitator', 'role')).toBeNull();
    await expect.poll(() => role.inputValue()).toBe('');
    await expect.poll(() => main.getByLabel('role of Sam (Police)').inputValue()).toBe('Police');

    await main.getByRole('button', { name: 'Rename Gareth (Health)' }).click();
    await main.getByLabel('New name for Gareth (Health)').fill('Gareth W (Health)');
    await page.keyboard.press('Enter');
    await expect.poll(() => idOf(project, 'speakers', 'Gareth W (Health)')).toBeGreaterThan(0);

    const marek = listAttributes(project, 'speaker').find((a) => a.target === 'Marek (Probation)');
    expect(marek?.value).toBe('Probation');
    await main.getByRole('button', { name: 'Merge… Marek (Probation) into another speaker' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge speakers' });
    await dialog.getByLabel('Into').selectOption({ label: 'Priya (Probation) (3 turns)' });
    await expect.poll(() => dialog.textContent()).toContain('the second speaker’s value wins');
    await shot(page, 'merge', screenshotPath);
    await dialog.getByRole('button', { name: 'Merge Marek (Probation) into Priya (Probation)' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Merged Marek (Probation) into Priya (Probation): 4 turns moved' })
      .waitFor();
    expect(
      project.db.prepare("SELECT count(*) FROM speakers WHERE name = 'Marek (Probation)'").pluck().get(),
    ).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => idOf(project, 'speakers', 'Marek (Probation)')).toBeGreaterThan(0);
    await main.getByRole('button', { name: 'Rename Marek (Probation)' }).waitFor();
    h.expectClean(log);
    await page.close();
  });
});
