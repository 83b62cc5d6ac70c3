import { AXIS_HEIGHT, ROW_HEIGHT, barPanel, labelColumn, labelColumnWidth } from './bars';
import { formatNumber, svgDocument } from './svg';

export interface ParticipationChartSpec {
  title: string;
  speakers: { name: string; turns: number; words: number }[];
  width?: number;
}

/**
 * Turns and words per speaker in two side-by-side panels with their own scales and headings, so the
 * measure is named in text (not told apart by colour) and every value is printed.
 */
export function participationChartSvg(spec: ParticipationChartSpec): string {
  const width = spec.width ?? 720;
  const labels = spec.speakers.map((s) => s.name);
  const left = 16 + labelColumnWidth(labels) + 8;
  const top = 64;
  const gap = 24;
  const panel = (width - left - 16 - gap) / 2;
  const height = top + Math.max(1, labels.length) * ROW_HEIGHT + AXIS_HEIGHT + 8;
  const description = spec.speakers.length
    ? `Turns and words per speaker: ${spec.speakers.map((s) => `${s.name} ${formatNumber(s.turns)} turns, ${formatNumber(s.words)} words`).join('; ')}.`
    : 'No speaker turns.';
  return svgDocument({
    width,
    height,
    title: spec.title,
    description,
    body: [
      ...labelColumn(left - 8, top, labels),
      ...barPanel({
        x: left,
        y: top,
        width: panel,
        labels,
        values: spec.speakers.map((s) => s.turns),
        color: '#4C78A8',
        axisLabel: 'Turns',
        heading: 'Turns',
      }),
      ...barPanel({
        x: left + panel + gap,
        y: top,
        width: panel,
        labels,
        values: spec.speakers.map((s) => s.words),
        color: '#F58518',
        axisLabel: 'Words spoken',
        heading: 'Words',
      }),
    ],
  });
}
