// Which position unit did the producer of a file use? Each candidate reading is checked against the text:
// a reading that puts a selection outside the text is impossible, one that cuts a character or a CR LF pair
// is implausible, and a reading that puts selections on word boundaries (or makes the selected text match
// the selection's name, which many tools fill with the text) is likely. GUIDE §4 measured this on NVivo.

import { POSITION_UNITS, PositionMap, type PositionUnit } from './positions';

export interface SelectionProbe {
  start: number;
  end: number;
  name?: string;
}

export interface UnitScore {
  unit: PositionUnit;
  /** Selections whose start or end is outside the text, or start > end, under this reading. */
  outOfRange: number;
  /** Selections cutting a character or a CR LF pair. */
  awkward: number;
  /** Selections with both ends on word boundaries. */
  onBoundaries: number;
  /** Selections whose text starts like their name. */
  nameMatches: number;
  score: number;
}

export interface UnitChoice {
  map: PositionMap;
  score: UnitScore | null;
  /** Every reading that was tried, best first. */
  scores: UnitScore[];
}

/** The unit a producer is known to use first, then the spec's, then the rest. */
export function preferredUnits(origin: string | undefined): PositionUnit[] {
  const o = (origin ?? '').toLowerCase();
  const first: PositionUnit = o.includes('nvivo')
    ? 'utf16'
    : o.includes('atlas')
      ? 'codepoints-lf'
      : 'codepoints';
  return [first, ...POSITION_UNITS.filter((u) => u !== first)];
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

function charBefore(text: string, i: number): string {
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1);
}

function onBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  return !(WORD.test(charBefore(text, i)) && WORD.test(String.fromCodePoint(text.codePointAt(i)!)));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function nameMatches(text: string, name: string | undefined): boolean {
  const n = squash((name ?? '').replace(/(…|\.\.\.)\s*$/, ''));
  if (n.length < 2) return false;
  // Only the start of the text can match the name: squashing a prefix that is still longer than the name
  // decides as the whole text would (squashing every selection's whole text, for each reading tried, was
  // 2.7 GB of garbage importing 375,000 selections).
  const head = text.length > 2 * n.length + 64 ? squash(text.slice(0, 2 * n.length + 64)) : '';
  const t = head.length > n.length ? head : squash(text);
  return t.length > 0 && (t.startsWith(n) || n.startsWith(t));
}

function scoreUnit(map: PositionMap, canonical: string, probes: readonly SelectionProbe[]): UnitScore {
  const s: UnitScore = {
    unit: map.unit,
    outOfRange: 0,
    awkward: 0,
    onBoundaries: 0,
    nameMatches: 0,
    score: 0,
  };
  for (const p of probes) {
    const a = map.toCanonical(p.start, 'start');
    const b = map.toCanonical(p.end, 'end');
    if (!a || !b || a.offset > b.offset) {
      s.outOfRange++;
      continue;
    }
    if (!a.exact || !b.exact) s.awkward++;
    if (onBoundary(canonical, a.offset) && onBoundary(canonical, b.offset)) s.onBoundaries++;
    if (nameMatches(canonical.slice(a.offset, b.offset), p.name)) s.nameMatches++;
  }
  s.score = s.onBoundaries + 3 * s.nameMatches - 10 * s.awkward;
  return s;
}

/** Readings that cannot differ on this text are not worth scoring separately. */
function distinctUnits(raw: string, order: PositionUnit[]): PositionUnit[] {
  const hasCr = raw.includes('\r');
  const hasAstral = /[\ud800-\udbff]/.test(raw);
  const ascii = !/[^\x00-\x7f]/.test(raw); // eslint-disable-line no-control-regex
  const key = (u: PositionUnit) => {
    const lf = hasCr && u.endsWith('-lf') ? 'lf' : 'raw';
    if (u === 'utf8' && !ascii) return `utf8/${lf}`;
    const base = u.startsWith('utf16') && hasAstral ? 'utf16' : 'cp';
    return `${base}/${lf}`;
  };
  const seen = new Set<string>();
  return order.filter((u) => {
    const k = key(u);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The reading of `probes` (positions over `raw`, the text without BOM) that fits the text best. Ties go
 * to the producer's known habit, then to the spec. Readings with selections out of range lose to any that
 * has none; if every reading has some, the least bad one is returned and the caller refuses the file.
 */
export function detectUnit(
  raw: string,
  canonical: string,
  probes: readonly SelectionProbe[],
  origin?: string,
): UnitChoice {
  const units = distinctUnits(raw, preferredUnits(origin));
  if (!probes.length) return { map: PositionMap.build(raw, units[0]!), score: null, scores: [] };
  const scored = units.map((unit) => {
    const map = PositionMap.build(raw, unit);
    return { map, score: scoreUnit(map, canonical, probes) };
  });
  // Stable sort keeps the preference order among equal scores.
  scored.sort((a, b) => a.score.outOfRange - b.score.outOfRange || b.score.score - a.score.score);
  return { map: scored[0]!.map, score: scored[0]!.score, scores: scored.map((s) => s.score) };
}
