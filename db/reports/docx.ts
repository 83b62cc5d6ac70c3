// Coded excerpts as a Word report to hand to a co-author: a section per code in codebook order
// (heading, description, count), each excerpt quoted with its surrounding words in grey, then where
// it came from and the coder's memo. Opens in Word, LibreOffice, Pages and Google Docs.
import {
  Bookmark,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  ShadingType,
  TextRun,
  type FileChild,
  type Table,
} from 'docx';
import type { CodeInfo, Excerpt } from '../../shared/types';
import { countDistinct, plural, position } from '../../shared/export/group';
import {
  filtersLine,
  hexColor,
  orderedGroups,
  progressReporter,
  tint,
  xmlSafe,
  type OrderedGroup,
  type ReportOptions,
} from './common';
import {
  CONTEXT_GREY,
  INK,
  MUTED,
  STYLES,
  docProperties,
  headingFor,
  linesAsRuns,
  section,
  standardMeta,
  swatch,
  titleBlock,
} from './docx-style';
import { codeLink, ruledTable, tableCell, tableText } from './docx-table';

export interface DocxReportOptions extends ReportOptions {
  /** The codebook: orders the code sections as the code tree does and supplies code descriptions. */
  codes?: CodeInfo[];
}

// Keeping an excerpt on one page is worth a gap at the foot of the previous one, but not for a
// passage so long that holding it together would push whole pages around.
const KEEP_TOGETHER_CHARS = 1500;

/** A code section; `placeholder` marks a parent shown only so its sub-codes sit under it. */
interface Section extends OrderedGroup {
  placeholder: boolean;
}

/**
 * Adds a heading for each parent code that has no excerpts of its own, so that a sub-code's
 * heading never appears to belong to whichever code happens to precede it in the navigation pane.
 */
function withParents(groups: OrderedGroup[], codes: CodeInfo[]): Section[] {
  const byPath = new Map(codes.map((c) => [c.path, c]));
  const present = new Set(groups.map((g) => g.path));
  const shown = new Set<string>();
  const out: Section[] = [];
  for (const g of groups) {
    for (let depth = 0; depth < g.segments.length - 1; depth++) {
      const segments = g.segments.slice(0, depth + 1);
      const path = segments.join('/');
      if (present.has(path) || shown.has(path)) continue;
      shown.add(path);
      const code = byPath.get(path);
      out.push({
        path,
        segments,
        code: segments[depth]!,
        color: code?.color ?? g.color,
        excerpts: [],
        depth,
        description: code?.description ?? '',
        placeholder: true,
      });
    }
    out.push({ ...g, placeholder: false });
  }
  return out;
}

const displayPath = (s: Section) => xmlSafe(s.segments.join(' / '));
const bookmarkId = (i: number) => `code_${i + 1}`;

// Text width of an A4 page with the report's margins, in twips, split between name and count.
const CONTENTS_WIDTHS = [7900, 1500];

function contentsTable(sections: Section[]): Table {
  const rows = sections.map((s, i) => [
    tableCell(
      [codeLink(s.segments.join(' / '), s.depth, bookmarkId(i), hexColor(s.color))],
      CONTENTS_WIDTHS[0]!,
    ),
    tableCell(
      [
        tableText(s.placeholder ? '–' : String(s.excerpts.length), {
          right: true,
          color: s.placeholder ? MUTED : undefined,
        }),
      ],
      CONTENTS_WIDTHS[1]!,
    ),
  ]);
  return ruledTable(CONTENTS_WIDTHS, ['Code', 'Excerpts'], [false, true], rows);
}

function codeHeading(s: Section, i: number): Paragraph[] {
  const out = [
    new Paragraph({
      heading: headingFor(s.depth),
      children: [
        swatch(hexColor(s.color)),
        new Bookmark({ id: bookmarkId(i), children: [new TextRun(displayPath(s))] }),
      ],
    }),
  ];
  const description = xmlSafe(s.description).trim();
  if (description) {
    for (const para of description.split(/\n\s*\n/)) {
      out.push(new Paragraph({ style: 'CodeDescription', children: linesAsRuns(para.trim()) }));
    }
  }
  const count = s.placeholder
    ? 'No excerpts coded with this code itself; see its sub-codes below.'
    : `${plural(s.excerpts.length, 'excerpt')} from ${plural(
        countDistinct(s.excerpts, (e) => e.doc),
        'document',
      )}`;
  out.push(new Paragraph({ style: 'CodeCount', text: count }));
  return out;
}

/** The quoted passage, one paragraph per line, with its context (if shown) greyed either side. */
function quote(e: Excerpt, hex: string, showContext: boolean, keep: boolean): Paragraph[] {
  const before = showContext ? xmlSafe(e.before).replace(/\s+/g, ' ') : '';
  const after = showContext ? xmlSafe(e.after).replace(/\s+/g, ' ') : '';
  // With context around it the coded words get a pale tint of the code colour, as in the HTML report.
  const mark = before.trim() || after.trim() ? tint(hex, 0.22) : undefined;
  const pieces = [
    { text: before, context: true },
    { text: xmlSafe(e.text), context: false },
    { text: after, context: true },
  ];
  const lines: { runs: TextRun[]; text: string }[] = [{ runs: [], text: '' }];
  for (const piece of pieces) {
    piece.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push({ runs: [], text: '' });
      if (!part) return;
      const line = lines[lines.length - 1]!;
      line.text += part;
      line.runs.push(
        new TextRun({
          text: part,
          ...(piece.context
            ? { color: CONTEXT_GREY }
            : mark
              ? { shading: { type: ShadingType.CLEAR, fill: mark, color: 'auto' } }
              : {}),
        }),
      );
    });
  }
  const border = { left: { style: BorderStyle.SINGLE, size: 18, color: hex, space: 8 } };
  const visible = lines.filter((l) => l.text.trim());
  if (!visible.length)
    visible.push({ runs: [new TextRun({ text: '(empty excerpt)', italics: true, color: MUTED })], text: '' });
  return visible.map(
    (l) => new Paragraph({ style: 'Quote', border, keepNext: keep, keepLines: keep, children: l.runs }),
  );
}

function excerptBlock(e: Excerpt, hex: string, showContext: boolean): Paragraph[] {
  const keep = e.text.length + e.before.length + e.after.length <= KEEP_TOGETHER_CHARS;
  const memo = xmlSafe(e.memo).trim();
  const source: TextRun[] = [new TextRun({ text: xmlSafe(e.doc), bold: true, color: INK })];
  const add = (label: string, value: string) =>
    source.push(new TextRun(`  ·  ${label}${label ? ' ' : ''}`), new TextRun(xmlSafe(value)));
  if (e.groups.length) add(e.groups.length > 1 ? 'Groups:' : 'Group:', e.groups.join(', '));
  if (e.speakers.length) add(e.speakers.length > 1 ? 'Speakers:' : 'Speaker:', e.speakers.join(', '));
  add('Position', position(e));
  if (e.coder) add('Coder:', e.coder);
  const end = { after: 320 };
  const out = [
    ...quote(e, hex, showContext, keep),
    new Paragraph({
      style: 'ExcerptSource',
      keepNext: keep && !!memo,
      ...(memo ? {} : { spacing: end }),
      children: source,
    }),
  ];
  if (memo) {
    out.push(
      new Paragraph({
        style: 'ExcerptMemo',
        spacing: end,
        children: [new TextRun({ text: 'Memo  ', bold: true }), ...linesAsRuns(memo)],
      }),
    );
  }
  return out;
}

export async function excerptsToDocx(excerpts: Excerpt[], options: DocxReportOptions = {}): Promise<Buffer> {
  const title = options.title ?? 'Coded excerpts';
  const showContext = options.context ?? true;
  const sections = withParents(orderedGroups(excerpts, options.codes), options.codes ?? []);
  const codeCount = sections.filter((s) => !s.placeholder).length;
  const summary = [
    plural(excerpts.length, 'excerpt'),
    plural(codeCount, 'code'),
    plural(
      countDistinct(excerpts, (e) => e.doc),
      'document',
    ),
  ].join(' · ');
  const body: FileChild[] = titleBlock(title, [
    ...standardMeta(options),
    ['Filters', filtersLine(options.filters)],
    ['Contents', summary],
  ]);
  if (!sections.length) {
    body.push(
      new Paragraph({
        style: 'CodeCount',
        spacing: { before: 480 },
        text: 'No excerpts match these filters.',
      }),
    );
  } else {
    body.push(
      new Paragraph({ style: 'ContentsLabel', text: 'Codes in this report' }),
      contentsTable(sections),
    );
  }

  const progress = progressReporter(excerpts.length, options.onProgress);
  let done = 0;
  for (const [i, s] of sections.entries()) {
    body.push(...codeHeading(s, i));
    const hex = hexColor(s.color);
    for (const e of s.excerpts) {
      await progress.tick(done++);
      body.push(...excerptBlock(e, hex, showContext));
    }
  }
  const doc = new Document({
    ...docProperties(title, options, `${summary}. Filters: ${filtersLine(options.filters)}`),
    styles: STYLES,
    sections: [section(xmlSafe(title), body)],
  });
  const buffer = await Packer.toBuffer(doc);
  progress.finish();
  return buffer;
}
