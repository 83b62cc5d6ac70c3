export { barChartSvg, type BarChartSpec } from './bar-chart';
export { participationChartSvg, type ParticipationChartSpec } from './participation-chart';
export { contrastRatio, heatColor, heatLegend, heatScale, scaleColor, type HeatCell } from './heat-scale';
export { escapeXml, FONT_STACK } from './svg';
