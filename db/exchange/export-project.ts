// Project -> .qdpx: `project.qde` plus one UTF-8 text file per document in a lower-case `sources/`
// folder (ATLAS.ti rejects `Sources/`, GUIDE §1), and a .docx beside the plain text of each memo with
// formatting.

import { strToU8 } from 'fflate';
import type { Project } from '../project';
import { projectToQdeChunks } from '../../shared/exchange/qde-writer';
import type {
  ProjectSnapshot,
  SnapshotHead,
  SnapshotSelection,
  SnapshotSource,
} from '../../shared/exchange/snapshot';
import { snapshotParts } from './snapshot';
import { richMemoFiles } from './rich-memos';
import { writeFileAtomic } from './files';
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

/** What the head holds; `tallied` adds the sources, codings and their memos as they pass. */
function summarize(head: SnapshotHead): ExportSummary {
  return {
    sources: 0,
    codes: countCodes(head.codes),
    codings: 0,
    memos: head.notes.length,
    cases: head.cases.length,
    variables: head.variables.length,
  };
}

/**
 * The strings as UTF-8 in blocks of about 64 KB: project.qde comes as one string per selection, and a
 * buffer for each was 375,000 small native allocations per export of the large benchmark project.
 */
function* utf8(strings: Iterable<string>): Generator<Uint8Array> {
  let parts: string[] = [];
  let length = 0;
  for (const s of strings) {
    parts.push(s);
    length += s.length;
    if (length >= 2 ** 16) {
      yield strToU8(parts.join(''));
      parts = [];
      length = 0;
    }
  }
  if (parts.length) yield strToU8(parts.join(''));
}

/** Counts the sources, their codings and memos (see `summarize`) as they pass on their way to the writer. */
function* tallied(sources: Iterable<SnapshotSource>, summary: ExportSummary): Generator<SnapshotSource> {
  for (const s of sources) {
    summary.sources++;
    yield { ...s, selections: talliedSelections(s.selections, summary) };
  }
}

function* talliedSelections(
  selections: Iterable<SnapshotSelection>,
  summary: ExportSummary,
): Generator<SnapshotSelection> {
  for (const sel of selections) {
    summary.codings += sel.codings.length;
    if (sel.description) summary.memos++;
    yield sel;
  }
}

/**
 * Writes the whole project as a REFI-QDA project exchange file; nothing is left behind on failure. The
 * archive is streamed to disk: project.qde a source at a time, then the texts one by one, so memory
 * stays near one document's worth whatever the project's size.
 */
export async function exportQdpx(project: Project, outPath: string): Promise<ExportSummary> {
  const richFiles = await richMemoFiles(project);
  // One read transaction, so the walks over the documents see the same project throughout.
  return project.db.transaction(() => {
    const parts = snapshotParts(project, richFiles);
    const summary = summarize(parts.head);
    writeFileAtomic(outPath, (tmp) => {
      const zip = ZipFileWriter.create(tmp);
      try {
        const sources = tallied(parts.sources(), summary);
        zip.addEntry('project.qde', utf8(projectToQdeChunks(parts.head, sources)));
        for (const t of parts.texts()) zip.addEntry(`sources/${t.fileName}`, [t.bytes]);
        for (const n of parts.head.notes)
          if (n.richTextFileName)
            zip.addEntry(`sources/${n.richTextFileName}`, [richFiles.get(n.guid)!.bytes]);
        zip.finish();
      } finally {
        zip.close();
      }
    });
    return summary;
  })();
}
