// Text-search queries: each alternative (separated by " OR ") is a phrase of words matched in order,
// case- and accent-insensitively, on word boundaries; a trailing * makes a word a prefix.

export interface QueryTerm {
  word: string;
  prefix: boolean;
}

export type ParsedQuery = QueryTerm[][];

const TOKEN = /[\p{L}\p{N}\p{M}]+\*?/gu;

const foldTable = new Map<number, string>();

/** Folds one UTF-16 unit to lower case without accents, always to exactly one unit, so offsets survive. */
function foldUnit(code: number): string {
  let f = foldTable.get(code);
  if (f === undefined) {
    const ch = String.fromCharCode(code);
    if (code >= 0xd800 && code <= 0xdfff) f = ch;
    else {
      const base = ch.normalize('NFD').charAt(0).toLowerCase();
      f = base.length === 1 ? base : ch;
    }
    foldTable.set(code, f);
  }
  return f;
}

/** Same length as `text`, lower case, accents removed. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c < 0x41 || (c > 0x5a && c < 0x80) ? text[i] : foldUnit(c);
  }
  return out;
}

export function parseQuery(query: string): ParsedQuery {
  return query
    .split(/\s+OR\s+/)
    .map((alt) =>
      [...foldText(alt).matchAll(TOKEN)].map((m) => ({
        word: m[0].replace(/\*$/, ''),
        prefix: m[0].endsWith('*'),
      })),
    )
    .filter((alt) => alt.length > 0);
}

/** The equivalent FTS5 MATCH expression, used to find candidate documents quickly. */
export function toFtsQuery(q: ParsedQuery): string {
  return q
    .map((alt) => `(${alt.map((t) => `"${t.word}"${t.prefix ? '*' : ''}`).join(' AND ')})`)
    .join(' OR ');
}

/** The same alternatives as FTS5 phrases (words in order, adjacent), for an index over short segments. */
export function toFtsPhraseQuery(q: ParsedQuery): string {
  return q.map((alt) => alt.map((t) => `"${t.word}"${t.prefix ? ' *' : ''}`).join(' + ')).join(' OR ');
}

let variants: Map<string, string> | undefined;

/** For each base letter, the accented letters (Latin blocks) that fold to it: é, è, ê, ë… for e. */
function accentVariants(): Map<string, string> {
  if (variants) return variants;
  variants = new Map();
  const ranges: [number, number][] = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      const base = foldUnit(c);
      if (base !== ch && /[a-z]/.test(base)) variants.set(base, (variants.get(base) ?? '') + ch);
    }
  }
  return variants;
}

const escapeChar = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A pattern for one folded word that matches it in unfolded text, whatever its case and accents. */
function wordPattern(word: string): string {
  const table = accentVariants();
  let out = '';
  for (const ch of word) {
    const more = table.get(ch);
    out += more ? `[${ch}${more}]` : escapeChar(ch);
  }
  return out;
}

/**
 * A case-insensitive regex over the original text matching any alternative as a phrase on word
 * boundaries. Matching the original (rather than a folded copy) keeps offsets exact and avoids copying
 * every document on every search.
 */
export function toRegExp(q: ParsedQuery): RegExp {
  const alts = q.map((alt) =>
    alt
      .map((t) => wordPattern(t.word) + (t.prefix ? '[\\p{L}\\p{N}\\p{M}]*' : ''))
      .join('[^\\p{L}\\p{N}\\p{M}]+'),
  );
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alts.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
}
