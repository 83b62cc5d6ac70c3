// The codebook as a Word document: an overview table of the code tree (colour, usage), then each
// code's definition under a heading at its level in the tree. Colour is never the only signal:
// every swatch sits beside the code's name and its hex value.
import { Bookmark, Document, Packer, Paragraph, TextRun, type FileChild, type Table } from 'docx';
import type { CodeInfo } from '../../shared/types';
import { treeOrder, type TreeEntry } from '../../shared/export/codebook';
import { plural } from '../../shared/export/group';
import { hexColor, inkOn, progressReporter, subtreeTotals, xmlSafe, type ReportOptions } from './common';
import {
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

export type CodebookDocxOptions = Pick<ReportOptions, 'title' | 'projectName' | 'date' | 'onProgress'>;

const bookmarkId = (i: number) => `code_${i + 1}`;
// Column widths in twips; together the text width of an A4 page with the report's margins.
const WIDTHS = [4500, 1500, 1300, 2100];

function overview(entries: TreeEntry[], totals: number[]): Table {
  const rows = entries.map(({ code, depth }, i) => {
    const hex = hexColor(code.color);
    const hasChildren = (entries[i + 1]?.depth ?? -1) > depth;
    return [
      tableCell([codeLink(code.name, depth, bookmarkId(i))], WIDTHS[0]!),
      // The cell is the swatch; its hex is printed in it, in black or white for contrast.
      tableCell([tableText(`#${hex}`, { color: inkOn(hex) })], WIDTHS[1]!, hex),
      tableCell([tableText(String(code.codings), { right: true })], WIDTHS[2]!),
      tableCell(
        [
          tableText(hasChildren ? String(totals[i]) : '–', {
            right: true,
            color: hasChildren ? undefined : MUTED,
          }),
        ],
        WIDTHS[3]!,
      ),
    ];
  });
  return ruledTable(
    WIDTHS,
    ['Code', 'Colour', 'Codings', 'With sub-codes'],
    [false, false, true, true],
    rows,
  );
}

function definition(entry: TreeEntry, i: number, total: number, hasChildren: boolean): Paragraph[] {
  const { code, depth } = entry;
  const hex = hexColor(code.color);
  const usage = plural(code.codings, 'coding') + (hasChildren ? `, ${total} with sub-codes` : '');
  const out = [
    new Paragraph({
      heading: headingFor(depth),
      children: [
        swatch(hex),
        new Bookmark({ id: bookmarkId(i), children: [new TextRun(xmlSafe(code.name))] }),
      ],
    }),
    new Paragraph({
      style: 'CodeCount',
      spacing: { after: 100 },
      text: `${xmlSafe(code.path.split('/').join(' / '))}  ·  Colour #${hex}  ·  ${usage}`,
    }),
  ];
  const description = xmlSafe(code.description).trim();
  if (!description) {
    out.push(
      new Paragraph({
        children: [new TextRun({ text: 'No description yet.', italics: true, color: MUTED })],
      }),
    );
  }
  for (const para of description ? description.split(/\n\s*\n/) : []) {
    out.push(new Paragraph({ children: linesAsRuns(para.trim()) }));
  }
  return out;
}

export async function codebookToDocx(codes: CodeInfo[], options: CodebookDocxOptions = {}): Promise<Buffer> {
  const title = options.title ?? 'Codebook';
  const entries = treeOrder(codes);
  const totals = subtreeTotals(entries);
  const codings = codes.reduce((n, c) => n + c.codings, 0);
  const summary = `${plural(codes.length, 'code')} · ${plural(codings, 'coding')}`;
  const body: FileChild[] = titleBlock(title, [...standardMeta(options), ['Contents', summary]]);
  if (!entries.length) {
    body.push(new Paragraph({ style: 'CodeCount', spacing: { before: 480 }, text: 'No codes yet.' }));
  } else {
    body.push(new Paragraph({ style: 'ContentsLabel', text: 'Overview' }), overview(entries, totals));
    body.push(
      new Paragraph({ style: 'ContentsLabel', text: 'Definitions', pageBreakBefore: entries.length > 12 }),
    );
  }
  const progress = progressReporter(entries.length, options.onProgress);
  for (const [i, entry] of entries.entries()) {
    await progress.tick(i);
    const hasChildren = (entries[i + 1]?.depth ?? -1) > entry.depth;
    body.push(...definition(entry, i, totals[i]!, hasChildren));
  }
  const doc = new Document({
    ...docProperties(title, options, summary),
    styles: STYLES,
    sections: [section(xmlSafe(title), body)],
  });
  const buffer = await Packer.toBuffer(doc);
  progress.finish();
  return buffer;
}
