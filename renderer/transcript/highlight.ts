import { tint } from '../format';

// How coded text looks. One code: a tint of its colour with a solid underline. Several codes: the line
// is split into horizontal bands, one per code in codebook order, so each overlapping code stays visible
// (and a hover title and the turn's header name them, for readers who cannot tell the colours apart).

const ALPHA = 0.32;

/** Inline CSS for text covered by codes with these colours (in stacking order). */
export function highlightStyle(colors: readonly string[]): string {
  if (colors.length === 0) return '';
  if (colors.length === 1) {
    const c = colors[0]!;
    return `background-color: ${tint(c, ALPHA)}; box-shadow: inset 0 -2px 0 ${c}`;
  }
  const band = 100 / colors.length;
  const stops = colors
    .map((c, i) => `${tint(c, ALPHA + 0.08)} ${(i * band).toFixed(2)}% ${((i + 1) * band).toFixed(2)}%`)
    .join(', ');
  return `background-image: linear-gradient(180deg, ${stops}); box-shadow: inset 0 -2px 0 ${colors[colors.length - 1]}`;
}
