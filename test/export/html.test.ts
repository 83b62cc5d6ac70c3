import { describe, expect, it } from 'vitest';
import { escapeHtml, excerptsToHtml } from '../../shared/export/html';
import { EXCERPTS } from './fixtures';

const html = excerptsToHtml(EXCERPTS, {
  title: 'Round 1 <draft>',
  generatedAt: '2024-06-01 14:02',
  descriptions: new Map([
    ['Managerial domination/Targets', 'Numeric quotas imposed by managers.'],
    ['Care work', 'Care <em>paid</em> & unpaid'],
  ]),
});

/** The report minus the one excerpt whose spoken words quote a URL. */
const withoutQuotedUrl = html.replace(escapeHtml(EXCERPTS[1]!.text), '');

describe('excerptsToHtml', () => {
  it('is a UTF-8 HTML5 document with a strict CSP', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).toContain('<title>Round 1 &lt;draft&gt;</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('is self-contained: no scripts, no external resources, only in-page links', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    // Tags only: escaped participant text may legitimately contain "src=".
    const tags = html.match(/<[^>]*>/g) ?? [];
    for (const tag of tags) expect(tag).not.toMatch(/\s(src|srcset|action|on\w+)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
    expect(withoutQuotedUrl).not.toMatch(/https?:|\/\//i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^#code-\d+$/);
    for (const href of hrefs) expect(html).toContain(`id="${href.slice(1)}"`);
  });

  it('contains every excerpt text, escaped, with its context around it', () => {
    for (const e of EXCERPTS) expect(html).toContain(`">${escapeHtml(e.text)}</mark>`);
    const e = EXCERPTS[0]!;
    expect(html).toContain(
      `<span class="ctx">${escapeHtml(e.before)}</span><mark style="background-color:#3366cc33">` +
        `${escapeHtml(e.text)}</mark><span class="ctx">${escapeHtml(e.after)}</span>`,
    );
  });

  it('escapes injected markup in text, context, document, group, speaker and code names, memos', () => {
    expect(html).toContain(
      'We wrote &lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt; on the whiteboard &amp; laughed',
    );
    expect(html).toContain('<span class="ctx">&lt;i&gt;before&lt;/i&gt; </span>');
    expect(html).toContain(
      '<span class="doc">&lt;script&gt;alert(&quot;doc&quot;)&lt;/script&gt;.txt</span>',
    );
    expect(html).toContain('Groups: &lt;b&gt;group&lt;/b&gt;');
    expect(html).toContain('Speakers: Mallory &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Resistance<span class="sep"> / </span>&lt;script&gt;alert(1)</h2>');
    expect(html).toContain('Memo with &lt;script&gt;alert(&quot;memo&quot;)&lt;/script&gt;');
    expect(html).toContain('<p class="desc">Care &lt;em&gt;paid&lt;/em&gt; &amp; unpaid</p>');
    expect(html).not.toMatch(/<(i|b|u|em|img)\b/);
  });

  it('only ever puts a validated #rrggbb colour into CSS', () => {
    expect(html).not.toContain('red;background');
    const colours = [...html.matchAll(/(?:background-color|border-left-color):([^";]*)/g)].map((m) => m[1]!);
    expect(colours.length).toBeGreaterThan(0);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}(33)?$/);
    expect(html).toContain('background-color:#808080');
  });

  it('has a table of contents with every code, its count, and its name in text beside the swatch', () => {
    const toc = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    const items = [...toc.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(items).toEqual([
      'Care work 1 excerpt',
      'Care work / Unpaid 1 excerpt',
      'Managerial domination 1 excerpt',
      'Managerial domination / Targets 2 excerpts',
      'Resistance / &lt;script&gt;alert(1) 1 excerpt',
    ]);
  });

  it('gives each code a section with swatch, name, description, count, and its excerpts', () => {
    const start = html.indexOf('Managerial domination<span class="sep"> / </span>Targets</h2>');
    const section = html.slice(start, html.indexOf('</section>', start));
    expect(section).toContain('<p class="desc">Numeric quotas imposed by managers.</p>');
    expect(section).toContain('<p class="count">2 excerpts</p>');
    expect(section.match(/<article /g)).toHaveLength(2);
    expect(section).toContain('@everyone +1 on that');
    expect(section).toContain('<p class="memo"><span class="label">Memo</span> Compare with FG1');
    expect(section).toContain(
      'Speakers: Facilitator, Zoë (Housing)<span class="dot"> · </span>Position 100–191<span class="dot"> · </span>Coder: alice',
    );
    expect(html.slice(0, start)).toMatch(
      /<h2><span class="swatch" style="background-color:#3366cc" aria-hidden="true"><\/span>$/,
    );
  });

  it('has a summary, print styles, and omits what is not there', () => {
    expect(html).toContain(
      '<p class="summary">6 excerpts · 5 codes · 3 documents · Generated 2024-06-01 14:02</p>',
    );
    expect(html).toContain('@media print');
    expect(html).toContain('break-inside: avoid');
    expect(html).not.toContain('<span class="ctx"></span>');
    expect(html).not.toContain('Coder: </p>');
  });

  it('renders an empty report without a table of contents', () => {
    const empty = excerptsToHtml([]);
    expect(empty).toContain('<p class="empty">No excerpts.</p>');
    expect(empty).not.toContain('<nav');
    expect(empty).toContain('<title>Coded excerpts</title>');
  });
});
