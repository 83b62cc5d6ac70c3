// `npm run bench [-- --size standard|large]`: times the core on the synthetic focus-group corpus.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Project } from '../db/project';
import { importFiles } from '../db/import/import-files';
import { insertCode, listCodes } from '../db/codes';
import { addCodings, type NewCoding } from '../db/codings';
import { queryExcerpts } from '../db/excerpts';
import { searchText } from '../db/search';
import { projectStats } from '../db/stats';
import { timeIt, median, printTable, type Figure } from './measure';
import { benchAnalysis } from './analysis';
import { benchFilteredExcerpts, benchQdpx, benchUndo } from './core-extra';

const SIZES = {
  standard: { docs: 60, words: 15000, groups: 6, codes: 40, codings: 20000 },
  large: { docs: 300, words: 30000, groups: 6, codes: 40, codings: 200000 },
} as const;

const here = dirname(fileURLToPath(import.meta.url));
const size = (
  process.argv.includes('--size') ? process.argv[process.argv.indexOf('--size') + 1] : 'standard'
) as keyof typeof SIZES;
if (!(size in SIZES)) throw new Error(`Unknown size "${size}"; use standard or large.`);

function corpus(): string {
  const maker = resolve(here, '../../shared/corpus/make-corpus.mjs');
  if (!existsSync(maker))
    throw new Error(`The corpus generator is missing: ${maker} (it lives in ../shared beside the project).`);
  const dir = join(here, '.corpus', size);
  if (!existsSync(join(dir, 'manifest.json'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const s = SIZES[size];
    const args = Object.entries(s).flatMap(([k, v]) => [`--${k}`, String(v)]);
    execFileSync(process.execPath, [maker, dir, ...args], { stdio: 'inherit' });
  }
  return dir;
}

async function main(): Promise<void> {
  const dir = corpus();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    words: number;
    codings: number;
  };
  const work = mkdtempSync(join(tmpdir(), 'commonplace-bench-'));
  const project = Project.create(join(work, 'bench.commonplace'), { coder: 'bench' });
  const figures: Figure[] = [];
  const add = (f: Figure) => {
    figures.push(f);
    // Peak RSS so far on each line, to see which step drives the figure at the end.
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    const m = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 2 ** 20);
    process.stderr.write(
      `  ${f.name}: ${f.value} ${f.unit}  (peak RSS ${peak} MB; now RSS ${mb(m.rss)}${residentParts()}, JS heap ${mb(m.heapUsed)}/${mb(m.heapTotal)}, external ${mb(m.external)} MB)\n`,
    );
  };

  const importMs = await timeIt(() => importFiles(project, [dir], { groupFromFolder: true }));
  add({ name: 'import: all documents', value: Math.round(importMs), unit: 'ms' });
  const words = projectStats(project).words;
  add({
    name: 'import: words per second',
    value: Math.round(words / (importMs / 1000)),
    unit: 'words/s',
    target: 1_000_000,
    higherIsBetter: true,
  });

  const codebook = JSON.parse(readFileSync(join(dir, 'codebook.json'), 'utf8')) as {
    name: string;
    parent: string | null;
    color: string;
  }[];
  project.mutate('Create codebook', () => {
    const ids = new Map<string, number>();
    for (const c of codebook)
      ids.set(
        c.name,
        insertCode(project, { name: c.name, color: c.color, parentId: c.parent ? ids.get(c.parent) : null }),
      );
  });
  const codeIds = new Map(listCodes(project).map((c) => [c.name, c.id]));
  const docIds = new Map(
    (project.db.prepare('SELECT id, name FROM documents').all() as { id: number; name: string }[]).map(
      (d) => [d.name, d.id],
    ),
  );
  // Let, not const: the benchmark's own copy of the corpus codings is dropped once timed, so that it does
  // not count in the core's peak RSS.
  let batch: NewCoding[] = readFileSync(join(dir, 'codings.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const r = JSON.parse(line) as { doc: string; start: number; end: number; code: string };
      const name = r.doc.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
      return { documentId: docIds.get(name)!, codeId: codeIds.get(r.code)!, start: r.start, end: r.end };
    });
  const codingMs = await timeIt(() => addCodings(project, batch));
  add({ name: 'batch coding', value: Math.round(codingMs), unit: 'ms' });
  add({
    name: 'batch coding: codings per second',
    value: Math.round(batch.length / (codingMs / 1000)),
    unit: 'codings/s',
    target: 100_000,
    higherIsBetter: true,
  });
  batch = [];

  const firstCode = codeIds.get(codebook[0]!.name)!;
  const excerptRuns: number[] = [];
  let excerpts = 0;
  for (let i = 0; i < 5; i++)
    excerptRuns.push(
      await timeIt(() => (excerpts = queryExcerpts(project, { codeIds: [firstCode] }).length)),
    );
  add({
    name: `excerpts of one code (${excerpts})`,
    value: round(median(excerptRuns)),
    unit: 'ms',
    target: 100,
  });

  add(await benchFilteredExcerpts(project, firstCode));

  for (const q of ['secret caseload', 'manager', 'tenan*']) {
    const runs: number[] = [];
    let hits = 0;
    for (let i = 0; i < 5; i++)
      runs.push(await timeIt(() => (hits = searchText(project, q, { limit: 1000 }).length)));
    add({
      name: `search "${q}" (${hits} hits, first 1000)`,
      value: round(median(runs)),
      unit: 'ms',
      target: 50,
    });
  }

  for (const f of await benchAnalysis(project)) add(f);
  for (const f of await benchUndo(project)) add(f);
  // QDPX export and import hold the whole archive in memory: the peak before them, for comparison.
  add({ name: 'peak RSS before QDPX', value: round(process.resourceUsage().maxRSS / 1024), unit: 'MB' });
  for (const f of await benchQdpx(project)) add(f);

  project.db.pragma('wal_checkpoint(TRUNCATE)');
  add({ name: 'project file size', value: round(statSync(project.path).size / 1e6), unit: 'MB' });
  add({ name: 'peak RSS', value: round(process.resourceUsage().maxRSS / 1024), unit: 'MB', target: 500 });
  project.close();
  rmSync(work, { recursive: true, force: true });

  // Loaded only now, so that Vite and Playwright do not count in the core's peak RSS above.
  if (!process.argv.includes('--no-renderer'))
    for (const f of await (await import('./renderer')).benchRenderer()) add(f);

  printTable(figures);
  const out = join(here, size === 'standard' ? 'results.json' : `results-${size}.json`);
  writeFileSync(
    out,
    `${JSON.stringify({ size, date: new Date().toISOString(), node: process.version, manifest, figures }, null, 2)}\n`,
  );
  console.log(`\nWrote ${out}`);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Anonymous and file-backed resident memory (Linux only), to tell the heaps from mapped files. */
function residentParts(): string {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return ` (anonymous ${Math.round(kb('RssAnon') / 1024)}, files ${Math.round(kb('RssFile') / 1024)})`;
  } catch {
    return '';
  }
}

await main();
