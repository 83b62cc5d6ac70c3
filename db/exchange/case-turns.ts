// Speaker cases (Cases with SelectionRefs) and their passages, written as speakers and speaker turns
// while each document's text is at hand during the import.

import { countWords } from '../../shared/text';
import { parseLabelLine } from '../../shared/transcript/labels';
import { parseTurnName } from '../../shared/exchange/values';
import type { QdeCase } from './qde-model';
import { uniqueName, type ImportState } from './import-state';
import { GuidMap } from './guid-map';

/** Where the words start after a speaker label at the start of the turn, and the label's time. */
function turnBody(text: string, start: number, end: number): { bodyStart: number; time: number | null } {
  const line = text.slice(start, end).split('\n', 1)[0] ?? '';
  const hit = parseLabelLine(line);
  if (!hit || hit.start !== 0) return { bodyStart: start, time: null };
  let bodyStart = Math.min(start + hit.bodyStart, end);
  while (bodyStart < end && /\s/.test(text[bodyStart]!)) bodyStart++;
  return { bodyStart, time: hit.time };
}

function ensureSpeaker(state: ImportState, name: string, key: string): number {
  const { db } = state.project;
  const found = db.prepare('SELECT id FROM speakers WHERE name = ?').pluck().get(name) as number | undefined;
  if (found !== undefined) return found;
  return Number(
    db.prepare('INSERT INTO speakers(guid, name) VALUES (?, ?)').run(state.guidFor(key), name)
      .lastInsertRowid,
  );
}

/** A case's passage in the document being imported. */
interface Passage {
  start: number;
  end: number;
  name: string;
  /** Its place among all cases' listings, which orders passages that start together. */
  listing: number;
}

const isSpeakerCase = (c: QdeCase) => c.selectionRefs.length > 0 || c.sourceRefs.length === 0;

/**
 * Cases as speakers, and their passages as turns. The speakers are made first, in case order; each
 * document's turns are then written while its text is at hand, so no text is kept for later. Where two
 * cases claim overlapping passages the earlier case keeps its turn, as when all cases are read at once.
 */
export class CaseTurns {
  /**
   * Every case's SelectionRefs (175,000 in a large project) numbered in case order: `lastListing` maps
   * a selection key to its last listing, `previousListing` chains to the others (-1 ends the chain) and
   * `caseOf` tells whose listing each is.
   */
  private readonly lastListing = new GuidMap();
  private readonly previousListing: Int32Array;
  private readonly caseOf: Int32Array;
  private readonly speakers: { id: number; name: string }[] = [];
  /** Per case: passages it lists, found among the imported selections, and dropped for overlapping. */
  readonly listed: number[];
  readonly found: number[];
  readonly overlapping: number[];

  constructor(private readonly state: ImportState) {
    const taken = new Set<string>();
    const { cases } = state.model;
    const listings = cases.reduce((n, c) => n + c.selectionRefs.length, 0);
    this.previousListing = new Int32Array(listings);
    this.caseOf = new Int32Array(listings);
    this.listed = cases.map((c) => c.selectionRefs.length);
    this.found = cases.map(() => 0);
    this.overlapping = cases.map(() => 0);
    let listing = 0;
    cases.forEach((c, i) => {
      if (!isSpeakerCase(c)) return;
      const name = uniqueName(c.name ?? `Case ${i + 1}`, taken);
      this.speakers[i] = { id: ensureSpeaker(state, name, c.key), name };
      for (const k of c.selectionRefs) {
        this.previousListing[listing] = this.lastListing.get(k) ?? -1;
        this.caseOf[listing] = i;
        this.lastListing.set(k, listing++);
      }
    });
    // Indexed above: the model's copies (175,000 GUID strings at the large size) would otherwise live
    // through the whole import, and V8 sizes its heap to a multiple of what is live (peak 330 -> 278 MB).
    for (const c of cases) c.selectionRefs = [];
  }

  /** Whether some case lists the selection (as a speaker's turn). */
  has(selectionKey: string): boolean {
    return this.lastListing.get(selectionKey) !== undefined;
  }

  speakerOf(caseIndex: number) {
    return this.speakers[caseIndex];
  }

  /** Writes the turns of one document: its selections that cases list, at canonical positions. */
  addDocument(
    documentId: number,
    text: string,
    selections: { key: string; name: string }[],
    ranges: [number, number][],
  ): void {
    const byCase = new Map<number, Passage[]>();
    selections.forEach((s, i) => {
      const [start, end] = ranges[i]!;
      for (let l = this.lastListing.get(s.key) ?? -1; l >= 0; l = this.previousListing[l]!) {
        const passages = byCase.get(this.caseOf[l]!) ?? [];
        passages.push({ start, end, name: s.name, listing: l });
        byCase.set(this.caseOf[l]!, passages);
      }
    });
    const insert = this.state.project.db.prepare(
      'INSERT INTO turns(document_id, speaker_id, start, end, body_start, time, words) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const taken: [number, number][] = [];
    for (const caseIndex of [...byCase.keys()].sort((a, b) => a - b)) {
      const speaker = this.speakers[caseIndex]!;
      const passages = byCase.get(caseIndex)!.sort((a, b) => a.start - b.start || a.listing - b.listing);
      this.found[caseIndex] = this.found[caseIndex]! + passages.length;
      for (const p of passages) {
        if (taken.some(([a, b]) => p.start < b && a < p.end)) {
          this.overlapping[caseIndex] = this.overlapping[caseIndex]! + 1;
          continue;
        }
        taken.push([p.start, p.end]);
        const body = turnBody(text, p.start, p.end);
        const named = parseTurnName(p.name);
        const time =
          named.time !== null && named.speaker.toLowerCase() === speaker.name.toLowerCase()
            ? named.time
            : body.time;
        insert.run(
          documentId,
          speaker.id,
          p.start,
          p.end,
          body.bodyStart,
          time,
          countWords(text.slice(body.bodyStart, p.end)),
        );
      }
    }
  }
}
