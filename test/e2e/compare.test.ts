import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Project } from '../../db/project';
import {
  computeCooccurrence,
  computeMatrix,
  cooccurrencePassages,
  matrixCellExcerpts,
  matrixToCsv,
  type MatrixQuery,
} from '../../db/analysis';
import { codeFrequency, speakerParticipation } from '../../db/analysis';
import { listCodes } from '../../db/codes';
import { cleanupTempDirs } from '../helpers/project';
import { matrixToTsv } from '../../renderer/analysis/matrix-logic';
import { skipBrowserTests } from './browser';
import { screenshotPath, startHarness, type Harness } from './harness';
import {
  buildCompareProject,
  cellButton,
  expectMatrix,
  idOf,
  openCompare,
  readTable,
  shot,
} from './compare-page';

// The Compare views in Chromium over the demo study: the tables must show exactly the core's numbers
// for every choice of columns, measure and filter, and every drill-down, chart and edit must work.

let project: Project;
let h: Harness;

describe.skipIf(skipBrowserTests)('Compare views', () => {
  beforeAll(async () => {
    project = await buildCompareProject();
    h = await startHarness(project);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    project?.close();
    cleanupTempDirs();
  });

  it('shows the code matrix with the core numbers, for any columns, measure and filter', async () => {
    const { page, log } = await openCompare(h);
    await page.locator('.heat-table').waitFor();
    await expectMatrix(project, page, { columns: { kind: 'group' } });
    const t = await readTable(page);
    expect(t.rows).toEqual(listCodes(project).map((c) => c.name));
    expect(t.caption).toContain('Codings by document group');

    await page.getByLabel('Columns', { exact: true }).selectOption('speaker-attr:role');
    await page.getByLabel('Cells show', { exact: true }).selectOption('words-percent');
    await expectMatrix(project, page, {
      columns: { kind: 'speaker-attribute', name: 'role' },
      measure: 'words-percent',
    });

    await page.getByLabel('Columns', { exact: true }).selectOption('group');
    await page.getByLabel('Cells show', { exact: true }).selectOption('codings');
    await page.getByRole('main').locator('summary', { hasText: 'Filters' }).click();
    await page.getByRole('button', { name: 'Exclude Facilitator' }).click();
    const facilitator = idOf(project, 'speakers', 'Facilitator');
    const excluded: MatrixQuery = { columns: { kind: 'group' }, excludeSpeakerIds: [facilitator] };
    await expectMatrix(project, page, excluded);
    expect(computeMatrix(project, excluded).total).toBeLessThan(
      computeMatrix(project, { columns: { kind: 'group' } }).total,
    );
    // Coders and groups narrow it further; clearing them brings the table back.
    const filters = page.getByRole('main').locator('.compare-filters');
    await filters.getByRole('button', { name: 'Jo (RA)' }).click();
    await filters.getByRole('button', { name: 'Northgate' }).click();
    const jo = idOf(project, 'coders', 'Jo (RA)');
    const northgate = idOf(project, 'doc_groups', 'Northgate');
    await expectMatrix(project, page, { ...excluded, coderIds: [jo], groupIds: [northgate] });
    await filters.getByRole('button', { name: 'Jo (RA)' }).click();
    await filters.getByRole('button', { name: 'Northgate' }).click();
    await page.getByLabel('Roll up sub-codes').check();
    await expectMatrix(project, page, { ...excluded, subcodes: true });
    await page.getByRole('main').locator('summary', { hasText: 'excluding Facilitator' }).click();
    await shot(page, 'matrix', screenshotPath);

    // A cell's excerpts, exactly the core's, and the first one opens its document there.
    await (await cellButton(page, 'Secret caseloads', 'Northgate')).click();
    const drawer = page.getByRole('region', { name: 'Secret caseloads × Northgate' });
    const rows = computeMatrix(project, { ...excluded, subcodes: true }).rows;
    const cols = computeMatrix(project, excluded).cols;
    const expected = matrixCellExcerpts(
      project,
      { ...excluded, subcodes: true },
      rows.findIndex((r) => r.path === 'Secret caseloads'),
      cols.findIndex((c) => c.label === 'Northgate'),
    );
    expect(expected.length).toBeGreaterThan(0);
    await expect
      .poll(() => drawer.locator('.passage-text').allTextContents())
      .toEqual(expected.map((e) => e.text));
    await shot(page, 'cell', screenshotPath);

    // The keyboard reaches every cell: arrows move, Enter opens.
    await (await cellButton(page, 'Little miracles', 'Eastbridge')).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Little miracles × Harbour' }).waitFor();

    // Copy as table puts the numbers on screen on the clipboard, and says so.
    await h.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.web.origin });
    await page.getByRole('button', { name: 'Copy as table' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied the table' }).waitFor();
    const tsv = matrixToTsv(computeMatrix(project, { ...excluded, subcodes: true }), false);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tsv);
    // Where the system refuses the clipboard, the table is offered selected, to copy by hand.
    const clipboard = await page.evaluateHandle(() => navigator.clipboard);
    await page.evaluate(() =>
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }),
    );
    await page.getByRole('button', { name: 'Copy as table' }).click();
    const manual = page.getByRole('textbox', { name: 'The table as tab-separated text' });
    expect(await manual.inputValue()).toBe(tsv);
    expect(await manual.evaluate((t: HTMLTextAreaElement) => t.selectionEnd - t.selectionStart)).toBe(
      tsv.length,
    );
    await page.getByRole('status').filter({ hasText: 'press Ctrl+C' }).waitFor();
    await page.evaluate((c) => Object.defineProperty(navigator, 'clipboard', { value: c }), clipboard);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toBe(matrixToCsv(computeMatrix(project, { ...excluded, subcodes: true })));

    // Jump to a passage, then come back to the table as it was left.
    await page.getByRole('region', { name: 'Little miracles × Harbour' }).locator('.passage').first().click();
    await expect.poll(() => page.locator('#document-title').textContent()).toBe('harbour-april');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expectMatrix(project, page, { ...excluded, subcodes: true });
    h.expectClean(log);
    await page.close();
  });

  it('shows code co-occurrence by overlap and by speaker turn, with the passages behind a cell', async () => {
    const { page, log } = await openCompare(h, 'Co-occurrence');
    await page.locator('.heat-table').waitFor();
    const overlap = computeCooccurrence(project, { within: 'overlap' });
    await expect.poll(async () => (await readTable(page)).values).toEqual(overlap.cells);
    const t = await readTable(page);
    expect(t.cols).toEqual(t.rows);
    expect(await page.locator('.heat-table td.heat-diagonal').count()).toBe(overlap.codes.length);
    expect(await page.getByText('Diagonal (grey, italic)').count()).toBe(1);

    const trust = overlap.codes.findIndex((c) => c.path === 'Authentic relationships/Trust');
    const secret = overlap.codes.findIndex((c) => c.path === 'Secret caseloads');
    expect(overlap.cells[trust]![secret]).toBeGreaterThan(0);
    await (await cellButton(page, 'Trust', 'Secret caseloads')).click();
    const drawer = page.getByRole('region', { name: 'Trust and Secret caseloads' });
    const passages = cooccurrencePassages(
      project,
      { within: 'overlap' },
      overlap.codes[trust]!.codeId,
      overlap.codes[secret]!.codeId,
    );
    await expect
      .poll(() => drawer.locator('.passage-text').allTextContents())
      .toEqual(passages.map((p) => p.text));
    await expect.poll(() => drawer.locator('mark').count()).toBe(passages.length);
    await shot(page, 'cooccurrence', screenshotPath);

    await page.getByLabel('They are in the same speaker turn').check();
    await expect
      .poll(async () => (await readTable(page)).values)
      .toEqual(computeCooccurrence(project, { within: 'turn' }).cells);
    h.expectClean(log);
    await page.close();
  });

  it('draws a code frequency chart and a participation chart, and saves them as SVG and PNG', async () => {
    const { page, log } = await openCompare(h, 'Charts');
    const main = page.getByRole('main');
    const freqChart = page.locator('.chart-card').first();
    await freqChart.locator('svg').waitFor();
    await main.getByLabel('Code', { exact: true }).selectOption({ label: 'Secret caseloads' });
    await main.getByLabel('By', { exact: true }).selectOption('group');
    const secret = listCodes(project).find((c) => c.path === 'Secret caseloads')!.id;
    const freq = codeFrequency(project, secret, { columns: { kind: 'group' } });
    await expect
      .poll(() => freqChart.locator('svg > title').textContent())
      .toBe('Secret caseloads by Document group');
    expect(await freqChart.locator('svg rect[fill]:not([fill="#FFFFFF"])').count()).toBe(freq.bars.length);
    const svgText = (await freqChart.locator('svg').textContent()) ?? '';
    for (const b of freq.bars) expect(svgText).toContain(b.label);
    expect(await freqChart.locator('svg desc').textContent()).toBe(
      `Codings by Document group: ${freq.bars.map((b) => `${b.label} ${b.value}`).join('; ')}.`,
    );

    await main.getByLabel('By', { exact: true }).selectOption('speaker-attr:role');
    await expect.poll(() => freqChart.locator('svg > title').textContent()).toBe('Secret caseloads by role');

    const partChart = page.locator('.chart-card').nth(1);
    await main.getByLabel('Document', { exact: true }).selectOption({ label: 'northgate-march' });
    await expect
      .poll(() => partChart.locator('svg > title').textContent())
      .toBe('Speaker participation — northgate-march');
    const northgate = idOf(project, 'documents', 'northgate-march');
    const speakers = speakerParticipation(project, { documentIds: [northgate] });
    expect(await partChart.locator('svg desc').textContent()).toContain(
      speakers.map((s) => `${s.speaker} ${s.turns} turns`)[0]!,
    );
    await shot(page, 'charts', screenshotPath);

    const svgDownload = page.waitForEvent('download');
    await partChart.getByRole('button', { name: 'Save SVG' }).click();
    const svgFile = await svgDownload;
    expect(svgFile.suggestedFilename()).toBe('Speaker participation — northgate-march.svg');
    expect(readFileSync((await svgFile.path())!, 'utf8')).toMatch(/^<svg [^>]*width="720"/);
    const pngDownload = page.waitForEvent('download');
    await partChart.getByRole('button', { name: 'Save PNG' }).click();
    const png = readFileSync((await (await pngDownload).path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    writeFileSync(screenshotPath('compare-chart-export'), png);
    expect(png.readUInt32BE(16)).toBe(1440); // twice the SVG's width
    // The PNG is drawn from a blob: URL of the page's own origin: its own data, not a request out.
    const own = `blob:${h.web.origin}/`;
    expect(log.requests.filter((u) => u.startsWith(own)).length).toBeGreaterThan(0);
    h.expectClean({ ...log, requests: log.requests.filter((u) => !u.startsWith(own)) });
    await page.close();
  });
});
