// Word (.docx) -> plain text, via mammoth's document tree rather than its HTML, so we keep exactly what
// we need: one paragraph per line (soft line breaks also become line breaks), and which paragraphs open
// with a bold `Name:` label. Paragraphs are separated by a single LF, so an empty Word paragraph shows
// as a blank line, as it does on the page.

import mammoth from 'mammoth';
import { badInput } from '../../shared/errors';
import { zipProblem } from './zip-guard';

export interface DocxText {
  text: string;
  /** Offsets of lines whose speaker label was bold in Word. */
  hintedLines: Set<number>;
}

// The subset of mammoth's (untyped, documented-as-unstable) document tree that we read; pinned version.
export interface DocElement {
  type: string;
  children?: DocElement[];
  value?: string;
  isBold?: boolean;
  isItalic?: boolean;
  isUnderline?: boolean;
  isAllCaps?: boolean;
  isHeader?: boolean;
  /** Paragraphs: the style's id and display name, e.g. "Heading1" / "heading 1". */
  styleId?: string | null;
  styleName?: string | null;
  /** Paragraphs in a list: the level (a string, "0" outermost) and whether it is numbered. */
  numbering?: { level?: string; isOrdered?: boolean } | null;
  /** Hyperlinks to an address outside the document (links to a bookmark have none). */
  href?: string;
}

interface Piece {
  text: string;
  bold: boolean;
}

function collectPieces(element: DocElement, bold: boolean, caps: boolean, out: Piece[]): void {
  switch (element.type) {
    case 'text':
      out.push({ text: caps ? (element.value ?? '').toUpperCase() : (element.value ?? ''), bold });
      return;
    case 'tab':
      out.push({ text: '\t', bold });
      return;
    case 'break':
      out.push({ text: '\n', bold });
      return;
    case 'run':
      for (const c of element.children ?? []) collectPieces(c, !!element.isBold, !!element.isAllCaps, out);
      return;
    default:
      for (const c of element.children ?? []) collectPieces(c, bold, caps, out);
  }
}

/**
 * A paragraph that opens with bold text ending in a colon (`**Interviewer:** …`) or with bold text
 * followed by a plain colon (`**Sam**: …`). A paragraph that is bold throughout is a heading, unless
 * it is nothing but the label (words on the next paragraph, as some services lay it out).
 */
function opensWithBoldLabel(pieces: Piece[]): boolean {
  const text = pieces.map((p) => p.text).join('');
  let i = 0;
  let bold = '';
  for (; i < pieces.length && (pieces[i]!.bold || !pieces[i]!.text.trim()); i++) bold += pieces[i]!.text;
  const rest = text.slice(bold.length);
  const label = bold.trim();
  if (!label || label.length > 45 || label.includes('\n')) return false;
  if (label.endsWith(':')) return rest.trim() === '' ? /^[^:]+:$/.test(label) : true;
  return /^[ \t]*:/.test(rest);
}

interface Line {
  text: string;
  /** Opens with a label the author marked: bold, or the speaker column of a table. */
  hinted: boolean;
}

function paragraphLine(paragraph: DocElement): Line {
  const pieces: Piece[] = [];
  collectPieces(paragraph, false, false, pieces);
  return { text: pieces.map((x) => x.text).join(''), hinted: opensWithBoldLabel(pieces) };
}

const isTime = (s: string) => /^[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?$/.test(s);

/**
 * Word transcripts are often tables with a speaker column. When a table's first column repeats
 * (several rows by the same person), rows become `Speaker: words`, with a time column kept as a
 * leading `[time]`; other tables keep their cells separated by tabs.
 */
function tableLines(table: DocElement): Line[] {
  const rows = (table.children ?? []).filter((r) => r.type === 'tableRow');
  const cells = rows.map((r) =>
    (r.children ?? [])
      .filter((c) => c.type === 'tableCell')
      .map((c) =>
        lines(c)
          .map((l) => l.text)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
  );
  const speakerOf = (row: string[]) =>
    ((row.length === 3 && isTime(row[0]!) ? row[1] : row[0]) ?? '').replace(/:$/, '');
  const seen = new Set<string>();
  let repeats = 0;
  for (const row of cells) {
    const s = speakerOf(row);
    if (row.length >= 2 && s && s.length <= 40 && seen.has(s)) repeats++;
    seen.add(s);
  }
  return cells.map((row, i) => {
    const speaker = speakerOf(row);
    if (
      repeats === 0 ||
      rows[i]!.isHeader ||
      row.length < 2 ||
      row.length > 3 ||
      !speaker ||
      speaker.length > 40
    ) {
      return { text: row.join('\t'), hinted: false };
    }
    const timed = row.length === 3 && isTime(row[0]!);
    const time = timed ? `[${row[0]!.replace(/^[[(]|[\])]$/g, '')}] ` : '';
    return { text: `${time}${speaker}: ${row.slice(timed ? 2 : 1).join(' ')}`, hinted: true };
  });
}

function lines(element: DocElement): Line[] {
  if (element.type === 'paragraph') return [paragraphLine(element)];
  if (element.type === 'table') return tableLines(element);
  return (element.children ?? []).flatMap(lines);
}

function toText(document: DocElement): DocxText {
  let text = '';
  const hintedLines = new Set<number>();
  lines(document).forEach((line, i) => {
    if (i > 0) text += '\n';
    if (line.hinted) hintedLines.add(text.length);
    text += line.text.replace(/\r\n?/g, '\n');
  });
  return { text, hintedLines };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export async function readDocx(bytes: Buffer, file: string): Promise<DocxText> {
  return toText(await readDocxTree(bytes, file));
}

/** mammoth's document tree of a .docx; anything that is not a readable Word file is bad input naming `file`. */
export async function readDocxTree(bytes: Buffer, file: string): Promise<DocElement> {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(OLE)) {
    throw badInput(
      file,
      'is an old Word 97-2003 (.doc) file with a .docx name. Open it in Word and save it as .docx',
    );
  }
  if (!starts(ZIP)) {
    const text = !bytes.subarray(0, 4096).includes(0);
    throw badInput(
      file,
      text
        ? 'is not a Word document: it looks like a plain text file renamed to .docx. Rename it to .txt'
        : 'is not a Word document (.docx files are ZIP archives, and this one is not)',
    );
  }
  // Sizes and ratios are checked before mammoth unpacks anything into memory.
  const problem = zipProblem(bytes);
  if (problem) throw badInput(file, problem);
  let captured: DocElement | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        // Capture the tree and hand mammoth an empty document, so it does not build HTML we never use.
        transformDocument: (doc: DocElement) => {
          captured = doc;
          return { ...doc, children: [] };
        },
      },
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/main document part/i.test(message)) {
      throw badInput(file, 'is a ZIP archive but not a Word document (it has no word/document.xml)');
    }
    throw badInput(file, 'is damaged or incomplete and cannot be opened as a Word document (.docx)');
  }
  if (!captured) throw badInput(file, 'cannot be read as a Word document (.docx)');
  return captured;
}
