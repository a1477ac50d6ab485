// Byte budget of what the first page load fetches, from the production build in dist/.
// Deterministic, so it belongs in the test command: it fails when the initial JS + CSS exceed the
// budget or when Monaco leaks into the initial bundle. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipBytes as gz, initialAssets, kib, measureBuild } from './bundleBytes.mjs';

export const BUDGET_INITIAL_GZIP = 150 * 1024; // issue #5: full app initial JS+CSS ≤ 150 KB gzip

const DIST = process.argv[2] ?? 'dist';

const initial = initialAssets(DIST);
let total = 0;
const rows = [];
for (const f of initial) {
  const buf = readFileSync(join(DIST, f));
  const g = gz(buf);
  total += g;
  rows.push([f, buf.length, g]);
  const text = buf.toString('utf8');
  if (/MonacoEnvironment|monaco-editor/.test(text)) {
    console.error(
      `FAIL: Monaco code is in the initial asset ${f}; it must load only after the person interacts with the editor.`,
    );
    process.exitCode = 1;
  }
  // A message only the simulator's apiserver builds: its presence means the engine leaked into the first paint.
  if (text.includes('cannot be handled as a')) {
    console.error(
      `FAIL: simulator code is in the initial asset ${f}; it must load as the engine chunk after first paint.`,
    );
    process.exitCode = 1;
  }
}
console.log('Initial assets (loaded by index.html):');
for (const [f, raw, g] of rows)
  console.log(`  ${f.padEnd(44)} ${kib(raw).padStart(11)} raw ${kib(g).padStart(10)} gzip`);
console.log(`  total initial JS+CSS: ${kib(total)} gzip (budget ${kib(BUDGET_INITIAL_GZIP)})`);
const lazy = measureBuild(DIST)
  .filter((a) => !a.initial && /\.(js|css)$/.test(a.file))
  .map((a) => [a.file, a.gzip]);
console.log(
  `Lazy assets: ${lazy.length} files, ${kib(lazy.reduce((s, [, g]) => s + g, 0))} gzip; largest: ${lazy
    .slice(0, 4)
    .map(([f, g]) => `${f} ${kib(g)}`)
    .join(', ')}`,
);
if (total > BUDGET_INITIAL_GZIP) {
  console.error(`FAIL: initial JS+CSS is ${kib(total)} gzip, over the ${kib(BUDGET_INITIAL_GZIP)} budget.`);
  process.exitCode = 1;
}
if (initial.length === 0) {
  console.error('FAIL: index.html references no scripts; is dist/ a production build?');
  process.exitCode = 1;
}
