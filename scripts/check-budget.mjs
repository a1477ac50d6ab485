// Byte budget of what a first page load fetches, from the production build in dist/.
// Deterministic, so it belongs in the test command: it fails when the initial JS + CSS of the app or
// of the embeddable player exceed their budgets, when Monaco, the simulator or the scenario catalog leak
// into them, when the first journey's recorded run grows or writes every step's snapshots out again,
// when index.html, embed.html or a preset's player page loses its prerendered first screen or grows, or
// when the <pod-journey> element's script grows or stops being one file. Run after `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ELEMENT_SCRIPT,
  afterPaintPlan,
  firstRunFile,
  gzipBytes,
  initialAssets,
  kib,
  measureBuild,
  pageBytes,
} from './bundleBytes.mjs';

export const BUDGET_INITIAL_GZIP = 150 * 1024; // issue #5: full app initial JS+CSS ≤ 150 KB gzip
export const BUDGET_EMBED_GZIP = 100 * 1024; // issue #6: the embed's initial JS+CSS ≤ 100 KB gzip
export const BUDGET_ELEMENT_GZIP = 5 * 1024; // issue #6: the custom element's one script, a few KB
// The first journey's recorded run, fetched with the page (24.7 KiB since its snapshots are written once).
export const BUDGET_FIRST_RUN_GZIP = 30 * 1024;
// index.html or embed.html with the first screen prerendered into it (index.html: 7.2 KiB gzip when it
// was first prerendered; embed.html: 2.6 KiB).
export const BUDGET_HTML_GZIP = 12 * 1024;

const DIST = process.argv[2] ?? 'dist';

const fail = (message) => {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
};

/** Checks one page's initial assets against `budget` and for Monaco and simulator code. */
function checkPage(page, budget, what) {
  const { files, gzip } = pageBytes(DIST, page);
  if (files.length === 0) fail(`${page} references no scripts; is ${DIST}/ a production build?`);
  for (const { file, text } of files) {
    if (/MonacoEnvironment|monaco-editor/.test(text))
      fail(
        `Monaco code is in ${file}, loaded by ${page}; it must load only after the person interacts with the editor.`,
      );
    // A message only the simulator's apiserver builds: its presence means the engine leaked into the first paint.
    if (text.includes('cannot be handled as a'))
      fail(`simulator code is in ${file}, loaded by ${page}; it must load as the engine chunk, only when needed.`);
    // A preset's blurb, which only the scenario catalog carries: a preset's journey needs its recorded
    // run, not the catalog, which loads after the first paint.
    if (text.includes('restartPolicy Never: the pod ends Completed'))
      fail(`the scenario catalog is in ${file}, loaded by ${page}; it must load after the first paint.`);
  }
  console.log(`Initial assets (loaded by ${page}):`);
  for (const f of files)
    console.log(`  ${f.file.padEnd(44)} ${kib(f.raw).padStart(11)} raw ${kib(f.gzip).padStart(10)} gzip`);
  console.log(`  total initial JS+CSS: ${kib(gzip)} gzip (budget ${kib(budget)})`);
  if (gzip > budget) fail(`${what}: initial JS+CSS is ${kib(gzip)} gzip, over the ${kib(budget)} budget.`);
}

/** Checks one file of the build (`file`, relative to it) against `budget` gzip; returns its text. */
function checkFile(file, budget, what) {
  const text = readFileSync(join(DIST, file), 'utf8');
  const gzip = gzipBytes(Buffer.from(text));
  console.log(`${file}: ${kib(text.length)} raw, ${kib(gzip)} gzip (budget ${kib(budget)})`);
  if (gzip > budget) fail(`${what} is ${kib(gzip)} gzip, over the ${kib(budget)} budget.`);
  return text;
}

checkPage('index.html', BUDGET_INITIAL_GZIP, 'the app');

// The recorded run the bare address opens is requested with the app's scripts and parsed before the
// page answers input: its bytes count like the scripts'.
const firstRun = firstRunFile(DIST);
if (!firstRun) fail(`${DIST}/index.html preloads no recorded run: the first journey would wait for the scripts.`);
else {
  const text = checkFile(firstRun, BUDGET_FIRST_RUN_GZIP, `the first recorded run ${firstRun}`);
  // Written once per distinct snapshot (recorded.ts, packRecordedRun): a copy per step was 470 KB.
  if (!Array.isArray(JSON.parse(text).snapshots))
    fail(`the first recorded run ${firstRun} writes every step's snapshots out again.`);
}

/**
 * The first screen, prerendered into the page (scripts/prerenderPlugin.ts): drawn from the HTML and the
 * stylesheets alone, so the HTML's bytes are the first paint's. A page that lost its first screen, or
 * loads its scripts with the HTML again, paints only once they have run. `root` is the class of the
 * screen's outermost element.
 */
function checkPrerendered(page, root) {
  const html = checkFile(page, BUDGET_HTML_GZIP, `${page} with its first screen`);
  if (!new RegExp(`<div id="root" data-prerendered="[^"]+"><(div|main) class="${root}">`).test(html))
    fail(`${DIST}/${page} has no prerendered first screen in #root.`);
  if (/<script type="module"/.test(html))
    fail(`${DIST}/${page} loads a module script with the HTML; its first screen would wait for it.`);
}
checkPrerendered('index.html', 'app');

if (!existsSync(join(DIST, 'embed.html'))) fail(`${DIST}/embed.html is missing: the embeddable player is not built.`);
else {
  checkPage('embed.html', BUDGET_EMBED_GZIP, 'the embed');
  checkPrerendered('embed.html', 'embed');
  checkPresetPages();
}

/**
 * Every preset has its own player page, embed-<id>.html, with that preset's first screen and run: what
 * the <pod-journey> element and the embed snippets load. Its scripts and styles are embed.html's.
 */
function checkPresetPages() {
  const player = readFileSync(join(DIST, 'embed.html'), 'utf8');
  const plan = afterPaintPlan(player);
  const presets = Object.keys(plan?.runs ?? {});
  if (presets.length === 0) fail(`${DIST}/embed.html lists no presets' runs: no preset has its own player page.`);
  let largest = 0;
  for (const id of presets) {
    const page = `embed-${id}.html`;
    if (!existsSync(join(DIST, page))) {
      fail(`${DIST}/${page} is missing: the preset ${id} has no player page of its own.`);
      continue;
    }
    const html = readFileSync(join(DIST, page), 'utf8');
    largest = Math.max(largest, gzipBytes(Buffer.from(html)));
    if (!html.includes(`<div id="root" data-prerendered="${id}"><main class="embed">`))
      fail(`${DIST}/${page} has no prerendered first screen of ${id}.`);
    if (afterPaintPlan(html)?.fetch[0] !== plan.runs[id]) fail(`${DIST}/${page} does not fetch the run of ${id}.`);
    if (initialAssets(DIST, page).join() !== initialAssets(DIST, 'embed.html').join())
      fail(`${DIST}/${page} loads other scripts or styles than embed.html.`);
  }
  console.log(
    `Presets' player pages: ${presets.length}, the largest ${kib(largest)} gzip (budget ${kib(BUDGET_HTML_GZIP)})`,
  );
  if (largest > BUDGET_HTML_GZIP)
    fail(`a preset's player page is ${kib(largest)} gzip, over the ${kib(BUDGET_HTML_GZIP)} budget.`);
}

const element = join(DIST, ELEMENT_SCRIPT);
if (!existsSync(element)) fail(`${DIST}/${ELEMENT_SCRIPT} is missing: the custom element is not built.`);
else {
  const text = checkFile(ELEMENT_SCRIPT, BUDGET_ELEMENT_GZIP, ELEMENT_SCRIPT);
  // One file: a static or dynamic import would fetch app chunks into the host page.
  if (/\bimport\s*(\(|["'`{*]|[\w$]+\s+from\b)/.test(text))
    fail(`${ELEMENT_SCRIPT} imports other files; it must be one script.`);
}

const lazy = measureBuild(DIST)
  .filter((a) => !a.initial && /\.(js|css)$/.test(a.file))
  .map((a) => [a.file, a.gzip]);
console.log(
  `Lazy assets (of index.html): ${lazy.length} files, ${kib(lazy.reduce((s, [, g]) => s + g, 0))} gzip; largest: ${lazy
    .slice(0, 4)
    .map(([f, g]) => `${f} ${kib(g)}`)
    .join(', ')}`,
);
