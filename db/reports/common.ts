// Options and helpers shared by the DOCX and XLSX report writers.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CodeInfo, Excerpt } from '../../shared/types';
import { groupByCode, type CodeGroup } from '../../shared/export/group';
import { treeOrder } from '../../shared/export/codebook';

export type ProgressCallback = (done: number, total: number) => void;

export interface ReportOptions {
  title?: string;
  projectName?: string;
  /** How the caller chose the excerpts, one filter per item ("Group: Northgate"); empty means none. */
  filters?: string[];
  /** Shown in the header; a string is shown verbatim (deterministic output for tests). Default: now. */
  date?: Date | string;
  /** Show each excerpt's surrounding words (`before`/`after`) in grey. Default true. */
  context?: boolean;
  /** Called as the report is laid out; the final call (total, total) comes once the file is packed. */
  onProgress?: ProgressCallback;
}

// XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and unpaired surrogates; one of them anywhere in a
// part makes Word refuse the whole file as corrupt. Transcripts pasted from PDFs and old Word files
// carry them (vertical tab is Word's manual line break, form feed a page break), so those two become
// line breaks and the rest are dropped; a lone surrogate becomes U+FFFD so the gap stays visible.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL_XML = /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(/\r\n?|[\v\f]/g, '\n')
    .replace(ILLEGAL_XML, '')
    .replace(LONE_SURROGATE, '\uFFFD');
}

const FALLBACK_HEX = '808080';

/** A code colour as 'RRGGBB'; anything but a strict #RRGGBB (hand-edited projects) becomes grey. */
export function hexColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color.slice(1).toUpperCase() : FALLBACK_HEX;
}

function channels(hex: string): [number, number, number] {
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '000000' : 'FFFFFF';
}

/** `hex` mixed with white; `amount` 0 is white, 1 the colour itself. */
export function tint(hex: string, amount: number): string {
  return channels(hex)
    .map((c) =>
      Math.round(255 - (255 - c) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

export function reportDate(date: Date | string | undefined): string {
  if (typeof date === 'string') return date;
  return (date ?? new Date()).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function filtersLine(filters: string[] | undefined): string {
  const used = (filters ?? []).map((f) => xmlSafe(f).trim()).filter(Boolean);
  return used.length ? used.join('; ') : 'None (all coded excerpts)';
}

/**
 * Reports about 100 steps whatever the size, and yields to the event loop at each so that a caller
 * in the Electron main process can actually deliver the updates while a long export runs.
 */
export function progressReporter(total: number, callback: ProgressCallback | undefined) {
  const step = Math.max(1, Math.floor(total / 100));
  return {
    async tick(done: number): Promise<void> {
      if (!callback || done % step !== 0 || done >= total) return;
      callback(done, total);
      await nextTurn();
    },
    finish(): void {
      callback?.(total, total);
    },
  };
}

export interface OrderedGroup extends CodeGroup {
  /** 0 for top-level codes. */
  depth: number;
  description: string;
}

/**
 * Excerpts grouped by code in codebook (tree) order when the codebook is known, otherwise in the
 * alphabetical hierarchical order of the Markdown and HTML reports. Codes missing from `codes` follow.
 */
export function orderedGroups(excerpts: Excerpt[], codes: CodeInfo[] = []): OrderedGroup[] {
  const rank = new Map(treeOrder(codes).map((t, i) => [t.code.path, i]));
  const byPath = new Map(codes.map((c) => [c.path, c]));
  return groupByCode(excerpts)
    .map((g, i) => ({ g, i, r: rank.get(g.path) ?? codes.length + i }))
    .sort((a, b) => a.r - b.r)
    .map(({ g }) => ({
      ...g,
      depth: g.segments.length - 1,
      description: byPath.get(g.path)?.description ?? '',
    }));
}

/** Codings of each code plus all its descendants, for a tree-ordered list. */
export function subtreeTotals(entries: { code: CodeInfo; depth: number }[]): number[] {
  const totals = entries.map((e) => e.code.codings);
  for (let i = entries.length - 1; i >= 0; i--) {
    for (let j = i - 1; j >= 0; j--) {
      if (entries[j]!.depth < entries[i]!.depth) {
        totals[j]! += totals[i]!;
        break;
      }
    }
  }
  return totals;
}
