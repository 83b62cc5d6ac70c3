// Project -> .qdpx: `project.qde` plus one UTF-8 text file per document in a lower-case `sources/`
// folder (ATLAS.ti rejects `Sources/`, GUIDE §1).

import { renameSync, rmSync } from 'node:fs';
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Project } from '../project';
import { CommonplaceError } from '../../shared/errors';
import { projectToQde, projectToQdeChunks } from '../../shared/exchange/qde-writer';
import type { ProjectSnapshot, SnapshotSource } from '../../shared/exchange/snapshot';
import { snapshotParts } from './snapshot';
import { tempPathFor } from './files';
import { ZipFileWriter } from './zip-write';

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

/** The .qdpx bytes for a snapshot held in memory (small projects; files are written by `exportQdpx`). */
export function snapshotToQdpx(snapshot: ProjectSnapshot): Uint8Array {
  const files: Zippable = { 'project.qde': strToU8(projectToQde(snapshot)) };
  for (const s of snapshot.sources) files[`sources/${s.fileName}`] = strToU8(s.text);
  return zipSync(files, { level: 6 });
}

/** Writes `build`'s archive beside `target` and renames it into place; nothing is left behind on failure. */
function writeZipAtomic(target: string, build: (zip: ZipFileWriter) => void): void {
  const tmp = tempPathFor(target);
  try {
    const zip = ZipFileWriter.create(tmp);
    try {
      build(zip);
      zip.finish();
    } finally {
      zip.close();
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof CommonplaceError) throw e;
    throw new CommonplaceError('io', `cannot write the file (${(e as Error).message})`, target);
  }
}

/** Strings as UTF-8, in pieces of about `size` characters, so no piece is the size of the whole. */
function* utf8Pieces(strings: Iterable<string>, size = 2 ** 20): Generator<Uint8Array> {
  let batch: string[] = [];
  let length = 0;
  for (const s of strings) {
    batch.push(s);
    length += s.length;
    if (length >= size) {
      yield strToU8(batch.join(''));
      batch = [];
      length = 0;
    }
  }
  if (batch.length) yield strToU8(batch.join(''));
}

/** Counts what `summarize` counts, source by source as they pass on their way to the writer. */
function* tallied(sources: Iterable<SnapshotSource>, summary: ExportSummary): Generator<SnapshotSource> {
  for (const s of sources) {
    summary.sources++;
    for (const sel of s.selections) {
      summary.codings += sel.codings.length;
      if (sel.description) summary.memos++;
    }
    yield s;
  }
}

/**
 * Writes the whole project as a REFI-QDA project exchange file; nothing is left behind on failure. The
 * archive is streamed to disk: project.qde a source at a time, then the texts one by one, so memory
 * stays near one document's worth whatever the project's size.
 */
export function exportQdpx(project: Project, outPath: string): ExportSummary {
  // One read transaction, so the walks over the documents see the same project throughout.
  return project.db.transaction(() => {
    const parts = snapshotParts(project);
    const summary = summarize({ ...parts.head, sources: [] });
    writeZipAtomic(outPath, (zip) => {
      const sources = tallied(parts.sources(), summary);
      zip.addEntry('project.qde', utf8Pieces(projectToQdeChunks(parts.head, sources)));
      for (const t of parts.texts()) zip.addEntry(`sources/${t.fileName}`, [strToU8(t.text)]);
    });
    return summary;
  })();
}
