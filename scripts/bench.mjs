// `npm run bench`: builds the app, serves the build, and prints what the project promises about its
// speed and size, measured (not part of the test command: timings are noisy; the byte budget is a test).
//   bytes        initial JS+CSS gzip of the full app and of the embed (embed.html), the <pod-journey>
//                element's script, the Monaco chunk and its workers, the engine chunk
//   lighthouse   Lighthouse 12.2.3 on the system Chromium, mobile and desktop, median of 3: performance
//                score, FCP, LCP, TBT, CLS, and the accessibility score
//   interaction  keystroke → markers and the re-planned outcome on screen, p50/p95 over 100 edits in
//                the browser (real key presses in Monaco, timed from the keydown to the markers)
//   animation    frame intervals from requestAnimationFrame while the default journey plays at 1× and 4×
//   simulation   time to simulate the default journey, every preset and a stress scenario (100 pods over
//                20 nodes), median of repeated runs in Node; the default journey also as a fresh process
//                meets it (its first run, and runs 6–25)
//   peers        the bytes and Lighthouse figures of any other static build: --peer <folder> (repeatable)
// Options: --only <section>[,<section>], --edits <n>, --runs <n> (Lighthouse), --no-build (reuse dist/).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { findBrowser, HELP } from './find-browser.mjs';
import { ELEMENT_SCRIPT, afterPaintPlan, gzipBytes, kib, measureBuild, pageBytes } from './bundleBytes.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SECTIONS = ['bytes', 'lighthouse', 'interaction', 'animation', 'simulation', 'peers'];
const only = option('only', SECTIONS.join(',')).split(',');
const EDITS = Number(option('edits', '100'));
const RUNS = Number(option('runs', '3'));
const peers = args.flatMap((a, i) => (a === '--peer' ? [resolve(args[i + 1])] : []));
const DIST = 'dist';
const PORT = 4317;
const BASE = `http://127.0.0.1:${PORT}`;
const CACHE = 'node_modules/.cache/pod-journey-bench';
const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

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

const sum = (xs) => xs.reduce((s, a) => s + a.gzip, 0);

/** Initial JS+CSS gzip of one page of a static build (the entry page, or another HTML file). */
const initialBytes = (dist, page = 'index.html') => pageBytes(dist, page).gzip;

function bytes() {
  const assets = measureBuild(DIST);
  const find = (re) => assets.filter((a) => re.test(a.file));
  const rows = [
    // As check-budget counts it: with the head script (public/first-screen.js), which is not in assets/.
    ['initial JS+CSS (full app)', kib(initialBytes(DIST)), 'target ≤ 150 KiB'],
    [
      'initial JS+CSS (embed)',
      existsSync(join(DIST, 'embed.html')) ? kib(initialBytes(DIST, 'embed.html')) : 'no embed yet',
      'target ≤ 100 KiB',
    ],
    [
      `<pod-journey> element (${ELEMENT_SCRIPT})`,
      existsSync(join(DIST, ELEMENT_SCRIPT)) ? kib(gzipBytes(readFileSync(join(DIST, ELEMENT_SCRIPT)))) : 'not built',
      'target ≤ 5 KiB',
    ],
    ['Monaco chunk (JS+CSS)', kib(sum(find(/MonacoEditor-.*\.(js|css)$/))), 'loads on first editor use'],
    ['Monaco editor worker', kib(sum(find(/editor\.worker-.*\.js$/)))],
    ['YAML language worker', kib(sum(find(/yaml\.worker-.*\.js$/)))],
    ['simulation engine chunk', kib(sum(find(/engine-.*\.js$/))), 'loads after first paint'],
    ['all assets', kib(sum(assets))],
  ];
  for (const peer of peers) rows.push([`peer ${peer}: initial JS+CSS`, kib(initialBytes(peer))]);
  table('Bytes (gzip level 9, KiB = 1024 B)', rows);
}

/** Serves a static folder with the same server as the app's (vite preview). */
async function serve(dir = DIST, port = PORT) {
  // vite's own entry, not npx: killing npx would leave the server running.
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      dir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`the preview server did not start on ${base}`);
}

/** Real key presses into Monaco; each sample is keydown → the markers of that text on screen. */
async function interaction(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${BASE}/?autoplay=0`);
  // The first screen is prerendered HTML: wait until the app has adopted it and answers input.
  await page.locator('#root[data-live]').waitFor({ state: 'attached' });
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

/** Lighthouse 12.2.3, installed on first use next to the benchmark's other files (not a dependency). */
function lighthouseCli() {
  const dir = join(CACHE, 'lighthouse');
  const cli = join(dir, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(cli)) {
    mkdirSync(dir, { recursive: true });
    console.log('Installing Lighthouse 12.2.3 for the benchmark (once) …');
    const r = spawnSync(
      'npm',
      ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', 'lighthouse@12.2.3'],
      {
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) throw new Error('could not install lighthouse@12.2.3');
  }
  return cli;
}

const median = (xs) => percentile(xs, 50);

/** Median of `RUNS` Lighthouse runs of one URL and profile. */
function lighthouse(cli, browserPath, url, profile) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const out = join(CACHE, `lh-${profile}-${i}.json`);
    const r = spawnSync(
      'node',
      [
        cli,
        url,
        `--chrome-flags=--headless=new ${CHROME_FLAGS.join(' ')}`,
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        ...(profile === 'desktop' ? ['--preset=desktop'] : []),
      ],
      { stdio: 'inherit', env: { ...process.env, CHROME_PATH: browserPath } },
    );
    if (r.status !== 0) throw new Error(`lighthouse failed on ${url}`);
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    const audit = (id) => lhr.audits[id].numericValue;
    runs.push({
      score: lhr.categories.performance.score * 100,
      a11y: lhr.categories.accessibility.score * 100,
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      si: audit('speed-index'),
      // The first paint as it happened (unthrottled). In headless Chromium it sometimes comes a whole
      // second or two late (the compositor withholds frames during the load), and Lighthouse's
      // simulation then counts everything before it: the range shows which runs were hit.
      observedFcp: lhr.audits.metrics.details.items[0].observedFirstContentfulPaint,
    });
  }
  const m = (k) => median(runs.map((r) => r[k]));
  const observed = runs.map((r) => r.observedFcp);
  return {
    score: m('score'),
    a11y: m('a11y'),
    fcp: m('fcp'),
    lcp: m('lcp'),
    tbt: m('tbt'),
    cls: m('cls'),
    si: m('si'),
    observedFcp: [Math.min(...observed), Math.max(...observed)],
  };
}

async function lighthouseSection(browserPath, targets) {
  const cli = lighthouseCli();
  const rows = [];
  for (const { name, url } of targets)
    for (const profile of ['mobile', 'desktop']) {
      const r = lighthouse(cli, browserPath, url, profile);
      rows.push([
        `${name}, ${profile}`,
        `perf ${r.score.toFixed(0)} · FCP ${(r.fcp / 1000).toFixed(2)} s · LCP ${(r.lcp / 1000).toFixed(2)} s · TBT ${r.tbt.toFixed(0)} ms · CLS ${r.cls.toFixed(3)} · SI ${(r.si / 1000).toFixed(2)} s · a11y ${r.a11y.toFixed(0)} · first paint as observed ${r.observedFcp.map((t) => (t / 1000).toFixed(2)).join('–')} s`,
      ]);
    }
  table(
    `Lighthouse 12.2.3, median of ${RUNS} (targets, mobile: perf ≥ 99, LCP ≤ 1.4 s, TBT ≤ 60 ms, CLS ≤ 0.01, a11y 100)`,
    rows,
  );
}

/** requestAnimationFrame intervals while the default journey plays at `speed`. */
async function frames(browser, speed) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${BASE}/?autoplay=0`);
  await page.locator('#root[data-live]').waitFor({ state: 'attached' });
  await page.getByTestId('foresight').waitFor();
  await page.getByRole('button', { name: `${speed}×`, exact: true }).click();
  await page.evaluate(() => {
    const t = [];
    window.__frames = t;
    const tick = (now) => {
      t.push(now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // Until the journey ends (the Play button comes back) or 30 s have passed.
  await page
    .getByRole('button', { name: 'Play', exact: true })
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
  const stamps = await page.evaluate(() => window.__frames);
  await page.close();
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
  const share = (f) => `${((gaps.filter(f).length / gaps.length) * 100).toFixed(1)} %`;
  return [
    [`${speed}×: frames`, `${gaps.length} in ${((stamps.at(-1) - stamps[0]) / 1000).toFixed(1)} s`],
    [`${speed}×: on time (≤ 16.7 ms + 1 ms jitter)`, share((g) => g <= 17.7), speed === 1 ? 'target ≥ 95 %' : ''],
    [`${speed}×: over 50 ms`, share((g) => g > 50)],
    [
      `${speed}×: interval p50 / p95 / max`,
      `${ms(percentile(gaps, 50))} / ${ms(percentile(gaps, 95))} / ${ms(Math.max(...gaps))}`,
    ],
  ];
}

/** The simulation in Node: scripts/simulationBench.ts bundled with the app's own aliases, then run. */
function simulation() {
  const entry = 'scripts/simulationBench.ts';
  if (!existsSync(entry)) {
    console.log(`\nSimulation: ${entry} is missing`);
    return;
  }
  const out = join(CACHE, 'simulation');
  const b = spawnSync('npx', ['vite', 'build', '--ssr', entry, '--outDir', out, '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (b.status !== 0) throw new Error('could not bundle the simulation benchmark');
  const file = pathToFileURL(resolve(out, 'simulationBench.js')).href;
  const r = spawnSync(
    'node',
    [
      '--input-type=module',
      '-e',
      `import(${JSON.stringify(file)}).then((m) => console.log(JSON.stringify(m.benchSimulation())))`,
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`the simulation benchmark failed:\n${r.stderr}`);
  const results = JSON.parse(r.stdout.trim().split('\n').at(-1));
  const presets = results.filter((x) => x.name !== 'default' && x.name !== 'stress');
  const byTime = [...presets].sort((a, b) => b.medianMs - a.medianMs);
  const find = (name) => results.find((x) => x.name === name);
  const row = (x, target) => [`${x.name} (${x.steps} steps)`, ms(x.medianMs), target];
  const first = find('default');
  table('Simulation in Node, median of repeated runs after warm-up', [
    row({ ...first, name: 'default, settled' }, 'target ≤ 5 ms'),
    ...(first.cold
      ? [
          ['default, first run of a fresh process', ms(first.cold.firstMs)],
          ['default, runs 6–25 of that process', ms(first.cold.runs6to25Ms)],
        ]
      : []),
    ...byTime.slice(0, 3).map((x) => row({ ...x, name: `preset ${x.name}` })),
    [
      `every preset (${presets.length}): median / slowest`,
      `${ms(median(presets.map((x) => x.medianMs)))} / ${ms(byTime[0].medianMs)}`,
    ],
    row(find('stress')),
  ]);
}

if (!args.includes('--no-build')) {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
console.log(`Pod Journey benchmark — ${new Date().toISOString()} — Node ${process.version}`);
mkdirSync(CACHE, { recursive: true });
if (only.includes('bytes')) bytes();
if (only.includes('simulation')) simulation();
const browserSections = ['lighthouse', 'interaction', 'animation', 'peers'];
if (only.some((s) => browserSections.includes(s))) {
  const executablePath = await findBrowser();
  if (!executablePath) {
    console.error(HELP);
    process.exit(1);
  }
  const servers = [await serve()];
  const browser = await chromium.launch({ executablePath, args: CHROME_FLAGS });
  try {
    console.log(`\nBrowser: Chromium ${browser.version()} (headless)`);
    if (only.includes('interaction')) await interaction(browser);
    if (only.includes('animation'))
      table('Animation: requestAnimationFrame intervals while the default journey plays', [
        ...(await frames(browser, 1)),
        ...(await frames(browser, 4)),
      ]);
    const targets = only.includes('lighthouse') ? [{ name: 'full app', url: `${BASE}/` }] : [];
    if (only.includes('lighthouse') && existsSync(join(DIST, 'embed.html'))) {
      targets.push({ name: 'embed', url: `${BASE}/embed.html` });
      // What a post usually embeds: a failure's own player page, at its first step (prerendered) and at a
      // later step (drawn once the player's scripts have run).
      const presets = Object.keys(afterPaintPlan(readFileSync(join(DIST, 'embed.html'), 'utf8'))?.runs ?? {});
      const preset = presets.includes('image-not-found') ? 'image-not-found' : presets[1];
      if (preset && existsSync(join(DIST, `embed-${preset}.html`)))
        targets.push(
          { name: `embed-${preset}.html`, url: `${BASE}/embed-${preset}.html` },
          { name: `embed-${preset}.html#…/step/5`, url: `${BASE}/embed-${preset}.html#/scenario/${preset}/step/5` },
        );
    }
    if (only.includes('peers'))
      for (const [i, peer] of peers.entries()) {
        servers.push(await serve(peer, PORT + 1 + i));
        targets.push({ name: `peer ${peer}`, url: `http://127.0.0.1:${PORT + 1 + i}/` });
      }
    if (targets.length) await lighthouseSection(executablePath, targets);
  } finally {
    await browser.close();
    for (const s of servers) s.kill();
  }
}
