// `npm run bench`: builds the app, serves the build, and prints what the project promises about its
// speed and size, measured (not part of the test command: timings are noisy; the byte budget is a test).
//   bytes        initial JS+CSS gzip, the Monaco chunk and its workers, the engine chunk
//   interaction  keystroke → markers and the re-planned outcome on screen, p50/p95 over 100 edits in
//                the browser (real key presses in Monaco, timed from the keydown to the markers)
// Options: --only <section>[,<section>], --edits <n>, --no-build (reuse dist/).
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findBrowser, HELP } from './find-browser.mjs';
import { kib, measureBuild } from './bundleBytes.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const only = option('only', 'bytes,interaction').split(',');
const EDITS = Number(option('edits', '100'));
const DIST = 'dist';
const PORT = 4317;
const BASE = `http://127.0.0.1:${PORT}`;

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const table = (title, rows) => {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v, target] of rows)
    console.log(`  ${k.padEnd(width)}  ${v.padStart(12)}${target ? `   ${target}` : ''}`);
};

function bytes() {
  const assets = measureBuild(DIST);
  const sum = (xs) => xs.reduce((s, a) => s + a.gzip, 0);
  const initial = assets.filter((a) => a.initial);
  const find = (re) => assets.filter((a) => re.test(a.file));
  const rows = [
    ['initial JS+CSS (full app)', kib(sum(initial)), 'target ≤ 150 KiB'],
    ['Monaco chunk (JS+CSS)', kib(sum(find(/MonacoEditor-.*\.(js|css)$/))), 'loads on first editor use'],
    ['Monaco editor worker', kib(sum(find(/editor\.worker-.*\.js$/)))],
    ['YAML language worker', kib(sum(find(/yaml\.worker-.*\.js$/)))],
    ['simulation engine chunk', kib(sum(find(/engine-.*\.js$/))), 'loads after first paint'],
    ['all assets', kib(sum(assets))],
  ];
  table('Bytes (gzip level 9, KiB = 1024 B)', rows);
}

async function serve() {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`the preview server did not start on ${BASE}`);
}

/** Real key presses into Monaco; each sample is keydown → the markers of that text on screen. */
async function interaction(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${BASE}/?autoplay=0`);
  await page.getByTestId('foresight').waitFor(); // the engine is loaded and the drafts are checked
  await page.getByTestId('manifest-preview').click();
  await page.locator('[data-monaco-ready]').waitFor();
  await page.waitForFunction(() => window.__podJourneyEditor?.getContainerDomNode().dataset.markersVersion);
  await page.evaluate(() => {
    const editor = window.__podJourneyEditor;
    const model = editor.getModel();
    const line = model.getLinesContent().findIndex((l) => /^\s+image:/.test(l)) + 1;
    editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) });
    editor.focus();
    const bench = { t0: 0, toMarkers: [], toFrame: [] };
    window.__bench = bench;
    window.addEventListener('keydown', () => (bench.t0 = performance.now()), true);
    new MutationObserver(() => {
      if (!bench.t0) return;
      const t0 = bench.t0;
      bench.t0 = 0;
      bench.toMarkers.push(performance.now() - t0);
      requestAnimationFrame(() => bench.toFrame.push(performance.now() - t0));
    }).observe(editor.getContainerDomNode(), { attributes: true, attributeFilter: ['data-markers-version'] });
  });
  for (let i = 0; i < EDITS; i++) {
    // Type into the image name and take it back: every edit changes what the kubelet would pull.
    await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
    await page.waitForFunction((n) => window.__bench.toFrame.length >= n, i + 1);
    await page.waitForTimeout(40); // a brisk typist's cadence
  }
  const { toMarkers, toFrame } = await page.evaluate(() => window.__bench);
  await page.close();
  table(`Interaction: keystroke → markers and the re-planned outcome, ${EDITS} edits of the default manifest`, [
    ['to markers set, p50', ms(percentile(toMarkers, 50))],
    ['to markers set, p95', ms(percentile(toMarkers, 95))],
    ['to the next frame, p50', ms(percentile(toFrame, 50))],
    ['to the next frame, p95', ms(percentile(toFrame, 95)), 'target ≤ 50 ms'],
  ]);
}

if (!args.includes('--no-build')) {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
console.log(`Pod Journey benchmark — ${new Date().toISOString()} — Node ${process.version}`);
if (only.includes('bytes')) bytes();
if (only.some((s) => s !== 'bytes')) {
  const executablePath = await findBrowser();
  if (!executablePath) {
    console.error(HELP);
    process.exit(1);
  }
  const server = await serve();
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    console.log(`Browser: ${browser.version()} (headless)`);
    if (only.includes('interaction')) await interaction(browser);
  } finally {
    await browser.close();
    server.kill();
  }
}
