// `npm test`: every check the project has, in order, from a fresh clone. Installs dependencies when
// node_modules is missing, finds (or installs) a Chromium for the browser tests, and ends with one
// summary line "N passed, N failed" counting unit and browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { findBrowser, HELP } from './find-browser.mjs';
import { ensureDeps } from './ensure-deps.mjs';

const run = (label, cmd, args, env = {}) => {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${label} failed (${secs} s)`);
    summary();
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${label} (${secs} s)`);
};

const counts = { passed: 0, failed: 0 };
function readCounts(file, pick) {
  try {
    const r = pick(JSON.parse(readFileSync(file, 'utf8')));
    counts.passed += r.passed;
    counts.failed += r.failed;
  } catch {
    /* the step did not get as far as writing its report */
  }
}
function summary() {
  readCounts('reports/unit.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
  readCounts('reports/e2e.json', (j) => ({
    passed: j.stats.expected,
    failed: j.stats.unexpected + j.stats.flaky,
  }));
  console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
}

mkdirSync('reports', { recursive: true });
for (const f of ['reports/unit.json', 'reports/e2e.json']) if (existsSync(f)) spawnSync('rm', ['-f', f]);

ensureDeps();
const browser = await findBrowser();
if (!browser) {
  console.error(HELP);
  process.exit(1);
}
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json']);
run('production build', 'npx', ['vite', 'build']);
run('byte budget', 'node', ['scripts/check-budget.mjs']);
run('browser tests', 'npx', ['playwright', 'test'], { CHROMIUM_PATH: browser });
summary();
