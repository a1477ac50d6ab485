/**
 * Serves `virtual:recorded-runs` (preset id → its recorded run's file) and, in a production build,
 * writes those files: each preset simulated once at build time (scripts/recordRuns.ts) and saved as
 * `runs/<id>-<hash>.json`. The page fetches a preset's file instead of loading the simulator, so the
 * first journey needs no engine and the embed never loads it for a preset (src/ui/store/recorded.ts).
 * The hash in the name is of the content, so a cache never serves an old run under a new build.
 * Outside a build (dev server, unit tests) the module is empty and the engine runs every scenario.
 */
import { createHash } from 'node:crypto';
import { runnerImport, type Plugin, type ResolvedConfig } from 'vite';
import { LAYER_ALIASES } from './aliases.js';
import type { RecordedFile } from './recordRuns.js';

const ID = 'virtual:recorded-runs';
const RESOLVED = `\0${ID}`;
/** The recorded presets' ids, in order, for the <pod-journey> element (src/embed/element.ts). */
const PRESETS_ID = 'virtual:recorded-presets';
const PRESETS_RESOLVED = `\0${PRESETS_ID}`;

/**
 * A plugin serving `virtual:recorded-runs` as `files` (preset id → file): this build's runs, for code run
 * at build time that imports the store (scripts/prerenderPlugin.ts).
 */
export const recordedRunsModule = (files: Record<string, string>): Plugin => ({
  name: 'pod-journey:recorded-runs-of-this-build',
  resolveId: (id) => (id === ID ? RESOLVED : undefined),
  load: (id) => (id === RESOLVED ? moduleOf(files) : undefined),
});
const moduleOf = (files: Record<string, string>) => `export default ${JSON.stringify(files)};`;
/** Where the files go in the build, relative to the pages (base './'). */
export const RUNS_DIR = 'runs';

/** The runs a build wrote: preset id → file (as the page names it), and each file's JSON. */
export interface RecordedRuns {
  files: Record<string, string>;
  json: ReadonlyMap<string, string>;
}

export interface RecordedRunsPlugin extends Plugin {
  /** The runs this build wrote, once the pages' scripts have been bundled; undefined in any other build. */
  recorded(): Promise<RecordedRuns> | undefined;
}

export function recordedRunsPlugin(): RecordedRunsPlugin {
  let config: ResolvedConfig | undefined;
  let files: Promise<Record<string, string>> | undefined;
  const json = new Map<string, string>();
  return {
    name: 'pod-journey:recorded-runs',
    recorded: () => files?.then((names) => ({ files: names, json })),
    configResolved(resolved) {
      config = resolved;
    },
    resolveId: (id) => (id === ID ? RESOLVED : id === PRESETS_ID ? PRESETS_RESOLVED : undefined),
    // The bare address of either page opens the first preset: its run is fetched with the scripts,
    // instead of after them (public/first-screen.js requests it only where that screen is shown).
    transformIndexHtml: {
      order: 'post',
      handler: async (_html, ctx) => {
        if (!files || !/\/(index|embed)\.html$/.test(ctx.filename)) return [];
        const first = Object.values(await files)[0];
        return first
          ? [
              {
                tag: 'link',
                attrs: { rel: 'preload', as: 'fetch', href: first, crossorigin: 'anonymous' },
                injectTo: 'head',
              },
            ]
          : [];
      },
    },
    async load(id) {
      if (id !== RESOLVED && id !== PRESETS_RESOLVED) return undefined;
      const module = (names: Record<string, string>) =>
        id === RESOLVED ? moduleOf(names) : `export default ${JSON.stringify(Object.keys(names))};`;
      if (config?.command !== 'build' || config.build.ssr) return module({});
      // Two pages (index.html, embed.html) and the element import these modules; the runs are recorded once.
      files ??= (async () => {
        const { module } = await runnerImport<{ recordPresets(): RecordedFile[] }>('/scripts/recordRuns.ts', {
          configFile: false,
          root: config?.root,
          resolve: { alias: LAYER_ALIASES },
          logLevel: 'error',
        });
        const names: Record<string, string> = {};
        for (const { id: preset, json: source } of module.recordPresets()) {
          const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
          const fileName = `${RUNS_DIR}/${preset}-${hash}.json`;
          this.emitFile({ type: 'asset', fileName, source });
          names[preset] = `./${fileName}`;
          json.set(names[preset], source);
        }
        return names;
      })();
      return module(await files);
    },
  };
}
