import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  barChartSvg,
  contrastRatio,
  heatColor,
  heatLegend,
  heatScale,
  participationChartSvg,
  scaleColor,
} from '../../shared/charts';
import { escapeXml } from '../../shared/charts/svg';

function expectAccessibleSvg(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as {
    svg: {
      role: string;
      'aria-labelledby': string;
      title: { id: string };
      desc: { id: string };
      'font-family': string;
    };
  };
  expect(doc.svg.role).toBe('img');
  expect(doc.svg['aria-labelledby']).toBe(`${doc.svg.title.id} ${doc.svg.desc.id}`);
  expect(doc.svg['font-family']).toMatch(/^system-ui, .*sans-serif$/);
  // Nothing fetched: no links, no CSS urls or imports, no scripts; the only URL is the SVG namespace.
  expect(svg).not.toMatch(/href|url\(|@import|<script|<image|<foreignObject/i);
  expect(svg.match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg']);
}

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('bar chart', () => {
  const bars = [
    { label: 'Northgate', value: 12 },
    { label: 'East <b>&"bridge\'', value: 1234 },
    { label: 'Zero', value: 0 },
  ];

  it('is well-formed, labelled SVG with every value as text', () => {
    const svg = barChartSvg({
      title: 'Targets by group',
      bars,
      valueLabel: 'Codings',
      categoryLabel: 'Document group',
    });
    expectAccessibleSvg(svg);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['Targets by group', 'Codings', 'Document group', '12', '1,234', '0']),
    );
    expect(svg).toContain('East &lt;b&gt;&amp;&quot;bridge&#39;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('<desc id="');
    expect(svg).toMatch(
      /Codings by Document group: Northgate 12; East &lt;b&gt;&amp;&quot;bridge&#39; 1,234; Zero 0\./,
    );
    expect(svg.match(/<rect [^>]*fill="#4C78A8"/g)).toHaveLength(3);
  });

  it('copes with no bars, percentages, long labels and hostile text', () => {
    expectAccessibleSvg(
      barChartSvg({ title: 'Empty', bars: [], valueLabel: 'Codings', categoryLabel: 'role' }),
    );
    const svg = barChartSvg({
      title: 'A </title><script>alert(1)</script> \u0001 title',
      bars: [{ label: 'x'.repeat(80), value: 33.333 }],
      valueLabel: 'Words coded',
      categoryLabel: 'role',
      unit: '%',
    });
    expectAccessibleSvg(svg);
    expect(texts(svg)).toContain('33.3%');
    expect(texts(svg)).toContain(`${'x'.repeat(31)}…`);
    expect(svg).toContain(`<title>${'x'.repeat(80)}: 33.3%</title>`);
  });
});

describe('participation chart', () => {
  it('shows turns and words in separately headed panels, values as text', () => {
    const svg = participationChartSvg({
      title: 'Who spoke in Northgate',
      speakers: [
        { name: 'Zoë (Housing)', turns: 2, words: 28 },
        { name: 'Sam & Co', turns: 1, words: 15 },
      ],
    });
    expectAccessibleSvg(svg);
    const t = texts(svg);
    expect(t).toEqual(
      expect.arrayContaining([
        'Turns',
        'Words',
        'Words spoken',
        'Zoë (Housing)',
        'Sam &amp; Co',
        '2',
        '28',
        '15',
      ]),
    );
    expect(svg).toContain('Zoë (Housing) 2 turns, 28 words; Sam &amp; Co 1 turns, 15 words');
  });
});

describe('heat-map scale', () => {
  it('darkens with the value and keeps text readable on every cell', () => {
    let last = Infinity;
    for (let v = 0; v <= 100; v += 5) {
      const c = heatColor(v, 100);
      expect(c.background).toMatch(/^#[0-9A-F]{6}$/);
      expect(contrastRatio(c.background, c.text)).toBeGreaterThanOrEqual(4.5);
      const lum = contrastRatio(c.background, '#000000');
      expect(lum).toBeLessThanOrEqual(last);
      last = lum;
    }
    expect(heatColor(0, 100)).toEqual({ background: '#F7FBFF', text: '#000000', level: 0 });
    expect(heatColor(100, 100)).toEqual({ background: '#08306B', text: '#FFFFFF', level: 4 });
    expect(heatColor(5, 0).level).toBe(0);
    expect(scaleColor(Number.NaN)).toBe('#F7FBFF');
  });

  it('fits a scale to a matrix and builds a legend', () => {
    const scale = heatScale([
      [0, 5],
      [10, 2],
    ]);
    expect(scale(10).background).toBe('#08306B');
    expect(scale(0).background).toBe('#F7FBFF');
    expect(heatScale([[0, 0]])(0).level).toBe(0);
    expect(heatLegend(8, 5).map((l) => l.value)).toEqual([0, 2, 4, 6, 8]);
    expect(escapeXml('a\u0000b<')).toBe('ab&lt;');
  });
});
