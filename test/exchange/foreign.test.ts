// A hand-made project in the shapes other tools write (GUIDE §1-§7): every element we model, the three
// memo shapes, container and namespace variants, and things Commonplace cannot hold, which the report lists.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Project } from '../../db/project';
import { importQdpx } from '../../db/exchange/import-project';
import { listCodes } from '../../db/codes';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { codePointRange, writeZip } from './helpers';

afterEach(cleanupTempDirs);

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const RAW =
  'Interview one\r\nAnna: I feel hopeful 😀 about it.\r\nBob: I fear the worst 🙁, honestly.\r\nClosing notes here.\r\n';
const BOM = '\ufeff';

function sel(guid: number, phrase: string, inner = '', name = phrase) {
  const [s, e] = codePointRange(RAW, phrase);
  return `<PlainTextSelection guid="${G(guid)}" name="${name}" startPosition="${s}" endPosition="${e}">${inner}</PlainTextSelection>`;
}
const coding = (guid: number, code: number, extra = '', attrs = '') =>
  `<Coding guid="${G(guid)}"${attrs}><CodeRef targetGUID="${G(code)}"/>${extra}</Coding>`;
const note = (guid: number, name: string, text: string) =>
  `<Note guid="${G(guid)}" name="${name}"><PlainTextContent>${text}</PlainTextContent></Note>`;

const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1:0" name="Trial" origin="SomeTool 2.0" creatingUserGUID="${G(2)}">
  <Users><User guid="{${G(1).toUpperCase()}}" name="Ana"/><User guid="${G(2)}" name="Ben"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="Feelings" isCodable="false" color="#abc"><Description>Folder of feelings</Description>
      <NoteRef targetGUID="${G(60)}"/>
      <Code guid="${G(11)}" name="Hope" isCodable="1" color="#00ff00"/>
      <Code guid="${G(12)}" name="Fear" isCodable="true"/>
      <Code guid="${G(13)}" name="hope" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="${G(20)}" name="Age" typeOfVariable="Integer"/>
    <Variable guid="${G(21)}" name="Joined" typeOfVariable="DateTime"/>
    <Variable guid="${G(22)}" name="Consent" typeOfVariable="Boolean"/>
    <Variable guid="${G(23)}" name="Score" typeOfVariable="Float"/>
    <Variable guid="${G(24)}" name="Unused" typeOfVariable="Text"/>
    <Variable guid="${G(25)}" name="Interview date" typeOfVariable="Date"/>
  </Variables>
  <Cases>
    <Case guid="${G(30)}" name="Anna">
      <VariableValue><VariableRef targetGUID="${G(20)}"/><IntegerValue>34</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G(22)}"/><BooleanValue>1</BooleanValue></VariableValue>
      <SelectionRef targetGUID="${G(46)}"/>
    </Case>
    <Case guid="${G(31)}">
      <VariableValue><VariableRef targetGUID="${G(23)}"/><FloatValue>7.5</FloatValue></VariableValue>
      <SourceRef targetGUID="${G(41)}"/>
    </Case>
    <Case guid="${G(32)}" name="Ghost"><Description>Never spoke</Description><CodeRef targetGUID="${G(11)}"/></Case>
  </Cases>
  <Sources>
    <TextSource guid="${G(40)}" name="Interview 1" plainTextPath="internal://t1.txt" creationDateTime="2024-05-01T09:00:00Z">
      <Description>Source description memo</Description>
      ${sel(42, 'I feel hopeful 😀 about it', `<Description>ATLAS-style memo</Description>${coding(50, 11, '', ` creatingUser="{${G(1)}}" creationDateTime="2024-05-01T10:00:00"`)}`)}
      ${sel(43, 'I fear the worst 🙁', coding(51, 11) + coding(52, 12, `<NoteRef targetGUID="${G(62)}"/>`), '')}
      <PlainTextSelection guid="${G(44)}" startPosition="3" endPosition="3">${coding(53, 11)}</PlainTextSelection>
      ${sel(45, 'Closing notes', '<Description>Uncoded but commented</Description>')}
      ${sel(47, 'Interview one')}
      ${sel(46, 'Anna: I feel hopeful 😀 about it.', '', 'Anna')}
      ${sel(48, 'honestly', coding(54, 99))}
      ${coding(55, 12)}
      <NoteRef targetGUID="${G(61)}"/>
      <VariableValue><VariableRef targetGUID="${G(25)}"/><DateValue>2024-05-01Z</DateValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G(21)}"/><DateTimeValue>2024-05-01T10:00:00Z</DateTimeValue></VariableValue>
    </TextSource>
    <TextSource guid="${G(41)}" name="Interview 1"><PlainTextContent>Second text, inline &amp; short.</PlainTextContent></TextSource>
    <PictureSource guid="${G(70)}" name="Photo" path="internal://photo.jpg">
      <PictureSelection guid="${G(71)}" firstX="0" firstY="0" secondX="5" secondY="5">${coding(72, 11)}</PictureSelection>
    </PictureSource>
    <PDFSource guid="${G(80)}" name="Report.pdf" path="internal://report.pdf">
      <PDFSelection guid="${G(81)}" page="1" firstX="0" firstY="0" secondX="1" secondY="1"/>
      <Representation guid="${G(82)}" name="Report.pdf"><PlainTextContent>Report text about hope.</PlainTextContent>
        <PlainTextSelection guid="${G(83)}" name="hope" startPosition="18" endPosition="22">${coding(84, 11)}</PlainTextSelection>
      </Representation>
    </PDFSource>
  </Sources>
  <Notes>
    ${note(60, 'Code memo', 'About feelings')}
    ${note(61, 'Source memo', 'Transcribed by Ben')}
    ${note(62, 'Coding memo', 'Strong fear')}
    ${note(63, 'Annotation', 'NVivo-style annotation')}
    ${note(64, 'Stray thought', 'Nobody points at me')}
    ${note(65, 'Journal', 'Project journal text')}
  </Notes>
  <Links>
    <Link guid="${G(90)}" name="annotation" originGUID="${G(42)}" targetGUID="${G(63)}"/>
    <Link guid="${G(91)}" name="hope vs fear" originGUID="${G(11)}" targetGUID="${G(12)}"/>
  </Links>
  <Sets>
    <Set guid="${G(100)}" name="Group A"><MemberCode targetGUID="${G(11)}"/><MemberSource targetGUID="${G(40)}"/><MemberSource targetGUID="${G(80)}"/></Set>
    <Set guid="${G(101)}" name="Code set"><MemberCode targetGUID="${G(12)}"/></Set>
  </Sets>
  <Graphs><Graph guid="${G(110)}"><Vertex guid="${G(111)}" firstX="0" firstY="0"/></Graph></Graphs>
  <Description>Project description</Description>
  <NoteRef targetGUID="${G(65)}"/>
</Project>`;

async function importForeign() {
  const file = writeZip({
    'Trial.qde': QDE,
    'Sources/T1.TXT': BOM + RAW,
    'Sources/photo.jpg': new Uint8Array([1, 2, 3]),
  });
  const path = join(tempDir(), 'foreign.commonplace');
  const result = await importQdpx(file, path, { coder: 'importer' });
  return { result, project: Project.open(path) };
}

describe('importing the shapes other tools write', () => {
  it('reports what came in, and lists what could not, with reasons', async () => {
    const { result, project } = await importForeign();
    project.close();
    expect({ ...result.report, skipped: undefined }).toEqual({
      sources: 3,
      codes: 4,
      codings: 5,
      memos: 11,
      cases: 3,
      variables: 5,
      skipped: undefined,
    });
    expect(result.report.skipped.map((s) => s.what)).toEqual(
      expect.arrayContaining([
        'picture source "Photo"',
        '1 picture selection(s) in "Photo" (1 coding(s))',
        'pdf source "Report.pdf"',
        '1 pdf selection(s) in "Report.pdf" (0 coding(s))',
        '"not codable" flag of 1 code(s): Feelings',
        '1 coding(s) in "Interview 1"',
        '1 code(s) in set "Group A"',
        '1 code(s) in set "Code set"',
        'type of variable "Joined" (DateTime)',
        'variable "Unused"',
        'case "Case 2" as a case',
        '1 code(s) on case "Ghost"',
        '1 link(s) between items',
        '1 graph(s)',
        '1 uncoded selection(s) without memo in "Interview 1"',
      ]),
    );
    const whys = Object.fromEntries(result.report.skipped.map((s) => [s.what, s.why]));
    expect(whys['1 graph(s)']).toBe('Commonplace has no network diagrams');
    expect(
      result.report.skipped
        .filter((s) => s.what === '1 coding(s) in "Interview 1"')
        .map((s) => s.why)
        .sort(),
    ).toEqual([
      'they refer to a code that is not in the codebook',
      'they select no text (zero length), which Commonplace cannot show',
    ]);
    expect(result.warnings).toEqual([
      'The project XML is named "Trial.qde" rather than project.qde.',
      'Code "Feelings/hope" appears twice at one level; the second is named "hope (2)".',
      'Two sources are named "Interview 1"; the later one is "Interview 1 (2)".',
    ]);
  });

  it('maps code-point positions over BOM + CRLF text exactly onto the canonical text', async () => {
    const { result, project } = await importForeign();
    try {
      expect(result.units[0]).toMatchObject({ source: 'Interview 1', unit: 'codepoints', selections: 7 });
      const coded = project.db
        .prepare(
          `SELECT c.name AS code, substr(d.text, k.start + 1, k.end - k.start) AS text, u.name AS coder, k.created_at AS createdAt, k.memo
           FROM codings k JOIN codes c ON c.id = k.code_id JOIN documents d ON d.id = k.document_id
           JOIN coders u ON u.id = k.coder_id ORDER BY d.name, k.start, c.name`,
        )
        .all();
      const text = project.db
        .prepare("SELECT text FROM documents WHERE name = 'Interview 1'")
        .pluck()
        .get() as string;
      expect(text).toBe(RAW.replace(/\r\n/g, '\n'));
      // SQLite substr counts characters, not UTF-16 units; compare through JS instead where emoji are involved.
      const rows = project.db
        .prepare(
          `SELECT c.name AS code, k.start, k.end, u.name AS coder, k.created_at AS createdAt, k.memo FROM codings k
           JOIN codes c ON c.id = k.code_id JOIN coders u ON u.id = k.coder_id
           WHERE k.document_id = (SELECT id FROM documents WHERE name = 'Interview 1') ORDER BY k.start, c.name`,
        )
        .all() as {
        code: string;
        start: number;
        end: number;
        coder: string;
        createdAt: string;
        memo: string | null;
      }[];
      expect(rows.map((r) => [r.code, text.slice(r.start, r.end), r.coder, r.memo])).toEqual([
        ['Fear', text, 'Ben', null],
        [
          'Hope',
          'I feel hopeful 😀 about it',
          'Ana',
          'ATLAS-style memo\n\nAnnotation\nNVivo-style annotation',
        ],
        ['Fear', 'I fear the worst 🙁', 'Ben', 'Strong fear'],
        ['Hope', 'I fear the worst 🙁', 'Ben', null],
      ]);
      expect(rows[1]!.createdAt).toBe('2024-05-01T10:00:00.000Z');
      expect(coded).toContainEqual(expect.objectContaining({ code: 'Hope', text: 'hope' }));
    } finally {
      project.close();
    }
  });

  it('brings memos in from Notes, Descriptions and Links, orphans into the journal under their names', async () => {
    const { project } = await importForeign();
    try {
      const memo = (kind: string, name = '') =>
        project.db
          .prepare(
            `SELECT m.content_text FROM memos m LEFT JOIN documents d ON m.kind = 'document' AND d.id = m.target_id
             LEFT JOIN codes c ON m.kind = 'code' AND c.id = m.target_id WHERE m.kind = ? AND coalesce(d.name, c.name, '') = ?`,
          )
          .pluck()
          .get(kind, name);
      expect(memo('project')).toBe(
        'Project description\n\nJournal\n\nProject journal text\n\nCase "Ghost"\n\nNever spoke\n\nStray thought\n\nNobody points at me',
      );
      // Each titled piece is a section under a heading in the memo editor.
      const journal = JSON.parse(
        project.db.prepare("SELECT content_json FROM memos WHERE kind = 'project'").pluck().get() as string,
      ) as { root: { children: { type: string }[] } };
      expect(journal.root.children.map((b) => b.type)).toEqual([
        'paragraph',
        ...['heading', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph'],
      ]);
      expect(memo('code', 'Feelings')).toBe('About feelings');
      expect(memo('document', 'Interview 1')).toBe(
        'Source description memo\n\nSource memo\n\nTranscribed by Ben\n\nMemo on “Closing notes”\n\nUncoded but commented',
      );
      expect(listCodes(project).find((c) => c.name === 'Feelings')).toMatchObject({
        description: 'Folder of feelings',
        color: '#AABBCC',
      });
      expect(listCodes(project).map((c) => c.path)).toEqual([
        'Feelings',
        'Feelings/Hope',
        'Feelings/Fear',
        'Feelings/hope (2)',
      ]);
    } finally {
      project.close();
    }
  });

  it('turns a Case with selections into a speaker with turns, and whole-source cases into document attributes', async () => {
    const { project } = await importForeign();
    try {
      const turns = (
        project.db
          .prepare(
            `SELECT s.name, d.text, t.start, t.body_start AS bodyStart, t.end, t.words
             FROM turns t JOIN speakers s ON s.id = t.speaker_id JOIN documents d ON d.id = t.document_id`,
          )
          .all() as {
          name: string;
          text: string;
          start: number;
          bodyStart: number;
          end: number;
          words: number;
        }[]
      ).map((t) => ({
        name: t.name,
        turn: t.text.slice(t.start, t.end),
        body: t.text.slice(t.bodyStart, t.end),
        words: t.words,
      }));
      expect(turns).toEqual([
        {
          name: 'Anna',
          turn: 'Anna: I feel hopeful 😀 about it.',
          body: 'I feel hopeful 😀 about it.',
          words: 5,
        },
      ]);
      expect(project.db.prepare('SELECT name FROM speakers ORDER BY name').pluck().all()).toEqual([
        'Anna',
        'Ghost',
      ]);
      const attrs = project.db
        .prepare(
          `SELECT a.scope, coalesce(d.name, s.name) AS target, a.name, a.type, v.value FROM attribute_values v
           JOIN attribute_defs a ON a.id = v.def_id LEFT JOIN documents d ON a.scope = 'document' AND d.id = v.target_id
           LEFT JOIN speakers s ON a.scope = 'speaker' AND s.id = v.target_id ORDER BY a.scope, target, a.name`,
        )
        .all();
      expect(attrs).toEqual([
        {
          scope: 'document',
          target: 'Interview 1',
          name: 'Interview date',
          type: 'date',
          value: '2024-05-01',
        },
        {
          scope: 'document',
          target: 'Interview 1',
          name: 'Joined',
          type: 'text',
          value: '2024-05-01T10:00:00Z',
        },
        { scope: 'document', target: 'Interview 1 (2)', name: 'Score', type: 'number', value: '7.5' },
        { scope: 'speaker', target: 'Anna', name: 'Age', type: 'number', value: '34' },
        { scope: 'speaker', target: 'Anna', name: 'Consent', type: 'boolean', value: 'true' },
      ]);
    } finally {
      project.close();
    }
  });

  it('imports a PDF’s plain-text rendition and Sets of sources as groups', async () => {
    const { project } = await importForeign();
    try {
      const docs = project.db.prepare('SELECT name, text, encoding FROM documents ORDER BY name').all();
      expect(docs).toEqual([
        { name: 'Interview 1', text: RAW.replace(/\r\n/g, '\n'), encoding: 'utf-8-bom' },
        { name: 'Interview 1 (2)', text: 'Second text, inline & short.', encoding: 'utf-8' },
        { name: 'Report.pdf', text: 'Report text about hope.', encoding: 'utf-8' },
      ]);
      const groups = project.db
        .prepare(
          `SELECT g.name, d.name AS doc FROM doc_groups g JOIN group_members m ON m.group_id = g.id
           JOIN documents d ON d.id = m.document_id ORDER BY g.name, d.name`,
        )
        .all();
      expect(groups).toEqual([
        { name: 'Group A', doc: 'Interview 1' },
        { name: 'Group A', doc: 'Report.pdf' },
      ]);
      expect(project.db.prepare('SELECT count(*) FROM doc_groups').pluck().get()).toBe(1);
    } finally {
      project.close();
    }
  });
});
