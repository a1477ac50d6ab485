// Every example of the editor's Examples menu, run against the default cluster as the cluster
// admin: the outcome, and the exact lines `kubectl apply` and `kubectl get pods -w` print.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, defaultScenario } from '@scenarios';
import { simulate } from './system';

function run(id: string) {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) throw new Error(`no example ${id}`);
  const trace = simulate(defaultScenario(example.manifest));
  const last = trace.steps.at(-1);
  const terminal = last?.terminal ?? [];
  const lines = (t: string) => terminal.filter((l) => l.terminal === t).map((l) => `${l.stream}: ${l.text}`);
  const pod = (name: string) => last?.stored[`/registry/pods/default/${name}`] as { status?: { qosClass?: string } };
  return { result: trace.result, apply: lines('apply'), watch: lines('watch'), pod };
}

const created = (name: string) => ['command: kubectl apply -f pod.yaml', `stdout: pod/${name} created`];

describe('the Examples menu: well-known manifests in the default cluster', () => {
  it('has five examples with their own ids', () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(['multi-container', 'init-container', 'probes', 'resources', 'affinity']);
  });

  it('multi-container: both containers run, 2/2', () => {
    const r = run('multi-container');
    expect(r.result.outcome).toBe('running');
    expect(r.result.summary).toBe('pod/web-with-sidecar is Running on worker-1 with IP 10.244.1.2');
    expect(r.apply).toEqual(created('web-with-sidecar'));
    expect(r.watch).toEqual([
      'command: kubectl get pods -w',
      'stdout: NAME               READY   STATUS    RESTARTS   AGE',
      'stdout: web-with-sidecar   0/2     Pending   0          0s',
      'stdout: web-with-sidecar   0/2     Pending   0          0s',
      'stdout: web-with-sidecar   0/2     ContainerCreating   0          0s',
      'stdout: web-with-sidecar   2/2     Running             0          4s',
    ]);
  });

  it('init-container: Init:0/1, PodInitializing once busybox:1.37 exits 0, then Running', () => {
    const r = run('init-container');
    expect(r.result.outcome).toBe('running');
    expect(r.result.summary).toBe('pod/web-with-init is Running on worker-1 with IP 10.244.1.2');
    expect(r.apply).toEqual(created('web-with-init'));
    expect(r.watch).toEqual([
      'command: kubectl get pods -w',
      'stdout: NAME            READY   STATUS    RESTARTS   AGE',
      'stdout: web-with-init   0/1     Pending   0          0s',
      'stdout: web-with-init   0/1     Pending   0          0s',
      'stdout: web-with-init   0/1     Init:0/1   0          0s',
      'stdout: web-with-init   0/1     Init:0/1   0          1s',
      'stdout: web-with-init   0/1     PodInitializing   0          2s',
      'stdout: web-with-init   1/1     Running           0          5s',
    ]);
  });

  it('probes: Running at once, Ready after the first successful readiness probe', () => {
    const r = run('probes');
    expect(r.result.outcome).toBe('running');
    expect(r.result.summary).toBe('pod/web-with-probes is Running on worker-1 with IP 10.244.1.2');
    expect(r.apply).toEqual(created('web-with-probes'));
    expect(r.watch).toEqual([
      'command: kubectl get pods -w',
      'stdout: NAME              READY   STATUS    RESTARTS   AGE',
      'stdout: web-with-probes   0/1     Pending   0          0s',
      'stdout: web-with-probes   0/1     Pending   0          0s',
      'stdout: web-with-probes   0/1     ContainerCreating   0          0s',
      'stdout: web-with-probes   0/1     Running             0          12s',
      'stdout: web-with-probes   1/1     Running             0          15s',
    ]);
  });

  it.each([
    ['resources', 'web-guaranteed'],
    ['affinity', 'web-placed'],
  ])('%s: Running', (id, name) => {
    const r = run(id);
    expect(r.result.outcome).toBe('running');
    expect(r.result.summary).toBe(`pod/${name} is Running on worker-1 with IP 10.244.1.2`);
    expect(r.apply).toEqual(created(name));
    const pad = (s: string) => s.padEnd(name.length);
    expect(r.watch).toEqual([
      'command: kubectl get pods -w',
      `stdout: ${pad('NAME')}   READY   STATUS    RESTARTS   AGE`,
      `stdout: ${name}   0/1     Pending   0          0s`,
      `stdout: ${name}   0/1     Pending   0          0s`,
      `stdout: ${name}   0/1     ContainerCreating   0          0s`,
      `stdout: ${name}   1/1     Running             0          3s`,
    ]);
  });

  it('resources: requests equal to limits make the pod Guaranteed', () => {
    expect(run('resources').pod('web-guaranteed').status?.qosClass).toBe('Guaranteed');
    expect(run('affinity').pod('web-placed').status?.qosClass).toBe('BestEffort');
  });
});
