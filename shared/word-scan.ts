// Where words start: [\p{L}\p{N}\p{M}]+ joined by ' ’ - or . between word characters, as countWords and
// the word index count them, found by reading character codes: RegExp.exec builds a match array per
// word, 1.1 GB of garbage to index the 9M words of the large benchmark project and 2 GB to import it.
// A test checks the scanner against that pattern.

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** For each BMP code unit: 0 not yet known, 1 a word character, 2 not. */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    let k = bmp[cp]!;
    if (k === 0) bmp[cp] = k = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return k === 1;
  }
  let w = astral.get(cp);
  if (w === undefined) astral.set(cp, (w = WORD_CHAR.test(String.fromCodePoint(cp))));
  return w;
}

const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2e;

/** Code units of the word character at `i`, or 0 if there is none (a lone surrogate is none). */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff)
      return isWordCodePoint((c - 0xd800) * 0x400 + d - 0xdc00 + 0x10000) ? 2 : 0;
  }
  return isWordCodePoint(c) ? 1 : 0;
}

/** Calls `found` with the offset of each word of `text`, in order, and returns how many there are. */
export function scanWordStarts(text: string, found?: (at: number) => void): number {
  let count = 0;
  let i = 0;
  while (i < text.length) {
    let len = wordCharAt(text, i);
    if (!len) {
      i++;
      continue;
    }
    found?.(i);
    count++;
    // Greedy like the pattern: word characters, and a joiner only when a word character follows it.
    for (;;) {
      i += len;
      len = wordCharAt(text, i);
      if (len) continue;
      if (i + 1 < text.length && isJoiner(text.charCodeAt(i)) && (len = wordCharAt(text, i + 1))) {
        i++;
        continue;
      }
      break;
    }
  }
  return count;
}
