import { heatLegend } from '../../shared/charts';

/** The shading scale with the values it stands for; the numbers in the cells remain the data. */
export function HeatLegend(props: {
  max: number;
  format(v: number): string;
  what: string;
  note?: string;
  /** Whole numbers: a small maximum gets one step per value rather than repeated rounded ones. */
  counts?: boolean;
}) {
  const few = props.counts && Number.isInteger(props.max) && props.max < 5;
  const steps = heatLegend(props.max, few ? Math.max(2, props.max + 1) : 5);
  return (
    <div className="heat-legend">
      <span className="heat-legend-title">Shading: {props.what}</span>
      <ol aria-label={`Shading scale from ${props.format(0)} to ${props.format(props.max)}`}>
        {steps.map((s, i) => (
          <li key={i} style={{ background: s.cell.background, color: s.cell.text }}>
            {props.format(s.value)}
          </li>
        ))}
      </ol>
      {props.note && <span className="heat-legend-note">{props.note}</span>}
    </div>
  );
}
