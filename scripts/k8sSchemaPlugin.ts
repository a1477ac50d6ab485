/**
 * Serves `virtual:k8s-schemas`: the editor's JSON schema for every kind the project accepts (see
 * k8sSchema.ts). Generated when first imported (Vitest loads this config but pays nothing unless a
 * test imports the module) and cached on disk across dev restarts and builds.
 */
import type { Plugin } from 'vite';
import { K8S_KINDS_FILE, loadK8sSchema } from './k8sSchema.js';

const ID = 'virtual:k8s-schemas';
const RESOLVED = `\0${ID}`;

export function k8sSchemaPlugin(): Plugin {
  return {
    name: 'pod-journey:k8s-schemas',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      // Editing the kinds list regenerates the module (the cache key includes that file's hash).
      this.addWatchFile(K8S_KINDS_FILE);
      // A JSON.parse of a string literal is parsed faster by the browser than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(loadK8sSchema()))});`;
    },
  };
}
