import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanupTempDirs, tempDir } from '../helpers/project';

// Static security scan of the Electron shell with Doyensec's electronegativity. Its command line cannot
// run here (it relies on an older `commander` hoisted beside it), so the test calls its runner directly.
// The release check is excluded: it asks the internet for Electron releases.

interface Issue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number };
}

const repo = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;

// Findings reviewed and accepted, each with its reason. None so far.
const ACCEPTED: Record<string, string> = {};

async function scan(dir: string): Promise<Issue[]> {
  const run = require('@doyensec/electronegativity/dist/runner.js') as (
    o: object,
  ) => Promise<{ issues: Issue[] }>;
  const { issues } = await run({
    input: dir,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  return issues;
}

afterAll(cleanupTempDirs);

describe('electronegativity scan', () => {
  it('finds no high or medium issue in the shell and its page', async () => {
    const dir = tempDir();
    cpSync(join(repo, 'electron'), join(dir, 'electron'), { recursive: true });
    mkdirSync(join(dir, 'renderer'));
    cpSync(join(repo, 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'));
    const serious = (await scan(dir))
      .filter((i) => ['HIGH', 'MEDIUM'].includes(i.severity.name) && !ACCEPTED[i.id])
      .map((i) => `${i.id} (${i.severity.name}, ${i.confidence.name}) ${i.file}:${i.location.line}`);
    expect(serious).toEqual([]);
  }, 120_000);

  it('does report an insecure window, so a clean scan means something', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bad.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n',
    );
    const ids = (await scan(dir)).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']));
  }, 120_000);
});
