// Core timings added for issue 7: filtered excerpts, undo of a large auto-code step, QDPX round trip.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../db/project';
import { insertCode } from '../db/codes';
import { insertCodings, type NewCoding } from '../db/codings';
import { queryExcerpts } from '../db/excerpts';
import { searchText } from '../db/search';
import { exportQdpx } from '../db/exchange/export-project';
import { importQdpx } from '../db/exchange/import-project';
import { median, timeIt, type Figure } from './measure';

const round = (n: number) => Math.round(n * 10) / 10;

export async function benchFilteredExcerpts(project: Project, codeId: number): Promise<Figure> {
  const group = project.db.prepare('SELECT id FROM doc_groups ORDER BY id LIMIT 1').pluck().get() as number;
  // The speaker with most turns in that group's documents, as a researcher following one participant.
  const speaker = project.db
    .prepare(
      `SELECT t.speaker_id FROM turns t JOIN group_members m ON m.document_id = t.document_id
       WHERE m.group_id = ? GROUP BY t.speaker_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .pluck()
    .get(group) as number;
  const q = { codeIds: [codeId], groupIds: [group], speakerIds: [speaker] };
  let n = 0;
  queryExcerpts(project, q);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await timeIt(() => (n = queryExcerpts(project, q).length)));
  return {
    name: `excerpts of one code, group + speaker (${n})`,
    value: round(median(runs)),
    unit: 'ms',
    target: 100,
  };
}

/** Records a 5,000-coding auto-code step (search hits of a common word, as autocode does) and undoes it. */
export async function benchUndo(project: Project): Promise<Figure[]> {
  const codeId = project.mutate('Create code', () =>
    insertCode(project, { name: 'Bench auto-code', color: '#888888', parentId: null }),
  );
  const hits = searchText(project, 'the', { limit: 5000 });
  const ranges: NewCoding[] = hits.map((h) => ({
    documentId: h.documentId,
    codeId,
    start: h.start,
    end: h.end,
  }));
  let added = 0;
  const autoMs = await timeIt(() => {
    added = project.mutate('Auto-code "the"', () => insertCodings(project, ranges)).added;
  });
  const undoMs = await timeIt(() => project.history.undo());
  const redoMs = await timeIt(() => project.history.redo());
  project.history.undo();
  return [
    { name: `auto-code step (${added} codings)`, value: round(autoMs), unit: 'ms' },
    { name: `undo of the ${added}-coding auto-code`, value: round(undoMs), unit: 'ms' },
    { name: `redo of the ${added}-coding auto-code`, value: round(redoMs), unit: 'ms' },
  ];
}

export async function benchQdpx(project: Project): Promise<Figure[]> {
  const work = mkdtempSync(join(tmpdir(), 'commonplace-bench-qdpx-'));
  try {
    const out = join(work, 'bench.qdpx');
    const exportMs = await timeIt(() => exportQdpx(project, out));
    const size = statSync(out).size;
    // Export and import each reach their own peak: this line tells them apart.
    process.stderr.write(
      `  (peak RSS after the export: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`,
    );
    const importMs = await timeIt(() => importQdpx(out, join(work, 'reimported.commonplace')));
    return [
      { name: 'QDPX export', value: Math.round(exportMs), unit: 'ms' },
      { name: 'QDPX file size', value: round(size / 1e6), unit: 'MB' },
      { name: 'QDPX import (new project)', value: Math.round(importMs), unit: 'ms' },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
