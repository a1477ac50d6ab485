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
import { buildScenario, type ScenarioFile, type ScenarioInput, type ScenarioSource, type Trace } from '@sim';

export { KUBERNETES_VERSION, describeEvents, kubeletId } from '@sim';
// Each file's problems, for the editor: the manifest as kubectl reads it, the cluster and the kubeconfig
// as the simulator reads them (separately, so typing in one file re-reads only that file).
export { diagnoseCluster, diagnoseKubeconfig, diagnoseManifest } from '@sim';

/** A run, or why there is none: `file` names the text to fix; without it the simulator itself failed. */
export type RunResult =
  | { ok: true; trace: Trace; input: ScenarioInput }
  | { ok: false; error: string; file?: Exclude<ScenarioFile, 'manifest'> };

export function runSource(source: ScenarioSource): RunResult {
  try {
    const built = buildScenario(source);
    if (!built.ok) return { ok: false, error: built.error, file: built.file };
    return { ok: true, trace: simulate(built.input), input: built.input };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
