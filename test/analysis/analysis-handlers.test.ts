import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cleanupTempDirs } from '../helpers/project';
import { buildFixture } from './fixture';
import { createHandlers, dispatch } from '../../db/handlers';
import {
  type MatrixQuery,
  computeCooccurrence,
  computeMatrix,
  matrixCellCodingIds,
  matrixCellExcerpts,
} from '../../db/analysis';
import { listAttributes } from '../../db/attributes';

afterEach(cleanupTempDirs);

// The analysis calls as the renderer makes them: through dispatch, with the CLI's column spellings.
function setup() {
  const f = buildFixture();
  const handlers = createHandlers(f.project);
  const run = async <T = unknown>(name: string, args: unknown): Promise<T> => {
    const r = await dispatch(handlers, name, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as T;
  };
  const fail = async (name: string, args: unknown) => {
    const r = await dispatch(handlers, name, args);
    if (r.ok) throw new Error(`${name} succeeded`);
    return r.error;
  };
  return { ...f, run, fail };
}

describe('analysis calls', () => {
  it('answer with exactly the core numbers, columns named as the CLI names them', async () => {
    const { project, speakerId, run } = setup();
    const query = {
      columns: 'speaker-attr:role',
      measure: 'words-percent',
      excludeSpeakerIds: [speakerId.Facilitator!],
    } as const;
    const core = computeMatrix(project, {
      columns: { kind: 'speaker-attribute', name: 'role' },
      measure: 'words-percent',
      excludeSpeakerIds: [speakerId.Facilitator!],
    });
    expect(await run('analysis.matrix', query)).toEqual(core);
    const coreQuery: MatrixQuery = {
      columns: { kind: 'speaker-attribute', name: 'role' },
      measure: 'words-percent',
      excludeSpeakerIds: [speakerId.Facilitator!],
    };
    const row = core.cells.findIndex((r) => r.some((v) => v > 0));
    const col = core.cells[row]!.findIndex((v) => v > 0);
    const cell = await run('analysis.matrixCell', { query, row, col });
    expect(cell).toEqual(matrixCellExcerpts(project, coreQuery, row, col));
    expect(cell).not.toEqual([]);
    expect(await run('analysis.cooccurrence', { within: 'turn' })).toEqual(
      computeCooccurrence(project, { within: 'turn' }),
    );
  });

  it('turn unknown ids and names into not-found or invalid-argument, never internal', async () => {
    const { codeId, fail } = setup();
    expect((await fail('analysis.matrix', { columns: 'doc-attr:colour' })).code).toBe('not-found');
    expect((await fail('analysis.matrix', { columns: 'rows' })).code).toBe('invalid-argument');
    expect((await fail('analysis.codeFrequency', { codeId: 99_999, by: 'group' })).code).toBe('not-found');
    expect(
      (
        await fail('analysis.cooccurrencePassages', {
          query: {},
          codeA: codeId.Relationships!,
          codeB: 99_999,
        })
      ).code,
    ).toBe('not-found');
    expect((await fail('analysis.participation', { documentId: 99_999 })).code).toBe('not-found');
    expect(
      (await fail('attributes.set', { scope: 'speaker', targetId: 99_999, name: 'role', value: 'x' })).code,
    ).toBe('not-found');
    expect((await fail('speakers.merge', { fromId: 99_999, intoId: 1 })).code).toBe('not-found');
    expect(
      (await fail('analysis.matrix', { columns: 'group', groupIds: new Array(5001).fill(1) })).code,
    ).toBe('invalid-argument');
  });

  it('import attributes from CSV text, naming the row of a problem', async () => {
    const { project, run, fail } = setup();
    const r = await run<{ values: number }>('attributes.importCsv', {
      scope: 'document',
      fileName: 'sites.csv',
      text: 'document,site\nnorth-1,Northgate\neast-1,Eastbridge\n',
    });
    expect(r).toMatchObject({ values: 2, targets: 2 });
    expect(listAttributes(project, 'document').filter((a) => a.name === 'site')).toHaveLength(2);
    const e = await fail('attributes.importCsv', {
      scope: 'document',
      fileName: 'sites.csv',
      text: 'document,site\nnorth-1,N\nsouth-9,S\n',
    });
    expect(e).toMatchObject({ code: 'bad-input' });
    expect(e.message).toMatch(/sites\.csv: .*row 3: no document named "south-9"/);
  });

  it('export the matrix as CSV and as a workbook with the same numbers and an About sheet', async () => {
    const { project, speakerId, run } = setup();
    const query = { columns: 'group', subcodes: true, excludeSpeakerIds: [speakerId.Facilitator!] };
    const csv = await run<{ data: string; fileName: string }>('analysis.matrixExport', {
      query,
      format: 'csv',
    });
    expect(csv.fileName).toMatch(/code matrix\.csv$/);
    expect(csv.data.split('\r\n')[0]).toBe('\uFEFFcode,East,North,Total');
    const xlsx = await run<{ data: string; encoding: string }>('analysis.matrixExport', {
      query,
      format: 'xlsx',
    });
    expect(xlsx.encoding).toBe('base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Matrix')!;
    const m = computeMatrix(project, {
      columns: { kind: 'group' },
      subcodes: true,
      excludeSpeakerIds: [speakerId.Facilitator!],
    });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Code', 'East', 'North', 'Total']);
    m.rows.forEach((r, i) =>
      expect((sheet.getRow(i + 2).values as unknown[]).slice(1)).toEqual([
        r.path,
        ...m.cells[i]!,
        m.rowTotals[i],
      ]),
    );
    expect((sheet.getRow(m.rows.length + 2).values as unknown[]).slice(1)).toEqual([
      'Total',
      ...m.colTotals,
      m.total,
    ]);
    const about = wb.getWorksheet('About')!;
    const facts = Object.fromEntries(
      about.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])),
    );
    expect(facts).toMatchObject({
      Columns: 'Document groups',
      Cells: 'Codings',
      Filters: 'Excluding speakers: Facilitator',
      Rows: 'Codes, with sub-codes rolled up into their parents',
    });
  });

  it('list exactly the codings of a cell, total or not, under any filter (narrowed by code and document)', () => {
    const { project, docId, codeId, coderId, speakerId } = buildFixture();
    const queries: MatrixQuery[] = [
      { columns: { kind: 'group' } },
      { columns: { kind: 'document' }, subcodes: true, documentIds: [docId['north-2']!, docId['east-1']!] },
      { columns: { kind: 'speaker' }, measure: 'words', coderIds: [coderId.tester!] },
      { columns: { kind: 'speaker-attribute', name: 'role' }, excludeSpeakerIds: [speakerId.Facilitator!] },
      { columns: { kind: 'group' }, codeIds: [codeId['Relationships']!], subcodes: true },
    ];
    for (const q of queries) {
      const m = computeMatrix(project, q);
      const rows = [null, ...m.rows.keys()];
      const cols = [null, ...m.cols.keys()];
      for (const r of rows)
        for (const c of cols) {
          const ids = matrixCellCodingIds(project, q, r, c).sort((a, b) => a - b);
          const got = matrixCellExcerpts(project, q, r, c).map((e) => e.codingId);
          expect(
            [...got].sort((a, b) => a - b),
            JSON.stringify([q, r, c]),
          ).toEqual(ids);
        }
    }
  });
});
