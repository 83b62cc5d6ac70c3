// Timings of the comparative analysis (issue 4) on the benchmark project; wired into bench/run.ts.
import type { Project } from '../db/project';
import { writeAttribute } from '../db/attributes';
import { addCoding } from '../db/codings';
import { computeCooccurrence, computeMatrix, type MatrixQuery } from '../db/analysis';
import { median, timeIt, type Figure } from './measure';

const RUNS = 5;
const round = (n: number) => Math.round(n * 10) / 10;

// The synthetic corpus has no attributes: give documents a "wave" (1–3) and speakers the role in their
// name ("Jo B (Housing)"), as a researcher would import them.
function addAttributes(project: Project): void {
  const docs = project.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  const speakers = project.db.prepare('SELECT id, name FROM speakers').all() as {
    id: number;
    name: string;
  }[];
  project.mutate('Benchmark attributes', () => {
    docs.forEach((id, i) => writeAttribute(project, 'document', id, 'wave', String((i % 3) + 1), 'number'));
    for (const s of speakers) {
      const role = /\(([^)]+)\)\s*$/.exec(s.name)?.[1] ?? 'Facilitator';
      writeAttribute(project, 'speaker', s.id, 'role', role, 'text');
    }
  });
}

export async function benchAnalysis(project: Project): Promise<Figure[]> {
  addAttributes(project);
  const facilitator = project.db
    .prepare("SELECT id FROM speakers WHERE name = 'Facilitator'")
    .pluck()
    .get() as number | undefined;
  const figures: Figure[] = [];
  const time = async (name: string, target: number, fn: () => { cells: number[][] }) => {
    fn(); // warm-up: compiled code and the word index are ready before timing, as in a working session
    const runs: number[] = [];
    let size = '';
    for (let i = 0; i < RUNS; i++)
      runs.push(
        await timeIt(() => {
          const r = fn();
          size = `${r.cells.length}×${r.cells[0]?.length ?? 0}`;
        }),
      );
    figures.push({ name: `${name} (${size})`, value: round(median(runs)), unit: 'ms', target });
  };
  const matrix = (q: MatrixQuery) => () => computeMatrix(project, q);
  const cold = await timeIt(() => computeMatrix(project, { columns: { kind: 'group' }, measure: 'words' }));
  figures.push({
    name: 'matrix code×group, words, first run (indexes word offsets)',
    value: round(cold),
    unit: 'ms',
  });
  await time('matrix code×group, codings', 100, matrix({ columns: { kind: 'group' } }));
  await time(
    'matrix code×group, sub-codes, documents',
    100,
    matrix({ columns: { kind: 'group' }, subcodes: true, measure: 'documents' }),
  );
  await time('matrix code×speaker, codings', 100, matrix({ columns: { kind: 'speaker' } }));
  await time(
    'matrix code×speaker, words, facilitator excluded',
    100,
    matrix({
      columns: { kind: 'speaker' },
      measure: 'words',
      excludeSpeakerIds: facilitator ? [facilitator] : [],
    }),
  );
  await time(
    'matrix code×doc-attr, codings',
    100,
    matrix({ columns: { kind: 'document-attribute', name: 'wave' } }),
  );
  await time(
    'matrix code×speaker-attr, words %',
    100,
    matrix({ columns: { kind: 'speaker-attribute', name: 'role' }, measure: 'words-percent' }),
  );
  await time('co-occurrence, overlap', 100, () => computeCooccurrence(project, { within: 'overlap' }));
  await time('co-occurrence, same turn', 100, () => computeCooccurrence(project, { within: 'turn' }));

  // The figures above reuse the codings and turns analysis keeps in memory between queries, as a
  // researcher flipping between tables does; the first query after a change reloads them.
  const afterChange = async (name: string, fn: () => unknown) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      applyOneCoding(project);
      runs.push(await timeIt(fn));
      project.history.undo();
    }
    figures.push({
      name: `${name}, first query after applying a code`,
      value: round(median(runs)),
      unit: 'ms',
    });
  };
  await afterChange('matrix code×speaker, codings', matrix({ columns: { kind: 'speaker' } }));
  await afterChange('co-occurrence, same turn', () => computeCooccurrence(project, { within: 'turn' }));
  return figures;
}

function applyOneCoding(project: Project): void {
  const [documentId, codeId] = project.db
    .prepare('SELECT (SELECT min(id) FROM documents), (SELECT max(id) FROM codes)')
    .raw()
    .get() as [number, number];
  addCoding(project, { documentId, codeId, start: 0, end: 5 });
}
