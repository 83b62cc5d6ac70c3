// Real exports from NVivo, MAXQDA, ATLAS.ti and Taguette. Counts are checked against the XML itself,
// counted by regex here rather than by the importer's parser. The NVivo fixture holds offensive public
// comments: its text is never printed, only measured.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import { Project } from '../../db/project';
import { importQdpx } from '../../db/exchange/import-project';
import { importCodebook } from '../../db/exchange/codebook';
import { listCodes } from '../../db/codes';
import { cleanupTempDirs, newProject, tempDir } from '../helpers/project';
import { countElements, FIXTURE_DIR, haveFixtures, qdeText, unzipFile } from './helpers';

afterEach(cleanupTempDirs);

const fixture = (name: string) => join(FIXTURE_DIR, name);
const count = (p: Project, table: string) =>
  p.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function load(name: string) {
  const path = join(tempDir(), 'imported.commonplace');
  const result = await importQdpx(fixture(name), path);
  return { result, project: Project.open(path), xml: qdeText(fixture(name)) };
}

describe.skipIf(!haveFixtures)('importing real REFI-QDA exports', async () => {
  const files = haveFixtures ? readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.qdpx')) : [];

  it.each(files)('%s: sources, codes and codings match the XML', async (name) => {
    const { result, project, xml } = await load(name);
    try {
      expect(result.report.sources).toBe(countElements(xml, 'TextSource'));
      expect(result.report.codes).toBe(countElements(xml, 'Code'));
      expect(result.report.codings).toBe(countElements(xml, 'Coding'));
      expect(count(project, 'documents')).toBe(result.report.sources);
      expect(count(project, 'codes')).toBe(result.report.codes);
      expect(count(project, 'codings')).toBe(result.report.codings);
      expect(count(project, 'coders')).toBeGreaterThanOrEqual(countElements(xml, 'User'));
      // The import is how the project began, not an undoable step.
      expect(count(project, 'history_steps')).toBe(0);
    } finally {
      project.close();
    }
  });

  it('NVivo 12: positions are UTF-16 units over CRLF text with a BOM, and land on word boundaries', async () => {
    const { result, project, xml } = await load('nvivo12win_hu-vaccine-comments.qdpx');
    try {
      expect(countElements(xml, 'Coding')).toBe(303);
      const coded = result.units.find((u) => u.selections > 0)!;
      expect(coded).toMatchObject({ unit: 'utf16', selections: 303 });
      expect(coded.onWordBoundaries).toBeGreaterThanOrEqual(300);
      // Independent check on the stored text: each coding's ends sit between a non-word and a word character.
      const word = /[\p{L}\p{N}\p{M}]/u;
      const rows = project.db
        .prepare('SELECT d.text, k.start, k.end FROM codings k JOIN documents d ON d.id = k.document_id')
        .all() as { text: string; start: number; end: number }[];
      const onBoundary = (t: string, i: number) =>
        i === 0 || i === t.length || !(word.test(t[i - 1]!) && word.test(t[i]!));
      expect(
        rows.filter((r) => onBoundary(r.text, r.start) && onBoundary(r.text, r.end)).length,
      ).toBeGreaterThanOrEqual(300);
      // Stored text is canonical: no BOM and no CR, yet as long as the source minus its CRs.
      const entries = unzipFile(fixture('nvivo12win_hu-vaccine-comments.qdpx'));
      const rawName = Object.keys(entries).find((n) => n.startsWith('Sources/') && n.endsWith('.txt'))!;
      const raw = strFromU8(entries[rawName]!).replace(/^\ufeff/, '');
      const stored = project.db
        .prepare('SELECT text FROM documents WHERE guid = ?')
        .pluck()
        .get(rawName.slice('Sources/'.length, -'.txt'.length).toLowerCase()) as string;
      expect(stored.includes('\r') || stored.startsWith('\ufeff')).toBe(false);
      expect(stored.length).toBe(raw.length - (raw.match(/\r\n/g) ?? []).length);
      // 82 of its codes have a description; one is a not-codable folder, reported but imported.
      expect(count(project, "codes WHERE description <> ''")).toBe(82);
      expect(result.report.skipped.map((s) => s.what)).toContain(
        '"not codable" flag of 1 code(s): Attituderoots',
      );
    } finally {
      project.close();
    }
  });

  it('MAXQDA 24: colours, descriptions and its two Sets of documents', async () => {
    const { project, xml } = await load('maxqda24_icls-themes.qdpx');
    try {
      const codes = listCodes(project);
      expect(codes.every((c) => /^#[0-9A-F]{6}$/.test(c.color))).toBe(true);
      expect(codes.find((c) => c.name === 'THEME - Affordances')).toMatchObject({
        color: '#EF8256',
        path: 'Additional Themes and Ideas/THEME - Affordances',
        description: 'This code is applied when a paper includes the idea of affordances.',
      });
      expect(codes.filter((c) => c.description).length).toBe(countElements(xml, 'Description'));
      const groups = project.db
        .prepare(
          'SELECT g.name, count(m.id) AS n FROM doc_groups g JOIN group_members m ON m.group_id = g.id GROUP BY g.id ORDER BY g.name',
        )
        .all();
      expect(groups).toEqual([
        { name: 'ICLS 2024', n: 5 },
        { name: 'ICLS 2025', n: 5 },
      ]);
    } finally {
      project.close();
    }
  });

  it('ATLAS.ti 23: the code tree, and the pseudo-user, from a file with no sources', async () => {
    const { result, project } = await load('atlasti23win_codes-only.qdpx');
    try {
      expect(listCodes(project).map((c) => c.path)).toEqual([
        'Commits',
        'Commits/2022-05-10T02:05:59Z 19e4dce',
        'Commits/2022-02-11T10:39:25Z cdbfd92',
      ]);
      expect(project.db.prepare('SELECT name FROM coders ORDER BY name').pluck().all()).toEqual([
        'ATLAS.ti',
        'Enric Llagostera',
      ]);
      expect(result.warnings).toEqual([]);
    } finally {
      project.close();
    }
  });

  it('ATLAS.ti 23: an empty project imports as an empty project', async () => {
    const { result, project } = await load('atlasti23win_empty.qdpx');
    try {
      expect(result.report).toEqual({
        sources: 0,
        codes: 0,
        codings: 0,
        memos: 0,
        cases: 0,
        variables: 0,
        skipped: [],
      });
    } finally {
      project.close();
    }
  });

  it('Taguette 1.4.1: its codebook (schema-invalid empty <Sets/>) merges into a project', async () => {
    const p = newProject();
    try {
      const report = importCodebook(p, fixture('taguette141_codebook.qdc'));
      expect(report).toEqual({ added: 3, matched: 0, described: 0, conflicts: [], skipped: [] });
      expect(listCodes(p).map((c) => [c.name, c.guid])).toEqual([
        ['xsd:element name', '098ac082-a9c7-50f4-9728-48730081a95e'],
        ['CodeBook', 'a2209cff-8e89-5b0a-a7b0-cddc4be92936'],
        ['Variables', 'dd1b8ad4-9b6e-5be2-bd0b-fde7deafdda4'],
      ]);
    } finally {
      p.close();
    }
  });
});
