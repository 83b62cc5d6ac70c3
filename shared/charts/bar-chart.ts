import { AXIS_HEIGHT, ROW_HEIGHT, barPanel, labelColumn, labelColumnWidth } from './bars';
import { escapeXml, formatNumber, svgDocument, num } from './svg';

export interface BarChartSpec {
  title: string;
  bars: { label: string; value: number }[];
  /** What the values are, e.g. "Codings" or "Words coded (% of the group's words)". */
  valueLabel: string;
  /** What the bars are, e.g. "Document group" or "role". */
  categoryLabel: string;
  unit?: string;
  color?: string;
  width?: number;
}

/** A code's frequency by group, speaker or attribute value, as horizontal bars with their values. */
export function barChartSvg(spec: BarChartSpec): string {
  const width = spec.width ?? 640;
  const labels = spec.bars.map((b) => b.label);
  const left = 36 + labelColumnWidth(labels) + 8;
  const top = 48;
  const height = top + Math.max(1, labels.length) * ROW_HEIGHT + AXIS_HEIGHT + 8;
  const middle = top + (labels.length * ROW_HEIGHT) / 2;
  const description = spec.bars.length
    ? `${spec.valueLabel} by ${spec.categoryLabel}: ${spec.bars.map((b) => `${b.label} ${formatNumber(b.value, spec.unit)}`).join('; ')}.`
    : `No data for ${spec.valueLabel} by ${spec.categoryLabel}.`;
  return svgDocument({
    width,
    height,
    title: spec.title,
    description,
    body: [
      `<text transform="translate(18 ${num(middle)}) rotate(-90)" text-anchor="middle">${escapeXml(spec.categoryLabel)}</text>`,
      ...labelColumn(left - 8, top, labels),
      ...barPanel({
        x: left,
        y: top,
        width: width - left - 16,
        labels,
        values: spec.bars.map((b) => b.value),
        color: spec.color ?? '#4C78A8',
        axisLabel: spec.valueLabel,
        unit: spec.unit,
      }),
    ],
  });
}
