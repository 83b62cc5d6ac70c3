import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Locator, Page } from 'playwright-core';
import { createHandlers, dispatch } from '../../db/handlers';
import type { Handlers } from '../../db/handlers';
import type { Project } from '../../db/project';
import { createCode, listCodes } from '../../db/codes';
import { listDocuments } from '../../db/documents';
import { startWebServer } from '../../scripts/web-server';
import type { WebServer } from '../../scripts/web-server';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, tempDir } from '../helpers/project';
import { createRiversideProject } from './fixture';
import { launchBrowser, skipBrowserTests, watch } from './browser';
import type { PageLog } from './browser';
import { documentsRegion, groupsShown } from './documents-page';

// The left column (documents by group, the codebook tree) in headless Chromium over a real project file.
// Each test gets a fresh project; the page reaches it through a stand-in for the Electron preload.

const repo = fileURLToPath(new URL('../..', import.meta.url));
const results = join(repo, 'test-results');

let project: Project;
let handlers: Handlers;
let web: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const pages: Page[] = [];

async function openWorkspace(size = { width: 1360, height: 860 }): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.context.newPage();
  pages.push(page);
  await page.setViewportSize(size);
  // Fail with the locator that was waited for, well inside the test's own time limit.
  page.setDefaultTimeout(10_000);
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
  await page.getByRole('tree', { name: 'Codes' }).waitFor();
  return { page, log };
}

function expectClean(log: PageLog): void {
  expect(log.problems).toEqual([]);
  expect(
    log.requests.filter((u) => !u.startsWith(`${web.origin}/`)),
    'requests leaving the page',
  ).toEqual([]);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(results, `sidebar-${name}.png`) });

const tree = (page: Page) => page.getByRole('tree', { name: 'Codes' });
const item = (page: Page, name: string) => tree(page).getByRole('treeitem', { name, exact: true });

/** The tree rows: name, level, selected, expanded (null for leaves). */
function treeShown(page: Page) {
  return tree(page)
    .getByRole('treeitem')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('aria-label'),
        Number(r.getAttribute('aria-level')),
        r.getAttribute('aria-selected') === 'true',
        r.hasAttribute('aria-expanded') ? r.getAttribute('aria-expanded') === 'true' : null,
      ]),
    );
}

const focusedLabel = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
  );

const codeNames = () => listCodes(project).map((c) => c.path);

/** Waits until the tree shows these paths (from names and levels), then checks the project agrees. */
async function expectCodebook(page: Page, paths: string[]): Promise<void> {
  const shownPaths = async () => {
    const stack: string[] = [];
    return (await treeShown(page)).map(([name, level]) => {
      stack.length = (level as number) - 1;
      stack.push(String(name));
      return stack.join('/');
    });
  };
  await expect.poll(shownPaths).toEqual(paths);
  expect(codeNames()).toEqual(paths);
}

async function menuItem(page: Page, name: string | RegExp): Promise<Locator> {
  const menu = page.getByRole('menu');
  await menu.waitFor();
  return menu.getByRole('menuitem', { name });
}

describe.skipIf(skipBrowserTests)('the left column in Chromium', () => {
  beforeAll(async () => {
    const dir = tempDir();
    const root = join(dir, 'renderer');
    await build({
      configFile: join(repo, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: root, emptyOutDir: true },
    });
    project = createRiversideProject(tempDir());
    handlers = createHandlers(project);
    web = await startWebServer({ root, handlers });
    browser = await launchBrowser();
    mkdirSync(results, { recursive: true });
  }, 120_000);

  beforeEach(() => {
    project?.close();
    project = createRiversideProject(tempDir());
    addTextDocument(project, 'Pilot interview', FOCUS_GROUP);
    handlers = createHandlers(project);
  });

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await browser?.close();
    await web?.close();
    project?.close();
    cleanupTempDirs();
  });

  it('lists documents by group with counts, filters them, and opens one by click or Enter', async () => {
    const { page, log } = await openWorkspace();
    await expect
      .poll(() => groupsShown(page))
      .toEqual([
        ['Northgate', ['Northgate 1']],
        ['Riverside', ['Riverside panel 2']],
        ['No group', ['Pilot interview']],
      ]);
    const riverside = page.getByRole('button', { name: /Riverside panel 2/ });
    expect(await riverside.innerText()).toMatch(/Riverside panel 2\s+[\d,]+ words · 6 codings/);
    const header = page.getByRole('button', { name: 'Northgate 1 document', exact: true });
    expect(await header.getAttribute('aria-expanded')).toBe('true');

    await riverside.click();
    await expect.poll(() => page.locator('#document-title').innerText()).toBe('Riverside panel 2');
    expect(await riverside.getAttribute('aria-current')).toBe('true');
    await shot(page, 'overview');

    // Keyboard: Tab into the filter, type, then Down to the first match and Enter to open it.
    const filter = page.getByRole('searchbox', { name: 'Filter documents' });
    await filter.focus();
    await page.keyboard.type('north');
    await expect.poll(() => groupsShown(page)).toEqual([['Northgate', ['Northgate 1']]]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#document-title').innerText()).toBe('Northgate 1');

    // A group name matches the whole group; a filter that matches nothing says so.
    await filter.fill('river');
    await expect.poll(() => groupsShown(page)).toEqual([['Riverside', ['Riverside panel 2']]]);
    await filter.fill('zzz');
    await expect.poll(() => documentsRegion(page).getByRole('status').innerText()).toMatch(/No document/);
    await filter.press('Escape');
    await expect.poll(() => groupsShown(page).then((g) => g.length)).toBe(3);

    // Collapsing a group hides its documents; the header keeps the count.
    await header.click();
    expect(await header.getAttribute('aria-expanded')).toBe('false');
    await expect
      .poll(() => groupsShown(page))
      .toEqual([
        ['Northgate', []],
        ['Riverside', ['Riverside panel 2']],
        ['No group', ['Pilot interview']],
      ]);
    await header.press('Enter');
    expect(await header.getAttribute('aria-expanded')).toBe('true');
    expectClean(log);
  });

  it('renames, regroups and deletes a document from its menu, with undo', async () => {
    const { page, log } = await openWorkspace();
    const pilot = page.getByRole('button', { name: /Pilot interview/ });

    // Rename with F2: a clash is refused with the core's message, then a new name is accepted.
    await pilot.focus();
    await page.keyboard.press('F2');
    const field = page.getByRole('textbox', { name: 'Rename document Pilot interview' });
    await field.fill('Northgate 1');
    await field.press('Enter');
    await expect
      .poll(() => documentsRegion(page).getByRole('alert').innerText())
      .toMatch(/already in the project/);
    await field.fill('Pilot interview (Jo)');
    await field.press('Enter');
    await expect.poll(() => listDocuments(project).map((d) => d.name)).toContain('Pilot interview (Jo)');
    const renamed = page.getByRole('button', { name: /Pilot interview \(Jo\)/ });
    await expect.poll(() => renamed.evaluate((e) => e === document.activeElement)).toBe(true);

    // The menu from the keyboard: Shift+F10, arrows, Enter. Groups: tick one, type a new one.
    await page.keyboard.press('Shift+F10');
    await (await menuItem(page, 'Change groups…')).waitFor();
    await shot(page, 'document-menu');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Groups of “Pilot interview \(Jo\)”/ });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: 'Riverside' }).check();
    await dialog.getByRole('textbox', { name: /New groups/ }).fill('Pilots, riverside');
    await shot(page, 'document-groups');
    await dialog.getByRole('button', { name: 'Save groups' }).click();
    await expect
      .poll(() => groupsShown(page))
      .toEqual([
        ['Northgate', ['Northgate 1']],
        ['Pilots', ['Pilot interview (Jo)']],
        ['Riverside', ['Pilot interview (Jo)', 'Riverside panel 2']],
      ]);

    // Delete: the confirmation says what goes and that Ctrl+Z undoes it. First with the Delete key...
    const riverside = page.getByRole('button', { name: /Riverside panel 2/ });
    await riverside.focus();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Delete document “Riverside panel 2”?' });
    expect(await confirm.innerText()).toMatch(/6 codings[\s\S]*Ctrl\+Z/);
    await shot(page, 'document-delete');
    // ...where Escape cancels without deleting and puts focus back on the document...
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(listDocuments(project)).toHaveLength(3);
    expect(await riverside.evaluate((e) => e === document.activeElement)).toBe(true);
    // ...then from the ⋯ button.
    const row = documentsRegion(page).getByRole('listitem').filter({ hasText: 'Riverside panel 2' });
    await row.hover();
    await row.getByRole('button', { name: 'More actions' }).click();
    await (await menuItem(page, 'Delete…')).click();
    await confirm.getByRole('button', { name: 'Delete document' }).click();
    await expect.poll(() => listDocuments(project).map((d) => d.name)).not.toContain('Riverside panel 2');
    await expect
      .poll(() => page.locator('.sb-toast').innerText())
      .toMatch(/Deleted “Riverside panel 2”\. Undo with Ctrl\+Z\./);
    await page.keyboard.press('Control+z');
    await expect.poll(() => listDocuments(project).map((d) => d.name)).toContain('Riverside panel 2');
    await expect.poll(() => page.getByRole('button', { name: /Riverside panel 2/ }).count()).toBe(1);
    expectClean(log);
  });

  it('shows the codebook as a tree with counts and selects codes with mouse and keyboard', async () => {
    const { page, log } = await openWorkspace();
    expect(await treeShown(page)).toEqual([
      ['Managerial targets', 1, false, null],
      ['Trust', 1, false, true],
      ['Named worker', 2, false, null],
      ['System failure', 1, false, null],
    ]);
    // Trust has 2 codings of its own and 3 with its sub-code; both are shown and announced.
    expect(await item(page, 'Trust').locator('.code-counts').innerText()).toMatch(/^Σ 3\s+2$/);
    expect(await item(page, 'Named worker').locator('.code-counts').innerText()).toBe('1');
    expect(
      await page.locator(`#${await item(page, 'Trust').getAttribute('aria-describedby')}`).textContent(),
    ).toBe('2 codings, 3 including sub-codes');

    await item(page, 'Trust').click();
    await item(page, 'System failure').click({ modifiers: ['Control'] });
    await expect
      .poll(() => treeShown(page).then((r) => r.map((x) => x[2])))
      .toEqual([false, true, false, true]);
    // Shift-click adds the range from the last code clicked (System failure) up to this one.
    await item(page, 'Managerial targets').click({ modifiers: ['Shift'] });
    await expect
      .poll(() => treeShown(page).then((r) => r.map((x) => x[2])))
      .toEqual([true, true, true, true]);
    await item(page, 'Named worker').click();
    await expect
      .poll(() => treeShown(page).then((r) => r.map((x) => x[2])))
      .toEqual([false, false, true, false]);

    // Keyboard: arrows move focus only; Enter selects; Space toggles; Left/Right close and open.
    await page.keyboard.press('ArrowUp');
    expect(await focusedLabel(page)).toBe('Trust');
    await page.keyboard.press('Space');
    await expect
      .poll(() => treeShown(page).then((r) => r.map((x) => x[2])))
      .toEqual([false, true, true, false]);
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => treeShown(page).then((r) => r.map((x) => x[0])))
      .toEqual(['Managerial targets', 'Trust', 'System failure']);
    await page.keyboard.press('ArrowDown');
    expect(await focusedLabel(page)).toBe('System failure');
    await page.keyboard.press('Enter');
    await expect.poll(() => treeShown(page).then((r) => r.map((x) => x[2]))).toEqual([false, false, true]);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => item(page, 'Named worker').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await focusedLabel(page)).toBe('Named worker');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedLabel(page)).toBe('Trust');
    // Type-ahead.
    await page.keyboard.press('s');
    expect(await focusedLabel(page)).toBe('System failure');
    // One tab stop: Shift+Tab leaves the tree, Tab comes back to the same code.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('System failure');
    await shot(page, 'codebook-selection');
    expectClean(log);
  });

  it('creates codes and sub-codes, renames in place, and shows the core’s refusals', async () => {
    const { page, log } = await openWorkspace();
    await page.getByRole('button', { name: 'New code' }).click();
    const name = page.getByRole('textbox', { name: 'Name of the new code' });
    await expect.poll(() => name.evaluate((e) => e === document.activeElement)).toBe(true);
    await name.fill('Housing stress');
    await name.press('Enter');
    await expect.poll(() => codeNames()).toContain('Housing stress');
    await expect.poll(() => item(page, 'Housing stress').getAttribute('aria-selected')).toBe('true');
    // Still open for the next one; a clash shows the core's message next to the field.
    await name.fill('trust');
    await name.press('Enter');
    await expect
      .poll(() => page.getByRole('form', { name: 'New code' }).getByRole('alert').innerText())
      .toMatch(/A code named "trust" already exists/);
    await name.press('Escape');
    await expect.poll(() => name.count()).toBe(0);

    // A sub-code of the selected code.
    await item(page, 'Trust').click();
    await page.getByRole('button', { name: 'New code' }).click();
    await page.getByRole('checkbox', { name: /As a sub-code of “Trust”/ }).check();
    await name.fill('Broken promises');
    await shot(page, 'new-code');
    await name.press('Enter');
    await expect.poll(() => codeNames()).toContain('Trust/Broken promises');
    await expect.poll(() => item(page, 'Broken promises').getAttribute('aria-level')).toBe('2');
    await page.getByRole('button', { name: 'Done' }).click();

    // F2 renames; Escape cancels; a duplicate is refused inline; Enter commits.
    await item(page, 'System failure').click();
    await page.keyboard.press('F2');
    const field = page.getByRole('textbox', { name: 'Rename code System failure' });
    await field.fill('Something else');
    await field.press('Escape');
    await expect.poll(() => field.count()).toBe(0);
    expect(codeNames()).toContain('System failure');
    expect(await focusedLabel(page)).toBe('System failure');
    await page.keyboard.press('F2');
    await field.fill('Managerial targets');
    await field.press('Enter');
    await expect.poll(() => tree(page).getByRole('alert').innerText()).toMatch(/already exists/);
    await shot(page, 'rename-error');
    await field.fill('Service failure');
    await field.press('Enter');
    await expect.poll(() => codeNames()).toContain('Service failure');
    await expect.poll(() => focusedLabel(page)).toBe('Service failure');

    // Double-click renames too.
    await item(page, 'Managerial targets').dblclick();
    const second = page.getByRole('textbox', { name: 'Rename code Managerial targets' });
    await second.fill('Targets culture');
    await second.press('Enter');
    await expect.poll(() => codeNames()).toContain('Targets culture');
    expectClean(log);
  });

  it('reparents and reorders codes by drag and drop, Alt+arrows and the Move to… dialog', async () => {
    const { page, log } = await openWorkspace();
    // Onto a code: becomes its child.
    await item(page, 'System failure').dragTo(item(page, 'Managerial targets'));
    await expectCodebook(page, [
      'Managerial targets',
      'Managerial targets/System failure',
      'Trust',
      'Trust/Named worker',
    ]);
    await expect.poll(() => page.locator('.sb-toast').innerText()).toMatch(/under “Managerial targets”/);
    // Onto the Codebook header: back to the top level, last.
    await item(page, 'Named worker').dragTo(page.locator('#codebook-heading'));
    await expectCodebook(page, [
      'Managerial targets',
      'Managerial targets/System failure',
      'Trust',
      'Named worker',
    ]);
    // Onto the top edge of a code: placed before it, with a line showing where while dragging.
    await item(page, 'Named worker').hover();
    await page.mouse.down();
    const target = (await item(page, 'Managerial targets').boundingBox())!;
    await page.mouse.move(target.x + 60, target.y + 3, { steps: 4 });
    await expect.poll(() => item(page, 'Managerial targets').getAttribute('class')).toMatch(/drop-before/);
    expect(await page.locator('#codebook-heading').innerText()).toMatch(/Drop here for the top level/i);
    await shot(page, 'drag');
    await page.mouse.up();
    await expectCodebook(page, [
      'Named worker',
      'Managerial targets',
      'Managerial targets/System failure',
      'Trust',
    ]);

    // Alt+Down moves among siblings; Alt+Right nests under the code above; Alt+Left takes it out again.
    await item(page, 'Named worker').click();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => treeShown(page).then((r) => r[0]?.[0])).toBe('Managerial targets');
    await expect.poll(() => focusedLabel(page)).toBe('Named worker');
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => item(page, 'Named worker').getAttribute('aria-level')).toBe('2');
    expect(codeNames()).toContain('Managerial targets/Named worker');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => item(page, 'Named worker').getAttribute('aria-level')).toBe('1');
    expect(codeNames()).toContain('Named worker');
    // Keys pressed faster than the codebook refreshes are applied in turn, each to the latest codebook.
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => codeNames()[0]).toBe('Named worker');
    await expect.poll(() => treeShown(page).then((r) => r[0]?.[0])).toBe('Named worker');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => treeShown(page).then((r) => r[0]?.[0])).toBe('Managerial targets');

    // Move to… from the context menu, all by keyboard: search, arrow, Enter.
    await item(page, 'Named worker').focus();
    await page.keyboard.press('Shift+F10');
    await (await menuItem(page, 'Move to…')).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Move “Named worker”' });
    await dialog.waitFor();
    await page.keyboard.type('trus');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('option', { selected: true }).innerText()).toMatch(/Trust/);
    await shot(page, 'move-dialog');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => codeNames()).toContain('Trust/Named worker');
    await expect.poll(() => focusedLabel(page)).toBe('Named worker');
    expectClean(log);
  });

  it('shows the core’s refusal when a drop would put two equal names side by side', async () => {
    const trust = listCodes(project).find((c) => c.name === 'Trust')!.id;
    createCode(project, { name: 'System failure', parentId: trust });
    const { page, log } = await openWorkspace();
    const topLevel = tree(page).locator('[role="treeitem"][aria-level="1"]', { hasText: 'System failure' });
    await topLevel.dragTo(item(page, 'Trust'));
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toMatch(/A code named "System failure" already exists at that level/);
    expect(codeNames()).toEqual([
      'Managerial targets',
      'Trust',
      'Trust/Named worker',
      'Trust/System failure',
      'System failure',
    ]);
    expectClean(log);
  });

  it('recolours, describes, merges and deletes codes, each undoable', async () => {
    const { page, log } = await openWorkspace();
    const color = () => listCodes(project).find((c) => c.name === 'Trust')?.color;

    // Colour from the ⋯ button: a palette swatch.
    await item(page, 'Trust').hover();
    await item(page, 'Trust').locator('.code-more').click();
    await (await menuItem(page, 'Colour…')).click();
    const colours = page.getByRole('dialog', { name: 'Colour of “Trust”' });
    await colours.getByRole('radio', { name: /#911EB4/ }).check();
    await shot(page, 'colour');
    await colours.getByRole('button', { name: 'Apply colour' }).click();
    await expect.poll(color).toBe('#911EB4');
    await expect
      .poll(() =>
        item(page, 'Trust')
          .locator('.code-swatch')
          .evaluate((e) => getComputedStyle(e).backgroundColor),
      )
      .toBe('rgb(145, 30, 180)');
    // ...or any colour from the system picker.
    await item(page, 'Trust').click({ button: 'right' });
    await (await menuItem(page, 'Colour…')).click();
    await colours.getByLabel('Any colour').fill('#123456');
    await colours.getByRole('button', { name: 'Apply colour' }).click();
    await expect.poll(color).toBe('#123456');

    // Description: multi-line, shown under the name and in the tooltip.
    await item(page, 'Trust').focus();
    await page.keyboard.press('ContextMenu');
    await (await menuItem(page, 'Edit description…')).click();
    const describe = page.getByRole('dialog', { name: 'Description of “Trust”' });
    await describe.getByRole('textbox').fill('Confidence in a named person.\nNot in institutions.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => listCodes(project).find((c) => c.name === 'Trust')?.description)
      .toBe('Confidence in a named person.\nNot in institutions.');
    expect(await item(page, 'Trust').locator('.code-description').innerText()).toMatch(
      /Confidence in a named/,
    );
    expect(await item(page, 'Trust').getAttribute('title')).toMatch(/Not in institutions/);

    // Merge System failure into Managerial targets: the dialog explains, search narrows the list.
    await item(page, 'System failure').click({ button: 'right' });
    await (await menuItem(page, 'Merge into…')).click();
    const merge = page.getByRole('dialog', { name: 'Merge “System failure” into another code' });
    expect(await merge.innerText()).toMatch(/2 codings[\s\S]*move[\s\S]*become one/);
    await merge.getByRole('combobox').fill('manag');
    expect(await merge.getByRole('option').allInnerTexts()).toEqual(['Managerial targets']);
    await merge.getByRole('option', { name: /Managerial targets/ }).click();
    await shot(page, 'merge');
    await merge.getByRole('button', { name: 'Merge into “Managerial targets”' }).click();
    await expect.poll(() => codeNames()).not.toContain('System failure');
    await expect.poll(() => item(page, 'Managerial targets').locator('.code-count').innerText()).toBe('3');
    await page.keyboard.press('Control+z');
    await expectCodebook(page, ['Managerial targets', 'Trust', 'Trust/Named worker', 'System failure']);

    // Delete with the Delete key: the confirmation counts sub-codes and codings; undo brings all back.
    await item(page, 'Trust').click();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Delete code “Trust”?' });
    expect(await confirm.innerText()).toMatch(/1 sub-code[\s\S]*Named worker[\s\S]*3 codings[\s\S]*Ctrl\+Z/);
    await shot(page, 'delete-code');
    await confirm.getByRole('button', { name: 'Delete code' }).click();
    await expect.poll(() => codeNames()).toEqual(['Managerial targets', 'System failure']);
    await expect.poll(() => page.locator('.sb-toast').innerText()).toMatch(/Undo with Ctrl\+Z/);
    // Focus is back in the tree, so Ctrl+Z reaches the shared undo.
    await expect.poll(() => focusedLabel(page)).not.toBeNull();
    await page.locator('.sb-toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => codeNames()).toContain('Trust/Named worker');
    await expect.poll(() => item(page, 'Named worker').count()).toBe(1);
    expectClean(log);
  });

  it('filters the codebook keeping ancestors, and fits a narrow window', async () => {
    const trust = listCodes(project).find((c) => c.name === 'Trust')!.id;
    createCode(project, { name: 'Promises kept by a named worker over many months', parentId: trust });
    addTextDocument(
      project,
      'Eastbridge focus group with residents and housing officers, March',
      FOCUS_GROUP,
      ['Eastbridge tenants and residents association'],
    );
    const { page, log } = await openWorkspace({ width: 980, height: 700 });
    // The narrowest the workspace lets the column be.
    await page.locator('.workspace').evaluate((el) => {
      (el as HTMLElement).style.gridTemplateColumns = '240px 1fr 300px';
    });
    await item(page, 'Trust').press('ArrowLeft');
    await page.getByRole('searchbox', { name: 'Filter codes' }).fill('named');
    await expect
      .poll(() => treeShown(page))
      .toEqual([
        ['Trust', 1, false, true],
        ['Named worker', 2, false, null],
        ['Promises kept by a named worker over many months', 2, false, null],
      ]);
    expect(await item(page, 'Trust').getAttribute('class')).toMatch(/is-context/);
    await page.getByRole('searchbox', { name: 'Filter codes' }).fill('');
    await expect
      .poll(() => treeShown(page).then((r) => r.map((x) => x[0])))
      .toEqual(['Managerial targets', 'Trust', 'System failure']);
    await item(page, 'Trust').press('ArrowRight');
    await item(page, 'Promises kept by a named worker over many months').click();
    await page.getByRole('button', { name: /Riverside panel 2/ }).click();
    await page.locator('div.turn').first().waitFor();
    await shot(page, 'narrow');
    // Nothing in the column is wider than the column.
    const overflow = await page.locator('.sidebar').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expectClean(log);
  });
});
