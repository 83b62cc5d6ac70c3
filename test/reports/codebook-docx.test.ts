import { beforeAll, describe, expect, it } from 'vitest';
import { codebookToDocx } from '../../db/reports/codebook-docx';
import { CODES, DEEP_CODES } from './fixtures';
import { headings, paragraphs, parts, xmlProblems, type Para } from './helpers';

describe('codebookToDocx', () => {
  let buffer: Buffer;
  let ps: Para[];
  beforeAll(async () => {
    buffer = await codebookToDocx(DEEP_CODES, { projectName: 'Multi-agency study', date: '14 March 2025' });
    ps = paragraphs(buffer);
  });

  it('is a well-formed package with a title block', () => {
    expect(xmlProblems(buffer)).toEqual([]);
    expect(ps.slice(0, 4).map((p) => p.text)).toEqual([
      'Codebook',
      'Project: Multi-agency study',
      'Date: 14 March 2025',
      'Contents: 6 codes · 12 codings',
    ]);
  });

  it('gives each code a heading at its level in the tree, in tree order', () => {
    expect(headings(ps).map((h) => [h.style, h.text.slice(2)])).toEqual([
      ['Heading1', 'Managerial domination'],
      ['Heading2', 'Targets'],
      ['Heading3', 'Daily quota'],
      ['Heading1', 'Secret caseloads'],
      ['Heading1', 'Little miracles'],
      ['Heading1', 'Unused'],
    ]);
  });

  it('shows path, hex colour, counts (with sub-codes for parents) and the definition under each', () => {
    const texts = ps.map((p) => p.text);
    const at = texts.findIndex((t) => t === '■\u00A0Targets');
    expect(texts.slice(at + 1, at + 3)).toEqual([
      'Managerial domination / Targets  ·  Colour #F58231  ·  3 codings, 7 with sub-codes',
      'Numerical targets named as driving practice.\nInclude complaints about "the numbers".',
    ]);
    expect(texts).toContain('Managerial domination / Targets / Daily quota  ·  Colour #000075  ·  4 codings');
    expect(texts.filter((t) => t === 'No description yet.')).toHaveLength(2);
  });

  it('has an overview table whose colour cells are swatches with the hex written in them', () => {
    const xml = parts(buffer)['word/document.xml']!;
    const row = /<w:tr>(?:(?!<\/w:tr>)[\s\S])*?>Targets<[\s\S]*?<\/w:tr>/.exec(xml)![0];
    expect(row).toMatch(/<w:shd [^>]*w:fill="F58231"/);
    expect(row).toContain('>#F58231<');
    expect(row).toContain('>3<');
    expect(row).toContain('>7<');
    expect(row).toContain('w:anchor="code_2"');
    // Readable ink on each swatch: black on the pale one, white on navy.
    const pale = /<w:tr>(?:(?!<\/w:tr>)[\s\S])*?>Unused<[\s\S]*?<\/w:tr>/.exec(xml)![0];
    const run = (row: string, text: string) =>
      [...row.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].find((m) => m[0].includes(`>${text}<`))![0];
    expect(run(pale, '#FFD8B1')).toContain('<w:color w:val="000000"/>');
    const navy = /<w:tr>(?:(?!<\/w:tr>)[\s\S])*?>Daily quota<[\s\S]*?<\/w:tr>/.exec(xml)![0];
    expect(run(navy, '#000075')).toContain('<w:color w:val="FFFFFF"/>');
  });

  it('reports progress and handles an empty codebook', async () => {
    const calls: [number, number][] = [];
    await codebookToDocx(DEEP_CODES, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls[0]).toEqual([0, 6]);
    expect(calls[calls.length - 1]).toEqual([6, 6]);
    const empty = await codebookToDocx([]);
    expect(xmlProblems(empty)).toEqual([]);
    expect(paragraphs(empty).map((p) => p.text)).toContain('No codes yet.');
  });

  it('survives control characters and bad colours in a hand-edited project', async () => {
    const got = await codebookToDocx([
      {
        ...CODES[0]!,
        name: 'Bad\u0000name\uD800',
        path: 'Bad\u0000name\uD800',
        color: 'red;x',
        description: 'a\u000Bb',
      },
    ]);
    expect(xmlProblems(got)).toEqual([]);
    expect(headings(paragraphs(got))[0]!.text).toBe('■\u00A0Badname\uFFFD');
    expect(paragraphs(got).map((p) => p.text)).toContain('a\nb');
    expect(parts(got)['word/document.xml']).toContain('#808080');
  });
});
