import { describe, expect, it } from 'vitest';
import type { AttributeDefInfo } from '../../shared/contract/analysis-calls';
import type { AttributeValue, CodeInfo } from '../../shared/types';
import {
  attributeGrid,
  decodeCsvBytes,
  editFor,
  editorValue,
  importSummary,
} from '../../renderer/analysis/attribute-logic';
import {
  codeOptions,
  defaultChartBy,
  defaultChartCode,
  frequencyChart,
  participationChart,
} from '../../renderer/analysis/chart-logic';
import { chartFileName, svgFile, svgSize } from '../../renderer/analysis/chart-export';
import { columnChoices } from '../../renderer/analysis/matrix-logic';
import { barChartSvg } from '../../shared/charts';

const defs: AttributeDefInfo[] = [
  { id: 1, scope: 'speaker', name: 'role', type: 'text', values: 2 },
  { id: 2, scope: 'speaker', name: 'lead', type: 'boolean', values: 1 },
  { id: 3, scope: 'document', name: 'wave', type: 'number', values: 1 },
];
const value = (targetId: number, name: string, v: string, scope: 'speaker' | 'document' = 'speaker') =>
  ({ scope, target: `t${targetId}`, targetId, name, type: 'text', value: v }) as AttributeValue;

describe('attribute table logic', () => {
  it('lays out one row per target and one column per attribute of the scope', () => {
    const grid = attributeGrid(
      'speaker',
      [
        { id: 7, name: 'Sam', detail: '3 turns' },
        { id: 8, name: 'Facilitator', detail: '12 turns' },
      ],
      defs,
      [value(7, 'role', 'Police'), value(7, 'lead', 'true'), value(8, 'wave', '2', 'document')],
    );
    expect(grid.defs.map((d) => d.name)).toEqual(['role', 'lead']);
    expect(grid.rows.map((r) => [r.target.name, r.values])).toEqual([
      ['Sam', ['Police', 'true']],
      ['Facilitator', [null, null]],
    ]);
  });

  it('turns an edit into nothing, a removal or a new value', () => {
    expect(editorValue('boolean', 'true')).toBe('yes');
    expect(editorValue('number', null)).toBe('');
    expect(editFor('text', 'Police', 'Police')).toEqual({ kind: 'none' });
    expect(editFor('text', 'Police', '')).toEqual({ kind: 'remove' });
    expect(editFor('text', null, '')).toEqual({ kind: 'none' });
    expect(editFor('text', 'Police', ' Police ')).toEqual({ kind: 'set', value: ' Police ' });
    expect(editFor('number', '4', ' ')).toEqual({ kind: 'remove' });
    expect(editFor('boolean', 'false', 'no')).toEqual({ kind: 'none' });
    expect(editFor('boolean', 'false', 'yes')).toEqual({ kind: 'set', value: 'yes' });
    expect(editFor('date', null, '2026-03-12')).toEqual({ kind: 'set', value: '2026-03-12' });
  });

  it('reads CSV bytes as spreadsheets save them', () => {
    const utf8 = new TextEncoder().encode('name,role\nZoë,Housing\n');
    expect(decodeCsvBytes(utf8)).toBe('name,role\nZoë,Housing\n');
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('name,role\nZoë,Housing\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Zoë'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeCsvBytes(utf16)).toBe('Zoë');
    // Windows-1252 from older Excel: ë is 0xEB, which is not valid UTF-8 on its own.
    expect(decodeCsvBytes(new Uint8Array([0x5a, 0x6f, 0xeb, 0x80, 0x8c, 0x9f]))).toBe('Zoë€ŒŸ');
  });

  it('summarises an import', () => {
    expect(
      importSummary({
        scope: 'document',
        targets: 3,
        values: 6,
        attributes: [
          { name: 'site', type: 'text', created: true },
          { name: 'sessions', type: 'number', created: false },
        ],
      }),
    ).toBe('Imported 6 values for 3 documents: site (new, text), sessions (number).');
  });
});

describe('chart logic', () => {
  const code = (id: number, name: string, parentId: number | null, codings = 0): CodeInfo => ({
    id,
    guid: `g${id}`,
    parentId,
    name,
    path: name,
    color: '#000000',
    description: '',
    position: id,
    codings,
  });

  it('lists codes indented by depth and starts with one that has codings', () => {
    const codes = [code(1, 'Managerial', null), code(2, 'Targets', 1, 4), code(3, 'Metrics', 2)];
    expect(codeOptions(codes).map((o) => o.label)).toEqual([
      'Managerial',
      '\u00a0\u00a0\u00a0Targets',
      '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Metrics',
    ]);
    expect(defaultChartCode(codes)).toBe(2);
    expect(defaultChartCode([])).toBeNull();
  });

  it('charts by a speaker attribute when there is one, else by group', () => {
    expect(defaultChartBy(columnChoices(defs))).toBe('speaker-attr:lead');
    expect(defaultChartBy(columnChoices([]))).toBe('group');
  });

  it('exports charts under their title with the size the SVG declares', () => {
    const svg = barChartSvg({
      title: 'Trust',
      bars: [{ label: 'a', value: 1 }],
      valueLabel: 'v',
      categoryLabel: 'c',
    });
    expect(svgSize(svg)).toEqual({ width: 640, height: expect.any(Number) });
    expect(() => svgSize('<svg>')).toThrow(/no size/);
    expect(chartFileName('Trust by role: "Police"/Health', 'png')).toBe('Trust by role- -Police-Health.png');
    expect(chartFileName('  ...', 'svg')).toBe('chart.svg');
    expect(svgFile('Trust', svg)).toEqual({
      fileName: 'Trust.svg',
      mimeType: 'image/svg+xml',
      data: svg,
      encoding: 'utf8',
    });
  });

  it('titles charts by what they show, in the code colour, with every value in the description', () => {
    const codes = [{ ...code(5, 'Trust', null, 3), color: '#16A085' }];
    const freq = frequencyChart(
      {
        code: { codeId: 5, path: 'Authentic relationships/Trust', depth: 1 },
        measure: 'words-percent',
        bars: [
          { key: 'speaker-attribute:Police', label: 'Police', value: 12.5 },
          { key: 'speaker-attribute:Health', label: 'Health', value: 0 },
        ],
        total: 12.5,
      },
      'speaker-attr:role',
      true,
      codes,
    );
    expect(freq.title).toBe('Trust (with sub-codes) by role');
    expect(freq.svg).toContain('fill="#16A085"');
    expect(freq.svg).toContain('<desc id=');
    expect(freq.svg).toContain('% of column&#39;s words by role: Police 12.5%; Health 0%.');
    const part = participationChart(
      [{ speakerId: 1, speaker: 'Facilitator', turns: 4, words: 54, turnsPercent: 50, wordsPercent: 40 }],
      null,
    );
    expect(part.title).toBe('Speaker participation — all documents');
    expect(part.svg).toContain('Facilitator 4 turns, 54 words');
  });
});
