// Sources -> documents, codings and speaker turns, one source at a time as project.qde is read, so that a
// large project never holds more than one text and its selections. What the rest of the import needs
// later (memo notes, link targets, report lines) is kept in small form. Report lines keep the order an
// import that read everything first would give them.

import type { Project } from '../project';
import type { QdpxArchive } from './archive';
import type { QdeProject, QdeSource } from './qde-model';
import type { SourceSink } from './qde-reader';
import { ImportState, type Skipped } from './import-state';
import { prepareSourceTexts, type PreparedText, type TextsReport } from './import-texts';
import { importCodes, importUsers } from './import-codes';
import { importCodings, importDocument } from './import-docs';
import { CaseTurns } from './case-turns';
import { SelectionMemos } from './selection-memos';
import { GuidMap } from './guid-map';

/** What the model keeps of an imported source: the selections and texts are in the database now. */
const withoutSelections = (s: QdeSource): QdeSource => ({
  ...s,
  codings: [],
  texts: s.texts.map((t) => ({ ...t, content: undefined, selections: [], codings: [] })),
});

export class SourceImporter implements SourceSink {
  readonly texts: TextsReport = { skipped: [], warnings: [], units: [] };
  readonly memos = new SelectionMemos();
  private readonly nameWarnings: string[] = [];
  private readonly codingSkips: Skipped[] = [];
  private readonly documentNames = new Set<string>();
  private started: { state: ImportState; turns: CaseTurns; detectSpeakers: boolean } | undefined;
  /** Every GUID of the file: the reader's duplicate check in column 0, the link targets in column 1. */
  readonly guids = new GuidMap(2);

  constructor(
    private readonly project: Project,
    private readonly archive: QdpxArchive,
    private readonly options: { detectSpeakers?: boolean },
    readonly early: boolean,
  ) {}

  /** Users, codes and speakers, which sources refer to: written once, before the first source. */
  private start(head: QdeProject) {
    if (this.started) return this.started;
    const state = new ImportState(this.project, head, [], this.guids);
    importUsers(state);
    importCodes(state);
    const fromCommonplace = /^commonplace\b/i.test(head.origin ?? '');
    this.started = {
      state,
      turns: new CaseTurns(state),
      detectSpeakers: this.options.detectSpeakers === true && !fromCommonplace,
    };
    return this.started;
  }

  take(source: QdeSource, head: QdeProject): QdeSource {
    this.start(head);
    for (const t of prepareSourceTexts(this.archive, head.origin, source, this.texts)) this.importText(t);
    return withoutSelections(source);
  }

  private importText(t: PreparedText): void {
    const { state, turns, detectSpeakers } = this.started!;
    const { selections } = t.text;
    // Sources other tools give speakers to through cases keep those; the others may have labels to find.
    const detect = detectSpeakers && !selections.some((s) => turns.has(s.key));
    const documentId = importDocument(state, t, detect, this.documentNames, this.nameWarnings);
    const codingIds = importCodings(state, t, documentId, this.codingSkips);
    turns.addDocument(documentId, t.canonical, selections, t.ranges);
    selections.forEach((s, i) => {
      const [start, end] = t.ranges[i]!;
      const at = { documentId, sourceName: t.text.name, text: t.canonical, start, end };
      this.memos.note(s, codingIds[i]!, at, turns.has(s.key));
    });
  }

  /**
   * Once the whole file is read: the state for the rest of the import, over the whole `model`, with
   * `before` (the archive's and the XML's own warnings) first among its warnings.
   */
  finish(model: QdeProject, before: string[]): { state: ImportState; turns: CaseTurns } {
    const { state, turns } = this.start(model);
    state.model = model;
    state.report.skipped.unshift(...this.texts.skipped);
    state.report.skipped.push(...this.codingSkips);
    const codes = state.warnings.splice(0);
    state.warnings.push(...before, ...this.texts.warnings, ...codes, ...this.nameWarnings);
    return { state, turns };
  }
}
