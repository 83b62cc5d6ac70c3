// A self-contained HTML report of coded excerpts, meant to be e-mailed to a co-author or printed.
// It must open identically anywhere, offline and years later, and must never be a vector for
// participants' words to run as code: no scripts, no external resources of any kind (fonts, CDNs,
// images), a CSP that forbids everything except inline styles, and every string escaped.
import type { Excerpt } from '../types';
import { countDistinct, groupByCode, plural, position, type CodeGroup } from './group';
import { REPORT_CSS } from './html-style';

export interface HtmlReportOptions {
  title?: string;
  /** Code descriptions keyed by code path ('Parent/Child'). */
  descriptions?: Map<string, string>;
  /** Shown verbatim in the header; passed in so the output is deterministic. */
  generatedAt?: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'";
const FALLBACK_COLOR = '#808080';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

// Code colours come from the database, but a hand-edited or imported project could hold anything;
// only a strict #RRGGBB ever reaches a style attribute.
function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : FALLBACK_COLOR;
}

function swatch(color: string): string {
  return `<span class="swatch" style="background-color:${safeColor(color)}" aria-hidden="true"></span>`;
}

function codeName(g: CodeGroup): string {
  return g.segments.map(escapeHtml).join('<span class="sep"> / </span>');
}

function sourceLine(e: Excerpt): string {
  const parts = [`<span class="doc">${escapeHtml(e.doc)}</span>`];
  if (e.groups.length) parts.push(`Groups: ${escapeHtml(e.groups.join('; '))}`);
  if (e.speakers.length) parts.push(`Speakers: ${escapeHtml(e.speakers.join(', '))}`);
  parts.push(`Position ${position(e)}`);
  if (e.coder) parts.push(`Coder: ${escapeHtml(e.coder)}`);
  return `<p class="source">${parts.join('<span class="dot"> · </span>')}</p>`;
}

/** Surrounding words, greyed so the coded passage stands out but can still be read in place. */
function context(text: string): string {
  return text ? `<span class="ctx">${escapeHtml(text)}</span>` : '';
}

function excerpt(e: Excerpt, color: string): string {
  // An 8-digit hex (#RRGGBBAA) tint keeps dark text readable on any code colour.
  const quote =
    context(e.before) +
    `<mark style="background-color:${color}33">${escapeHtml(e.text)}</mark>` +
    context(e.after);
  const memo = e.memo?.trim()
    ? `\n<p class="memo"><span class="label">Memo</span> ${escapeHtml(e.memo.trim())}</p>`
    : '';
  return (
    `<article class="excerpt" style="border-left-color:${color}">\n` +
    `<blockquote>${quote}</blockquote>\n${sourceLine(e)}${memo}\n</article>`
  );
}

function section(g: CodeGroup, id: string, description: string | undefined): string {
  const color = safeColor(g.color);
  const desc = description?.trim() ? `\n<p class="desc">${escapeHtml(description.trim())}</p>` : '';
  return [
    `<section class="code" id="${id}">`,
    `<h2>${swatch(g.color)}${codeName(g)}</h2>${desc}`,
    `<p class="count">${plural(g.excerpts.length, 'excerpt')}</p>`,
    ...g.excerpts.map((e) => excerpt(e, color)),
    '</section>',
  ].join('\n');
}

function toc(groups: CodeGroup[]): string {
  const items = groups.map((g, i) => {
    // Indented by depth so sub-codes read as belonging to their parent.
    const depth = g.segments.length - 1;
    const indent = depth ? ` style="padding-left:${depth * 1.25}em"` : '';
    return (
      `<li${indent}><a href="#code-${i + 1}">${swatch(g.color)}${codeName(g)}</a> ` +
      `<span class="n">${plural(g.excerpts.length, 'excerpt')}</span></li>`
    );
  });
  return `<nav aria-labelledby="toc">\n<h2 id="toc">Contents</h2>\n<ol class="toc">\n${items.join('\n')}\n</ol>\n</nav>`;
}

export function excerptsToHtml(excerpts: Excerpt[], options: HtmlReportOptions = {}): string {
  const title = escapeHtml(options.title ?? 'Coded excerpts');
  const groups = groupByCode(excerpts);
  const summary = [
    plural(excerpts.length, 'excerpt'),
    plural(groups.length, 'code'),
    plural(
      countDistinct(excerpts, (e) => e.doc),
      'document',
    ),
  ];
  if (options.generatedAt) summary.push(`Generated ${escapeHtml(options.generatedAt)}`);
  const body = groups.length
    ? [toc(groups), ...groups.map((g, i) => section(g, `code-${i + 1}`, options.descriptions?.get(g.path)))]
    : ['<p class="empty">No excerpts.</p>'];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Commonplace">',
    `<title>${title}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${title}</h1>`,
    `<p class="summary">${summary.join(' · ')}</p>`,
    '</header>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
