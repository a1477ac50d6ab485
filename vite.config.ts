import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { k8sSchemaPlugin } from './scripts/k8sSchemaPlugin.js';
import { staticSitePlugin } from './scripts/staticSitePlugin.js';
import { recordedRunsPlugin } from './scripts/recordedRunsPlugin.js';
import { prerenderPlugin } from './scripts/prerenderPlugin.js';
import { LAYER_ALIASES } from './scripts/aliases.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(({ isSsrBuild }) => {
  const runs = recordedRunsPlugin();
  return {
    // Relative asset URLs: the build works from any sub-folder of any static host.
    base: './',
    // k8sSchemaPlugin: `virtual:k8s-schemas`, the editor's schema (generated only when imported).
    // staticSitePlugin: the Content-Security-Policy and the offline service worker of the build.
    // recordedRunsPlugin: `virtual:recorded-runs`, every preset's journey simulated at build time.
    plugins: [react(), k8sSchemaPlugin(), runs, prerenderPlugin(runs), staticSitePlugin()],
    resolve: {
      alias: [
        ...LAYER_ALIASES,
        // monaco-editor >= 0.56 has an exports map; monaco-yaml's worker manager still deep-imports
        // 'monaco-editor/esm/vs/...', which would resolve to esm/vs/esm/vs/... without this.
        {
          find: /^monaco-editor\/esm\/vs\/([^?]*?)(?:\.js)?(\?.*)?$/,
          replacement: 'monaco-editor/$1.js$2',
        },
      ],
    },
    optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
    worker: { format: 'es' },
    build: {
      chunkSizeWarningLimit: 4000,
      sourcemap: false,
      // Every browser the app supports has module preloads; the polyfill was one more request (its own
      // chunk) before the first paint.
      modulePreload: { polyfill: false },
      // A server-side build (the simulation benchmark, `vite build --ssr <entry>`) bundles only its entry.
      rollupOptions: isSsrBuild
        ? {}
        : {
            // The app, the embeddable player (embed.html) and the <pod-journey> element, which must be one
            // script at the root of the build: pages load it by a stable URL and it finds embed.html beside it.
            input: {
              index: here('./index.html'),
              embed: here('./embed.html'),
              'pod-journey': here('./src/embed/element.ts'),
            },
            output: {
              entryFileNames: (chunk) => (chunk.name === 'pod-journey' ? 'pod-journey.js' : 'assets/[name]-[hash].js'),
              // What the app and the embed both load first, as one file: split into a dozen small chunks it
              // costs the embed about 3 KiB more gzip and a dozen requests. The YAML highlighter and the SVG
              // helpers, which the app's first screen and lazy chunks share, go with it too: on a slow network
              // each file costs a round trip and a connection, which the page's largest file then waits for.
              codeSplitting: {
                groups: [
                  {
                    name: 'player',
                    test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]|src[\\/]ui[\\/](styles[\\/]|store[\\/](store|route|recorded|derive|playhead|theme|catalog|link)\.ts|stage[\\/](?!PodCard)|common[\\/](icons|Notice|useMediaQuery|format|mountPage)\.tsx?|timeline[\\/](usePlaybackLoop|Transport|StepSlider)|editor[\\/](FailureLink|requests|useFailure|highlightYaml\.ts)|picture[\\/]svg\.ts)/,
                  },
                ],
              },
            },
          },
    },
    test: {
      include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
      environment: 'node',
    },
  };
});
