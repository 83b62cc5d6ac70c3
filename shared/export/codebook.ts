// The codebook (code tree with descriptions and usage) as CSV and Markdown.
import type { CodeInfo } from '../types';
import { toCsv } from './csv';
import { plural } from './group';
import { mdInline, mdLines } from './markdown';

export interface TreeEntry {
  code: CodeInfo;
  /** 0 for top-level codes. */
  depth: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function bySibling(a: CodeInfo, b: CodeInfo): number {
  return a.position - b.position || collator.compare(a.name, b.name) || a.id - b.id;
}

/**
 * Codes depth-first: every parent before its children, siblings by position then name (as the
 * code tree shows them). A code whose parent is missing is treated as top-level, and codes caught
 * in a parent cycle are appended at the end, so an export never silently drops a code.
 */
export function treeOrder(codes: CodeInfo[]): TreeEntry[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<number | null, CodeInfo[]>();
  for (const c of codes) {
    const parent = c.parentId !== null && ids.has(c.parentId) && c.parentId !== c.id ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(bySibling);

  const out: TreeEntry[] = [];
  const seen = new Set<number>();
  const visit = (code: CodeInfo, depth: number): void => {
    if (seen.has(code.id)) return;
    seen.add(code.id);
    out.push({ code, depth });
    for (const child of children.get(code.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  for (const c of [...codes].sort(bySibling)) visit(c, 0);
  return out;
}

function parentPath(code: CodeInfo, byId: Map<number, CodeInfo>): string {
  return code.parentId === null ? '' : (byId.get(code.parentId)?.path ?? '');
}

/** Level is 1-based (1 = top-level code), as people count levels; `treeOrder` depth is 0-based. */
export function codebookToCsv(codes: CodeInfo[]): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  return toCsv([
    ['Path', 'Name', 'Parent', 'Level', 'Color', 'Description', 'Codings'],
    ...treeOrder(codes).map(({ code, depth }) => [
      code.path,
      code.name,
      parentPath(code, byId),
      depth + 1,
      code.color,
      code.description,
      code.codings,
    ]),
  ]);
}

export interface CodebookMarkdownOptions {
  title?: string;
}

/** Codings of each code plus all its descendants, from a tree-ordered list. */
function subtreeTotals(entries: TreeEntry[]): number[] {
  const totals = entries.map((e) => e.code.codings);
  // Walking backwards, each entry's total is final before it is added to its nearest shallower ancestor.
  for (let i = entries.length - 1; i >= 0; i--) {
    for (let j = i - 1; j >= 0; j--) {
      if (entries[j]!.depth < entries[i]!.depth) {
        totals[j]! += totals[i]!;
        break;
      }
    }
  }
  return totals;
}

/**
 * A nested list rather than headings: headings stop at six levels, a list nests as deep as the
 * tree. Each item gives the code's own codings and, for parents, the total with sub-codes;
 * descriptions follow as indented paragraphs.
 */
export function codebookToMarkdown(codes: CodeInfo[], options: CodebookMarkdownOptions = {}): string {
  const entries = treeOrder(codes);
  const totals = subtreeTotals(entries);
  const all = codes.reduce((n, c) => n + c.codings, 0);
  const out = [
    `# ${mdInline(options.title ?? 'Codebook')}`,
    '',
    `${plural(codes.length, 'code')} · ${plural(all, 'coding')}`,
  ];
  if (!entries.length) out.push('', '*No codes.*');
  else out.push('');
  entries.forEach(({ code, depth }, i) => {
    const indent = '  '.repeat(depth);
    const hasChildren = entries[i + 1] !== undefined && entries[i + 1]!.depth > depth;
    let count = plural(code.codings, 'coding');
    if (hasChildren) count += `, ${totals[i]} with sub-codes`;
    out.push(`${indent}- **${mdInline(code.name)}** (${count})`);
    // Continuation paragraphs must be indented to the item's content column to stay inside it.
    for (const line of mdLines(code.description)) out.push('', `${indent}  ${line}`);
    if (code.description.trim()) out.push('');
  });
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
