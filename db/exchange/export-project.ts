// Project -> .qdpx: `project.qde` plus one UTF-8 text file per document in a lower-case `sources/`
// folder (ATLAS.ti rejects `Sources/`, GUIDE §1).

import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Project } from '../project';
import { projectToQde } from '../../shared/exchange/qde-writer';
import type { ProjectSnapshot } from '../../shared/exchange/snapshot';
import { buildSnapshot } from './snapshot';
import { writeFileAtomic } from './files';

export interface ExportSummary {
  sources: number;
  codes: number;
  codings: number;
  memos: number;
  cases: number;
  variables: number;
}

function countCodes(codes: ProjectSnapshot['codes']): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
}

export function summarize(s: ProjectSnapshot): ExportSummary {
  return {
    sources: s.sources.length,
    codes: countCodes(s.codes),
    codings: s.sources.reduce(
      (n, src) => n + src.selections.reduce((m, sel) => m + sel.codings.length, 0),
      0,
    ),
    memos:
      s.notes.length +
      s.sources.reduce((n, src) => n + src.selections.filter((x) => x.description).length, 0),
    cases: s.cases.length,
    variables: s.variables.length,
  };
}

/** The .qdpx bytes for a snapshot. */
export function snapshotToQdpx(snapshot: ProjectSnapshot): Uint8Array {
  const files: Zippable = { 'project.qde': strToU8(projectToQde(snapshot)) };
  for (const s of snapshot.sources) files[`sources/${s.fileName}`] = strToU8(s.text);
  return zipSync(files, { level: 6 });
}

/** Writes the whole project as a REFI-QDA project exchange file; nothing is left behind on failure. */
export function exportQdpx(project: Project, outPath: string): ExportSummary {
  const snapshot = buildSnapshot(project);
  writeFileAtomic(outPath, snapshotToQdpx(snapshot));
  return summarize(snapshot);
}
