// Sentences inside a block, for keyboard selection. A sentence ends after . ! ? or … (and any closing
// quotes or brackets) followed by whitespace, or at a line break; like the core's sentence scope for
// auto-coding, but a full stop inside "3.5" or "e.g.x" does not end one.

export interface TextRange {
  start: number;
  end: number;
}

const CLOSERS = /['"’”)\]»]/;

/** The sentences of text[from, to), each trimmed of surrounding whitespace, in order. */
export function sentenceRanges(text: string, from: number, to: number): TextRange[] {
  const out: TextRange[] = [];
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  let start = from;
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === '\n') {
      push(start, i);
      start = i + 1;
    } else if (/[.!?…]/.test(c)) {
      let j = i + 1;
      while (j < to && /[.!?…]/.test(text[j]!)) j++;
      while (j < to && CLOSERS.test(text[j]!)) j++;
      if (j >= to || /\s/.test(text[j]!)) {
        push(start, j);
        start = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  push(start, to);
  return out;
}

/** The sentence after a selection ending at `after` (the first one when nothing is selected), wrapping. */
export function nextSentence(sentences: readonly TextRange[], current: TextRange | null): TextRange | null {
  if (sentences.length === 0) return null;
  if (!current) return sentences[0]!;
  return sentences.find((s) => s.start >= current.end) ?? sentences[0]!;
}

/** The sentence before a selection starting at `current.start` (the last one when none), wrapping. */
export function previousSentence(
  sentences: readonly TextRange[],
  current: TextRange | null,
): TextRange | null {
  if (sentences.length === 0) return null;
  if (!current) return sentences[sentences.length - 1]!;
  return [...sentences].reverse().find((s) => s.end <= current.start) ?? sentences[sentences.length - 1]!;
}

/** The selection grown to the end of the next sentence (unchanged at the end of the block). */
export function extendBySentence(
  sentences: readonly TextRange[],
  current: TextRange | null,
): TextRange | null {
  if (!current) return sentences[0] ?? null;
  const next = sentences.find((s) => s.end > current.end);
  return next ? { start: current.start, end: next.end } : current;
}
