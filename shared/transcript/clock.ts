// Clock stamps as transcripts and subtitle files write them: 1:02, 00:01:02, 00:01:02.500, 00:01:02,500.

/** A clock stamp, with no brackets, as a regular-expression source fragment. */
export const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

const CLOCK_PARTS = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?$/;

/** Seconds for a stamp such as `1:02`, `01:02:03` or `01:02:03.5`; null when it is not a valid time. */
export function parseClock(stamp: string): number | null {
  const m = CLOCK_PARTS.exec(stamp.trim());
  if (!m) return null;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  // With hours present, minutes past 59 mean this is not a time (e.g. a score or a ratio).
  if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return null;
  const millis = m[4] === undefined ? 0 : Number(m[4].padEnd(3, '0'));
  return roundMillis(hours * 3600 + minutes * 60 + seconds + millis / 1000);
}

/** Avoids float noise such as 62.099999 in stored times. */
export function roundMillis(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
