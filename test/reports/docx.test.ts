import { beforeAll, describe, expect, it } from 'vitest';
import { excerptsToDocx } from '../../db/reports/docx';
import { CODES, EXCERPTS, excerpt } from './fixtures';
import { headings, paragraphs, parts, xmlProblems, type Para } from './helpers';

const OPTIONS = {
  title: 'Coded excerpts — Multi-agency study',
  projectName: 'Multi-agency study',
  date: '14 March 2025',
  filters: ['Groups: Northgate, Eastbridge', 'Speaker: Zoë (Housing)'],
  codes: CODES,
};

describe('excerptsToDocx', () => {
  let buffer: Buffer;
  let ps: Para[];
  let texts: string[];
  beforeAll(async () => {
    buffer = await excerptsToDocx(EXCERPTS, OPTIONS);
    ps = paragraphs(buffer);
    texts = ps.map((p) => p.text);
  });

  it('is a well-formed Word package with core properties', () => {
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    expect(xmlProblems(buffer)).toEqual([]);
    const core = parts(buffer)['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Coded excerpts — Multi-agency study</dc:title>');
    expect(core).toContain('Commonplace');
  });

  it('starts with the title, project, date, the filters used and a summary', () => {
    expect(ps[0]).toMatchObject({ style: 'Title', text: 'Coded excerpts — Multi-agency study' });
    expect(texts).toContain('Project: Multi-agency study');
    expect(texts).toContain('Date: 14 March 2025');
    expect(texts).toContain('Filters: Groups: Northgate, Eastbridge; Speaker: Zoë (Housing)');
    expect(texts).toContain('Contents: 7 excerpts · 4 codes · 2 documents');
  });

  it('says so when no filters were used', async () => {
    const none = paragraphs(await excerptsToDocx(EXCERPTS, { ...OPTIONS, filters: [] }));
    expect(none.map((p) => p.text)).toContain('Filters: None (all coded excerpts)');
  });

  it('has a real Word heading per code, in codebook order, nested by level and showing the path', () => {
    expect(headings(ps).map((h) => [h.style, h.text])).toEqual([
      ['Heading1', '■\u00A0Managerial domination'],
      ['Heading2', '■\u00A0Managerial domination / Targets'],
      ['Heading1', '■\u00A0Secret caseloads'],
      ['Heading1', '■\u00A0Little miracles'],
    ]);
    // The swatch is in the code's colour; the heading text carries the meaning.
    expect(headings(ps)[1]!.xml).toContain('<w:color w:val="F58231"/>');
    const styles = parts(buffer)['word/styles.xml']!;
    expect(styles).toMatch(/w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Heading2">[\s\S]*?<w:outlineLvl w:val="1"\/>/);
    expect(styles).toMatch(/w:styleId="Quote"/);
  });

  it('puts the description and count under each heading, and a linked contents table up front', () => {
    const at = ps.findIndex((p) => p.style === 'Heading2');
    expect(ps[at + 1]).toMatchObject({
      style: 'CodeDescription',
      text: 'Numerical targets named as driving practice.\nInclude complaints about "the numbers".',
    });
    expect(ps[at + 2]).toMatchObject({ style: 'CodeCount', text: '2 excerpts from 2 documents' });
    const xml = parts(buffer)['word/document.xml']!;
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="code_2"/);
    expect(xml).toMatch(/<w:bookmarkStart w:name="code_2"/);
  });

  it('quotes each excerpt in the Quote style, one paragraph per line, with its source and memo', () => {
    const quotes = ps.filter((p) => p.style === 'Quote').map((p) => p.text);
    expect(quotes).toContain(
      '…and I keep coming back to this: Facilitator: And the numbers, do they matter?',
    );
    expect(quotes).toContain(
      'Sam (Police): They matter more than the people, if I am honest. We get a league table every Monday. That is the reality for us…',
    );
    expect(quotes).toContain('It is audit, audit, audit. Nobody asks whether anyone is better off.');
    const sources = ps.filter((p) => p.style === 'ExcerptSource').map((p) => p.text);
    expect(sources).toHaveLength(EXCERPTS.length);
    expect(sources).toContain(
      'Eastbridge FG2 19 March  ·  Groups: Eastbridge, Pilot sites  ·  Speakers: Facilitator, Zoë (Housing)  ·  Position 379–490  ·  Coder: bob',
    );
    const memos = ps.filter((p) => p.style === 'ExcerptMemo').map((p) => p.text);
    expect(memos).toContain(
      'Memo  Key quote for the paper — compare Eastbridge.\nAsk Sam whether police see the same.',
    );
    expect(memos).toHaveLength(3);
  });

  it('shows context in grey and marks the coded words, or leaves context out when asked', async () => {
    const quote = ps.find((p) => p.text.startsWith('…and I keep coming back to this: Honestly'))!;
    expect(quote.xml).toMatch(
      /<w:color w:val="8A9099"\/>[\s\S]*?<w:t[^>]*>…and I keep coming back to this: <\/w:t>/,
    );
    expect(quote.xml).toMatch(/<w:shd [^>]*w:fill="[0-9A-F]{6}"/);
    expect(quote.xml).toContain('<w:left w:val="single" w:color="F58231"');
    const bare = paragraphs(await excerptsToDocx(EXCERPTS, { ...OPTIONS, context: false }));
    const quotes = bare.filter((p) => p.style === 'Quote');
    expect(quotes.map((p) => p.text)).toContain(
      'Honestly the targets drive everything. My manager counts tenancies sustained, not people helped. 😀',
    );
    expect(quotes.some((p) => p.xml.includes('8A9099') || p.text.includes('keep coming back'))).toBe(false);
  });

  it('gives a parent without excerpts of its own a heading, so its sub-code is not filed under the wrong code', async () => {
    const only = EXCERPTS.filter(
      (e) => e.path === 'Managerial domination/Targets' || e.path === 'Little miracles',
    );
    const got = paragraphs(await excerptsToDocx(only, OPTIONS));
    expect(headings(got).map((h) => [h.style, h.text])).toEqual([
      ['Heading1', '■\u00A0Managerial domination'],
      ['Heading2', '■\u00A0Managerial domination / Targets'],
      ['Heading1', '■\u00A0Little miracles'],
    ]);
    expect(got.map((p) => p.text)).toContain(
      'No excerpts coded with this code itself; see its sub-codes below.',
    );
    expect(got.map((p) => p.text)).toContain('Contents: 4 excerpts · 2 codes · 2 documents');
  });

  it('without the codebook, orders codes as the other reports do and still works', async () => {
    const got = paragraphs(await excerptsToDocx(EXCERPTS));
    expect(got[0]!.text).toBe('Coded excerpts');
    expect(headings(got).map((h) => h.text.slice(2))).toEqual([
      'Little miracles',
      'Managerial domination',
      'Managerial domination / Targets',
      'Secret caseloads',
    ]);
    expect(got.map((p) => p.text)).toContain('Filters: None (all coded excerpts)');
  });

  it('says when nothing matched', async () => {
    const got = await excerptsToDocx([], { ...OPTIONS, filters: ['Speaker: Nobody'] });
    expect(xmlProblems(got)).toEqual([]);
    const t = paragraphs(got).map((p) => p.text);
    expect(t).toContain('No excerpts match these filters.');
    expect(t).toContain('Contents: 0 excerpts · 0 codes · 0 documents');
  });

  it('strips characters that XML forbids, so Word never reports the file as corrupt', async () => {
    const nasty = 'A\u0000B\u0001C\u0008D\u000BE\u000CF\u000EG\u001FH\uD800I\uDC00J\uFFFEK\uFFFFL';
    const got = await excerptsToDocx(
      [
        excerpt(3, {
          doc: `Doc${nasty}`,
          groups: [`Group${nasty}`],
          speakers: [`Speaker${nasty}`],
          code: `Code${nasty}`,
          path: `Code${nasty}`,
          text: `Text ${nasty} <tag> & "quotes"`,
          before: `before${nasty}`,
          after: `after${nasty}`,
          memo: `Memo${nasty}`,
          coder: `coder${nasty}`,
        }),
      ],
      { ...OPTIONS, title: `Title${nasty}`, projectName: `Project${nasty}`, filters: [`Filter${nasty}`] },
    );
    expect(xmlProblems(got)).toEqual([]);
    const t = paragraphs(got).map((p) => p.text);
    // Vertical tab and form feed become line breaks; lone surrogates become U+FFFD; the rest go.
    const clean = 'ABCD\nE\nFGH\uFFFDI\uFFFDJKL';
    expect(t).toContain(`Title${clean}`);
    const quote = paragraphs(got)
      .filter((p) => p.style === 'Quote')
      .map((p) => p.text);
    // Context is shown on one line either side, as the other reports do.
    expect(quote).toEqual([
      'beforeABCD E FGH\uFFFDI\uFFFDJKLText ABCD',
      'E',
      'FGH\uFFFDI\uFFFDJKL <tag> & "quotes"afterABCD E FGH\uFFFDI\uFFFDJKL',
    ]);
    expect(t).toContain(`Memo  Memo${clean}`);
  });

  it('copes with a very long excerpt and 2,000 excerpts, reporting progress', async () => {
    const long = 'Zoë (Housing): ' + 'We keep the case open off the books. '.repeat(6000);
    const many = Array.from({ length: 2000 }, (_, i) =>
      excerpt([2, 3, 4][i % 3]!, {
        text: i === 7 ? long : `Excerpt number ${i}: the targets again.`,
        start: i * 100,
      }),
    );
    const calls: [number, number][] = [];
    const got = await excerptsToDocx(many, { ...OPTIONS, onProgress: (d, t) => calls.push([d, t]) });
    expect(xmlProblems(got)).toEqual([]);
    const t = paragraphs(got).map((p) => p.text);
    expect(t).toContain('Contents: 2000 excerpts · 3 codes · 1 document');
    expect(t.filter((x) => /^…and I keep coming back to this: Excerpt number \d+:/.test(x))).toHaveLength(
      1999,
    );
    expect(t.some((x) => x.length > long.length)).toBe(true);
    expect(calls[0]).toEqual([0, 2000]);
    expect(calls[calls.length - 1]).toEqual([2000, 2000]);
    expect(calls.length).toBeGreaterThan(50);
    expect(calls.every(([d], i) => i === 0 || d > calls[i - 1]![0])).toBe(true);
  });
});
