/**
 * A load test for the simulation, not a lesson: 100 pods applied in one file to the default cluster
 * grown to 20 worker nodes. The pods ask for different amounts of CPU and memory so the scheduler's
 * scores differ from pod to pod; every 25th asks for more CPU than any node has and stays Pending.
 * It is built from the same texts as the gallery (the default cluster's own worker Node document,
 * copied per node) and seeded like the presets, so it always gives the same trace.
 */
import { buildScenario, type ScenarioInput } from '@sim';
import { DEFAULT_CLUSTER_YAML, DEFAULT_KUBECONFIG, DEFAULT_START_TIME } from './defaultCluster';
import { PRESETS } from './presets';

export const STRESS_PODS = 100;
export const STRESS_WORKERS = 20;

/** The default cluster's `worker-1` Node document, as the template of every added worker. */
const WORKER_ANCHOR = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\n';

/**
 * Worker `n` (3…) as a copy of worker-1 with its own name, pod CIDR, InternalIP and provider id —
 * the fields kind gives each node it creates.
 */
function workerNode(template: string, n: number): string {
  return template
    .replaceAll('worker-1', `worker-${n}`)
    .replaceAll('10.244.1.0/24', `10.244.${n}.0/24`)
    .replace('address: 172.18.0.3', `address: 172.18.0.${n + 2}`);
}

/** The default cluster with workers 3…20 added after worker-2. */
export function stressClusterYaml(): string {
  const start = DEFAULT_CLUSTER_YAML.indexOf(WORKER_ANCHOR);
  const end = DEFAULT_CLUSTER_YAML.indexOf('\n---\n', start);
  const template = DEFAULT_CLUSTER_YAML.slice(start, end);
  const added = Array.from({ length: STRESS_WORKERS - 2 }, (_, i) => workerNode(template, i + 3));
  // after worker-2's document: the next `---` that follows it
  const worker2 = DEFAULT_CLUSTER_YAML.indexOf('kind: Node\nmetadata:\n  name: worker-2\n');
  const at = DEFAULT_CLUSTER_YAML.indexOf('\n---\n', worker2);
  return `${DEFAULT_CLUSTER_YAML.slice(0, at)}${added.map((d) => `\n---\n${d}`).join('')}${DEFAULT_CLUSTER_YAML.slice(at)}`;
}

/** Pod `i`: CPU 100m…1000m and memory 64Mi…288Mi in a spread pattern; every 25th asks for 6 CPUs (no node has them). */
function stressPod(i: number): string {
  const cpu = i % 25 === 24 ? '"6"' : `${100 + ((i * 7) % 10) * 100}m`;
  const memory = `${64 + (i % 8) * 32}Mi`;
  return `apiVersion: v1
kind: Pod
metadata:
  name: stress-${String(i).padStart(3, '0')}
  labels:
    app: stress
spec:
  containers:
  - name: web
    image: sonasingh46/node-web-app:latest
    ports:
    - containerPort: 8000
    resources:
      requests:
        cpu: ${cpu}
        memory: ${memory}
`;
}

export function stressManifest(): string {
  return Array.from({ length: STRESS_PODS }, (_, i) => stressPod(i)).join('---\n');
}

/** The stress run: the gallery's seed, start time and horizon, the admin's kubeconfig. */
export function stressScenario(): ScenarioInput {
  const base = PRESETS[0]!.source;
  const built = buildScenario({
    ...base,
    id: 'stress',
    title: `${STRESS_PODS} pods on ${STRESS_WORKERS} workers`,
    manifest: stressManifest(),
    cluster: stressClusterYaml(),
    kubeconfig: DEFAULT_KUBECONFIG,
    startTime: DEFAULT_START_TIME,
  });
  // The texts are built from the default ones; a failure here is a bug in this file.
  if (!built.ok) throw new Error(`the stress scenario does not build: ${built.error}`);
  return built.input;
}
