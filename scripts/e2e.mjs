// Runs the Playwright suite against the production build, with a browser found by find-browser.mjs.
// Arguments are passed to `playwright test` (e.g. a spec file or --grep).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, HELP } from './find-browser.mjs';

const browser = await findBrowser();
if (!browser) {
  console.error(HELP);
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  const b = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
});
process.exit(r.status ?? 1);
