// Page setup, named styles and building blocks shared by the excerpt report and the codebook.
// Everything is a named style rather than direct formatting, so a co-author can restyle the whole
// report from Word's style pane, and code headings are the built-in Heading 1–6 (with outline
// levels) so Word's navigation pane, LibreOffice's navigator and PDF bookmarks all show the tree.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeadingLevel,
  PageNumber,
  Paragraph,
  ShadingType,
  TextRun,
  type IBaseParagraphStyleOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  type ISectionOptions,
} from 'docx';
import { reportDate, xmlSafe, type ReportOptions } from './common';

export const INK = '1F2328';
export const MUTED = '5F6670';
export const CONTEXT_GREY = '8A9099';
export const RULE = 'D0D4DA';
// Office fonts present wherever Word is; LibreOffice substitutes metric-compatible ones (Carlito, Caladea).
const SANS = 'Calibri';
const SERIF = 'Cambria';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** Heading for a code `depth` levels down; deeper than six levels shares Heading 6. */
export function headingFor(depth: number): (typeof HEADINGS)[number] {
  return HEADINGS[Math.min(Math.max(depth, 0), HEADINGS.length - 1)]!;
}

function heading(level: number, size: number, before: number): IBaseParagraphStyleOptions {
  return {
    run: { font: SANS, size, bold: true, color: INK },
    paragraph: { spacing: { before, after: 80 }, keepNext: true, keepLines: true, outlineLevel: level },
  };
}

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: 'Quote',
    name: 'Quote',
    basedOn: 'Normal',
    quickFormat: true,
    // Participants' speech is not for spell-checking: red squiggles make a printed report look wrong.
    run: { font: SERIF, size: 22, color: INK, noProof: true },
    paragraph: {
      indent: { left: 240 },
      spacing: { before: 0, after: 80, line: 288 },
      border: { left: { style: BorderStyle.SINGLE, size: 18, color: RULE, space: 8 } },
    },
  },
  {
    id: 'ExcerptSource',
    name: 'Excerpt Source',
    basedOn: 'Normal',
    run: { font: SANS, size: 17, color: MUTED },
    paragraph: { indent: { left: 240 }, spacing: { before: 40, after: 60 }, keepLines: true },
  },
  {
    id: 'ExcerptMemo',
    name: 'Excerpt Memo',
    basedOn: 'Normal',
    run: { font: SANS, size: 18, color: INK },
    paragraph: {
      indent: { left: 240 },
      spacing: { before: 0, after: 60 },
      shading: { type: ShadingType.CLEAR, fill: 'F3F4F6', color: 'auto' },
      keepLines: true,
    },
  },
  {
    id: 'CodeDescription',
    name: 'Code Description',
    basedOn: 'Normal',
    run: { font: SANS, size: 20, color: INK, italics: true },
    paragraph: { spacing: { before: 0, after: 80 }, keepNext: true },
  },
  {
    id: 'CodeCount',
    name: 'Code Count',
    basedOn: 'Normal',
    run: { font: SANS, size: 18, color: MUTED },
    paragraph: { spacing: { before: 0, after: 200 }, keepNext: true },
  },
  {
    id: 'ReportMeta',
    name: 'Report Meta',
    basedOn: 'Normal',
    run: { font: SANS, size: 19, color: MUTED },
    paragraph: { spacing: { before: 0, after: 40 } },
  },
  {
    id: 'ContentsLabel',
    name: 'Contents Label',
    basedOn: 'Normal',
    run: { font: SANS, size: 22, bold: true, color: INK },
    paragraph: {
      spacing: { before: 360, after: 120 },
      keepNext: true,
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
    },
  },
  {
    id: 'TableText',
    name: 'Table Text',
    basedOn: 'Normal',
    run: { font: SANS, size: 19, color: INK },
    paragraph: { spacing: { before: 20, after: 20 } },
  },
];

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: SANS, size: 21, color: INK },
      paragraph: { spacing: { after: 120, line: 276 } },
    },
    title: {
      run: { font: SANS, size: 44, bold: true, color: INK },
      paragraph: { spacing: { before: 0, after: 160 }, keepNext: true },
    },
    heading1: heading(0, 30, 480),
    heading2: heading(1, 26, 360),
    heading3: heading(2, 23, 300),
    heading4: heading(3, 22, 240),
    heading5: heading(4, 21, 240),
    heading6: heading(5, 21, 240),
  },
  paragraphStyles: PARAGRAPH_STYLES,
};

function footer(text: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${text} · `, size: 16, color: MUTED }),
          new TextRun({
            children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
            size: 16,
            color: MUTED,
          }),
        ],
      }),
    ],
  });
}

/** A4 with 2 cm margins (Word converts to Letter on request) and a page-numbered footer. */
export function section(footerText: string, children: ISectionOptions['children']): ISectionOptions {
  const cm = 567;
  return {
    properties: {
      page: {
        margin: { top: 2 * cm, bottom: 2 * cm, left: 2.2 * cm, right: 2.2 * cm, header: cm, footer: cm },
      },
    },
    footers: { default: footer(footerText) },
    children,
  };
}

/** A coloured square before a code name; the name and hex are always shown too. */
export function swatch(hex: string, size?: number): TextRun {
  return new TextRun({ text: '■\u00A0', color: hex, ...(size ? { size } : {}) });
}

/** Text with line breaks as runs separated by breaks, so the lines stay lines in Word. */
export function linesAsRuns(text: string, props: { bold?: boolean; color?: string } = {}): TextRun[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...props, ...(i > 0 ? { break: 1 } : {}) }));
}

function metaLine(label: string, value: string): Paragraph {
  return new Paragraph({
    style: 'ReportMeta',
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(xmlSafe(value))],
  });
}

/** The title and labelled lines under it (project, date, filters...): what a reader needs to cite it. */
export function titleBlock(title: string, meta: [label: string, value: string][]): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(title))] }),
    ...meta.map(([label, value]) => metaLine(label, value)),
  ];
}

/** Project and date lines, the start of every report's title block. */
export function standardMeta(options: ReportOptions): [string, string][] {
  const meta: [string, string][] = [];
  if (options.projectName) meta.push(['Project', options.projectName]);
  meta.push(['Date', reportDate(options.date)]);
  return meta;
}

/** Core properties (File › Info) for a report built by Commonplace. */
export function docProperties(title: string, options: ReportOptions, description: string) {
  return {
    title: xmlSafe(title),
    subject: xmlSafe(options.projectName ?? ''),
    creator: 'Commonplace',
    lastModifiedBy: 'Commonplace',
    description,
  };
}
