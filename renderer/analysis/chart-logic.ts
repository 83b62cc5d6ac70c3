import type { CodeInfo } from '../../shared/types';
import type { CodeFrequency, SpeakerParticipation } from '../../shared/contract/analysis-calls';
import { barChartSvg, participationChartSvg } from '../../shared/charts';
import { categoryLabel, measureInfo } from '../../shared/analysis-labels';
import type { ColumnChoice } from './matrix-logic';

/** Codes in tree order for a <select>, indented by depth with non-breaking spaces (plain spaces collapse). */
export function codeOptions(codes: readonly CodeInfo[]): { id: number; label: string }[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const depth = (c: CodeInfo): number => {
    let d = 0;
    for (let p = c.parentId; p !== null && d < 50; p = byId.get(p)?.parentId ?? null) d++;
    return d;
  };
  return codes.map((c) => ({ id: c.id, label: `${'\u00a0\u00a0\u00a0'.repeat(depth(c))}${c.name}` }));
}

/** The first code with codings (else the first code), so the chart starts with something to show. */
export function defaultChartCode(codes: readonly CodeInfo[]): number | null {
  return (codes.find((c) => c.codings > 0) ?? codes[0])?.id ?? null;
}

/** Bars by a speaker attribute (such as role) when there is one: the comparison focus groups are for. */
export function defaultChartBy(choices: readonly ColumnChoice[]): string {
  return choices.find((c) => c.group === 'Speaker attributes')?.value ?? 'group';
}

export interface Chart {
  title: string;
  svg: string;
}

/** A code's frequency as a bar chart in the code's colour, titled with what it shows. */
export function frequencyChart(
  data: CodeFrequency,
  by: string,
  subcodes: boolean,
  codes: readonly CodeInfo[],
): Chart {
  const code = codes.find((c) => c.id === data.code.codeId);
  const info = measureInfo(data.measure);
  const title = `${code?.name ?? data.code.path}${subcodes ? ' (with sub-codes)' : ''} by ${categoryLabel(by)}`;
  const svg = barChartSvg({
    title,
    bars: data.bars.map((b) => ({ label: b.label, value: b.value })),
    valueLabel: info.label,
    categoryLabel: categoryLabel(by),
    unit: info.percent ? '%' : '',
    color: code?.color,
  });
  return { title, svg };
}

/** Turns and words per speaker, for one document or all. */
export function participationChart(
  data: readonly SpeakerParticipation[],
  documentName: string | null,
): Chart {
  const title = `Speaker participation — ${documentName ?? 'all documents'}`;
  const speakers = data.map((p) => ({ name: p.speaker, turns: p.turns, words: p.words }));
  return { title, svg: participationChartSvg({ title, speakers }) };
}
