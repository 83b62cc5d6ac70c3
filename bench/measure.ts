export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Where a target is set: a maximum (times, memory) or, with higherIsBetter, a minimum (rates). */
  target?: number;
  higherIsBetter?: boolean;
}

export async function timeIt(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Ratio to target, where > 1 always means "better than the target". */
export function ratio(f: Figure): number | undefined {
  if (f.target === undefined) return undefined;
  return f.higherIsBetter ? f.value / f.target : f.target / Math.max(f.value, 1e-9);
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => {
    const r = ratio(f);
    return [
      f.name,
      `${f.value} ${f.unit}`,
      f.target === undefined ? '' : `${f.higherIsBetter ? '≥' : '≤'} ${f.target}`,
      r === undefined ? '' : `${r > 1000 ? '>1000' : r.toFixed(2)}× ${r >= 1 ? 'ok' : 'MISSED'}`,
    ];
  });
  const head = ['measure', 'value', 'target', 'vs target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}
