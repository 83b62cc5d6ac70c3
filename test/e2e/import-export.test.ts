import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../../db/project';
import { createCode } from '../../db/codes';
import { addCoding } from '../../db/codings';
import { cleanupTempDirs, newProject, tempDir } from '../helpers/project';
import { skipBrowserTests } from './browser';
import { screenshotPath, startHarness, type Harness } from './harness';

const FOCUS_GROUP = `Westfield community of practice, 9 May

Facilitator: Shall we start with the Hartley case?

Zoë (Housing): The targets decide who gets seen. That's the secret caseload.

Kwame (Police): And sometimes a little miracle happens anyway.
`;

let project: Project;
let h: Harness;

describe.skipIf(skipBrowserTests)('importing and exporting in the workspace', () => {
  beforeAll(async () => {
    project = newProject();
    h = await startHarness(project);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    project?.close();
    cleanupTempDirs();
  });

  it('imports a chosen transcript with its speakers, and reports a bad file by name without importing anything', async () => {
    const { page, log } = await h.page();
    await page.goto(`${h.web.origin}/`);
    await page.getByText('This project is empty').waitFor();

    await page.getByTestId('import-input').setInputFiles([
      { name: 'westfield-may.txt', mimeType: 'text/plain', buffer: Buffer.from(FOCUS_GROUP) },
      { name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not really a docx') },
    ]);
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/notes\.docx: /);
    expect(project.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    await page.screenshot({ path: screenshotPath('import-error') });
    await alert.getByRole('button', { name: 'Dismiss' }).click();

    await page
      .getByTestId('import-input')
      .setInputFiles([
        { name: 'westfield-may.txt', mimeType: 'text/plain', buffer: Buffer.from(FOCUS_GROUP) },
      ]);
    const done = page.getByRole('alert').filter({ hasText: 'Imported 1 document' });
    await done.waitFor();
    expect(await done.innerText()).toMatch(/westfield-may \(\d+ words, 3 speakers\)/);
    await page
      .getByRole('button', { name: /westfield-may/ })
      .first()
      .waitFor();
    expect(project.db.prepare('SELECT count(*) FROM turns').pluck().get()).toBe(3);
    h.expectClean(log);
  });

  it('imports files dropped onto the window', async () => {
    const { page, log } = await h.page();
    await page.goto(`${h.web.origin}/`);
    await page
      .getByRole('button', { name: /westfield-may/ })
      .first()
      .waitFor();
    const dataTransfer = await page.evaluateHandle(
      (text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'eastbridge-june.txt', { type: 'text/plain' }));
        return dt;
      },
      FOCUS_GROUP.replace('Westfield', 'Eastbridge'),
    );
    await page.dispatchEvent('body', 'dragover', { dataTransfer });
    await page.getByText('Drop transcripts to import them').waitFor();
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    await page.getByRole('alert').filter({ hasText: 'Imported 1 document' }).waitFor();
    await page
      .getByRole('button', { name: /eastbridge-june/ })
      .first()
      .waitFor();
    h.expectClean(log);
  });

  it('exports the codebook and every excerpt as a download where there is no native dialog', async () => {
    const code = createCode(project, { name: 'Secret caseloads', color: '#E6194B' });
    const doc = project.db.prepare("SELECT id, text FROM documents WHERE name = 'westfield-may'").get() as {
      id: number;
      text: string;
    };
    const start = doc.text.indexOf("That's the secret caseload");
    addCoding(project, { documentId: doc.id, codeId: code, start, end: start + 26 });
    const { page, log } = await h.page();
    await page.goto(`${h.web.origin}/`);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption('csv');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const csvPath = join(tempDir(), 'excerpts.csv');
    await csv.saveAs(csvPath);
    const text = readFileSync(csvPath, 'utf8');
    expect(text.startsWith('\uFEFFDocument,')).toBe(true);
    expect(text).toContain("That's the secret caseload");
    await dialog.getByRole('radio', { name: 'The codebook' }).check();
    await dialog.getByLabel('Format').selectOption('md');
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(md.suggestedFilename()).toMatch(/codebook\.md$/);
    await dialog.getByRole('radio', { name: /whole project/ }).check();
    const [qdpx] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(qdpx.suggestedFilename()).toBe('study.qdpx');
    await page.screenshot({ path: screenshotPath('export-dialog') });
    h.expectClean(log);
  });
});
