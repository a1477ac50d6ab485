/**
 * Recorded runs: each preset's journey, simulated at build time (scripts/recordedRunsPlugin.ts) and
 * shipped as a JSON file beside the page. Opening a preset fetches its file instead of loading and
 * running the simulator, so the first journey paints without the engine chunk, and the embed never
 * loads it for a preset. The simulation is deterministic, so the file is exactly what the engine
 * would compute; a file recorded from other texts (a stale cache) is recognised by its key and
 * ignored, and then the engine runs the texts as before.
 */
import type { Diagnostic, PreflightOutcome, ScenarioFile, ScenarioSource, SourceRange, Step, Trace } from '@sim';
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

/** 2: the steps' repeated snapshots are written once (`PackedRun`). */
export const RECORDED_RUN_FORMAT = 2;

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
  return cyrb53Twice(text);
}

/**
 * cyrb53 of `text` with seeds 1 and 2, in base 36, in one pass over the text: the first load checks
 * a recorded run's 35,000 characters of texts against its key before it shows the journey.
 */
function cyrb53Twice(text: string): string {
  let a1 = 0xdeadbeef ^ 1;
  let a2 = 0x41c6ce57 ^ 1;
  let b1 = 0xdeadbeef ^ 2;
  let b2 = 0x41c6ce57 ^ 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ c, 2654435761);
    a2 = Math.imul(a2 ^ c, 1597334677);
    b1 = Math.imul(b1 ^ c, 2654435761);
    b2 = Math.imul(b2 ^ c, 1597334677);
  }
  return finish(a1, a2).toString(36) + finish(b1, b2).toString(36);
}

function finish(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A step's fields that hold snapshots: the engine shares them between steps (a step that changes
 * nothing there carries the same object as the step before), but JSON would write each step's copy
 * out again. The file writes each distinct value once and the steps refer to it by its index.
 */
const SHARED_FIELDS = ['stored', 'events', 'terminal', 'pod', 'object', 'http', 'admission', 'scheduling'] as const;
type SharedField = (typeof SHARED_FIELDS)[number];
/** Required on every step; the others only where the step has them. */
const REQUIRED_FIELDS: ReadonlySet<SharedField> = new Set(['stored', 'events', 'terminal', 'pod']);

type PackedStep = Omit<Step, SharedField> & Partial<Record<SharedField, number>>;

/** A recorded run as its file holds it: `RecordedRun` with the steps' snapshots written once. */
export interface PackedRun extends Omit<RecordedRun, 'trace'> {
  trace: Omit<Trace, 'steps'> & { steps: PackedStep[] };
  /** Every distinct value of a shared field but `stored`, and every object stored in etcd. */
  values: unknown[];
  /** Every distinct etcd snapshot (`Step.stored`): etcd key → index in `values`. */
  snapshots: Record<string, number>[];
}

/** Writes `run` for its file (the build does, scripts/recordRuns.ts): `readRecordedRun` gives it back. */
export function packRecordedRun(run: RecordedRun): PackedRun {
  const values: unknown[] = [];
  const snapshots: Record<string, number>[] = [];
  const valueIndex = new Map<string, number>();
  const snapshotIndex = new Map<string, number>();
  const intern = (v: unknown, table: unknown[], index: Map<string, number>): number => {
    const json = JSON.stringify(v);
    let i = index.get(json);
    if (i === undefined) index.set(json, (i = table.push(v) - 1));
    return i;
  };
  const value = (v: unknown) => intern(v, values, valueIndex);
  const snapshot = (stored: Step['stored']) =>
    intern(
      Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, value(v)])),
      snapshots as unknown[],
      snapshotIndex,
    );
  const steps = run.trace.steps.map((step) => {
    const out: Record<string, unknown> = { ...step };
    for (const f of SHARED_FIELDS) {
      if (!(f in step)) continue;
      out[f] = f === 'stored' ? snapshot(step.stored) : value(step[f]);
    }
    return out as PackedStep;
  });
  return { ...run, trace: { ...run.trace, steps }, values, snapshots };
}

/** Thrown inside `unpackSteps` at the first thing that is not what `packRecordedRun` writes. */
class NotARun extends Error {}

/** The steps with their snapshots back, shared between steps as the engine shares them. */
function unpackSteps(steps: unknown[], values: unknown[], snapshots: unknown[]): Step[] {
  const at = (table: unknown[], i: unknown): unknown => {
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= table.length) throw new NotARun();
    return table[i];
  };
  // fromEntries defines each key as its own property, `__proto__` included (a file is data, not code).
  const stores = snapshots.map((s) => {
    if (!isRecord(s)) throw new NotARun();
    return Object.fromEntries(Object.keys(s).map((k) => [k, at(values, s[k])]));
  });
  return steps.map((step) => {
    if (!isRecord(step)) throw new NotARun();
    const out: Record<string, unknown> = { ...step };
    for (const f of SHARED_FIELDS) {
      if (!(f in step)) {
        if (REQUIRED_FIELDS.has(f)) throw new NotARun();
        continue;
      }
      out[f] = f === 'stored' ? at(stores, step[f]) : at(values, step[f]);
    }
    return out as unknown as Step;
  });
}

/**
 * `data` (a recorded run's file, parsed) as a recorded run of preset `id` in this build's format, with
 * the parts the UI relies on; recorded from `expected` when the page has the preset's texts to compare
 * with. Undefined when it is not.
 */
export function readRecordedRun(data: unknown, id: string, expected?: ScenarioSource): RecordedRun | undefined {
  if (!isRecord(data) || data.format !== RECORDED_RUN_FORMAT || !isRecord(data.source)) return undefined;
  const source = data.source as unknown as ScenarioSource;
  if (source.id !== id || typeof source.manifest !== 'string') return undefined;
  // With the texts in hand, the run must be theirs (the page then shows them, not the file's copy);
  // without, the file's copy must be the texts its key says.
  if (data.key !== sourceKey(expected ?? source)) return undefined;
  const { trace, identity, checks, values, snapshots, ...rest } = data;
  if (
    !isRecord(trace) ||
    !Array.isArray(trace.steps) ||
    !isRecord(trace.result) ||
    !isRecord(identity) ||
    !isRecord(data.nodeFacts) ||
    typeof identity.user !== 'string' ||
    !isRecord(checks) ||
    !isRecord(checks.byFile) ||
    !Array.isArray(values) ||
    !Array.isArray(snapshots)
  )
    return undefined;
  try {
    const steps = unpackSteps(trace.steps as unknown[], values, snapshots);
    return { ...rest, identity, checks, trace: { ...trace, steps } } as unknown as RecordedRun;
  } catch (e) {
    if (e instanceof NotARun) return undefined;
    throw e;
  }
}

/** Reads a run's file (its address relative to the page) as parsed JSON. */
export type RunFileReader = (file: string) => Promise<unknown>;

const fetchRunFile: RunFileReader = async (file) => {
  const response = await fetch(new URL(file, document.baseURI));
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.json();
};

let readRunFile: RunFileReader | undefined;

/**
 * Where recorded runs are read from: the page fetches them; the build's prerender of the first screen
 * (src/app/prerender.tsx) reads the files it has just written, so the store boots as in the browser.
 */
export function readRunFilesWith(reader: RunFileReader): void {
  readRunFile = reader;
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
  const read = readRunFile ?? (typeof fetch === 'undefined' ? undefined : fetchRunFile);
  if (!file || !read) return undefined;
  try {
    return readRecordedRun(await read(file), id, expected);
  } catch {
    return undefined; // offline without a cached copy, or not JSON: the engine runs the texts instead
  }
}
