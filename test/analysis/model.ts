// Brute-force expectations for the fixture, computed from the spec (texts, phrases, turnsOf) with plain
// sets of codings, documents, speakers and character positions: no SQL, no word index, no sweep.
import { countWords } from '../../shared/text';
import type { MatrixMeasure } from '../../db/analysis';
import { CODES, CODINGS, DOCS, ROLES, WAVE, rangeOf, turnsOfDoc } from './fixture';

export type ModelCols = 'document' | 'group' | 'speaker' | 'doc-attr:wave' | 'speaker-attr:role';

export interface ModelFilters {
  coders?: string[];
  groups?: string[];
  docs?: string[];
  speakers?: string[];
  exclude?: string[];
}

export interface Expected {
  rows: string[];
  cols: string[];
  cells: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

const text = (doc: string) => DOCS.find((d) => d.name === doc)!.text;
const byName = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1);
const union = <T>(sets: Set<T>[]) => new Set(sets.flatMap((s) => [...s]));

/** Words in a set of "doc:position" characters: countWords over each run of consecutive characters. */
export function wordsOf(chars: Set<string>): number {
  const byDoc = new Map<string, number[]>();
  for (const c of chars) {
    const [doc, pos] = [c.slice(0, c.lastIndexOf(':')), Number(c.slice(c.lastIndexOf(':') + 1))];
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), pos]);
  }
  let n = 0;
  for (const [doc, ps] of byDoc) {
    ps.sort((a, b) => a - b);
    let start = ps[0]!;
    for (let i = 1; i <= ps.length; i++) {
      if (i === ps.length || ps[i] !== ps[i - 1]! + 1) {
        n += countWords(text(doc).slice(start, ps[i - 1]! + 1));
        if (i < ps.length) start = ps[i]!;
      }
    }
  }
  return n;
}

export function model(f: ModelFilters = {}) {
  const allowed = (s: string) => (!f.speakers || f.speakers.includes(s)) && !(f.exclude ?? []).includes(s);
  const docs: string[] = DOCS.filter(
    (d) => (!f.docs || f.docs.includes(d.name)) && (!f.groups || d.groups.some((g) => f.groups!.includes(g))),
  ).map((d) => d.name);
  const turns = (doc: string) => turnsOfDoc(doc);
  const speakersIn = [...new Set(docs.flatMap((d) => turns(d).map((t) => t.speaker)))].filter(allowed);
  const codings = CODINGS.map((c, id) => {
    const { start, end } = rangeOf(c);
    const over = turns(c.doc).filter((t) => t.start < end && t.end > start);
    return { ...c, id, start, end, over, speakers: [...new Set(over.map((t) => t.speaker).filter(allowed))] };
  }).filter((k) => {
    if (!docs.includes(k.doc) || (f.coders && !f.coders.includes(k.coder))) return false;
    if (!f.speakers && !f.exclude) return true;
    return k.over.length === 0 ? !f.speakers : k.speakers.length > 0;
  });
  /** Characters of a document where an allowed reader would count words (labels never). */
  const docArea = (doc: string, speakerOk: (s: string) => boolean, gapOk: boolean) => {
    const out = new Set<string>();
    const t = text(doc);
    for (let i = 0; i < t.length; i++) {
      const turn = turns(doc).find((x) => x.start <= i && i < x.end);
      const ok = turn ? i >= turn.bodyStart && speakerOk(turn.speaker) : gapOk;
      if (ok) out.add(`${doc}:${i}`);
    }
    return out;
  };
  return { allowed, docs, speakersIn, codings, docArea };
}

export function expected(
  cols: ModelCols,
  measure: MatrixMeasure,
  subcodes: boolean,
  f: ModelFilters = {},
): Expected {
  const m = model(f);
  const bySpeaker = cols === 'speaker' || cols === 'speaker-attr:role';
  const docCols = (doc: string): string[] =>
    cols === 'document'
      ? [doc]
      : cols === 'group'
        ? [...DOCS.find((d) => d.name === doc)!.groups]
        : cols === 'doc-attr:wave'
          ? [WAVE[doc]!]
          : [];
  const speakerCols = (s: string): string[] => (cols === 'speaker' ? [s] : ROLES[s] ? [ROLES[s]!] : []);
  const labels = [...new Set(bySpeaker ? m.speakersIn.flatMap(speakerCols) : m.docs.flatMap(docCols))].sort(
    cols === 'doc-attr:wave' ? (a, b) => Number(a) - Number(b) : byName,
  );
  const areas = new Map<string, Set<string>>();
  const area = (col: string) => {
    if (!areas.has(col)) areas.set(col, areaOf(col));
    return areas.get(col)!;
  };
  const areaOf = (col: string) =>
    union(
      m.docs.map((doc) =>
        bySpeaker
          ? m.docArea(doc, (s) => m.allowed(s) && speakerCols(s).includes(col), false)
          : docCols(doc).includes(col)
            ? m.docArea(doc, m.allowed, !f.speakers)
            : new Set<string>(),
      ),
    );
  const rowCodes = (r: string) => CODES.filter((c) => c === r || (subcodes && c.startsWith(`${r}/`)));
  const items = (r: string, col: string): Set<string | number> => {
    const out = new Set<string | number>();
    for (const k of m.codings.filter((k) => rowCodes(r).includes(k.code as (typeof CODES)[number]))) {
      const sp = bySpeaker ? k.speakers.filter((s) => speakerCols(s).includes(col)) : k.speakers;
      if (!(bySpeaker ? sp.length > 0 : docCols(k.doc).includes(col))) continue;
      if (measure === 'codings' || measure === 'codings-percent') out.add(k.id);
      else if (measure === 'documents') out.add(k.doc);
      else if (measure === 'speakers') sp.forEach((s) => out.add(s));
      else {
        const a = area(col);
        for (let i = k.start; i < k.end; i++) if (a.has(`${k.doc}:${i}`)) out.add(`${k.doc}:${i}`);
      }
    }
    return out;
  };
  const sets = CODES.map((r) => labels.map((c) => items(r, c)));
  const words = measure === 'words' || measure === 'words-percent';
  const size = (s: Set<string | number>) => (words ? wordsOf(s as Set<string>) : s.size);
  const cells = sets.map((row) => row.map(size));
  const rowU = sets.map((row) => union(row));
  const colU = labels.map((_, c) => union(sets.map((row) => row[c]!)));
  const all = union(rowU);
  const base = { rows: [...CODES], cols: labels };
  const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : 0);
  if (measure === 'words-percent') {
    const colWords = labels.map((c) => wordsOf(area(c) as Set<string>));
    const allWords = wordsOf(union(labels.map(area)) as Set<string>);
    return {
      ...base,
      cells: cells.map((row) => row.map((v, c) => pct(v, colWords[c]!))),
      rowTotals: rowU.map((s) => pct(size(s), allWords)),
      colTotals: colU.map((s, c) => pct(size(s), colWords[c]!)),
      total: pct(size(all), allWords),
    };
  }
  if (measure === 'codings-percent') {
    return {
      ...base,
      cells: cells.map((row, r) => row.map((v) => pct(v, rowU[r]!.size))),
      rowTotals: rowU.map((s) => (s.size ? 100 : 0)),
      colTotals: colU.map((s) => pct(s.size, all.size)),
      total: all.size ? 100 : 0,
    };
  }
  return { ...base, cells, rowTotals: rowU.map(size), colTotals: colU.map(size), total: size(all) };
}
