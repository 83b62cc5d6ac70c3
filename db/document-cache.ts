import type { Statement } from 'better-sqlite3';
import type { Project } from './project';
import { dataVersion } from './sql';

export interface TurnSpan {
  start: number;
  bodyStart: number;
  end: number;
  speaker: string;
}

/**
 * Where every `step`-th UTF-16 offset of a document's text falls in its UTF-8 bytes (`text_maps.map`,
 * JSON). Our offsets are UTF-16 units and SQLite's substr counts code points (walking the text from its
 * start), so windows are cut from the text's UTF-8 bytes with this map and only the windows are decoded.
 * Migration 002 and the segment index's triggers read this format (`$.bytes`): changing it needs a new
 * migration.
 *
 * `bytes[k]` is the byte offset of unit `k * step`, and the last entry that of the end (`length`). When
 * `k * step` falls inside a surrogate pair the checkpoint is the pair's start, `k * step - 1`, and its
 * entry is negated so that it can be told apart.
 */
export interface TextMap {
  step: number;
  length: number;
  bytes: number[];
}

export const TEXT_MAP_STEP = 256;

export function buildTextMap(text: string, step = TEXT_MAP_STEP): TextMap {
  const bytes: number[] = [];
  const ascii = Buffer.byteLength(text) === text.length;
  let unit = 0;
  let byte = 0;
  for (let k = 0; k * step < text.length; k++) {
    let at = k * step;
    const splitsPair = at > 0 && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
    if (splitsPair) at--;
    byte += ascii ? at - unit : Buffer.byteLength(text.slice(unit, at));
    unit = at;
    bytes.push(splitsPair ? -byte : byte);
  }
  bytes.push(byte + (ascii ? text.length - unit : Buffer.byteLength(text.slice(unit))));
  return { step, length: text.length, bytes };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The UTF-16 offset of checkpoint `k`. */
export function checkpointUnit(map: TextMap, k: number): number {
  if (k >= map.bytes.length - 1) return map.length;
  return k * map.step - (map.bytes[k]! < 0 ? 1 : 0);
}

/** A stretch of a document's text: `text` starts at UTF-16 offset `start` of a text `docLength` long. */
export interface TextWindow {
  start: number;
  text: string;
  docLength: number;
}

// Texts, windows of text and turns loaded once per query.
export class DocumentCache {
  private texts = new Map<number, string>();
  private maps?: Map<number, TextMap | null>;
  private turns = new Map<number, TurnSpan[]>();
  private readonly selectText: Statement;
  private readonly selectTurns: Statement;
  private selectMap?: Statement;
  private selectSpans?: Statement;

  constructor(private readonly project: Project) {
    this.selectText = project.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
    this.selectTurns = project.db.prepare(
      `SELECT t.start, t.body_start AS bodyStart, t.end, s.name AS speaker FROM turns t
       JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start`,
    );
  }

  text(documentId: number): string {
    let t = this.texts.get(documentId);
    if (t === undefined) {
      t = (this.selectText.get(documentId) as string | undefined) ?? '';
      this.texts.set(documentId, t);
    }
    return t;
  }

  /** The document's text map, or null if it has none (written before it existed, or by hand). */
  textMap(documentId: number): TextMap | null {
    this.maps ??= parsedMaps(this.project);
    let m = this.maps.get(documentId);
    if (m === undefined) {
      this.selectMap ??= this.project.db.prepare('SELECT map FROM text_maps WHERE id = ?').pluck();
      const json = this.selectMap.get(documentId) as string | undefined;
      m = json ? (JSON.parse(json) as TextMap) : null;
      this.maps.set(documentId, m);
    }
    return m;
  }

  /**
   * For each [start, end) range, a window of the text holding at least that range (overlapping ranges
   * share one window), read without loading the whole text when the document has a text map.
   */
  windows(documentId: number, ranges: readonly (readonly [number, number])[]): TextWindow[] {
    const map = this.texts.has(documentId) ? null : this.textMap(documentId);
    const spans = map ? checkpointSpans(map, ranges) : null;
    const texts = spans && this.readSpans(documentId, map!, spans);
    if (!spans || !texts) {
      const text = this.text(documentId);
      const whole: TextWindow = { start: 0, text, docLength: text.length };
      return ranges.map(() => whole);
    }
    const byRange: TextWindow[] = [];
    spans.forEach((s, i) => {
      const w = { start: checkpointUnit(map!, s.from), text: texts[i]!, docLength: map!.length };
      for (const m of s.members) byRange[m] = w;
    });
    return byRange;
  }

  /** The decoded text of each span, or null if the map does not fit the text (changed behind our back). */
  private readSpans(documentId: number, map: TextMap, spans: CheckpointSpan[]): string[] | null {
    const byteAt = (k: number) => Math.abs(map.bytes[k]!);
    // SQLite cuts the spans from its one read of the text, so only they cross into JS: a 200 KB buffer
    // per document and query, freed only when V8 next collected, grew malloc's heap by ~100 MB over a
    // session at 9M words, and glibc does not give that back.
    this.selectSpans ??= this.project.db
      .prepare(
        `SELECT CAST(substr(d.b, s.value ->> 0, s.value ->> 1) AS TEXT)
         FROM (SELECT CAST(text AS BLOB) AS b FROM documents WHERE id = ? LIMIT 1) d, json_each(?) s
         ORDER BY s.key`,
      )
      .pluck();
    const cuts = spans.map((s) => [byteAt(s.from) + 1, byteAt(s.to) - byteAt(s.from)]);
    const texts = this.selectSpans.all(documentId, JSON.stringify(cuts)) as string[];
    const fits =
      texts.length === spans.length &&
      spans.every((s, i) => texts[i]!.length === checkpointUnit(map, s.to) - checkpointUnit(map, s.from));
    return fits ? texts : null;
  }

  turnsOf(documentId: number): TurnSpan[] {
    let t = this.turns.get(documentId);
    if (!t) {
      t = this.selectTurns.all(documentId) as TurnSpan[];
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

/** Checkpoints [from, to) covering some of the requested ranges (by index). */
interface CheckpointSpan {
  from: number;
  to: number;
  members: number[];
}

function checkpointSpans(map: TextMap, ranges: readonly (readonly [number, number])[]): CheckpointSpan[] {
  const last = map.bytes.length - 1;
  const spans = ranges
    .map(([start, end], i) => {
      let from = Math.min(Math.floor(Math.max(0, start) / map.step), last);
      while (from > 0 && checkpointUnit(map, from) > start) from--;
      let to = Math.min(Math.ceil(Math.max(0, end) / map.step), last);
      while (to < last && checkpointUnit(map, to) < end) to++;
      return { from, to, members: [i] };
    })
    .sort((a, b) => a.from - b.from);
  const merged: CheckpointSpan[] = [];
  for (const s of spans) {
    const prev = merged[merged.length - 1];
    if (prev && s.from <= prev.to) {
      prev.to = Math.max(prev.to, s.to);
      prev.members.push(...s.members);
    } else merged.push(s);
  }
  return merged;
}

/** Parsed text maps, kept per connection until the project changes (parsing them is ~4 ms a query). */
const mapCaches = new WeakMap<Project['db'], { version: string; maps: Map<number, TextMap | null> }>();

function parsedMaps(project: Project): Map<number, TextMap | null> {
  const version = dataVersion(project);
  let c = mapCaches.get(project.db);
  if (!c || c.version !== version) mapCaches.set(project.db, (c = { version, maps: new Map() }));
  return c.maps;
}
