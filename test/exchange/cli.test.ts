import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerExchangeCommands } from '../../bin/cli/exchange-commands';
import { isCommonplaceError } from '../../shared/errors';
import { Project } from '../../db/project';
import { listCodes } from '../../db/codes';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { buildStudy, FIXTURE_DIR, haveFixtures, writeZip } from './helpers';

afterEach(cleanupTempDirs);

/** The exchange commands on their own, with main.ts's error handling (the lead wires them into main). */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t) };
  const program = new Command('commonplace')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerExchangeCommands(program, io);
  for (const cmd of program.commands)
    cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  let code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else if (isCommonplaceError(e)) {
      io.err(`commonplace: ${e.message}\n`);
      code = 1;
    } else throw e;
  }
  return { code, stdout, stderr };
}

function studyFile(): string {
  const path = join(tempDir(), 'study.commonplace');
  const p = Project.create(path, { coder: 'tester' });
  buildStudy(p);
  p.close();
  return path;
}

describe('commonplace export / import-qdpx', () => {
  it('exports a project and imports it into a new one, printing the report as exact JSON', async () => {
    const project = studyFile();
    const dir = tempDir();
    const out = join(dir, 'study.qdpx');
    const exported = await cli('export', project, out);
    expect(exported).toEqual({
      code: 0,
      stdout: `Exported 2 sources, 5 codes, 8 codings, 5 memos, 5 cases and 8 variables to ${out}\n`,
      stderr: '',
    });
    const imported = await cli('import-qdpx', out, join(dir, 'copy.commonplace'), '--json');
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe('');
    const report = JSON.parse(imported.stdout);
    expect(Object.keys(report)).toEqual([
      'sources',
      'codes',
      'codings',
      'memos',
      'cases',
      'variables',
      'skipped',
    ]);
    expect(report).toEqual({
      sources: 2,
      codes: 5,
      codings: 8,
      memos: 5,
      cases: 5,
      variables: 8,
      skipped: [],
    });
    expect(readdirSync(dir).sort()).toEqual(['copy.commonplace', 'study.qdpx']);
  });

  it.skipIf(!haveFixtures)(
    'prints a readable report with the position unit chosen and what was left out',
    async () => {
      const target = join(tempDir(), 'nvivo.commonplace');
      const r = await cli('import-qdpx', join(FIXTURE_DIR, 'nvivo12win_hu-vaccine-comments.qdpx'), target);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        `Created ${target} with 2 sources, 152 codes, 303 codings, 0 memos, 0 cases and 0 variables.\n`,
      );
      expect(r.stdout).toMatch(/UTF-16 code units, CR LF counted as 2 \(NVivo\)\s+303\s+30[0-3]/);
      expect(r.stdout).toContain('Not brought in (3):\n');
      expect(r.stdout).toContain(
        '  - "not codable" flag of 1 code(s): Attituderoots: every Commonplace code can be applied',
      );
      const p = Project.open(target);
      expect(p.db.prepare('SELECT count(*) FROM speakers').pluck().get()).toBe(0);
      p.close();
    },
  );

  it('refuses a hostile archive with exit code 1, a clear message and no project file', async () => {
    const file = writeZip({ 'project.qde': '<Project name="x"/>', '../escape.txt': 'x' });
    const target = join(tempDir(), 'never.commonplace');
    const r = await cli('import-qdpx', file, target, '--json');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `commonplace: ${file}: has an entry "../escape.txt" that climbs out of the archive with ".."; refusing the archive\n`,
    });
    expect(existsSync(target)).toBe(false);
  });
});

describe('commonplace export-codebook / import-codebook', () => {
  it('exports .qdc and .csv by extension and refuses others', async () => {
    const project = studyFile();
    const dir = tempDir();
    expect(await cli('export-codebook', project, join(dir, 'cb.qdc'))).toMatchObject({
      code: 0,
      stdout: `Exported 5 codes to ${join(dir, 'cb.qdc')}\n`,
    });
    expect(readFileSync(join(dir, 'cb.qdc'), 'utf8')).toContain(
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Commonplace 0.1.0">',
    );
    expect(await cli('export-codebook', project, join(dir, 'cb.csv'), '--json')).toEqual({
      code: 0,
      stdout: '{\n  "codes": 5,\n  "format": ".csv"\n}\n',
      stderr: '',
    });
    expect(readFileSync(join(dir, 'cb.csv'), 'utf8')).toMatch(
      /^\ufeff?Path,Name,Parent,Level,Color,Description,Codings\r?\n/,
    );
    const bad = await cli('export-codebook', project, join(dir, 'cb.xlsx'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Cannot write a codebook as ".xlsx"');
  });

  it('merges a codebook and reports conflicts, as text or JSON', async () => {
    const project = studyFile();
    const dir = tempDir();
    await cli('export-codebook', project, join(dir, 'cb.qdc'));
    const other = join(dir, 'other.commonplace');
    Project.create(other).close();
    const json = await cli('import-codebook', other, join(dir, 'cb.qdc'), '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      added: 5,
      matched: 0,
      described: 0,
      conflicts: [],
      skipped: [],
    });
    const p = Project.open(other);
    expect(listCodes(p).map((c) => c.path)).toContain('Managerial domination/Targets/Metrics 📊');
    p.db.prepare("UPDATE codes SET color = '#000000' WHERE name = 'Targets'").run();
    p.close();
    const text = await cli('import-codebook', other, join(dir, 'cb.qdc'));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Added 0 codes; 5 already in the codebook.\n');
    expect(text.stdout).toContain("Kept the project's version where they differ (1):\n");
    expect(text.stdout).toMatch(/Managerial domination\/Targets\s+color\s+#000000\s+#3CB44B/);
  });
});
