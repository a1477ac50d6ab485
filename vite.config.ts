import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { k8sSchemaPlugin } from './scripts/k8sSchemaPlugin.js';
import { staticSitePlugin } from './scripts/staticSitePlugin.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  // Relative asset URLs: the build works from any sub-folder of any static host.
  base: './',
  // k8sSchemaPlugin: `virtual:k8s-schemas`, the editor's schema (generated only when imported).
  // staticSitePlugin: the Content-Security-Policy and the offline service worker of the build.
  plugins: [react(), k8sSchemaPlugin(), staticSitePlugin()],
  resolve: {
    alias: [
      // Cross-layer imports go through each layer's index (see ARCHITECTURE.md).
      { find: /^@sim$/, replacement: here('./src/sim/index.ts') },
      { find: /^@actors$/, replacement: here('./src/actors/index.ts') },
      { find: /^@ui$/, replacement: here('./src/ui/index.ts') },
      { find: /^@scenarios$/, replacement: here('./src/scenarios/index.ts') },
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
  build: { chunkSizeWarningLimit: 4000, sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
