// The documents sidebar as the end-to-end tests read it.
import type { Page } from 'playwright-core';

export const documentsRegion = (page: Page) => page.getByRole('region', { name: /Documents/ });

/** Each group heading with the documents listed under it, as the user reads them. */
export function groupsShown(page: Page) {
  return documentsRegion(page)
    .locator('.doc-group')
    .evaluateAll((groups) =>
      groups.map((g) => [
        (g.querySelector('.doc-group-name') as HTMLElement).innerText,
        [...g.querySelectorAll('.doc-name')].map((d) => (d as HTMLElement).innerText),
      ]),
    );
}
