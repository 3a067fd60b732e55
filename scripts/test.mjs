// npm test: everything that must hold before a change lands, in the order that fails fastest.
//   lint and format → type-check → unit + integration on PGlite → integration on PostgreSQL
//   (when TEST_DATABASE_URL is set) → production build → end-to-end in Chromium.
// On a machine without PostgreSQL or Chromium those two steps say so and are skipped, unless
// CI=true, where a missing part is a failure (CI installs and starts them: see .ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ci = process.env.CI === 'true';
const reports = mkdtempSync(join(tmpdir(), 'pathways-test-'));
let passed = 0;
let failed = 0;
// Test files that failed outside any test (an import error, a failing beforeAll): their tests were
// skipped, so the test counts alone would say "0 failed" for a run that failed.
let brokenFiles = 0;
const skipped = [];

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    summary();
    process.exit(result.status ?? 1);
  }
}

function vitest(title, projects, name, env = {}) {
  const out = join(reports, `${name}.json`);
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  console.log(`\n▶ ${title}`);
  const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    brokenFiles += report.testResults.filter(
      (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
    ).length;
  }
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    summary();
    process.exit(result.status ?? 1);
  }
}

function summary() {
  if (skipped.length) console.log(`\nSkipped: ${skipped.join('; ')}`);
  const broken = brokenFiles
    ? `, ${brokenFiles} test file${brokenFiles === 1 ? '' : 's'} failed outside ${brokenFiles === 1 ? 'its' : 'their'} tests`
    : '';
  console.log(`\n${passed} passed, ${failed} failed${broken}`);
}

const chromium = process.env.PATHWAYS_CHROMIUM ?? '/usr/bin/chromium';

run('Lint and format', 'npx', ['eslint', '.']);
run('Format check', 'npx', ['prettier', '--check', '.']);
run('Type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
vitest('Unit and integration tests (PGlite)', ['unit', 'integration'], 'pglite', { TEST_DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) {
  vitest('Integration tests (PostgreSQL)', ['integration'], 'postgres');
} else if (ci) {
  console.error('CI needs TEST_DATABASE_URL to run the integration tests on PostgreSQL.');
  process.exit(1);
} else {
  skipped.push('integration tests on PostgreSQL (set TEST_DATABASE_URL=postgres://… to run them)');
}
run('Build', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
if (existsSync(chromium)) {
  vitest('End-to-end tests (Chromium)', ['e2e'], 'e2e', { PATHWAYS_CHROMIUM: chromium });
} else if (ci) {
  console.error(`CI needs Chromium at ${chromium} for the end-to-end tests.`);
  process.exit(1);
} else {
  skipped.push(
    `end-to-end tests (no Chromium at ${chromium}; on Debian/Ubuntu: sudo apt-get install chromium)`,
  );
}
summary();
