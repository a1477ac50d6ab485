/**
 * Recorded runs: each preset's journey, simulated at build time (scripts/recordedRunsPlugin.ts) and
 * shipped as a JSON file beside the page. Opening a preset fetches its file instead of loading and
 * running the simulator, so the first journey paints without the engine chunk, and the embed never
 * loads it for a preset. The simulation is deterministic, so the file is exactly what the engine
 * would compute; a file recorded from other texts (a stale cache) is recognised by its key and
 * ignored, and then the engine runs the texts as before.
 */
import type { Diagnostic, PreflightOutcome, ScenarioFile, ScenarioSource, SourceRange, Trace } from '@sim';
import type { NodePod } from './derive';

/** Who applies, as the kubeconfig says (shown beside Apply and used by the terminal's prompt). */
export interface RunIdentity {
  user: string;
  namespace: string;
}

/** Where a failed run points back into the texts: the step that failed and the lines that caused it. */
export interface Failure {
  step: number;
  file: ScenarioFile;
  ranges: SourceRange[];
  /** `kube-apiserver · PodSecurity admission`: who said no. */
  who: string;
}

/** The editor's checks of the scenario's own texts (what the markers show before anything is edited). */
export interface RecordedChecks {
  byFile: Record<ScenarioFile, Diagnostic[]>;
  outcome?: PreflightOutcome;
}

/** What a node card shows about the cluster the journey starts from. */
export interface NodeFacts {
  /** The pods already bound to the node. */
  pods: NodePod[];
  /** The container runtime its status reports (`containerd://2.1.1`). */
  runtime?: string;
}

/** A run as the UI shows it, whether computed now by the engine or recorded at build time. */
export interface ShownRun {
  trace: Trace;
  identity: RunIdentity;
  failure?: Failure;
  /** By node name, for every node of the trace. */
  nodeFacts: Record<string, NodeFacts>;
}

export const RECORDED_RUN_FORMAT = 1;

export interface RecordedRun extends ShownRun {
  format: typeof RECORDED_RUN_FORMAT;
  /** The texts and settings the run was recorded from (the embed shows them without the catalog). */
  source: ScenarioSource;
  /** `sourceKey(source)`. */
  key: string;
  checks: RecordedChecks;
}

/**
 * A short fingerprint of a scenario's texts and settings (53-bit cyrb53 over its JSON, twice with
 * different seeds). It is not a security boundary: it only tells a recorded run of other texts apart.
 */
export function sourceKey(source: ScenarioSource): string {
  let key = keys.get(source);
  if (key === undefined) keys.set(source, (key = computeKey(source)));
  return key;
}

/** Keys already computed, by texts object (a preset's texts are one object for the page's lifetime). */
const keys = new WeakMap<ScenarioSource, string>();

function computeKey(source: ScenarioSource): string {
  const text = JSON.stringify([
    source.id,
    source.manifest,
    source.fileName,
    source.command,
    source.cluster,
    source.kubeconfig,
    source.seed,
    source.startTime,
    source.horizonMs,
    source.interventions ?? [],
  ]);
  return cyrb53(text, 1).toString(36) + cyrb53(text, 2).toString(36);
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Whether `data` is a recorded run of preset `id` in this build's format (the parts the UI relies on),
 * recorded from `expected` when the page has the preset's texts to compare with.
 */
export function isRecordedRunOf(data: unknown, id: string, expected?: ScenarioSource): data is RecordedRun {
  if (!isRecord(data) || data.format !== RECORDED_RUN_FORMAT || !isRecord(data.source)) return false;
  const source = data.source as unknown as ScenarioSource;
  if (source.id !== id || typeof source.manifest !== 'string') return false;
  // With the texts in hand, the run must be theirs (the page then shows them, not the file's copy);
  // without, the file's copy must be the texts its key says.
  if (data.key !== sourceKey(expected ?? source)) return false;
  const { trace, identity, checks } = data;
  return (
    isRecord(trace) &&
    Array.isArray(trace.steps) &&
    isRecord(trace.result) &&
    isRecord(identity) &&
    isRecord(data.nodeFacts) &&
    typeof identity.user === 'string' &&
    isRecord(checks) &&
    isRecord(checks.byFile)
  );
}

/**
 * The recorded run of preset `id` from its `file` (relative to the page), or undefined when there is
 * none, it cannot be fetched, or it was recorded from other texts than `expected`.
 */
export async function fetchRecordedRun(
  file: string | undefined,
  id: string,
  expected?: ScenarioSource,
): Promise<RecordedRun | undefined> {
  if (!file || typeof fetch === 'undefined') return undefined;
  try {
    const response = await fetch(new URL(file, document.baseURI));
    if (!response.ok) return undefined;
    const data: unknown = await response.json();
    return isRecordedRunOf(data, id, expected) ? data : undefined;
  } catch {
    return undefined; // offline without a cached copy, or not JSON: the engine runs the texts instead
  }
}
