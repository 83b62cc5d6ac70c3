import { describe, expect, it } from 'vitest';
import type { AttributeDefInfo, MatrixResult } from '../../shared/contract/analysis-calls';
import type { CodeInfo } from '../../shared/types';
import {
  cellName,
  columnChoices,
  formatValue,
  heatFor,
  heatMax,
  matrixTitle,
  matrixToTsv,
  rowLabels,
  validColumns,
} from '../../renderer/analysis/matrix-logic';
import { filterArgs } from '../../renderer/analysis/compare-store';
import { columnsLabel, measureInfo, MEASURES } from '../../shared/analysis-labels';
import { contrastRatio } from '../../shared/charts';

const def = (id: number, scope: 'document' | 'speaker', name: string): AttributeDefInfo => ({
  id,
  scope,
  name,
  type: 'text',
  values: 1,
});

const code = (id: number, name: string, parentId: number | null, color = '#112233'): CodeInfo => ({
  id,
  guid: `g${id}`,
  parentId,
  name,
  path: name,
  color,
  description: '',
  position: id,
  codings: 0,
});

const matrix: MatrixResult = {
  measure: 'codings',
  rows: [
    { codeId: 1, path: 'Managerial domination', depth: 0 },
    { codeId: 2, path: 'Managerial domination/Targets', depth: 1 },
  ],
  cols: [
    { key: 'group:1', label: 'Eastbridge' },
    { key: 'group:2', label: 'North\tgate' },
  ],
  cells: [
    [3, 1200],
    [0, 2],
  ],
  rowTotals: [1203, 2],
  colTotals: [3, 1202],
  total: 1205,
};

describe('code matrix logic', () => {
  it('prints counts whole and percentages to one decimal', () => {
    expect(formatValue(1234, false)).toBe((1234).toLocaleString());
    expect(formatValue(2.6, false)).toBe('3');
    expect(formatValue(12.345, true)).toBe(
      `${(12.3).toLocaleString(undefined, { minimumFractionDigits: 1 })}%`,
    );
    expect(formatValue(0, true)).toMatch(/^0[.,]0%$/);
    expect(formatValue(NaN, false)).toBe('–');
  });

  it('offers documents, groups, speakers and every attribute by name, and forgets attributes that went', () => {
    const choices = columnChoices([
      def(1, 'speaker', 'role'),
      def(2, 'document', 'wave'),
      def(3, 'document', 'site'),
    ]);
    expect(choices.map((c) => [c.value, c.group])).toEqual([
      ['group', 'Basic'],
      ['document', 'Basic'],
      ['speaker', 'Basic'],
      ['doc-attr:site', 'Document attributes'],
      ['doc-attr:wave', 'Document attributes'],
      ['speaker-attr:role', 'Speaker attributes'],
    ]);
    expect(validColumns('speaker-attr:role', choices, true)).toBe('speaker-attr:role');
    expect(validColumns('speaker-attr:gone', choices, true)).toBe('group');
    expect(validColumns(null, choices, false)).toBe('document');
    expect(columnsLabel('doc-attr:wave')).toBe('Document attribute: wave');
    expect(matrixTitle('Words coded', 'speaker-attr:role')).toBe('Words coded by role (speaker attribute)');
    expect(matrixTitle('Codings', 'group')).toBe('Codings by document group');
  });

  it('names rows by code name with depth and colour, falling back to the path', () => {
    expect(rowLabels(matrix.rows, [code(2, 'Targets', 1, '#E6194B')])).toEqual([
      { name: 'Managerial domination', path: 'Managerial domination', depth: 0, color: '#888888' },
      { name: 'Targets', path: 'Managerial domination/Targets', depth: 1, color: '#E6194B' },
    ]);
  });

  it('copies the table as tab-separated text with paths, totals and the numbers as shown', () => {
    const n = (v: number) => formatValue(v, false);
    expect(matrixToTsv(matrix, false).split('\n')).toEqual([
      'Code\tEastbridge\tNorth gate\tTotal',
      `Managerial domination\t3\t${n(1200)}\t${n(1203)}`,
      'Managerial domination/Targets\t0\t2\t2',
      `Total\t3\t${n(1202)}\t${n(1205)}`,
      '',
    ]);
  });

  it('shades from zero to the largest cell with readable text, optionally ignoring the diagonal', () => {
    const cells = [
      [9, 2],
      [2, 7],
    ];
    expect(heatMax(cells)).toBe(9);
    expect(heatMax(cells, true)).toBe(2);
    const heat = heatFor(cells, true);
    expect(heat(2).level).toBe(4);
    expect(heat(0).level).toBe(0);
    for (const v of [0, 1, 2])
      expect(contrastRatio(heat(v).background, heat(v).text)).toBeGreaterThanOrEqual(4.5);
  });

  it('names cells for screen readers, totals included', () => {
    expect(cellName('codings', 3, 'Trust', 'Northgate')).toBe('3 codings: Trust, Northgate');
    expect(cellName('codings', 1, 'Trust', null)).toBe('1 coding: Trust, total');
    expect(cellName('documents', 2, null, 'Northgate')).toBe('2 documents: all codes, Northgate');
    expect(cellName('words-percent', 50, null, null)).toMatch(
      /^50[.,]0% of the column's words coded: grand total$/,
    );
  });

  it('describes every measure, and leaves empty filters out of the call', () => {
    expect(MEASURES.map((m) => m.id)).toEqual([
      'codings',
      'documents',
      'speakers',
      'words',
      'words-percent',
      'codings-percent',
    ]);
    expect(measureInfo('words-percent').percent).toBe(true);
    expect(filterArgs({ coderIds: [], groupIds: [3, 1], excludeSpeakerIds: [] })).toEqual({
      groupIds: [1, 3],
    });
  });
});
