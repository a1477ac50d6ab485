// What a production build weighs: the assets a page (index.html, embed.html) loads before any
// interaction, the rest, and the <pod-journey> element's script.
// Shared by the byte budget (check-budget.mjs, in the test command) and the benchmark (bench.mjs).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export const gzipBytes = (buf) => gzipSync(buf, { level: 9 }).length;
export const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/**
 * What a page's first screen has its head script request once it is drawn (scripts/prerenderPlugin.ts):
 * `{ fetch, modules, script }`, or undefined for a page that loads its scripts with the HTML.
 */
export function afterPaintPlan(html) {
  const meta = html.match(/<meta name="pod-journey-after-paint" content="([^"]*)">/);
  return meta ? JSON.parse(meta[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')) : undefined;
}

/**
 * Files a page loads before any interaction: the entry scripts, modulepreloads and stylesheets of its
 * HTML, and those its head script requests after the first paint (paths relative to the build folder;
 * `./x` and `/x` alike).
 */
export function initialAssets(dist, page = 'index.html') {
  const html = readFileSync(join(dist, page), 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)) refs.add(m[1]);
  const plan = afterPaintPlan(html);
  if (plan) for (const file of [...plan.modules, plan.script]) refs.add(file);
  return [...refs].map((file) => file.replace(/^\.?\//, ''));
}

/** The recorded run a page fetches with its first screen (`runs/….json`), or undefined. */
export function firstRunFile(dist, page = 'index.html') {
  const html = readFileSync(join(dist, page), 'utf8');
  const file =
    afterPaintPlan(html)?.fetch.find((f) => f.endsWith('.json')) ??
    html.match(/<link rel="preload" as="fetch" href="([^"]+\.json)"/)?.[1];
  return file?.replace(/^\.?\//, '');
}

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every asset of the build with its raw and gzip size; `initial` marks what index.html loads. */
export function measureBuild(dist) {
  const initial = new Set(initialAssets(dist));
  return walk(join(dist, 'assets'))
    .filter((p) => /\.(js|css|ttf|woff2?)$/.test(p))
    .map((p) => {
      const file = p.slice(dist.length + 1);
      const buf = readFileSync(p);
      return { file, raw: buf.length, gzip: gzipBytes(buf), initial: initial.has(file), text: buf.toString('utf8') };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** The initial JS+CSS of one page: each file with its raw and gzip size, and the gzip total. */
export function pageBytes(dist, page = 'index.html') {
  const files = initialAssets(dist, page).map((file) => {
    const buf = readFileSync(join(dist, file));
    return { file, raw: buf.length, gzip: gzipBytes(buf), text: buf.toString('utf8') };
  });
  return { files, gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

/** The custom element's script, built as one file at the root of the build (vite.config.ts). */
export const ELEMENT_SCRIPT = 'pod-journey.js';
