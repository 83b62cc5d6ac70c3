import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../db/backup';
import { SCHEMA_VERSION } from '../../db/migrations';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { safetyCli } from './helpers';

afterAll(cleanupTempDirs);

// The newest schema's fixture, so that opening it does not also make the pre-upgrade backup.
const FIXTURE = resolve(
  fileURLToPath(import.meta.url),
  `../../fixtures/schema-v${SCHEMA_VERSION}.commonplace`,
);

function project(dir = tempDir()): string {
  const path = join(dir, 'study.commonplace');
  copyFileSync(FIXTURE, path);
  return path;
}

describe('commonplace backup', () => {
  it('writes a rotating backup beside the project by default', async () => {
    const path = project();
    const r = await safetyCli('backup', path);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(
      /^Backed up to .*study backups.*study \d{4}-\d\d-\d\d \d\d-\d\d-\d\d UTC\.commonplace \(\d+ KB\)\n$/,
    );
    expect(readdirSync(backupDirFor(path))).toHaveLength(1);
  });

  it('writes into a given folder, or to a given new file, and never over a file', async () => {
    const path = project();
    const dir = join(tempDir(), 'usb stick');
    mkdirSync(dir);
    const json = JSON.parse((await safetyCli('backup', path, dir, '--json', '--keep', '3')).stdout) as {
      path: string;
    };
    expect(json.path.startsWith(dir)).toBe(true);
    const file = join(tempDir(), 'before-merge.commonplace');
    expect((await safetyCli('backup', path, file)).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const again = await safetyCli('backup', path, file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect((await safetyCli('backup', path, '--keep', '0')).stderr).toMatch(/--keep must be a whole number/);
  });

  it('warns on stderr when the project is in a synced folder', async () => {
    const dir = join(tempDir(), 'Dropbox');
    mkdirSync(dir);
    const r = await safetyCli('backup', project(dir));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: This project is in Dropbox/);
  });
});

describe('commonplace restore', () => {
  it('restores to a new place, and over an existing project only with --force', async () => {
    const path = project();
    const backup = JSON.parse((await safetyCli('backup', path, '--json')).stdout) as { path: string };
    const target = join(tempDir(), 'restored.commonplace');
    const first = await safetyCli('restore', backup.path, target);
    expect(first).toMatchObject({ code: 0, stdout: `Restored ${backup.path} to ${target}\n` });
    const refused = await safetyCli('restore', backup.path, target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a project already exists here; use --force/);
    const forced = await safetyCli('restore', backup.path, target, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(
      /The project it replaced is kept at .*restored replaced .* UTC\.commonplace/,
    );
  });
});

describe('commonplace check', () => {
  it('exits 0 for a healthy project and 1 with the findings for a broken one', async () => {
    const path = project();
    expect(await safetyCli('check', path)).toEqual({
      code: 0,
      stdout: `${path}: no problems found\n`,
      stderr: '',
    });
    const db = new Database(path);
    db.pragma('foreign_keys = OFF');
    db.exec("INSERT INTO history_ops(step_id, sql) VALUES (4242, 'SELECT 1')");
    db.close();
    const broken = await safetyCli('check', path);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      'error: 1 undo record(s) belong to a missing history step (history step 4242)',
    );
    expect(broken.stdout).toMatch(/problems found\n$/);
    const json = await safetyCli('check', path, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      findings: expect.arrayContaining([expect.objectContaining({ where: 'history step 4242' })]),
    });
  });

  it('reports a file that is not a project, and a missing one', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.commonplace');
    writeFileSync(text, 'notes '.repeat(500));
    const r = await safetyCli('check', text, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).ok).toBe(false);
    const missing = await safetyCli('check', join(dir, 'nope.commonplace'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no project file here/);
  });
});
