// Text positions between REFI-QDA files and Commonplace. Commonplace offsets are UTF-16 code units into
// canonical text (LF, no BOM). The spec counts Unicode code points; real tools count UTF-16 units or bytes,
// and count a CR LF pair as one or two characters (GUIDE §4), so every unit is mapped over the raw text.

export type PositionUnit = 'codepoints' | 'codepoints-lf' | 'utf16' | 'utf16-lf' | 'utf8';

export const POSITION_UNITS: readonly PositionUnit[] = [
  'codepoints',
  'codepoints-lf',
  'utf16',
  'utf16-lf',
  'utf8',
];

export const UNIT_DESCRIPTIONS: Record<PositionUnit, string> = {
  codepoints: 'Unicode code points, CR LF counted as 2 (the spec)',
  'codepoints-lf': 'Unicode code points, CR LF counted as 1 (ATLAS.ti)',
  utf16: 'UTF-16 code units, CR LF counted as 2 (NVivo)',
  'utf16-lf': 'UTF-16 code units, CR LF counted as 1',
  utf8: 'UTF-8 bytes',
};

/** Canonical text: CR LF and lone CR become LF. The caller has already removed any BOM. */
export const canonicalize = (raw: string): string => raw.replace(/\r\n?/g, '\n');

const MID_CHAR = -1;

function unitWidth(unit: PositionUnit, cp: number): number {
  if (unit === 'utf8') return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  if (unit === 'utf16' || unit === 'utf16-lf') return cp > 0xffff ? 2 : 1;
  return 1;
}

/** Walks the raw text once, calling `at` with (unit position, canonical offset, inside a CR LF pair). */
function walk(
  raw: string,
  unit: PositionUnit,
  at: (u: number, canon: number, midCrlf: boolean) => void,
  mid: (u: number) => void,
): number {
  const lfUnits = unit.endsWith('-lf');
  let u = 0;
  let c = 0;
  let afterCr = false;
  for (let i = 0; i < raw.length;) {
    const cp = raw.codePointAt(i)!;
    const w16 = cp > 0xffff ? 2 : 1;
    const crOfPair = cp === 0x0d && raw.charCodeAt(i + 1) === 0x0a;
    if (crOfPair && lfUnits) {
      // The CR is not counted at all: the LF that follows stands for the line break.
      i += 1;
      continue;
    }
    at(u, c, afterCr);
    const w = unitWidth(unit, cp);
    for (let k = 1; k < w; k++) mid(u + k);
    u += w;
    if (!crOfPair) c += w16;
    afterCr = crOfPair;
    i += w16;
  }
  at(u, c, false);
  return u;
}

/** One interpretation of positions over one text: unit position -> canonical UTF-16 offset. */
export class PositionMap {
  private constructor(
    readonly unit: PositionUnit,
    /** Positions run from 0 to `length` inclusive. */
    readonly length: number,
    private readonly canon: Int32Array,
    private readonly crlf: Uint8Array,
  ) {}

  static build(raw: string, unit: PositionUnit): PositionMap {
    const length = walk(
      raw,
      unit,
      () => {},
      () => {},
    );
    const canon = new Int32Array(length + 1);
    const crlf = new Uint8Array(length + 1);
    walk(
      raw,
      unit,
      (u, c, midCrlf) => {
        canon[u] = c;
        crlf[u] = midCrlf ? 1 : 0;
      },
      (u) => {
        canon[u] = MID_CHAR;
      },
    );
    return new PositionMap(unit, length, canon, crlf);
  }

  /**
   * The canonical offset of a position, or null when it lies outside the text. `exact` is false for a
   * position that no tool counting this way could produce: inside a character (it is moved to the start
   * of that character for a start, past it for an end) or between CR and LF.
   */
  toCanonical(pos: number, side: 'start' | 'end'): { offset: number; exact: boolean } | null {
    if (!Number.isInteger(pos) || pos < 0 || pos > this.length) return null;
    let p = pos;
    while (this.canon[p] === MID_CHAR) p += side === 'start' ? -1 : 1;
    return { offset: this.canon[p]!, exact: p === pos && this.crlf[p] === 0 };
  }
}

/** Canonical UTF-16 offsets -> code point indices (what we export), for one text. */
export function codePointCounter(text: string): (offset: number) => number {
  const pairs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs.push(i);
        i++;
      }
    }
  }
  return (offset) => {
    // Pairs that end at or before the offset each hold two units but one code point.
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (pairs[m]! + 2 <= offset) lo = m + 1;
      else hi = m;
    }
    const inside = lo < pairs.length && pairs[lo]! + 1 === offset;
    return offset - lo - (inside ? 1 : 0);
  };
}

/** Code point index -> canonical UTF-16 offset, the inverse of `codePointCounter` over LF text. */
export function codePointToUtf16(text: string, cp: number): number {
  const hit = PositionMap.build(text, 'codepoints').toCanonical(cp, 'start');
  if (!hit) throw new RangeError(`code point ${cp} is outside a text of ${[...text].length}`);
  return hit.offset;
}
