#!/usr/bin/env node
// `npm test`: lint, type-check, build, then every Vitest suite; ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const steps = [];
function run(name, cmd, args) {
  const started = Date.now();
  process.stdout.write(`\n== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

const npx = 'npx';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
run('lint', npx, ['eslint', '.']);
run('format', npx, ['prettier', '--check', '.']);
run('typecheck', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (pkg.scripts.build) run('build', 'npm', ['run', '--silent', 'build']);
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
run('tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log('\n== Summary');
for (const s of steps) console.log(`${s.ok ? 'PASS' : 'FAIL'}  ${s.name} (${s.seconds}s)`);
const stepFailures = steps.filter((s) => !s.ok).length;
console.log(`\n${passed} passed, ${failed + stepFailures} failed, ${skipped} skipped`);
process.exit(stepFailures > 0 || failed > 0 ? 1 : 0);
