// Overlapping codings are drawn as stacked underlines. Each coding keeps one lane (depth) along its whole
// extent within a block, so its line stays continuous however other codings start and stop around it.

export interface Extent {
  id: number;
  start: number;
  end: number;
}

/**
 * Interval-graph colouring: codings in order of start (longer first, then codebook order) take the
 * lowest lane free at their start. Nested and chained codings therefore share few lanes.
 */
export function assignLanes(
  extents: readonly Extent[],
  order: (a: number, b: number) => number = (a, b) => a - b,
): Map<number, number> {
  const sorted = [...extents].sort((a, b) => a.start - b.start || b.end - a.end || order(a.id, b.id));
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const e of sorted) {
    let lane = laneEnds.findIndex((end) => end <= e.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = e.end;
    lanes.set(e.id, lane);
  }
  return lanes;
}
