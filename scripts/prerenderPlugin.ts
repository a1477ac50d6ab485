/**
 * The first screens of the app (index.html) and of the embeddable player (embed.html), prerendered at
 * build time: the first preset's journey at its first step, rendered by React from the run the build has
 * just recorded (src/app/prerender.tsx, src/embed/prerender.tsx), so a phone on a slow network shows the
 * journey as soon as the HTML and stylesheets are in, before the scripts arrive. The page then adopts that
 * HTML (src/ui/common/mountPage.tsx), or, where the address or saved state asks for another first screen,
 * hides it (public/first-screen.js) and renders its own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRunnableDevEnvironment, resolveConfig, type Plugin, type ResolvedConfig } from 'vite';
import { LAYER_ALIASES } from './aliases.js';
import { recordedRunsModule, type RecordedRuns, type RecordedRunsPlugin } from './recordedRunsPlugin.js';
import type { FirstScreen } from '../src/ui/common/mountPage';
import { escapeXml } from '../src/ui/picture/svg';

/** Each prerendered page and the module that renders its first screen. */
const PAGES: Record<string, string> = {
  'index.html': '/src/app/prerender.tsx',
  'embed.html': '/src/embed/prerender.tsx',
};

interface Prerender {
  renderFirstScreen(readFile: (file: string) => unknown): Promise<FirstScreen>;
}

/** public/first-screen.js in the page's <head> (Vite leaves it as it is, but for the `vite-ignore` mark). */
const HEAD_SCRIPT = /<script\s+src="\.\/first-screen\.js"><\/script>/;

/** What public/first-screen.js requests once the first screen is drawn, in this order. */
export interface AfterPaint {
  /** Files fetched by the app's script (the first journey's run). */
  fetch: string[];
  /** Every preset's recorded run (preset id → file): an address that names a preset fetches its own. */
  runs: Record<string, string>;
  /** Modules the app's script imports at once. */
  modules: string[];
  /** The app's script. */
  script: string;
}

/**
 * Takes the app's script, its module preloads and the run's preload out of the page and lists them in a
 * <meta> that public/first-screen.js reads: it requests them once the prerendered screen is drawn (at
 * once when the address opens another screen). Loaded with the HTML, they would finish before the first
 * paint on a fast network and hold it back there, so a first paint made of HTML and CSS alone could never
 * be observed (and Lighthouse's simulation of a slow network counts every file that finished before it).
 */
export function afterPaint(html: string, runs: Record<string, string> = {}): string {
  const plan: AfterPaint = { fetch: [], runs, modules: [], script: '' };
  const take = (re: RegExp, into: (url: string) => void) => {
    html = html.replace(re, (_tag, url: string) => {
      into(url);
      return '';
    });
  };
  take(/\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g, (url) => {
    if (plan.script) throw new Error('the page has more than one module script');
    plan.script = url;
  });
  take(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g, (url) => plan.modules.push(url));
  take(/\s*<link rel="preload" as="fetch" href="([^"]+)" crossorigin="anonymous">/g, (url) => plan.fetch.push(url));
  if (!plan.script) throw new Error('the page has no module script to load after the first paint');
  if (!HEAD_SCRIPT.test(html)) throw new Error('the page has no <script src="./first-screen.js">');
  return html.replace(HEAD_SCRIPT, `${planMeta(plan)}\n    <script src="./first-screen.js"></script>`);
}

/** The <meta> public/first-screen.js reads the plan from. */
const planMeta = (plan: AfterPaint) =>
  `<meta name="pod-journey-after-paint" content="${JSON.stringify(plan).replace(/"/g, '&quot;')}">`;

/** The file of a preset's own player page, beside embed.html. */
const presetPageFile = (id: string) => `embed-${id}.html`;

/**
 * Renders first screens at build time: one module environment (each module transformed once), whose
 * modules are evaluated afresh for every screen, so each render boots its own store. `hash` is the address
 * the store reads as it starts (it reads `location.hash` once, when its module is evaluated).
 */
async function createRenderer(root: string | undefined, runs: RecordedRuns) {
  const environment = createRunnableDevEnvironment(
    'prerender',
    await resolveConfig(
      {
        configFile: false,
        envDir: false,
        root,
        resolve: { alias: LAYER_ALIASES },
        logLevel: 'error',
        plugins: [
          // Stylesheets are the page's own; React's markup needs none of them.
          {
            name: 'pod-journey:no-stylesheets',
            enforce: 'pre',
            resolveId: (id) => (id.endsWith('.css') ? '\0stylesheet' : undefined),
            load: (id) => (id === '\0stylesheet' ? 'export default "";' : undefined),
          },
          recordedRunsModule(runs.files),
        ],
        environments: {
          prerender: {
            consumer: 'server',
            dev: { moduleRunnerTransform: true },
            resolve: { external: true, mainFields: [], conditions: ['node'] },
          },
        },
      },
      'serve',
    ),
    { runnerOptions: { hmr: { logger: false } }, hot: false },
  );
  await environment.init();
  const readFile = (file: string) => {
    const text = runs.json.get(file);
    if (text === undefined) throw new Error(`the build wrote no run ${file}`);
    return JSON.parse(text) as unknown;
  };
  return {
    async render(entry: string, hash = ''): Promise<FirstScreen> {
      environment.runner.clearCache();
      Object.defineProperty(globalThis, 'location', { value: { hash, search: '' }, configurable: true });
      try {
        const module = (await environment.runner.import(entry)) as Prerender;
        return await module.renderFirstScreen(readFile);
      } finally {
        delete (globalThis as { location?: unknown }).location;
      }
    },
    close: () => environment.close(),
  };
}

export function prerenderPlugin(runs: RecordedRunsPlugin): Plugin {
  let config: ResolvedConfig | undefined;
  /** Every preset's first screen in the player (the first is embed.html's), for their own pages. */
  let presetScreens: { first: FirstScreen; all: FirstScreen[] } | undefined;
  return {
    name: 'pod-journey:prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler: async (html, ctx) => {
        const recorded = runs.recorded();
        const name = Object.keys(PAGES).find((page) => ctx.filename.endsWith(`/${page}`));
        if (!recorded || !name || config?.build.ssr) return html;
        const built = await recorded;
        const renderer = await createRenderer(config?.root, built);
        let screen: FirstScreen;
        try {
          screen = await renderer.render(PAGES[name]!);
          if (name === 'embed.html') {
            const all: FirstScreen[] = [];
            for (const id of Object.keys(built.files)) {
              const other = id === screen.presetId ? screen : await renderer.render(PAGES[name]!, `#/scenario/${id}`);
              if (other.presetId !== id) throw new Error(`the player booted to ${other.presetId}, not to ${id}`);
              all.push(other);
            }
            presetScreens = { first: screen, all };
          }
        } finally {
          await renderer.close();
        }
        const root = '<div id="root"></div>';
        const page = /<html lang="en"/;
        if (!html.includes(root) || !page.test(html))
          throw new Error(`${name} has no <html lang="en"> or no empty ${root} to prerender into`);
        const id = screen.presetId;
        return afterPaint(html, built.files)
          .replace(page, `$& data-first-screen="${id}"`)
          .replace(root, `<div id="root" data-prerendered="${id}">${screen.html}</div>`);
      },
    },
    // Each preset's own player page, embed-<id>.html: embed.html as built (its stylesheet, scripts and
    // policy) with that preset's first screen, title and run. It opens that preset when its address names
    // no journey (public/first-screen.js); the <pod-journey> element loads it (src/embed/element.ts).
    async writeBundle({ dir }) {
      if (!presetScreens || !dir) return;
      const { first, all } = presetScreens;
      const player = readFileSync(join(dir, 'embed.html'), 'utf8');
      const screen = `<div id="root" data-prerendered="${first.presetId}">${first.html}</div>`;
      const title = /<title>[^<]*<\/title>/;
      const meta = /<meta name="pod-journey-after-paint" content="([^"]*)">/;
      const marks = `data-first-screen="${first.presetId}"`;
      const plan = meta.exec(player)?.[1];
      if (!player.includes(screen) || !title.test(player) || !plan || !player.includes(marks))
        throw new Error('the built embed.html has no prerendered first screen, title or plan to write presets from');
      const shared = JSON.parse(plan.replace(/&quot;/g, '"')) as AfterPaint;
      for (const { presetId: id, title: name, html } of all) {
        const page = player
          .replace(marks, () => `data-first-screen="${id}" data-scenario="${id}"`)
          .replace(title, () => `<title>Pod Journey — ${escapeXml(name)}</title>`)
          .replace(meta, () => planMeta({ ...shared, fetch: [shared.runs[id]!] }))
          .replace(screen, () => `<div id="root" data-prerendered="${id}">${html}</div>`);
        writeFileSync(join(dir, presetPageFile(id)), page);
      }
    },
  };
}
