import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Project } from '../../db/project';
import { createCode } from '../../db/codes';
import { addCodings } from '../../db/codings';
import { saveMemo } from '../../db/memos';
import { setAttribute } from '../../db/attributes';
import { setDocumentGroups } from '../../db/groups';
import { canonicalText } from '../../shared/text';
import { addTextDocument, FOCUS_GROUP, tempDir } from '../helpers/project';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SPEC_DIR = resolve(repo, '../shared/spec/refi-qda');
export const FIXTURE_DIR = resolve(repo, '../shared/fixtures/refi-qda');
export const PROJECT_XSD = join(SPEC_DIR, 'Project.xsd');
export const CODEBOOK_XSD = join(SPEC_DIR, 'Codebook.xsd');

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Schema validation needs the shared spec folder and xmllint; CI has both. */
export const canValidate = existsSync(PROJECT_XSD) && existsSync(CODEBOOK_XSD) && hasXmllint();
export const haveFixtures = existsSync(FIXTURE_DIR);

/** xmllint's verdict on an XML document against a schema: '' when valid, else its complaints. */
export function schemaErrors(xml: string, xsd: string): string {
  const file = join(tempDir(), 'doc.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  }
}

/** Entries of a .qdpx (or any zip) by name. */
export function unzipFile(path: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path));
}

export function qdeText(path: string): string {
  const entries = unzipFile(path);
  const name = Object.keys(entries).find((n) => n.toLowerCase().endsWith('.qde'))!;
  return strFromU8(entries[name]!);
}

/** Occurrences of an element in XML, counted by regex, independently of the importer's parser. */
export const countElements = (xml: string, name: string): number =>
  (xml.match(new RegExp(`<(?:[\\w.-]+:)?${name}[\\s/>]`, 'g')) ?? []).length;

export const EASTBRIDGE_CRLF =
  'Eastbridge focus group, 3 April\r\n\r\nFacilitator: What does a good week look like? 🤔\r\n\r\n' +
  'Priya (Probation): A week where nobody hides a secret caseload. Honestly, that’s rare 👩🏽‍⚕️.\r\n\r\n' +
  'José (Charity): For us it’s the little miracles 🙏: a client who gets a tenancy and keeps it.\r\n';

/** UTF-16 range of the first occurrence of `phrase` in `text`. */
export function rangeOf(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in text`);
  return { start, end: start + phrase.length };
}

/**
 * Two focus groups with speakers (one transcript came with CRLF line endings), emoji, a code tree with
 * colours and descriptions, overlapping codings by two coders with memos, every kind of memo, attributes
 * of every type on documents and speakers, and groups.
 */
export function buildStudy(project: Project) {
  const north = addTextDocument(project, 'Northgate March', FOCUS_GROUP);
  const eastText = canonicalText(EASTBRIDGE_CRLF);
  const east = addTextDocument(project, 'Eastbridge April', eastText);
  setDocumentGroups(project, north, ['Northgate', 'All sites']);
  setDocumentGroups(project, east, ['All sites']);
  project.db.prepare("UPDATE doc_groups SET description = 'Every site' WHERE name = 'All sites'").run();

  const md = createCode(project, {
    name: 'Managerial domination',
    color: '#E6194B',
    description: 'Targets and audit crowd out care.\nLine two\twith a tab & <angle> "quotes"',
  });
  const targets = createCode(project, { name: 'Targets', parentId: md, color: '#3CB44B' });
  const metrics = createCode(project, {
    name: 'Metrics 📊',
    parentId: targets,
    description: 'Counting things',
  });
  const secret = createCode(project, { name: 'Secret caseloads', color: '#4363D8' });
  const miracle = createCode(project, { name: 'Little miracles' });

  const northText = FOCUS_GROUP;
  addCodings(project, [
    { documentId: north, codeId: targets, ...rangeOf(northText, 'the targets drive everything') },
    {
      documentId: north,
      codeId: md,
      ...rangeOf(northText, 'Honestly the targets drive everything. My manager counts'),
    },
    {
      documentId: north,
      codeId: secret,
      ...rangeOf(northText, "😀 That's the secret caseload nobody reports."),
      memo: 'Emoji before the quote\nsecond line',
    },
    { documentId: north, codeId: miracle, ...rangeOf(northText, 'a little miracle') },
  ]);
  project.coder = 'second coder';
  addCodings(project, [
    { documentId: east, codeId: secret, ...rangeOf(eastText, 'hides a secret caseload') },
    { documentId: east, codeId: metrics, ...rangeOf(eastText, 'rare 👩🏽‍⚕️.') },
    {
      documentId: east,
      codeId: miracle,
      ...rangeOf(eastText, 'the little miracles 🙏: a client'),
      memo: 'Good example',
    },
    { documentId: east, codeId: targets, ...rangeOf(eastText, 'the little miracles') },
  ]);
  project.coder = 'tester';

  saveMemo(project, 'project', 0, 'Journal: first pass done.\n\nNext: compare sites.');
  saveMemo(project, 'document', east, 'Recording quality poor after 20 minutes 🎙️');
  saveMemo(project, 'code', md, 'Is this the same as "new public management"?');

  setAttribute(project, 'document', north, 'Site', 'Northgate', 'text');
  setAttribute(project, 'document', east, 'Site', 'Eastbridge', 'text');
  setAttribute(project, 'document', north, 'Participants', '4', 'number');
  setAttribute(project, 'document', east, 'Participants', '3', 'number');
  setAttribute(project, 'document', north, 'Duration (h)', '1.5', 'number');
  setAttribute(project, 'document', east, 'Duration (h)', '2', 'number');
  setAttribute(project, 'document', north, 'Held on', '2024-03-12', 'date');
  setAttribute(project, 'document', north, 'Recorded', 'yes', 'boolean');
  setAttribute(project, 'document', east, 'Recorded', 'no', 'boolean');
  const speaker = (name: string) =>
    project.db.prepare('SELECT id FROM speakers WHERE name = ?').pluck().get(name) as number;
  setAttribute(project, 'speaker', speaker('Zoë (Housing)'), 'Role', 'Housing officer', 'text');
  setAttribute(project, 'speaker', speaker('Priya (Probation)'), 'Role', 'Probation officer', 'text');
  setAttribute(project, 'speaker', speaker('Zoë (Housing)'), 'Years in post', '12', 'number');
  setAttribute(project, 'speaker', speaker('Facilitator'), 'Staff', 'true', 'boolean');
  return { north, east, codes: { md, targets, metrics, secret, miracle } };
}

interface Turn {
  doc: string;
  speaker: string;
  start: number;
  bodyStart: number;
  end: number;
  time: number | null;
  words: number;
}

/** Everything the round trip must keep, by names and paths rather than ids and GUIDs. */
export function projectFacts(project: Project) {
  const q = (sql: string) => project.db.prepare(sql).all();
  return {
    codes: q(`WITH RECURSIVE tree(id, path) AS (
        SELECT id, name FROM codes WHERE parent_id IS NULL
        UNION ALL SELECT c.id, tree.path || '/' || c.name FROM codes c JOIN tree ON c.parent_id = tree.id)
      SELECT tree.path, c.color, c.description, c.position FROM tree JOIN codes c ON c.id = tree.id ORDER BY tree.path`),
    documents: q('SELECT name, text FROM documents ORDER BY name'),
    codings: q(`SELECT d.name AS doc, c.name AS code, k.start, k.end, u.name AS coder, k.memo
      FROM codings k JOIN documents d ON d.id = k.document_id JOIN codes c ON c.id = k.code_id
      JOIN coders u ON u.id = k.coder_id ORDER BY d.name, k.start, k.end, c.name`),
    memos: q(`SELECT m.kind, coalesce(d.name, c.name, '') AS target, m.content_text AS text FROM memos m
      LEFT JOIN documents d ON m.kind = 'document' AND d.id = m.target_id
      LEFT JOIN codes c ON m.kind = 'code' AND c.id = m.target_id ORDER BY m.kind, target`),
    attributes: q(`SELECT a.scope, coalesce(d.name, s.name) AS target, a.name, a.type, v.value
      FROM attribute_values v JOIN attribute_defs a ON a.id = v.def_id
      LEFT JOIN documents d ON a.scope = 'document' AND d.id = v.target_id
      LEFT JOIN speakers s ON a.scope = 'speaker' AND s.id = v.target_id ORDER BY a.scope, target, a.name`),
    turns:
      q(`SELECT d.name AS doc, s.name AS speaker, t.start, t.body_start AS bodyStart, t.end, t.time, t.words
      FROM turns t JOIN documents d ON d.id = t.document_id JOIN speakers s ON s.id = t.speaker_id
      ORDER BY d.name, t.start`) as Turn[],
    groups:
      q(`SELECT g.name, g.description, (SELECT group_concat(name, '|') FROM (SELECT d.name FROM group_members m
        JOIN documents d ON d.id = m.document_id WHERE m.group_id = g.id ORDER BY d.name)) AS members
      FROM doc_groups g ORDER BY g.name`),
  };
}

/** Writes a zip with these entries (strings as UTF-8) and returns its path. */
export function writeZip(entries: Record<string, string | Uint8Array>, name = 'in.qdpx'): string {
  const files = Object.fromEntries(
    Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]),
  );
  const path = join(tempDir(), name);
  writeFileSync(path, zipSync(files));
  return path;
}

/** [start, end) of `phrase` in `raw`, counted in code points over the raw text (the spec's unit). */
export function codePointRange(raw: string, phrase: string): [number, number] {
  const i = raw.indexOf(phrase);
  if (i < 0) throw new Error(`"${phrase}" not in text`);
  const start = Array.from(raw.slice(0, i)).length;
  return [start, start + Array.from(phrase).length];
}
