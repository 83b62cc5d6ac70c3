// .qdpx -> a new Commonplace project. Everything is read and checked first; the project is then written
// to a temporary file beside the target in one transaction and renamed into place, so a failure at any
// point leaves nothing behind. The import is not an undoable step: it is how the project began.

import { existsSync, renameSync } from 'node:fs';
import { Project } from '../project';
import { CommonplaceError, conflict } from '../../shared/errors';
import { QdpxArchive } from './archive';
import { parseQde } from './qde-reader';
import { decodeXmlBytes } from './xml-read';
import { ImportState, type ImportReport } from './import-state';
import { prepareTexts, type UnitReport } from './import-texts';
import { importCodes, importUsers } from './import-codes';
import { importCodings, importDocuments, importSets } from './import-docs';
import { importCases } from './import-cases';
import { importMemos } from './import-memos';
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

export function importQdpx(qdpxPath: string, projectPath: string, options: ImportOptions = {}): ImportResult {
  if (existsSync(projectPath))
    throw conflict(`${projectPath}: a file already exists here; choose another name`);
  const archive = QdpxArchive.open(qdpxPath, options.limits);
  try {
    const warnings = [...archive.warnings];
    const xml = decodeXmlBytes(archive.readQde(), qdpxPath, 'project.qde');
    const model = parseQde(xml, qdpxPath, warnings);
    const skipped: ImportReport['skipped'] = [];
    const { texts, units } = prepareTexts(archive, model, skipped, warnings);

    const tmp = tempPathFor(projectPath);
    let project: Project | undefined;
    try {
      project = Project.create(tmp, { coder: options.coder });
      const state = new ImportState(project, model, warnings);
      state.report.skipped.push(...skipped);
      const fromCommonplace = /^commonplace\b/i.test(model.origin ?? '');
      const caseSelections = new Set(model.cases.flatMap((c) => c.selectionRefs));
      const detect = (t: (typeof texts)[number]) =>
        options.detectSpeakers === true &&
        !fromCommonplace &&
        !t.text.selections.some((s) => caseSelections.has(s.key));
      const p = project;
      p.db.transaction(() => {
        importUsers(state);
        importCodes(state);
        importDocuments(state, texts, detect);
        const byDocument = new Map(texts.map((t) => [state.documents.get(t.keys[0]!)!, t.canonical]));
        importCodings(state, texts);
        importSets(state);
        importCases(state, byDocument);
        importMemos(state, archive, byDocument);
        if (model.graphs) state.skip(`${model.graphs} graph(s)`, 'Commonplace has no network diagrams');
      })();
      p.db.pragma('wal_checkpoint(TRUNCATE)');
      p.close();
      if (existsSync(projectPath)) throw conflict(`${projectPath}: a file appeared here during the import`);
      renameSync(tmp, projectPath);
      removeDatabaseFiles(tmp);
      return { report: state.report, warnings, units };
    } catch (e) {
      project?.close();
      removeDatabaseFiles(tmp);
      if (e instanceof CommonplaceError) throw e;
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
