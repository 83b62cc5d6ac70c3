import type { Project } from './project';

export interface TurnSpan {
  start: number;
  bodyStart: number;
  end: number;
  speaker: string;
}

// Texts and turns loaded once per query: excerpt slicing must happen in JS because SQLite's substr counts
// code points, not the UTF-16 units our offsets use.
export class DocumentCache {
  private texts = new Map<number, string>();
  private turns = new Map<number, TurnSpan[]>();

  constructor(private readonly project: Project) {}

  text(documentId: number): string {
    let t = this.texts.get(documentId);
    if (t === undefined) {
      t =
        (this.project.db
          .prepare('SELECT text FROM documents WHERE id = ?')
          .pluck()
          .get(documentId) as string) ?? '';
      this.texts.set(documentId, t);
    }
    return t;
  }

  turnsOf(documentId: number): TurnSpan[] {
    let t = this.turns.get(documentId);
    if (!t) {
      t = this.project.db
        .prepare(
          'SELECT t.start, t.body_start AS bodyStart, t.end, s.name AS speaker FROM turns t JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start',
        )
        .all(documentId) as TurnSpan[];
      this.turns.set(documentId, t);
    }
    return t;
  }

  /** The turn containing offset `at`, if any. */
  turnAt(documentId: number, at: number): TurnSpan | undefined {
    const turns = this.turnsOf(documentId);
    let lo = 0;
    let hi = turns.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = turns[mid]!;
      if (at < t.start) hi = mid - 1;
      else if (at >= t.end) lo = mid + 1;
      else return t;
    }
    return undefined;
  }
}
