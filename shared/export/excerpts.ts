// Coded excerpts as CSV, JSON and Markdown. The HTML report lives in ./html and is re-exported here
// so every excerpt format comes from one module.
import type { Excerpt } from '../types';
import { toCsv } from './csv';
import { countDistinct, groupByCode, plural, position } from './group';
import { mdInline, mdLines } from './markdown';

export { excerptsToHtml } from './html';
export type { HtmlReportOptions } from './html';

const CSV_HEADER = [
  'Document',
  'Groups',
  'Speakers',
  'Code',
  'Code path',
  'Start',
  'End',
  'Text',
  'Context',
  'Memo',
  'Coder',
  'Created',
];

export function excerptsToCsv(excerpts: Excerpt[]): string {
  return toCsv([
    CSV_HEADER,
    ...excerpts.map((e) => [
      e.doc,
      e.groups.join('; '),
      e.speakers.join('; '),
      e.code,
      e.path,
      e.start,
      e.end,
      e.text,
      e.context,
      e.memo,
      e.coder,
      e.createdAt,
    ]),
  ]);
}

/** The CLI's JSON contract: exactly these keys, in this order. Do not add fields casually. */
export interface ExcerptJson {
  doc: string;
  groups: string[];
  speakers: string[];
  code: string;
  path: string;
  start: number;
  end: number;
  text: string;
  context: string;
  memo: string | null;
  coder: string;
}

export function excerptsToJson(excerpts: Excerpt[]): string {
  const rows: ExcerptJson[] = excerpts.map((e) => ({
    doc: e.doc,
    groups: [...e.groups],
    speakers: [...e.speakers],
    code: e.code,
    path: e.path,
    start: e.start,
    end: e.end,
    text: e.text,
    context: e.context,
    memo: e.memo,
    coder: e.coder,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

export interface MarkdownReportOptions {
  title?: string;
  /** Code descriptions keyed by code path ('Parent/Child'). */
  descriptions?: Map<string, string>;
}

function sourceLine(e: Excerpt): string {
  const parts = [`**${mdInline(e.doc)}**`];
  if (e.groups.length) parts.push(`Groups: ${mdInline(e.groups.join('; '))}`);
  if (e.speakers.length) parts.push(`Speakers: ${mdInline(e.speakers.join(', '))}`);
  parts.push(`Position ${position(e)}`);
  if (e.coder) parts.push(`Coder: ${mdInline(e.coder)}`);
  return `— ${parts.join(' · ')}`;
}

function excerptBlock(e: Excerpt): string[] {
  // One quoted paragraph per source line: Markdown would otherwise run the turns of a
  // multi-speaker excerpt together into one line. The bare '>' keeps them in one blockquote.
  const quoted = mdLines(e.text).map((l) => `> ${l}`);
  const out = [quoted.length ? quoted.join('\n>\n') : '> *(empty excerpt)*', '', sourceLine(e)];
  const memo = mdLines(e.memo ?? '');
  // Backslash line breaks keep a multi-line memo in a single labelled paragraph.
  if (memo.length) out.push('', `**Memo:** ${memo.join('\\\n')}`);
  return out;
}

/**
 * A Markdown report: a section per code (in hierarchical order) with its description and excerpt
 * count, each excerpt quoted with a source line underneath.
 */
export function excerptsToMarkdown(excerpts: Excerpt[], options: MarkdownReportOptions = {}): string {
  const groups = groupByCode(excerpts);
  const out = [`# ${mdInline(options.title ?? 'Coded excerpts')}`, ''];
  const docs = countDistinct(excerpts, (e) => e.doc);
  out.push(
    `${plural(excerpts.length, 'excerpt')} · ${plural(groups.length, 'code')} · ${plural(docs, 'document')}`,
  );
  if (!groups.length) out.push('', '*No excerpts.*');
  for (const g of groups) {
    out.push('', `## ${g.segments.map(mdInline).join(' / ')}`, '');
    const description = mdLines(options.descriptions?.get(g.path) ?? '');
    if (description.length) out.push(description.join('\n\n'), '');
    out.push(`*${plural(g.excerpts.length, 'excerpt')}*`);
    g.excerpts.forEach((e, i) => {
      // A thematic break between excerpts; '***' because '---' under text could read as a heading.
      if (i > 0) out.push('', '***');
      out.push('', ...excerptBlock(e));
    });
  }
  return out.join('\n') + '\n';
}
