// Finding rows again after a re-render, to put keyboard focus back where the user was.

export function codeRow(id: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.code-tree [data-code-id="${id}"]`);
}

/** The tree's one tabbable row, or the tree's region when it is empty. */
export function codeTreeFocusTarget(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('.code-tree [role="treeitem"][tabindex="0"]') ??
    document.querySelector<HTMLElement>('.codebook-new-button')
  );
}

export function documentButton(groupKey: string, id: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    `.doc-groups [data-doc-key="${CSS.escape(`${groupKey}:${id}`)}"]`,
  );
}

export function groupHeader(id: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.doc-groups [data-group-id="${id}"]`);
}

export function documentFocusTarget(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('.doc-groups [aria-current="true"]') ??
    document.querySelector<HTMLElement>('.doc-groups .doc-item') ??
    document.querySelector<HTMLElement>('.doc-filter')
  );
}

/** Where focus goes when the group it was on is gone: the first group, else the documents' usual place. */
export function groupFocusTarget(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.doc-groups .doc-group-header') ?? documentFocusTarget();
}

/** Up/Down through the document list: group headers and documents, in the order they are shown. */
export function focusSiblingInList(from: HTMLElement, step: 1 | -1): void {
  const all = [
    ...document.querySelectorAll<HTMLElement>('.doc-groups .doc-item, .doc-groups .doc-group-header'),
  ];
  all[all.indexOf(from) + step]?.focus();
}

/** Where a context menu for a row opens when asked from the keyboard: just below the row's name. */
export function menuAt(el: HTMLElement | null): { x: number; y: number } {
  const rect =
    el?.querySelector('.code-name, .doc-name, .doc-group-name')?.getBoundingClientRect() ??
    el?.getBoundingClientRect();
  return rect ? { x: rect.left, y: rect.bottom + 2 } : { x: 16, y: 16 };
}
