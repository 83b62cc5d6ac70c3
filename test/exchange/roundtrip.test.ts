import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Project } from '../../db/project';
import { exportQdpx } from '../../db/exchange/export-project';
import { importQdpx } from '../../db/exchange/import-project';
import { cleanupTempDirs, newProject, tempDir } from '../helpers/project';
import {
  buildStudy,
  canValidate,
  FIXTURE_DIR,
  haveFixtures,
  PROJECT_XSD,
  projectFacts,
  qdeText,
  schemaErrors,
} from './helpers';

afterEach(cleanupTempDirs);

/** The parts of project.qde that legitimately change between exports: the project's own name and date. */
const stable = (xml: string) => xml.replace(/<Project [^>]*>/, '<Project>');

async function roundTrip(first: Project) {
  const dir = tempDir();
  const a = join(dir, 'a.qdpx');
  await exportQdpx(first, a);
  const result = await importQdpx(a, join(dir, 'b.commonplace'));
  const second = Project.open(join(dir, 'b.commonplace'));
  const b = join(dir, 'b.qdpx');
  await exportQdpx(second, b);
  return { result, second, qdeA: qdeText(a), qdeB: qdeText(b) };
}

describe('export -> import -> export', () => {
  it('keeps a realistic focus-group project: codebook, sources, codings, memos, attributes, speakers, groups', async () => {
    const p = newProject();
    buildStudy(p);
    const before = projectFacts(p);
    const { result, second, qdeA, qdeB } = await roundTrip(p);
    try {
      expect(result.report).toEqual({
        sources: 2,
        codes: 5,
        codings: 8,
        // project journal, document memo, code memo and two coding memos
        memos: 5,
        cases: 5,
        variables: 8,
        skipped: [],
      });
      expect(result.warnings).toEqual([]);
      // The file came from Commonplace: code points, and no speaker detection on top of the Cases' turns.
      expect(result.units.map((u) => u.unit)).toEqual(['codepoints', 'codepoints']);
      const after = projectFacts(second);
      expect(after).toEqual(before);
      expect(after.turns.length).toBeGreaterThan(5);
      const zoe = after.turns.find((t) => t.speaker === 'Zoë (Housing)')!;
      expect(zoe).toMatchObject({ doc: 'Northgate March', bodyStart: zoe.start + 'Zoë (Housing): '.length });
      expect(stable(qdeB)).toBe(stable(qdeA));
      if (canValidate) expect(schemaErrors(qdeA, PROJECT_XSD)).toBe('');
    } finally {
      second.close();
      p.close();
    }
  });

  it('keeps GUIDs of codes, documents, codings, coders and memos', async () => {
    const p = newProject();
    buildStudy(p);
    const guids = (x: Project) =>
      ['codes', 'documents', 'codings', 'coders', 'memos', 'doc_groups', 'speakers'].map((t) =>
        x.db.prepare(`SELECT guid FROM ${t} ORDER BY guid`).pluck().all(),
      );
    const { second } = await roundTrip(p);
    try {
      expect(guids(second)).toEqual(guids(p));
    } finally {
      second.close();
      p.close();
    }
  });
});

describe.skipIf(!haveFixtures)('round trip of every real fixture', async () => {
  const files = haveFixtures ? readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.qdpx')) : [];
  it.each(files)('%s survives import -> export -> import -> export unchanged', async (file) => {
    const dir = tempDir();
    await importQdpx(join(FIXTURE_DIR, file), join(dir, 'one.commonplace'));
    const one = Project.open(join(dir, 'one.commonplace'));
    const { result, second, qdeA, qdeB } = await roundTrip(one);
    try {
      expect(projectFacts(second)).toEqual(projectFacts(one));
      expect(result.report.skipped).toEqual([]);
      expect(stable(qdeB)).toBe(stable(qdeA));
      if (canValidate) expect(schemaErrors(qdeA, PROJECT_XSD)).toBe('');
    } finally {
      second.close();
      one.close();
    }
  });
});
