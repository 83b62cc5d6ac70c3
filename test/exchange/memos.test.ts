// Memos through .qdpx: notes as the memo editor's JSON on import (plain text as paragraphs, Word files
// with their formatting), and memos with formatting exported with a .docx beside their plain text.
// The NVivo fixture holds offensive public comments: its text is only measured, never printed, so its
// checks compare counts and booleans.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import { initialMemoState } from '../../renderer/panels/memo/memo-state';
import { Project } from '../../db/project';
import { saveMemo } from '../../db/memos';
import { createCode } from '../../db/codes';
import { importQdpx } from '../../db/exchange/import-project';
import { exportQdpx } from '../../db/exchange/export-project';
import { snapshotParts } from '../../db/exchange/snapshot';
import { richMemoFiles } from '../../db/exchange/rich-memos';
import { memoDocx } from '../../db/exchange/memo-docx-write';
import { docxMemoBlocks } from '../../db/exchange/memo-docx-read';
import { heading, memoJson, memoText, paragraph, textNode } from '../../db/exchange/lexical-json';
import { cleanupTempDirs, newProject, tempDir } from '../helpers/project';
import {
  canValidate,
  countElements,
  FIXTURE_DIR,
  haveFixtures,
  PROJECT_XSD,
  qdeText,
  schemaErrors,
  unzipFile,
  writeZip,
} from './helpers';
import { RICH_MEMO } from './rich-memo';

afterEach(cleanupTempDirs);

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const NS = 'urn:QDA-XML:project:1.0';

interface MemoRow {
  kind: string;
  json: string;
  text: string;
}

async function importEntries(entries: Record<string, string | Uint8Array>) {
  const path = join(tempDir(), 'imported.commonplace');
  const qdpx = writeZip(entries);
  const result = await importQdpx(qdpx, path);
  const project = Project.open(path);
  const memos = project.db
    .prepare('SELECT kind, content_json AS json, content_text AS text FROM memos ORDER BY id')
    .all() as MemoRow[];
  project.close();
  return { result, memos, qdpx };
}

/** A project with a code for each note, holding it, so each note is a memo of its own. */
function projectWithNotes(notes: string): string {
  const codes = [...notes.matchAll(/<Note guid="([^"]+)"/g)].map(
    (m, i) =>
      `<Code guid="${G(500 + i)}" name="c${i}" isCodable="true"><NoteRef targetGUID="${m[1]}"/></Code>`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?><Project xmlns="${NS}" name="memos">` +
    `<CodeBook><Codes>${codes.join('')}</Codes></CodeBook><Notes>${notes}</Notes></Project>`
  );
}

const blocksOf = (m: MemoRow) =>
  (JSON.parse(m.json) as { root: { children: { type: string }[] } }).root.children;
const loadsInEditor = (m: MemoRow) =>
  initialMemoState({ contentJson: m.json, contentText: '' }).content.text === m.text;

describe('importing notes as memos', () => {
  it('makes a paragraph of each line of a plain-text note, inline or in a file', async () => {
    const { result, memos } = await importEntries({
      'project.qde': projectWithNotes(
        `<Note guid="${G(1)}" name="Inline"><PlainTextContent>Line one&#13;\nLine two&#13;\n&#13;\nLine three</PlainTextContent></Note>` +
          `<Note guid="${G(2)}" name="File" plainTextPath="internal://${G(2)}.txt"/>`,
      ),
      [`sources/${G(2)}.txt`]: '\ufeffFirst\nSecond\n',
    });
    expect(result.report.skipped).toEqual([]);
    expect(memos.map((m) => m.text)).toEqual(['Line one\n\nLine two\n\nLine three', 'First\n\nSecond']);
    expect(memos.map((m) => blocksOf(m).length)).toEqual([3, 2]);
    expect(memos.every(loadsInEditor)).toBe(true);
  });

  it('keeps the formatting of a note whose rich text is a Word file', async () => {
    const { result, memos } = await importEntries({
      'project.qde': projectWithNotes(
        `<Note guid="${G(1)}" name="Rich" richTextPath="internal://${G(1)}.DOCX"><PlainTextContent>unformatted</PlainTextContent></Note>`,
      ),
      [`Sources/${G(1)}.docx`]: await memoDocx(RICH_MEMO),
    });
    expect(result.report.skipped).toEqual([]);
    expect(memos).toEqual([{ kind: 'code', json: memoJson(RICH_MEMO), text: memoText(RICH_MEMO) }]);
  });

  it('falls back to the plain text when the Word file is missing, damaged or not Word, and says why', async () => {
    const note = (n: number, name: string, rich: string) =>
      `<Note guid="${G(n)}" name="${name}" richTextPath="${rich}"><PlainTextContent>${name} text</PlainTextContent></Note>`;
    const {
      result,
      memos,
      qdpx: file,
    } = await importEntries({
      'project.qde': projectWithNotes(
        note(1, 'Missing', `internal://${G(1)}.docx`) +
          note(2, 'Damaged', `internal://${G(2)}.docx`) +
          note(3, 'Renamed text', `internal://${G(3)}.docx`) +
          note(4, 'RTF', `internal://${G(4)}.rtf`) +
          note(5, 'Elsewhere', 'relative:///notes/n.docx') +
          `<Note guid="${G(6)}" name="Only rich" richTextPath="internal://${G(6)}.docx"/>`,
      ),
      [`sources/${G(2)}.docx`]: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      [`sources/${G(3)}.docx`]: 'just some text',
      [`sources/${G(4)}.rtf`]: '{\\rtf1 hello}',
    });
    expect(memos.map((m) => m.text)).toEqual([
      'Missing text',
      'Damaged text',
      'Renamed text text',
      'RTF text',
      'Elsewhere text',
    ]);
    const instead = '; its plain text is imported instead';
    expect(result.report.skipped).toEqual([
      {
        what: 'formatting of note "Missing"',
        why: `${file}: note "Missing" refers to "internal://${G(1)}.docx", but the archive has no sources/${G(1)}.docx${instead}`,
      },
      {
        what: 'formatting of note "Damaged"',
        why: `${file} (sources/${G(2)}.docx): is damaged or incomplete and cannot be opened as a Word document (.docx)${instead}`,
      },
      {
        what: 'formatting of note "Renamed text"',
        why: `${file} (sources/${G(3)}.docx): is not a Word document: it looks like a plain text file renamed to .docx. Rename it to .txt${instead}`,
      },
      {
        what: 'formatting of note "RTF"',
        why: `its rich text (internal://${G(4)}.rtf) is not a .docx file, the only rich-text format read${instead}`,
      },
      {
        what: 'formatting of note "Elsewhere"',
        why: `its rich text is an external file (relative:///notes/n.docx); only files inside the archive are read${instead}`,
      },
      {
        what: 'note "Only rich"',
        why: `${file}: note "Only rich" refers to "internal://${G(6)}.docx", but the archive has no sources/${G(6)}.docx, and it has no plain text either`,
      },
    ]);
  });

  it('makes the pieces of a merged memo headed sections, headings inside them a level down', async () => {
    const rich = [heading('h2', [textNode('Inner heading')]), paragraph([textNode('Rich words')])];
    const xml =
      `<?xml version="1.0" encoding="utf-8"?><Project xmlns="${NS}" name="m"><Notes>` +
      `<Note guid="${G(1)}" name="Rich note" richTextPath="internal://${G(1)}.docx"><PlainTextContent>x</PlainTextContent></Note>` +
      `<Note guid="${G(2)}" name="Plain note"><PlainTextContent>Para one&#10;Para two</PlainTextContent></Note>` +
      `</Notes><Description>Project description</Description><NoteRef targetGUID="${G(1)}"/><NoteRef targetGUID="${G(2)}"/></Project>`;
    const { memos } = await importEntries({
      'project.qde': xml,
      [`sources/${G(1)}.docx`]: await memoDocx(rich),
    });
    expect(memos).toHaveLength(1);
    const blocks = [
      paragraph([textNode('Project description')]),
      heading('h2', [textNode('Rich note')]),
      heading('h3', [textNode('Inner heading')]),
      paragraph([textNode('Rich words')]),
      heading('h2', [textNode('Plain note')]),
      paragraph([textNode('Para one')]),
      paragraph([textNode('Para two')]),
    ];
    expect(memos[0]).toEqual({ kind: 'project', json: memoJson(blocks), text: memoText(blocks) });
    expect(loadsInEditor(memos[0]!)).toBe(true);
  });
});

describe('exporting memos with formatting', () => {
  async function richProject() {
    const p = newProject();
    saveMemo(p, 'project', 0, memoText(RICH_MEMO), memoJson(RICH_MEMO));
    // Memos written by the CLI have no JSON; a line break inside a paragraph still needs the .docx.
    saveMemo(p, 'code', createCode(p, { name: 'Trust' }), 'Line one\nstill the same paragraph');
    saveMemo(p, 'code', createCode(p, { name: 'Plain' }), 'Nothing to format.\n\nAt all.');
    return p;
  }

  it('writes a .docx beside the plain text, and a round trip keeps every format', async () => {
    const p = await richProject();
    const dir = tempDir();
    const a = join(dir, 'a.qdpx');
    await exportQdpx(p, a);
    const before = p.db
      .prepare('SELECT guid, content_json AS json, content_text AS text FROM memos ORDER BY guid')
      .all();
    p.close();

    const xml = qdeText(a);
    if (canValidate) expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
    const richPaths = [...xml.matchAll(/<Note [^>]*richTextPath="internal:\/\/([^"]+)"/g)].map((m) => m[1]!);
    expect(richPaths).toHaveLength(2);
    const entries = unzipFile(a);
    for (const name of richPaths)
      expect(entries[`sources/${name}`]?.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect(Object.keys(entries).filter((n) => n.endsWith('.docx'))).toHaveLength(2);
    expect(xml).toContain('<PlainTextContent>Nothing to format.');

    const path = join(dir, 'b.commonplace');
    expect((await importQdpx(a, path)).report.skipped).toEqual([]);
    const second = Project.open(path);
    const after = second.db
      .prepare('SELECT guid, content_json AS json, content_text AS text FROM memos ORDER BY guid')
      .all() as { guid: string; json: string; text: string }[];
    const b = join(dir, 'b.qdpx');
    await exportQdpx(second, b);
    second.close();
    const text = (rows: unknown[]) => (rows as { guid: string; text: string }[]).map((r) => [r.guid, r.text]);
    expect(text(after)).toEqual(text(before));
    const projectMemo = after.find((m) => m.text.startsWith('Findings'))!;
    expect(projectMemo.json).toBe(memoJson(RICH_MEMO));
    expect(after.find((m) => m.text.startsWith('Line one'))!.text).toBe('Line one\nstill the same paragraph');
    // Exporting the imported project again gives the same notes and the same Word files.
    const stable = (xml: string) => xml.replace(/<Project [^>]*>/, '<Project>');
    expect(stable(qdeText(b))).toBe(stable(xml));
    const docx = (f: string) =>
      Promise.all(
        Object.entries(unzipFile(f))
          .filter(([n]) => n.endsWith('.docx'))
          .map(async ([n, bytes]) => [n, await docxMemoBlocks(bytes, n)]),
      );
    expect(await docx(b)).toEqual(await docx(a));
  });

  it('leaves out the Word file of a memo edited after it was made, rather than export stale formatting', async () => {
    const p = await richProject();
    const files = await richMemoFiles(p);
    expect(files.size).toBe(2);
    saveMemo(p, 'project', 0, 'Rewritten', memoJson([paragraph([textNode('Rewritten')])]));
    const notes = snapshotParts(p, files).head.notes;
    p.close();
    expect(notes.filter((n) => n.richTextFileName).map((n) => n.name)).toEqual(['Memo: Trust']);
  });
});

describe.skipIf(!haveFixtures)('memos from the real files of other tools', () => {
  const fixtures = haveFixtures ? readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.qdpx')) : [];

  it.each(fixtures)(
    '%s: as many memos as its notes and memo-bearing descriptions, each loading',
    async (name) => {
      const path = join(tempDir(), 'f.commonplace');
      const { report } = await importQdpx(join(FIXTURE_DIR, name), path);
      const project = Project.open(path);
      const memos = project.db
        .prepare('SELECT kind, content_json AS json, content_text AS text FROM memos')
        .all() as MemoRow[];
      project.close();
      // Code and set descriptions are definitions, not memos. Today no fixture has a Note or a memo-bearing
      // Description, so this guards the count; the notes made of their real files below test the content.
      const xml = qdeText(join(FIXTURE_DIR, name))
        .replace(/<CodeBook>[\s\S]*<\/CodeBook>/, '')
        .replace(/<Sets>[\s\S]*<\/Sets>/, '');
      const memoBearing = countElements(xml, 'Note') + (xml.match(/<Description>\s*[^<\s]/g) ?? []).length;
      expect(report.memos).toBe(memoBearing);
      expect(memos).toHaveLength(memoBearing);
      expect(memos.every((m) => blocksOf(m).length > 0 && m.text.trim() !== '' && loadsInEditor(m))).toBe(
        true,
      );
    },
  );

  /** A project with one note made of the fixture's own files, so the memo is real third-party text. */
  function noteFrom(fixture: string, files: { docx?: string; txt?: string }) {
    const entries = unzipFile(join(FIXTURE_DIR, fixture));
    const attrs = [
      files.docx && `richTextPath="internal://${files.docx.split('/').pop()}"`,
      files.txt && `plainTextPath="internal://${files.txt.split('/').pop()}"`,
    ].filter(Boolean);
    const out: Record<string, string | Uint8Array> = {
      'project.qde': projectWithNotes(`<Note guid="${G(1)}" name="n" ${attrs.join(' ')}/>`),
    };
    for (const f of [files.docx, files.txt]) if (f) out[`sources/${f.split('/').pop()}`] = entries[f]!;
    const lines = files.txt
      ? strFromU8(entries[files.txt]!)
          .split(/\r\n|\r|\n/)
          .filter((l) => l.trim()).length
      : 0;
    return { out, lines, plain: files.txt ? strFromU8(entries[files.txt]!).replace(/^\ufeff/, '') : '' };
  }

  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

  it('NVivo 12: its Word rendition gives a paragraph per line of its plain text, with the same words', async () => {
    const names = Object.keys(unzipFile(join(FIXTURE_DIR, 'nvivo12win_hu-vaccine-comments.qdpx')));
    const docx = names.filter((n) => n.endsWith('.docx')).sort()[0]!;
    const { out, lines, plain } = noteFrom('nvivo12win_hu-vaccine-comments.qdpx', {
      docx,
      txt: docx.replace(/\.docx$/, '.txt'),
    });
    const { result, memos } = await importEntries(out);
    expect(result.report.skipped.length).toBe(0);
    expect(memos.length).toBe(1);
    const blocks = blocksOf(memos[0]!);
    expect(lines).toBeGreaterThan(10_000);
    expect(blocks.length).toBe(lines);
    expect(blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(flat(memos[0]!.text) === flat(plain)).toBe(true);
    expect(loadsInEditor(memos[0]!)).toBe(true);
  });

  it('NVivo 12 and MAXQDA 24: a plain-text note is a paragraph per non-blank line', async () => {
    const nvivo = Object.keys(unzipFile(join(FIXTURE_DIR, 'nvivo12win_hu-vaccine-comments.qdpx'))).filter(
      (n) => n.endsWith('.txt'),
    );
    const maxqda = Object.keys(unzipFile(join(FIXTURE_DIR, 'maxqda24_icls-themes.qdpx'))).filter((n) =>
      n.endsWith('.txt'),
    );
    expect(nvivo.length + maxqda.length).toBe(12);
    const cases = [
      ...nvivo.map((txt) => ['nvivo12win_hu-vaccine-comments.qdpx', txt] as const),
      ...maxqda.map((txt) => ['maxqda24_icls-themes.qdpx', txt] as const),
    ];
    for (const [fixture, txt] of cases) {
      const { out, lines, plain } = noteFrom(fixture, { txt });
      const { memos } = await importEntries(out);
      const blocks = blocksOf(memos[0]!);
      expect(blocks.length).toBe(lines);
      expect(flat(memos[0]!.text) === flat(plain)).toBe(true);
    }
  });
});
