// Property-based tests: manifests and clusters mutated from the gallery's (fields dropped, duplicated,
// retyped, renamed; numbers and strings changed; containers and labels added; node capacity, taints,
// labels, PodSecurity levels and quotas changed). Whatever the text, pre-flight and the run never
// throw, the run ends within its horizon, and the trace keeps the invariants the UI relies on.
// fast-check prints the seed and the shrunk counterexample of a failure; the seed is fixed here.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { PRESETS } from '@scenarios';
import { buildScenario, preflight, type ScenarioSource, type Trace } from '@sim';
import { simulate } from '@actors';

const SEED = 20261126;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path to a value inside `v` (not the root). */
function pathsOf(v: Json, at: Path = [], out: Path[] = []): Path[] {
  const children: [string | number, Json][] = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : isObject(v)
      ? Object.entries(v)
      : [];
  for (const [k, x] of children) {
    out.push([...at, k]);
    pathsOf(x, [...at, k], out);
  }
  return out;
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | undefined {
  let node = root;
  for (const k of path.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(node)
      ? node[k as number]
      : isObject(node)
        ? node[k as string]
        : undefined;
    if (next === undefined) return undefined;
    node = next;
  }
  return { parent: node, key: path.at(-1)! };
}

function setAt(parent: Json, key: string | number, value: Json | undefined): void {
  if (Array.isArray(parent) && typeof key === 'number') {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (isObject(parent)) {
    if (value === undefined) delete parent[key];
    else parent[String(key)] = value;
  }
}

const strings = fc.oneof(
  fc.constantFrom(
    '',
    'web',
    'Web_Pod',
    'nginx:1.27',
    'busybox:1.37',
    '<img src=x onerror=alert(1)>',
    'שלום',
    '🚀',
    'a'.repeat(300),
  ),
  fc.string({ maxLength: 12 }),
);
const scalars: fc.Arbitrary<Json> = fc.oneof(
  strings,
  fc.integer({ min: -70000, max: 70000 }),
  fc.constantFrom(0, 1, 65535, 65536, 1e20, 0.5),
  fc.boolean(),
  fc.constant(null),
);
const values: fc.Arbitrary<Json> = fc.oneof(
  scalars,
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.dictionary(strings, scalars, { maxKeys: 2 }),
);

type Mutation =
  | { op: 'drop' | 'duplicate' | 'rename'; at: number }
  | { op: 'retype'; at: number; value: Json }
  | { op: 'number'; at: number; value: number }
  | { op: 'scramble'; at: number; value: string }
  | { op: 'container'; name: string; image: string }
  | { op: 'label'; key: string; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'duplicate' as const, 'rename' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), value: values }),
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), value: fc.integer({ min: -5, max: 100000 }) }),
  fc.record({ op: fc.constant('scramble' as const), at: fc.nat(), value: strings }),
  fc.record({
    op: fc.constant('container' as const),
    name: fc.constantFrom('side', 'web', 'Bad_Name', 'x'.repeat(70)),
    image: fc.constantFrom('nginx:1.27', 'busybox:1.37', 'busybox:1.36', 'nope:0', 'UPPER'),
  }),
  fc.record({
    op: fc.constant('label' as const),
    key: fc.constantFrom('app', 'tier', 'env', 'bad key', '__proto__', 'example.com/team'),
    value: strings,
  }),
);

function mutate(doc: Json, m: Mutation): void {
  if (m.op === 'container') {
    const spec = isObject(doc) ? doc.spec : undefined;
    if (isObject(spec) && Array.isArray(spec.containers)) spec.containers.push({ name: m.name, image: m.image });
    return;
  }
  if (m.op === 'label') {
    if (!isObject(doc)) return;
    const meta = isObject(doc.metadata) ? doc.metadata : (doc.metadata = {});
    const labels = isObject(meta.labels) ? meta.labels : (meta.labels = {});
    labels[m.key] = m.value;
    return;
  }
  const paths = pathsOf(doc);
  const path = paths[m.at % Math.max(1, paths.length)];
  const where = path && parentOf(doc, path);
  if (!where) return;
  const { parent, key } = where;
  const current = Array.isArray(parent) ? parent[key as number] : isObject(parent) ? parent[key as string] : undefined;
  switch (m.op) {
    case 'drop':
      return setAt(parent, key, undefined);
    case 'duplicate':
      if (Array.isArray(parent) && current !== undefined) parent.push(structuredClone(current));
      else if (current !== undefined) setAt(parent, `${String(key)}Copy`, structuredClone(current));
      return;
    case 'rename':
      if (isObject(parent) && current !== undefined) {
        setAt(parent, key, undefined);
        setAt(parent, `${String(key)}e`, current);
      }
      return;
    case 'retype':
      return setAt(parent, key, m.value);
    case 'number':
      if (typeof current === 'number') setAt(parent, key, m.value);
      return;
    case 'scramble':
      if (typeof current === 'string') setAt(parent, key, m.value);
      return;
  }
}

const manifests = PRESETS.map((p) => p.source);

/** A gallery scenario with its manifest's documents mutated. */
const mutatedManifest: fc.Arbitrary<ScenarioSource> = fc
  .record({
    preset: fc.nat({ max: manifests.length - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  })
  .map(({ preset, mutations }) => {
    const source = manifests[preset]!;
    const docs = parseAllDocuments(source.manifest).map((d) => d.toJS() as Json);
    for (const [i, m] of mutations.entries()) {
      const doc = docs[i % docs.length];
      if (doc !== undefined) mutate(doc, m);
    }
    return { ...source, manifest: docs.map((d) => stringify(d)).join('---\n') };
  });

type ClusterEdit =
  | { op: 'capacity'; node: number; cpu: string; memory: string; pods: string }
  | { op: 'taint'; node: number; key: string; effect: string }
  | { op: 'nodeLabel'; node: number; key: string; value: string }
  | { op: 'podSecurity'; namespace: number; level: string }
  | { op: 'quota'; namespace: number; cpu: string; pods: string };

const quantity = fc.constantFrom('0', '1', '2', '100m', '500m', '64', '-1');
const memory = fc.constantFrom('0', '128Mi', '1Gi', '8Gi', '1Ti');
const clusterEdit: fc.Arbitrary<ClusterEdit> = fc.oneof(
  fc.record({
    op: fc.constant('capacity' as const),
    node: fc.nat(),
    cpu: quantity,
    memory,
    pods: fc.constantFrom('0', '1', '110'),
  }),
  fc.record({
    op: fc.constant('taint' as const),
    node: fc.nat(),
    key: fc.constantFrom('dedicated', 'node.kubernetes.io/not-ready', 'gpu'),
    effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute'),
  }),
  fc.record({
    op: fc.constant('nodeLabel' as const),
    node: fc.nat(),
    key: fc.constantFrom('disktype', 'kubernetes.io/hostname', 'topology.kubernetes.io/zone'),
    value: fc.constantFrom('ssd', 'worker-1', 'zone-a', ''),
  }),
  fc.record({
    op: fc.constant('podSecurity' as const),
    namespace: fc.nat(),
    level: fc.constantFrom('privileged', 'baseline', 'restricted', 'bogus'),
  }),
  fc.record({
    op: fc.constant('quota' as const),
    namespace: fc.nat(),
    cpu: quantity,
    pods: fc.constantFrom('0', '1', '10'),
  }),
);

function editCluster(docs: Record<string, Json>[], e: ClusterEdit): void {
  const ofKind = (kind: string) => docs.filter((d) => d.kind === kind);
  const pick = <T>(list: T[], i: number): T | undefined => list[i % Math.max(1, list.length)];
  const metaOf = (d: Record<string, Json>) => (isObject(d.metadata) ? d.metadata : (d.metadata = {}));
  const labelsOf = (d: Record<string, Json>) => {
    const meta = metaOf(d);
    return isObject(meta.labels) ? meta.labels : (meta.labels = {});
  };
  if (e.op === 'quota') {
    const ns = pick(ofKind('Namespace'), e.namespace);
    const name = ns && isObject(ns.metadata) ? ns.metadata.name : 'default';
    docs.push({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'generated-quota', namespace: name ?? 'default' },
      spec: { hard: { 'requests.cpu': e.cpu, pods: e.pods } },
    });
    return;
  }
  if (e.op === 'podSecurity') {
    const ns = pick(ofKind('Namespace'), e.namespace);
    if (ns) labelsOf(ns)['pod-security.kubernetes.io/enforce'] = e.level;
    return;
  }
  const node = pick(ofKind('Node'), e.node);
  if (!node) return;
  if (e.op === 'nodeLabel') labelsOf(node)[e.key] = e.value;
  else if (e.op === 'taint') {
    const spec = isObject(node.spec) ? node.spec : (node.spec = {});
    const taints = Array.isArray(spec.taints) ? spec.taints : (spec.taints = []);
    taints.push({ key: e.key, effect: e.effect });
  } else {
    const status = isObject(node.status) ? node.status : (node.status = {});
    const amounts = { cpu: e.cpu, memory: e.memory, pods: e.pods };
    status.capacity = { ...(isObject(status.capacity) ? status.capacity : {}), ...amounts };
    status.allocatable = { ...(isObject(status.allocatable) ? status.allocatable : {}), ...amounts };
  }
}

/** A gallery scenario whose cluster text has been edited as an administrator might. */
const mutatedCluster: fc.Arbitrary<ScenarioSource> = fc
  .record({
    preset: fc.nat({ max: manifests.length - 1 }),
    edits: fc.array(clusterEdit, { minLength: 1, maxLength: 4 }),
  })
  .map(({ preset, edits }) => {
    const source = manifests[preset]!;
    const docs = parseAllDocuments(source.cluster)
      .map((d) => d.toJS() as Json)
      .filter(isObject);
    for (const e of edits) editCluster(docs, e);
    return { ...source, cluster: docs.map((d) => stringify(d)).join('---\n') };
  });

interface StoredObject {
  metadata?: { resourceVersion?: string };
  spec?: { nodeName?: string };
  status?: { phase?: string };
}

const LEGAL_PHASES: Readonly<Record<string, readonly string[]>> = {
  Pending: ['Pending', 'Running', 'Succeeded', 'Failed'],
  Running: ['Running', 'Succeeded', 'Failed'],
  Succeeded: ['Succeeded'],
  Failed: ['Failed'],
};

/** The trace's invariants; returns the first one broken, or undefined. */
function brokenInvariant(trace: Trace, horizonMs: number): string | undefined {
  if (trace.steps.length === 0) return 'no steps';
  if (trace.result.duration > horizonMs) return `ran to ${trace.result.duration} ms, past the horizon ${horizonMs} ms`;
  const rv = new Map<string, number>();
  const nodeName = new Map<string, string | undefined>();
  const phase = new Map<string, string>();
  const responses = new Map<string, Set<string>>();
  const eventPosts = new Set<string>();
  let bound = false;
  for (const step of trace.steps) {
    if (!step.title || !step.narration.summary || !step.narration.detail) return `step ${step.index} lacks narration`;
    if (step.component === 'kube-scheduler' && step.place === 'bind') bound = true;
    if (step.http) {
      const seen = responses.get(step.http.id) ?? new Set<string>();
      if (step.http.response) seen.add(JSON.stringify(step.http.response));
      responses.set(step.http.id, seen);
      if (/\/events$/.test(step.http.request.path)) eventPosts.add(step.http.id);
    }
    for (const [key, value] of Object.entries(step.stored)) {
      const o = value as StoredObject;
      const version = Number(o.metadata?.resourceVersion ?? 0);
      if (version < (rv.get(key) ?? 0)) return `step ${step.index}: ${key} resourceVersion went back to ${version}`;
      rv.set(key, version);
      if (!key.startsWith('/registry/pods/')) continue;
      const node = o.spec?.nodeName;
      // a pod that first appears with a node was created with one (the manifest or the cluster set it)
      if (nodeName.has(key) && node && !nodeName.get(key) && !bound)
        return `step ${step.index}: ${key} got spec.nodeName ${node} before any binding`;
      nodeName.set(key, node);
      const next = o.status?.phase;
      const before = phase.get(key);
      if (before && next && !LEGAL_PHASES[before]?.includes(next))
        return `step ${step.index}: ${key} went from ${before} to ${next}`;
      if (next) phase.set(key, next);
    }
  }
  for (const [id, seen] of responses) {
    if (seen.size > 1) return `${id} got ${seen.size} different responses`;
    // events are posted without their answer being shown; a horizon may cut a request in flight
    if (seen.size === 0 && !eventPosts.has(id) && !trace.result.horizonReached) return `${id} got no response`;
  }
  return undefined;
}

function checkRun(source: ScenarioSource): void {
  const built = buildScenario(source);
  if (!built.ok) {
    expect(built.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    return;
  }
  expect(() => preflight(built.input)).not.toThrow();
  const trace = simulate(built.input);
  expect(brokenInvariant(trace, built.input.horizonMs)).toBeUndefined();
}

describe('the invariant checker', () => {
  const happy = buildScenario(manifests[0]!);
  if (!happy.ok) throw new Error(happy.error);
  const trace = simulate(happy.input);
  const podKey = Object.keys(trace.steps.at(-1)!.stored).find((k) => k.endsWith('/example-pod'))!;
  /** The happy trace with the stored pod of step `at` replaced. */
  const withPod = (at: number, edit: (pod: StoredObject) => StoredObject): Trace => ({
    ...trace,
    steps: trace.steps.map((s, i) =>
      i === at
        ? { ...s, stored: { ...s.stored, [podKey]: edit(structuredClone(s.stored[podKey]) as StoredObject) } }
        : s,
    ),
  });
  const last = trace.steps.length - 1;

  it('accepts the happy path', () => {
    expect(brokenInvariant(trace, happy.input.horizonMs)).toBeUndefined();
  });

  it.each([
    [
      'a resourceVersion going back',
      withPod(last, (p) => ({ ...p, metadata: { ...p.metadata, resourceVersion: '1' } })),
      /resourceVersion went back to 1/,
    ],
    [
      'a phase going back',
      withPod(last, (p) => ({ ...p, status: { ...p.status, phase: 'Pending' } })),
      /went from Running to Pending/,
    ],
    [
      'a node name before the binding',
      withPod(trace.steps.findIndex((s) => s.stored[podKey] !== undefined) + 1, (p) => ({
        ...p,
        spec: { ...p.spec, nodeName: 'worker-9' },
      })),
      /got spec.nodeName worker-9 before any binding/,
    ],
    [
      'a step without narration',
      {
        ...trace,
        steps: trace.steps.map((s, i) => (i === 3 ? { ...s, narration: { ...s.narration, detail: '' } } : s)),
      },
      /step 3 lacks narration/,
    ],
  ])('catches %s', (_name, broken, message) => {
    expect(brokenInvariant(broken, happy.input.horizonMs)).toMatch(message);
  });
});

describe('mutated manifests and clusters', () => {
  it('the gallery itself keeps the invariants', () => {
    for (const source of manifests) checkRun(source);
  }, 60_000);

  it('mutated manifests: pre-flight and the run never throw, the trace keeps its invariants', () => {
    fc.assert(
      fc.property(mutatedManifest, (source) => {
        checkRun(source);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 60_000);

  it('mutated clusters: pre-flight and the run never throw, the trace keeps its invariants', () => {
    fc.assert(fc.property(mutatedCluster, checkRun), { seed: SEED, numRuns: 40 });
  }, 60_000);
});
