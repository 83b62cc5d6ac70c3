import type { Locator, Page } from 'playwright-core';

// Page helpers for the coding end-to-end tests: open a document, select words with a real mouse drag,
// and read what the transcript shows.

export async function openDocument(page: Page, name: string): Promise<void> {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page
    .getByRole('button', { name: new RegExp(`^${escaped}\\b`) })
    .first()
    .click();
  await page.locator(`[aria-label="Transcript of ${name}"] [data-block]`).first().waitFor();
}

interface Point {
  x: number;
  y: number;
}

/**
 * Screen points just inside the first character of `first` and the last character of `last` (found
 * after it), searching the text the transcript shows. Whole code points are measured, so an emoji at
 * either end is selected whole.
 */
export async function phrasePoints(
  page: Page,
  first: string,
  last: string,
): Promise<{ from: Point; to: Point }> {
  return page.evaluate(
    ({ first, last }) => {
      const root = document.querySelector('.transcript')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      const starts: number[] = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // Only the transcript's text: not the speaker, time or buttons in turn headers.
        if (n.parentElement?.closest('.turn-head')) continue;
        starts.push(all.length);
        nodes.push(n as Text);
        all += (n as Text).data;
      }
      const from = all.indexOf(first);
      const to = all.indexOf(last, from) + last.length;
      if (from < 0 || to < last.length) throw new Error(`not shown: ${first} … ${last}`);
      const rectOf = (a: number, b: number) => {
        let i = starts.length - 1;
        while (starts[i]! > a) i--;
        const r = document.createRange();
        r.setStart(nodes[i]!, a - starts[i]!);
        r.setEnd(nodes[i]!, b - starts[i]!);
        const rects = r.getClientRects();
        return rects[rects.length - 1]!;
      };
      const width = (i: number) => (all.codePointAt(i)! > 0xffff ? 2 : 1);
      const lastChar = /[\udc00-\udfff]/.test(all[to - 1]!) ? to - 2 : to - 1;
      const a = rectOf(from, from + width(from));
      const b = rectOf(lastChar, to);
      return {
        from: { x: a.left + 1, y: a.top + a.height / 2 },
        to: { x: b.right - 1, y: b.top + b.height / 2 },
      };
    },
    { first, last },
  );
}

/** Selects from `first` to the end of `last` by dragging the mouse, as a reader would. */
export async function dragSelect(page: Page, first: string, last = first): Promise<void> {
  const { from, to } = await phrasePoints(page, first, last);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/** Each highlight: its text and the code names on it. */
export async function highlights(page: Page): Promise<{ text: string; codes: string }[]> {
  return page
    .locator('.transcript mark.coded')
    .evaluateAll((els) =>
      els.map((m) => ({ text: (m as HTMLElement).innerText, codes: (m as HTMLElement).dataset.codes ?? '' })),
    );
}

/** The focused element's block key (data-block), or null. */
export async function focusedBlock(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.block ?? null);
}

export async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

/** What a screen reader reads for each element: its text without aria-hidden parts. */
export async function spokenTexts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}
