import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, newProject } from '../helpers/project';
import { type Fixture, buildFixture, CODES, CODINGS, rangeOf } from './fixture';
import { type ModelCols, type ModelFilters, expected, model } from './model';
import {
  type ColumnSpec,
  type MatrixMeasure,
  type MatrixQuery,
  MATRIX_MEASURES,
  computeMatrix,
  matrixCellCodingIds,
  matrixCellExcerpts,
  codeFrequency,
} from '../../db/analysis';
import { matrixToCsv, parseColumnSpec } from '../../db/analysis/format';

let fx: Fixture;
beforeAll(() => {
  fx = buildFixture();
});
afterAll(() => {
  fx.project.close();
  cleanupTempDirs();
});

const COLS: ModelCols[] = ['document', 'group', 'speaker', 'doc-attr:wave', 'speaker-attr:role'];
const FILTERS: [string, ModelFilters][] = [
  ['no filter', {}],
  ['facilitator excluded', { exclude: ['Facilitator'] }],
  ['only Priya and Sam', { speakers: ['Priya', 'Sam'] }],
  ['coder other', { coders: ['other'] }],
  ['group East', { groups: ['East'] }],
  ['east-1 without Jo', { docs: ['east-1'], exclude: ['Jo'] }],
];

function query(cols: ModelCols, measure: MatrixMeasure, subcodes: boolean, f: ModelFilters): MatrixQuery {
  return {
    columns: parseColumnSpec(cols),
    measure,
    subcodes,
    coderIds: f.coders?.map((c) => fx.coderId[c]!),
    groupIds: f.groups?.map(
      (g) => fx.project.db.prepare('SELECT id FROM doc_groups WHERE name = ?').pluck().get(g) as number,
    ),
    documentIds: f.docs?.map((d) => fx.docId[d]!),
    speakerIds: f.speakers?.map((s) => fx.speakerId[s]!),
    excludeSpeakerIds: f.exclude?.map((s) => fx.speakerId[s]!),
  };
}

function expectClose(actual: number[], wanted: number[], what: string): void {
  expect(actual.length, what).toBe(wanted.length);
  actual.forEach((v, i) => expect(v, `${what}[${i}]`).toBeCloseTo(wanted[i]!, 9));
}

describe('code matrix against brute-force counts', () => {
  for (const cols of COLS)
    for (const [fname, f] of FILTERS)
      for (const subcodes of [false, true])
        it(`${cols}, ${fname}${subcodes ? ', sub-codes rolled up' : ''}`, () => {
          for (const measure of MATRIX_MEASURES) {
            const got = computeMatrix(fx.project, query(cols, measure, subcodes, f));
            const want = expected(cols, measure, subcodes, f);
            const what = `${measure}`;
            expect(got.measure).toBe(measure);
            expect(got.rows.map((r) => r.path)).toEqual(want.rows);
            expect(
              got.cols.map((c) => c.label),
              what,
            ).toEqual(want.cols);
            got.cells.forEach((row, r) => expectClose(row, want.cells[r]!, `${what} cells[${r}]`));
            expectClose(got.rowTotals, want.rowTotals, `${what} rowTotals`);
            expectClose(got.colTotals, want.colTotals, `${what} colTotals`);
            expect(got.total, `${what} total`).toBeCloseTo(want.total, 9);
          }
        });
});

describe('code matrix details', () => {
  it('gives rows with depth and stable column keys', () => {
    const m = computeMatrix(fx.project, { columns: { kind: 'group' } });
    expect(m.rows.map((r) => r.depth)).toEqual([0, 1, 1, 0, 1, 0]);
    for (const c of m.cols) expect(c.key).toMatch(/^group:\d+$/);
    const wave = computeMatrix(fx.project, { columns: { kind: 'document-attribute', name: 'wave' } });
    expect(wave.cols).toEqual([
      { key: 'document-attribute:1', label: '1' },
      { key: 'document-attribute:2', label: '2' },
    ]);
  });

  it('totals are distinct counts, not sums, where columns overlap', () => {
    // north-2 is in both groups: its codings appear under North and East but count once in the totals.
    const m = computeMatrix(fx.project, { columns: { kind: 'group' } });
    const sum = m.colTotals.reduce((a, b) => a + b, 0);
    expect(m.total).toBe(CODINGS.length);
    expect(sum).toBeGreaterThan(m.total);
    const docs = computeMatrix(fx.project, {
      columns: { kind: 'group' },
      measure: 'documents',
      subcodes: true,
    });
    expect(docs.total).toBe(3);
  });

  it('keeps only the asked codes as rows, rolled up with their sub-codes', () => {
    const md = fx.codeId['Managerial domination']!;
    const m = computeMatrix(fx.project, { columns: { kind: 'document' }, codeIds: [md], subcodes: true });
    expect(m.rows.map((r) => r.path)).toEqual(['Managerial domination']);
    expect(m.total).toBe(CODINGS.filter((c) => c.code.startsWith('Managerial domination')).length);
    const f = codeFrequency(fx.project, md, { columns: { kind: 'group' }, subcodes: true });
    // East holds north-2 and east-1, North holds north-1 and north-2: the shared document counts in both.
    expect(f.bars.map((b) => [b.label, b.value])).toEqual([
      ['East', 6],
      ['North', 8],
    ]);
    expect(f.total).toBe(m.total);
  });

  it('handles an empty project and out-of-range cells', () => {
    const p = newProject();
    for (const measure of MATRIX_MEASURES)
      for (const kind of ['document', 'group', 'speaker'] as const)
        expect(computeMatrix(p, { columns: { kind }, measure })).toEqual({
          measure,
          rows: [],
          cols: [],
          cells: [],
          rowTotals: [],
          colTotals: [],
          total: 0,
        });
    p.close();
    expect(matrixCellCodingIds(fx.project, { columns: { kind: 'group' } }, 99, 0)).toEqual([]);
    expect(matrixCellExcerpts(fx.project, { columns: { kind: 'group' } }, 0, 99)).toEqual([]);
  });

  it('refuses an unknown attribute and unknown column kinds', () => {
    expect(() =>
      computeMatrix(fx.project, { columns: { kind: 'document-attribute', name: 'nope' } }),
    ).toThrow(/No document attribute named "nope"/);
    expect(() => parseColumnSpec('colour')).toThrow(/Unknown columns/);
    expect(parseColumnSpec('speaker-attr:role')).toEqual<ColumnSpec>({
      kind: 'speaker-attribute',
      name: 'role',
    });
  });

  it('writes CSV with totals', () => {
    const csv = matrixToCsv(computeMatrix(fx.project, { columns: { kind: 'group' } }));
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('code,East,North,Total');
    expect(lines).toHaveLength(CODES.length + 2);
    const m = computeMatrix(fx.project, { columns: { kind: 'group' } });
    expect(lines[1]).toBe(['Managerial domination', ...m.cells[0]!, m.rowTotals[0]].join(','));
    expect(lines[lines.length - 1]).toBe(['Total', ...m.colTotals, CODINGS.length].join(','));
  });
});

describe('excerpts behind a cell', () => {
  const cases: [ModelCols, ModelFilters][] = [
    ['speaker', {}],
    ['speaker-attr:role', { exclude: ['Facilitator'] }],
    ['group', { coders: ['tester'] }],
    ['document', { speakers: ['Zoë', 'Sam'] }],
  ];
  for (const [cols, f] of cases)
    it(`match the brute-force placement for ${cols}`, () => {
      const q = query(cols, 'codings', true, f);
      const m = computeMatrix(fx.project, q);
      const want = expected(cols, 'codings', true, f);
      const ids = new Map(model(f).codings.map((k) => [k.id, k]));
      const idOf = (specId: number) => {
        const k = CODINGS[specId]!;
        const { start, end } = rangeOf(k);
        return fx.project.db
          .prepare('SELECT id FROM codings WHERE document_id = ? AND code_id = ? AND start = ? AND end = ?')
          .pluck()
          .get(fx.docId[k.doc], fx.codeId[k.code], start, end) as number;
      };
      m.rows.forEach((_, r) =>
        m.cols.forEach((_, c) => {
          const got = matrixCellCodingIds(fx.project, q, r, c);
          expect(got.length).toBe(want.cells[r]![c]);
          for (const id of got) expect([...ids.keys()].map(idOf)).toContain(id);
        }),
      );
      expect(matrixCellCodingIds(fx.project, q, null, null)).toHaveLength(want.total);
      expect(matrixCellCodingIds(fx.project, q, 0, null)).toHaveLength(want.rowTotals[0]!);
    });

  it('returns excerpts with text for a speaker cell', () => {
    const q: MatrixQuery = { columns: { kind: 'speaker' } };
    const m = computeMatrix(fx.project, q);
    const trust = m.rows.findIndex((r) => r.path === 'Relationships/Trust');
    const sam = m.cols.findIndex((c) => c.label === 'Sam');
    const excerpts = matrixCellExcerpts(fx.project, q, trust, sam);
    expect(excerpts.map((e) => e.text).sort()).toEqual(
      ['Sam: Trust matters most. We had', 'We keep a secret caseload.\n\nSam: Trust matters most.'].sort(),
    );
    expect(excerpts.every((e) => e.speakers.includes('Sam'))).toBe(true);
  });
});
