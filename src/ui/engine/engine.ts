/**
 * The simulation engine as the UI uses it, and the only UI module that imports values from @sim
 * and @actors. It pulls in the whole simulator (every component, XState, the YAML parser), so it is
 * its own chunk, loaded right after first paint (load.ts); the rest of the UI imports only types
 * from @sim and reaches these functions through the store once the engine is loaded.
 *
 * `simulate` is deterministic and returns errors in the trace (a rejected pod is a normal journey); it
 * throws only on a bug in the simulator, and then the person keeps the journey they had.
 */
import { simulate } from '@actors';
import { parseManifest, type Diagnostic, type ScenarioInput, type Trace } from '@sim';

export { KUBERNETES_VERSION, describeEvents, kubeletId } from '@sim';

export type RunResult = { ok: true; trace: Trace } | { ok: false; error: string };

export function runScenario(input: ScenarioInput): RunResult {
  try {
    return { ok: true, trace: simulate(input) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The manifest's problems as kubectl would find them reading the file (src/sim/manifest.ts). */
export const diagnose = (text: string, fileName: string): Diagnostic[] => parseManifest(text, fileName).diagnostics;
