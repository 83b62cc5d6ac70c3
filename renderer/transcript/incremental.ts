import type { Coding, Turn } from '../../shared/types';
import { blockFrom, codingOrder, intervalsOf, overlapsBody, transcriptDrafts } from './model';
import type { Block, Draft } from './model';

// Rebuilding every block of a long transcript (~1,250 turns) for each coding added costs more than the
// change itself. An update reuses the previous build's blocks wherever no changed coding shows in them:
// the same objects, so the editor sync can also skip them without comparing their contents.

export interface TranscriptBuild {
  text: string;
  turns: readonly Turn[];
  drafts: readonly Draft[];
  codings: ReadonlyMap<number, Coding>;
  /** Each coding's stacking key (its code's codebook position). */
  keys: ReadonlyMap<number, number>;
  blocks: Block[];
}

/** Past this many changed codings, checking each block against them costs more than building afresh. */
const MAX_CHANGED = 200;

type Range = readonly [number, number];

/** Where the codings changed: the old and the new extent of each one added, removed, moved or restacked. */
function changedRanges(
  previous: TranscriptBuild,
  codings: ReadonlyMap<number, Coding>,
  keys: ReadonlyMap<number, number>,
): Range[] | null {
  const ranges: Range[] = [];
  for (const c of codings.values()) {
    const old = previous.codings.get(c.id);
    const same =
      old &&
      old.start === c.start &&
      old.end === c.end &&
      old.codeId === c.codeId &&
      previous.keys.get(c.id) === keys.get(c.id);
    if (same) continue;
    ranges.push([c.start, c.end]);
    if (old) ranges.push([old.start, old.end]);
  }
  for (const old of previous.codings.values()) {
    if (!codings.has(old.id)) ranges.push([old.start, old.end]);
  }
  return ranges.length > MAX_CHANGED ? null : ranges;
}

/** The transcript's blocks for these codings, reusing `previous` where nothing changed. */
export function updateTranscript(
  previous: TranscriptBuild | null,
  text: string,
  turns: readonly Turn[],
  codingList: readonly Coding[],
  codeOrder: (codingId: number) => number,
): TranscriptBuild {
  const order = codingOrder(codeOrder);
  const codings = new Map(codingList.map((c) => [c.id, c]));
  const keys = new Map(codingList.map((c) => [c.id, codeOrder(c.id)]));
  const same = previous !== null && previous.text === text && previous.turns === turns;
  const ranges = same ? changedRanges(previous, codings, keys) : null;
  if (!previous || !ranges) {
    const drafts = transcriptDrafts(text, turns);
    const intervals = intervalsOf(codingList, order);
    return {
      text,
      turns,
      drafts,
      codings,
      keys,
      blocks: drafts.map((d) => blockFrom(d, text, intervals, order)),
    };
  }
  if (ranges.length === 0) return { ...previous, codings, keys };
  const blocks = previous.drafts.map((d, i) => {
    if (!ranges.some(([start, end]) => overlapsBody(d, start, end))) return previous.blocks[i]!;
    const showing = codingList.filter((c) => overlapsBody(d, c.start, c.end));
    return blockFrom(d, text, intervalsOf(showing, order), order);
  });
  return { ...previous, codings, keys, blocks };
}
