/**
 * The project's import aliases, shared by vite.config.ts and by the build-time runs of the simulator
 * (scripts/recordedRunsPlugin.ts), so both resolve the layers the same way.
 */
import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Cross-layer imports go through each layer's index (see ARCHITECTURE.md). */
export const LAYER_ALIASES: Alias[] = [
  { find: /^@sim$/, replacement: here('../src/sim/index.ts') },
  { find: /^@actors$/, replacement: here('../src/actors/index.ts') },
  { find: /^@ui$/, replacement: here('../src/ui/index.ts') },
  { find: /^@scenarios$/, replacement: here('../src/scenarios/index.ts') },
];
