// Horizontal bar panels, the building block of both charts: category labels stay horizontal and readable
// however many there are, and every bar carries its value as text.
import { GRID_COLOR, MUTED_COLOR, clip, escapeXml, formatNumber, niceTicks, num, textWidth } from './svg';

export const ROW_HEIGHT = 26;
export const BAR_HEIGHT = 16;
export const AXIS_HEIGHT = 44;
export const VALUE_ROOM = 64;
export const LABEL_CHARS = 32;

export interface PanelSpec {
  x: number;
  y: number;
  width: number;
  labels: string[];
  values: number[];
  color: string;
  /** Axis title under the panel, e.g. "Codings" or "Words". */
  axisLabel: string;
  unit?: string;
  /** Heading above the panel (used when panels sit side by side). */
  heading?: string;
}

/** Width of the category label column for these labels. */
export function labelColumnWidth(labels: string[]): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(clip(l, LABEL_CHARS), 12)));
  return Math.min(240, Math.max(60, Math.ceil(widest)));
}

/** Category labels, right-aligned against the bars, vertically centred on each row. */
export function labelColumn(x: number, y: number, labels: string[]): string[] {
  return labels.map(
    (l, i) =>
      `<text x="${num(x)}" y="${num(y + i * ROW_HEIGHT + ROW_HEIGHT / 2 + 4)}" text-anchor="end">${escapeXml(clip(l, LABEL_CHARS))}</text>`,
  );
}

export function barPanel(p: PanelSpec): string[] {
  const values = p.values.map((v) => (Number.isFinite(v) ? v : 0));
  const ticks = niceTicks(Math.max(0, ...values), 5, values.every(Number.isInteger));
  const end = ticks[ticks.length - 1]!;
  const span = p.width - VALUE_ROOM;
  const at = (v: number) => p.x + (Math.max(0, v) / end) * span;
  const bottom = p.y + values.length * ROW_HEIGHT;
  const out: string[] = [];
  if (p.heading)
    out.push(`<text x="${num(p.x)}" y="${num(p.y - 8)}" font-weight="600">${escapeXml(p.heading)}</text>`);
  for (const t of ticks) {
    out.push(
      `<line x1="${num(at(t))}" x2="${num(at(t))}" y1="${num(p.y)}" y2="${num(bottom)}" stroke="${GRID_COLOR}" stroke-width="1"/>`,
      `<text x="${num(at(t))}" y="${num(bottom + 16)}" text-anchor="middle" fill="${MUTED_COLOR}">${escapeXml(formatNumber(t))}</text>`,
    );
  }
  out.push(
    `<line x1="${num(p.x)}" x2="${num(p.x)}" y1="${num(p.y)}" y2="${num(bottom)}" stroke="${MUTED_COLOR}" stroke-width="1"/>`,
    `<text x="${num(p.x + span / 2)}" y="${num(bottom + 36)}" text-anchor="middle">${escapeXml(p.axisLabel)}</text>`,
  );
  values.forEach((v, i) => {
    const top = p.y + i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    const value = formatNumber(v, p.unit);
    // A dark outline keeps bars visible in high-contrast and greyscale printing; the value is text.
    out.push(
      `<g><title>${escapeXml(`${p.labels[i] ?? ''}: ${value}${p.heading ? ` ${p.heading.toLowerCase()}` : ''}`)}</title>` +
        `<rect x="${num(p.x)}" y="${num(top)}" width="${num(at(v) - p.x)}" height="${BAR_HEIGHT}" fill="${p.color}" stroke="#24292F" stroke-width="0.5"/>` +
        `<text x="${num(at(v) + 4)}" y="${num(top + BAR_HEIGHT - 4)}">${escapeXml(value)}</text></g>`,
    );
  });
  return out;
}
