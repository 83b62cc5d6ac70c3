// Memo content conversions on their own: plain text and Word files to the memo editor's JSON, and back
// to Word. The JSON is checked by loading it the way the memo editor does, in a headless editor.
import { describe, expect, it } from 'vitest';
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { initialMemoState } from '../../renderer/panels/memo/memo-state';
import {
  heading,
  lineBreak,
  list,
  memoJson,
  memoText,
  nodesText,
  paragraph,
  textNode,
  type MemoBlock,
} from '../../db/exchange/lexical-json';
import { editorTextBlocks, plainTextBlocks } from '../../db/exchange/memo-plain-text';
import { docxMemoBlocks } from '../../db/exchange/memo-docx-read';
import { hasFormatting, memoDocx } from '../../db/exchange/memo-docx-write';
import { RICH_MEMO } from './rich-memo';

const paragraphs = (blocks: MemoBlock[]) =>
  blocks.map((b) => (b.type === 'paragraph' ? nodesText([b]) : `<${b.type}>`));

describe('plain text -> memo paragraphs', () => {
  it('makes a paragraph of every non-blank line, whatever the line endings, and drops blank lines', () => {
    const blocks = plainTextBlocks(
      '\r\nFirst point.\r\nSecond point.\r\n\r\n\r\n  Indented third.\rLast\n\n',
    );
    expect(paragraphs(blocks)).toEqual(['First point.', 'Second point.', '  Indented third.', 'Last']);
    expect(memoText(blocks)).toBe('First point.\n\nSecond point.\n\n  Indented third.\n\nLast');
  });

  it('reads a memo stored without JSON as the memo editor does: single newlines stay line breaks', () => {
    const blocks = editorTextBlocks('Idea one,\nsame paragraph.\n\n\nIdea two.');
    expect(blocks).toEqual([
      paragraph([textNode('Idea one,'), lineBreak(), textNode('same paragraph.')]),
      paragraph([textNode('Idea two.')]),
    ]);
    expect(hasFormatting(blocks)).toBe(true);
    expect(hasFormatting(plainTextBlocks('Idea one,\nIdea two.'))).toBe(false);
  });

  it('gives an empty memo one empty paragraph, as the editor has', () => {
    expect(plainTextBlocks(' \n\t\n')).toEqual([]);
    expect(JSON.parse(memoJson([])).root.children).toEqual([paragraph([])]);
  });
});

describe('memo JSON in the memo editor', () => {
  it('loads as it is, and its plain text is what the editor would store', () => {
    const json = memoJson(RICH_MEMO);
    const loaded = initialMemoState({ contentJson: json, contentText: 'fallback' });
    // The editor serialises exactly what it was given: nothing was dropped, renamed or normalised away.
    expect(JSON.parse(loaded.json)).toEqual(JSON.parse(json));
    expect(loaded.content.text).toBe(memoText(RICH_MEMO));
    expect(memoText(RICH_MEMO)).toContain('Findings\n\nTrust is earned, not given\nsee https://');
  });

  it('loads plain-text paragraphs too', () => {
    const blocks = plainTextBlocks('One\nTwo');
    const loaded = initialMemoState({ contentJson: memoJson(blocks), contentText: '' });
    expect(JSON.parse(loaded.json)).toEqual(JSON.parse(memoJson(blocks)));
    expect(loaded.content.text).toBe('One\n\nTwo');
  });
});

describe('memo <-> Word', () => {
  it('reads back every kind of formatting it writes', async () => {
    const docx = await memoDocx(RICH_MEMO);
    expect(await docxMemoBlocks(docx, 'memo.docx')).toEqual(RICH_MEMO);
  });

  it("reads a Word file as other tools write it: styles, links with words, tables, Word's spacing", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Memo title')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('Deep heading')] }),
            new Paragraph({}),
            new Paragraph({
              children: [
                new TextRun({ text: 'Struck', strike: true }),
                new TextRun(' and '),
                new ExternalHyperlink({
                  link: 'https://example.org/',
                  children: [new TextRun({ text: 'a link', style: 'Hyperlink' })],
                }),
                new TextRun({ text: 'SHOUT', allCaps: true }),
              ],
            }),
            new Paragraph({ text: 'nested', bullet: { level: 2 } }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('cell A')] }),
                    new TableCell({ children: [new Paragraph('cell B')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const blocks = await docxMemoBlocks(await Packer.toBuffer(doc), 'note.docx');
    expect(blocks).toEqual([
      heading('h2', [textNode('Memo title')]),
      heading('h3', [textNode('Deep heading')]),
      paragraph([textNode('Struck and a link (https://example.org/)SHOUT')]),
      // A list that starts two levels down still nests as Lexical nests lists.
      list(false, [list(false, [list(false, [[textNode('nested')]], 2)], 1)]),
      paragraph([textNode('cell A')]),
      paragraph([textNode('cell B')]),
    ]);
    expect(initialMemoState({ contentJson: memoJson(blocks), contentText: '' }).content.text).toBe(
      memoText(blocks),
    );
  });

  it('refuses a file that is not a Word document, naming it', async () => {
    await expect(
      docxMemoBlocks(new TextEncoder().encode('just text'), 'x.qdpx (sources/n.docx)'),
    ).rejects.toThrow(
      'x.qdpx (sources/n.docx): is not a Word document: it looks like a plain text file renamed to .docx',
    );
  });
});
