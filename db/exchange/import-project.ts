// .qdpx -> a new Commonplace project, written to a temporary file beside the target while the file is
// read, and renamed into place once all of it has been read and written, so a failure at any point
// leaves nothing behind. The import is not an undoable step: it is how the project began.

import { existsSync, renameSync } from 'node:fs';
import { Project } from '../project';
import { CommonplaceError, conflict } from '../../shared/errors';
import { QdpxArchive } from './archive';
import { readQde, SourcesBeforeHead } from './qde-reader';
import type { ImportReport } from './import-state';
import type { UnitReport } from './import-texts';
import { importSets } from './import-docs';
import { importCases } from './import-cases';
import { SourceImporter } from './import-sources';
import { importMemos } from './import-memos';
import { readRichNotes } from './rich-notes';
import { removeDatabaseFiles, tempPathFor } from './files';
import type { ZipLimits } from './zip-read';

export interface ImportOptions {
  /**
   * Find speaker turns in sources that no Case gives turns to, as a plain-text import does. Off by
   * default: sources from other tools are often papers or comments, where labels are mostly false hits.
   */
  detectSpeakers?: boolean;
  /** Coder for things the file does not attribute to a user (default: the OS user). */
  coder?: string;
  limits?: Partial<ZipLimits>;
}

export interface ImportResult {
  report: ImportReport;
  /** Adjustments that lost nothing (renamed duplicates, unusual container names, doubtful positions). */
  warnings: string[];
  /** The position unit chosen for each text. */
  units: UnitReport[];
}

/** The archive's project.qde, inflated, decoded and parsed a piece at a time, its sources into `sink`. */
function readArchiveQde(archive: QdpxArchive, warnings: string[], sink: SourceImporter) {
  return readQde((write) => archive.streamQde(write), archive.file, warnings, sink);
}

export async function importQdpx(
  qdpxPath: string,
  projectPath: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (existsSync(projectPath))
    throw conflict(`${projectPath}: a file already exists here; choose another name`);
  try {
    return await importOnce(qdpxPath, projectPath, options, true);
  } catch (e) {
    if (!(e instanceof SourcesBeforeHead)) throw e;
    // Against the schema's order, but readable: start again, holding every source until the end.
    return importOnce(qdpxPath, projectPath, options, false);
  }
}

/**
 * One attempt. Sources are written as project.qde is read (`early`), inside the transaction that also
 * writes everything but the memos once the whole file is read; the memos follow in a second one, after
 * the notes' Word files are read (mammoth only reads asynchronously, and a transaction cannot wait).
 * Until the rename, the project is a temporary file that any error deletes.
 */
async function importOnce(
  qdpxPath: string,
  projectPath: string,
  options: ImportOptions,
  early: boolean,
): Promise<ImportResult> {
  const archive = QdpxArchive.open(qdpxPath, options.limits);
  try {
    const tmp = tempPathFor(projectPath);
    let project: Project | undefined;
    try {
      project = Project.create(tmp, { coder: options.coder });
      const sources = new SourceImporter(project, archive, options, early);
      const p = project;
      const state = p.db.transaction(() => {
        const headWarnings = [...archive.warnings];
        const model = readArchiveQde(archive, headWarnings, sources);
        const { state, turns } = sources.finish(model, headWarnings);
        importSets(state);
        importCases(state, turns);
        return state;
      })();
      const richNotes = await readRichNotes(state, archive);
      p.db.transaction(() => {
        importMemos(state, archive, sources.memos, richNotes);
        const { graphs } = state.model;
        if (graphs) state.skip(`${graphs} graph(s)`, 'Commonplace has no network diagrams');
      })();
      p.db.pragma('wal_checkpoint(TRUNCATE)');
      p.close();
      if (existsSync(projectPath)) throw conflict(`${projectPath}: a file appeared here during the import`);
      renameSync(tmp, projectPath);
      removeDatabaseFiles(tmp);
      return { report: state.report, warnings: state.warnings, units: sources.texts.units };
    } catch (e) {
      project?.close();
      removeDatabaseFiles(tmp);
      if (e instanceof CommonplaceError || e instanceof SourcesBeforeHead) throw e;
      throw new CommonplaceError(
        'internal',
        `import failed (${(e as Error).message}); nothing was written`,
        qdpxPath,
      );
    }
  } finally {
    archive.close();
  }
}
