import { tint } from '../format';

// How coded text looks: a soft tint of the codes' colours behind the words, and under them one solid
// underline per coding, each in its own lane (see lanes.ts), so overlapping codings stay distinguishable.
// The stylesheet draws the lanes from the custom properties set here (--lane0..3 and --tint); names are
// always available as text too (turn header, popover), so colour is never the only signal.

export const MAX_LANES = 4;

const TINT_ONE = 0.2;
const TINT_STEP = 0.06;
const TINT_MAX = 0.34;

function rgbOf(hex: string): [number, number, number] {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1] ?? '808080';
  return [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG) of a #RRGGBB colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The underline colour for a code: its own colour, darkened when it is too pale to see as a thin line on
 * the page (palette colours such as #DCBEFF or #BFEF45), so every coding's extent stays visible.
 */
export function laneColor(hex: string): string {
  if (luminance(hex) < 0.5) return hex;
  const [r, g, b] = rgbOf(hex).map((v) => Math.round(v * 0.6));
  return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
}

/** One tint for several codes: their average colour, a little stronger for each extra code. */
export function blendTint(colors: readonly string[]): string {
  if (colors.length === 0) return '';
  if (colors.length === 1) return tint(colors[0]!, TINT_ONE);
  const sum = colors.map(rgbOf).reduce((a, c) => [a[0] + c[0], a[1] + c[1], a[2] + c[2]], [0, 0, 0]);
  const [r, g, b] = sum.map((v) => Math.round(v / colors.length));
  const alpha = Math.min(TINT_MAX, TINT_ONE + TINT_STEP * (colors.length - 1));
  return `rgba(${r}, ${g}, ${b}, ${Number(alpha.toFixed(2))})`;
}

export interface LaneColor {
  lane: number;
  color: string;
}

/**
 * Inline custom properties for a segment covered by codings in these lanes. Lanes past the last drawn
 * one share it (the tint still darkens, and the popover lists every code).
 */
export function segmentStyle(covering: readonly LaneColor[]): string {
  if (covering.length === 0) return '';
  const lanes: string[] = [];
  for (const { lane, color } of [...covering].sort((a, b) => a.lane - b.lane)) {
    lanes[Math.min(lane, MAX_LANES - 1)] = laneColor(color);
  }
  const parts = [`--tint: ${blendTint(covering.map((c) => c.color))}`];
  lanes.forEach((color, i) => {
    if (color) parts.push(`--lane${i}: ${color}`);
  });
  return parts.join('; ');
}
