// The light, ruled tables of the reports (contents of the excerpt report, codebook overview):
// horizontal rules only, a header row that repeats on each page, rows that never split.
import {
  BorderStyle,
  InternalHyperlink,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { xmlSafe } from './common';
import { RULE, swatch } from './docx-style';

export interface CellText {
  bold?: boolean;
  right?: boolean;
  color?: string;
}

export function tableText(text: string, opts: CellText = {}): Paragraph {
  return new Paragraph({
    style: 'TableText',
    alignment: opts.right ? 'right' : 'left',
    children: [new TextRun({ text: xmlSafe(text), bold: opts.bold, color: opts.color })],
  });
}

/** A code name indented by its depth, linking to the code's section; with a swatch when `hex` is given. */
export function codeLink(name: string, depth: number, anchor: string, hex?: string): Paragraph {
  return new Paragraph({
    style: 'TableText',
    indent: { left: depth * 280 },
    children: [
      ...(hex ? [swatch(hex, 17)] : []),
      new InternalHyperlink({ anchor, children: [new TextRun(xmlSafe(name))] }),
    ],
  });
}

export function tableCell(children: Paragraph[], width: number, fill?: string): TableCell {
  return new TableCell({
    children,
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: width, type: WidthType.DXA },
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
  });
}

/** `widths` in twips; the header cells are bold, right-aligned where `right[i]`. */
export function ruledTable(widths: number[], header: string[], right: boolean[], rows: TableCell[][]): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: RULE };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const head = new TableRow({
    tableHeader: true,
    children: header.map((h, i) => tableCell([tableText(h, { bold: true, right: right[i] })], widths[i]!)),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    borders: {
      top: line,
      bottom: line,
      insideHorizontal: line,
      left: none,
      right: none,
      insideVertical: none,
    },
    rows: [head, ...rows.map((children) => new TableRow({ cantSplit: true, children }))],
  });
}
