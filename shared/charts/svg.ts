// Small helpers for hand-written SVG. Pure (no DOM, no Node) so the renderer, exports and tests share them.

/** The platform's UI font: nothing to download, and it matches the app. */
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const TEXT_COLOR = '#1F2328';
export const MUTED_COLOR = '#57606A';
export const GRID_COLOR = '#D0D7DE';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and attribute values, and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '') // eslint-disable-line no-control-regex
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Numbers as people read them: whole numbers with thousands separators, others to one decimal. */
export function formatNumber(v: number, unit = ''): string {
  if (!Number.isFinite(v)) return '–';
  const text = Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(1);
  return `${text}${unit}`;
}

/** Rough text width for layout: no DOM to measure with, so an average glyph width of the sans stack. */
export const textWidth = (text: string, size: number): number => [...text].length * size * 0.58;

/** Shortens long labels to `max` characters with an ellipsis; the full text goes in a <title>. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Ticks at a round step from 0 past `max` (about `count` of them); whole steps for counts. */
export function niceTicks(max: number, count = 5, whole = false): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const step = whole ? Math.max(1, Math.ceil(nice)) : nice;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

/** A stable id from the title, so several charts can sit in one page without clashing ids. */
export function chartId(title: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193);
  return `cp-chart-${(h >>> 0).toString(36)}`;
}

export interface SvgFrame {
  width: number;
  height: number;
  title: string;
  /** A text version of the data for screen readers (every value, in words). */
  description: string;
  body: string[];
}

/** The outer <svg>: labelled by its title and description, fonts fixed, no external references. */
export function svgDocument(f: SvgFrame): string {
  const id = chartId(f.title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(FONT_STACK)}" font-size="12" fill="${TEXT_COLOR}">`,
    `<title id="${id}-title">${escapeXml(f.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(f.description)}</desc>`,
    `<rect width="${f.width}" height="${f.height}" fill="#FFFFFF"/>`,
    `<text x="16" y="24" font-size="15" font-weight="600">${escapeXml(f.title)}</text>`,
    ...f.body,
    '</svg>',
  ].join('\n');
}

export const num = (v: number): string => String(Math.round(v * 10) / 10);
