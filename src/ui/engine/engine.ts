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
import {
  buildScenario,
  diagnoseManifest,
  parseCluster,
  parseKubeconfig,
  preflight,
  scenarioInput,
  type Diagnostic,
  type ParsedCluster,
  type ParsedKubeconfig,
  type PreflightOutcome,
  type ScenarioFile,
  type ScenarioInput,
  type ScenarioSource,
  type Step,
  type Trace,
} from '@sim';

import { RECORDED_RUN_FORMAT, sourceKey, type Failure, type RecordedRun, type ShownRun } from '../store/recorded';

export { KUBERNETES_VERSION, describeEvents, kubeletId } from '@sim';
export type { Failure } from '../store/recorded';
import { containerRuntime, podsOnNode } from '../store/derive';

// Each file's problems, for the editor, read separately so typing in one file re-reads only that file:
// the cluster and the kubeconfig as the simulator reads them, then the manifest against both.
/** The cluster text as the simulator reads it: its objects, its images, its problems. */
// One entry is enough: the run and the editor's checks read the same cluster text, usually at once.
let lastCluster: { text: string; parsed: ParsedCluster } | undefined;
export function readCluster(text: string): ParsedCluster {
  if (lastCluster?.text !== text) lastCluster = { text, parsed: parseCluster(text) };
  return lastCluster.parsed;
}
/** The kubeconfig against the cluster's objects (its client CA), at the scenario's start time. */
export const readKubeconfig = (text: string, cluster: ParsedCluster, startTime: string): ParsedKubeconfig =>
  parseKubeconfig(text, cluster.objects, startTime);

const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error');

/** The manifest's problems before Apply, each naming the component that would object, and the outcome foreseen. */
export interface ManifestCheck {
  diagnostics: Diagnostic[];
  /** Undefined while the cluster or the kubeconfig cannot be read (there is no cluster to check against). */
  outcome?: PreflightOutcome;
}

/**
 * The manifest as kubectl reads it, and — when the cluster and the kubeconfig are readable — every gate
 * of the journey checked against them: strict decoding, admission, validation, the scheduler's filters,
 * the kubelet's image and configuration checks.
 */
export function checkManifest(
  source: ScenarioSource,
  manifest: string,
  cluster: ParsedCluster,
  kubeconfig: ParsedKubeconfig,
): ManifestCheck {
  const read = () => ({ diagnostics: diagnoseManifest(manifest, source.fileName) });
  if (hasErrors(cluster.diagnostics) || hasErrors(kubeconfig.diagnostics)) return read();
  try {
    return preflight(scenarioInput({ ...source, manifest }, cluster, kubeconfig));
  } catch (e) {
    // A bug in a check must not take the editor down: kubectl's reading still stands, and the
    // person is told the later gates were not checked.
    const { diagnostics } = read();
    const message = `The checks after kubectl's reading failed inside this simulator (${e instanceof Error ? e.message : String(e)}); Apply still runs the journey.`;
    const range = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    return { diagnostics: [...diagnostics, { severity: 'warning', message, source: 'simulator', range }] };
  }
}

/** The step at which the run went wrong: the first rejection, refusal to schedule, or container failure. */
const failingStep = (trace: Trace): Step | undefined =>
  trace.result.outcome === 'running' ? undefined : trace.steps.find((s) => s.outcome === 'fail');

/**
 * The failed run's cause in the manifest: the pre-flight diagnostics caught at the place where the run
 * failed (the same sim functions decide both, so they agree on the field).
 */
export function failureOf(trace: Trace, input: ScenarioInput): Failure | undefined {
  const step = failingStep(trace);
  if (!step) return undefined;
  let diagnostics: Diagnostic[];
  try {
    diagnostics = preflight(input).diagnostics;
  } catch {
    return undefined; // the run stands on its own; only the pointer back into the text is lost
  }
  const caught = diagnostics.filter((d) => d.place === step.place);
  const first = caught[0];
  if (!first) return undefined;
  return {
    step: step.index,
    file: 'manifest',
    ranges: caught.map((d) => d.range),
    who: first.stage ? `${first.source} · ${first.stage}` : first.source,
  };
}

/** A run, or why there is none: `file` names the text to fix; without it the simulator itself failed. */
export type RunResult =
  | ({ ok: true; input: ScenarioInput } & ShownRun)
  | { ok: false; error: string; file?: Exclude<ScenarioFile, 'manifest'> };

export function runSource(source: ScenarioSource): RunResult {
  try {
    const built = buildScenario(source, readCluster);
    if (!built.ok) return { ok: false, error: built.error, file: built.file };
    const trace = simulate(built.input);
    const { user, namespace } = built.input.identity;
    const failure = failureOf(trace, built.input);
    const cluster = built.input.cluster;
    const nodeFacts = Object.fromEntries(
      trace.nodes.map((n) => [
        n.name,
        { pods: podsOnNode(cluster, n.name), runtime: containerRuntime(cluster, n.name) },
      ]),
    );
    return {
      ok: true,
      trace,
      input: built.input,
      identity: { user, namespace },
      nodeFacts,
      ...(failure ? { failure } : {}),
    };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * A preset's run as the build records it (see store/recorded.ts): the journey, who applied it, where
 * it failed, and the editor's checks of the unedited texts, so none of it needs the engine at load.
 */
export function recordRun(source: ScenarioSource): RecordedRun | undefined {
  const run = runSource(source);
  if (!run.ok) return undefined;
  const cluster = readCluster(source.cluster);
  const kubeconfig = readKubeconfig(source.kubeconfig, cluster, source.startTime);
  const check = checkManifest(source, source.manifest, cluster, kubeconfig);
  return {
    format: RECORDED_RUN_FORMAT,
    source,
    key: sourceKey(source),
    trace: run.trace,
    identity: run.identity,
    nodeFacts: run.nodeFacts,
    ...(run.failure ? { failure: run.failure } : {}),
    checks: {
      byFile: { manifest: check.diagnostics, cluster: cluster.diagnostics, kubeconfig: kubeconfig.diagnostics },
      ...(check.outcome ? { outcome: check.outcome } : {}),
    },
  };
}
