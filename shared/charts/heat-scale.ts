// Colour scale for the code matrix heat map. Pure, so the renderer can colour cells directly.
// A single-hue sequential scale (ColorBrewer "Blues") reads as "more" to colour-blind readers too, and
// each cell's text colour is whichever of black or white contrasts more, which is always at least 4.5:1.

const STOPS = [
  '#F7FBFF',
  '#DEEBF7',
  '#C6DBEF',
  '#9ECAE1',
  '#6BAED6',
  '#4292C6',
  '#2171B5',
  '#08519C',
  '#08306B',
];

export interface HeatCell {
  background: string;
  /** #000000 or #FFFFFF, whichever contrasts more with the background. */
  text: string;
  /** 0–4: the value's fifth of the range, for a legend or a non-colour cue such as weight. */
  level: number;
}

const rgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const hex = (c: number[]): string =>
  `#${c
    .map((v) => Math.round(v).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;

function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #RRGGBB colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour at `t` in [0, 1] along the scale. */
export function scaleColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const [a, b] = [rgb(STOPS[i]!), rgb(STOPS[i + 1]!)];
  return hex(a.map((v, k) => v + (b[k]! - v) * (x - i)));
}

/** The cell colours for `value` on a scale from `min` to `max`. */
export function heatColor(value: number, max: number, min = 0): HeatCell {
  const t = max > min ? (value - min) / (max - min) : 0;
  const background = scaleColor(t);
  const text =
    contrastRatio(background, '#000000') >= contrastRatio(background, '#FFFFFF') ? '#000000' : '#FFFFFF';
  return { background, text, level: Math.min(4, Math.max(0, Math.floor((Number.isFinite(t) ? t : 0) * 5))) };
}

/** A scale fitted to a matrix's cells (from 0, or the smallest value if negative, to the largest). */
export function heatScale(cells: number[][]): (value: number) => HeatCell {
  const values = cells.flat().filter(Number.isFinite);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  return (value) => heatColor(value, max, min);
}

/** `steps` evenly spaced legend entries from `min` to `max`. */
export function heatLegend(max: number, steps = 5, min = 0): { value: number; cell: HeatCell }[] {
  return Array.from({ length: steps }, (_, i) => {
    const value = min + ((max - min) * i) / Math.max(1, steps - 1);
    return { value, cell: heatColor(value, max, min) };
  });
}
