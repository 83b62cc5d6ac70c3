import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Project } from '../../db/project';
import { addCodings } from '../../db/codings';
import { listCodes } from '../../db/codes';
import { tempDir } from '../helpers/project';
import { buildDemoProject } from '../../scripts/demo/build-demo';
import { computeMatrix, type MatrixQuery } from '../../db/analysis';
import { formatValue } from '../../renderer/analysis/matrix-logic';
import type { Harness } from './harness';

// The Compare views' end-to-end helpers: the demo study (three focus groups, roles, sub-codes) with some
// overlapping codings and codings on the facilitator's turns, and readers for what the tables show.

/** [document, code path, passage]: overlaps with the demo's own codings, and the facilitator's words. */
const EXTRA: [string, string, string][] = [
  ['northgate-march', 'Authentic relationships/Trust', 'I kept him on my list without telling anyone'],
  [
    'northgate-march',
    'Secret caseloads',
    "the work that makes the difference is the work that doesn't show up anywhere",
  ],
  ['northgate-march', 'Little miracles', "I think it's the same worker."],
  ['eastbridge-march', 'Authentic relationships', 'Some of us keep people on our books after discharge.'],
  ['eastbridge-march', 'Secret caseloads', "So there's a shadow system holding things together."],
  ['harbour-april', 'Managerial domination', "Let's start with what's changed since the last meeting."],
];

export async function buildCompareProject(): Promise<Project> {
  const project = await buildDemoProject(join(tempDir(), 'Daniel study.commonplace'));
  const codes = new Map(listCodes(project).map((c) => [c.path, c.id]));
  const docs = new Map(
    (
      project.db.prepare('SELECT id, name, text FROM documents').all() as {
        id: number;
        name: string;
        text: string;
      }[]
    ).map((d) => [d.name, d]),
  );
  // A second coder, so the coder filter has something to choose between.
  project.coder = 'Jo (RA)';
  addCodings(
    project,
    EXTRA.map(([doc, code, passage]) => {
      const d = docs.get(doc)!;
      const start = d.text.indexOf(passage);
      if (start < 0) throw new Error(`Passage not found in ${doc}: ${passage}`);
      return { documentId: d.id, codeId: codes.get(code)!, start, end: start + passage.length };
    }),
  );
  project.coder = 'Ruth (PI)';
  return project;
}

export const idOf = (project: Project, table: string, name: string): number =>
  project.db.prepare(`SELECT id FROM ${table} WHERE name = ?`).pluck().get(name) as number;

export interface ShownTable {
  caption: string;
  cols: string[];
  rows: string[];
  /** The exact numbers behind the cells (data-value), body rows only. */
  values: number[][];
  /** The printed cells, body rows only. */
  texts: string[][];
  /** Row totals, then the totals row (column totals and the grand total). */
  rowTotals: number[];
  footer: number[];
}

/** What the visible heat table shows, read from the page. */
export function readTable(page: Page): Promise<ShownTable> {
  return page.locator('.heat-table').evaluate((table) => {
    const text = (el: Element) => (el.textContent ?? '').trim();
    const head = [...table.querySelectorAll('thead th')].map(text);
    const body = [...table.querySelectorAll('tbody tr')];
    const hasTotals = head[head.length - 1] === 'Total';
    const cellsOf = (tr: Element) => [...tr.querySelectorAll('td button')] as HTMLElement[];
    const num = (b: HTMLElement) => Number(b.dataset.value);
    const cols = head.slice(1, hasTotals ? -1 : undefined);
    return {
      caption: text(table.querySelector('caption')!),
      cols,
      rows: body.map((tr) => text(tr.querySelector('th')!)),
      values: body.map((tr) => cellsOf(tr).slice(0, cols.length).map(num)),
      texts: body.map((tr) => cellsOf(tr).slice(0, cols.length).map(text)),
      rowTotals: hasTotals ? body.map((tr) => num(cellsOf(tr)[cols.length]!)) : [],
      footer: [...table.querySelectorAll('tfoot td button')].map((b) => num(b as HTMLElement)),
    };
  });
}

/** The cell button in the row of code `row` and the column labelled `col`. */
export function cellButton(page: Page, row: string, col: string) {
  return page
    .locator('.heat-table')
    .evaluate(
      (table, { row, col }) => {
        const head = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim());
        const c = head.indexOf(col) - 1;
        const r = [...table.querySelectorAll('tbody tr')].findIndex(
          (tr) => (tr.querySelector('th')?.textContent ?? '').trim() === row,
        );
        if (c < 0 || r < 0) throw new Error(`No cell ${row} × ${col}`);
        return `${r}:${c}`;
      },
      { row, col },
    )
    .then((id) => page.locator(`.heat-table [data-cell="${id}"]`));
}

/** A screenshot once no view is waiting for an answer (and the dimming has faded back). */
export async function shot(page: Page, name: string, path: (n: string) => string): Promise<void> {
  await page.locator('.is-busy, [aria-busy="true"]').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(250);
  await page.screenshot({ path: path(`compare-${name}`) });
}

export function attributeValue(project: Project, scope: string, target: string, name: string): string | null {
  return (
    (project.db
      .prepare(
        `SELECT v.value FROM attribute_values v JOIN attribute_defs d ON d.id = v.def_id
         LEFT JOIN documents doc ON d.scope = 'document' AND doc.id = v.target_id
         LEFT JOIN speakers sp ON d.scope = 'speaker' AND sp.id = v.target_id
         WHERE d.scope = ? AND d.name = ? AND coalesce(doc.name, sp.name) = ?`,
      )
      .pluck()
      .get(scope, name, target) as string | undefined) ?? null
  );
}

/** A page of the workspace switched to Compare (and to one of its tabs). */
export async function openCompare(h: Harness, tab?: string): Promise<Awaited<ReturnType<Harness['page']>>> {
  const opened = await h.page();
  const { page } = opened;
  page.setDefaultTimeout(10_000);
  await page.goto(`${h.web.origin}/`);
  await page.getByRole('button', { name: 'Compare' }).click();
  if (tab) await page.getByRole('tab', { name: tab }).click();
  return opened;
}

/** Waits until the table shows the core's matrix for `q`: columns, every number, totals, and as printed. */
export async function expectMatrix(project: Project, page: Page, q: MatrixQuery): Promise<void> {
  const m = computeMatrix(project, q);
  const percent = (q.measure ?? 'codings').endsWith('percent');
  await expect
    .poll(async () => {
      const t = await readTable(page);
      return { cols: t.cols, rows: t.values.length, values: t.values, totals: t.rowTotals, footer: t.footer };
    })
    .toEqual({
      cols: m.cols.map((c) => c.label),
      rows: m.rows.length,
      values: m.cells,
      totals: m.rowTotals,
      footer: [...m.colTotals, m.total],
    });
  expect((await readTable(page)).texts).toEqual(m.cells.map((r) => r.map((v) => formatValue(v, percent))));
}
