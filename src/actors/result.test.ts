// Whole runs through every actor for the kubelet's failure branches (FIDELITY §9.7, §10.3, golden
// checks 19 and 20): the result line, the STATUS column `kubectl get pods -w` prints, and the Events
// table of `kubectl describe`, with the counts the kubelet's event recorder keeps.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@scenarios';
import type { ImageBehavior, KubeEvent, ScenarioInput } from '@sim';
import { simulate } from './system';

const APP = 'sonasingh46/node-web-app:latest';

function run(edit: { manifest?: (m: string) => string; behavior?: Record<string, ImageBehavior> }) {
  const s: ScenarioInput = defaultScenario();
  if (edit.manifest) s.manifest = edit.manifest(s.manifest);
  for (const [image, behavior] of Object.entries(edit.behavior ?? {}))
    s.images.registry[image] = { ...s.images.registry[image]!, behavior };
  const trace = simulate(s);
  const last = trace.steps.at(-1)!;
  const statuses = last.terminal
    .filter((l) => l.terminal === 'watch')
    .slice(2)
    .map((l) => l.text.split(/\s+/)[2]);
  const events = (reason: string) => last.events.filter((e: KubeEvent) => e.reason === reason && e.from === 'kubelet');
  return { trace, statuses, events };
}

const withContainerField = (field: string) => (m: string) => m.replace('    ports:', `${field}    ports:`);

describe('kubelet failure branches, whole runs (120 s horizon)', () => {
  it('golden check 19: a missing image alternates ErrImagePull and ImagePullBackOff', () => {
    const { trace, statuses, events } = run({ manifest: (m) => m.replace(APP, 'nginx:doesnotexist') });
    expect(statuses.slice(0, 7)).toEqual([
      'Pending',
      'Pending',
      'ContainerCreating',
      'ErrImagePull',
      'ImagePullBackOff',
      'ErrImagePull',
      'ImagePullBackOff',
    ]);
    expect(events('Failed').map((e) => e.message)).toEqual([
      'Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
      'Error: ErrImagePull',
      'Error: ImagePullBackOff',
    ]);
    expect(events('BackOff')).toEqual([
      expect.objectContaining({ type: 'Normal', message: 'Back-off pulling image "nginx:doesnotexist"', count: 7 }),
    ]);
    expect(events('Pulling')[0]!.count).toBe(4);
    expect(trace.result).toMatchObject({ outcome: 'waiting', horizonReached: true });
    expect(trace.result.summary).toMatch(
      /^pod\/example-pod on worker-1 is ImagePullBackOff: Back-off pulling image "nginx:doesnotexist": ErrImagePull: rpc error: code = NotFound/,
    );
    expect(trace.steps.length).toBeLessThan(150);
  });

  it('golden check 20: a container that exits 1 goes Error → Running → Error → CrashLoopBackOff', () => {
    const { trace, statuses, events } = run({ behavior: { [APP]: { exit: { code: 1, afterMs: 2000 } } } });
    expect(statuses.slice(2, 11)).toEqual([
      'ContainerCreating',
      'Running',
      'Error',
      'Running',
      'Error',
      'CrashLoopBackOff',
      'Running',
      'Error',
      'CrashLoopBackOff',
    ]);
    const uid = (trace.steps.at(-1)!.stored['/registry/pods/default/example-pod'] as { metadata: { uid: string } })
      .metadata.uid;
    expect(events('BackOff')).toEqual([
      expect.objectContaining({
        type: 'Warning',
        message: `Back-off restarting failed container example-pod in pod example-pod_default(${uid})`,
        // the 26th event about the pod and later ones are dropped by the recorder's spam filter
        count: 7,
      }),
    ]);
    expect(events('Started')[0]!.count).toBe(4);
    const rows = trace.steps.at(-1)!.terminal.filter((l) => l.terminal === 'watch');
    expect(rows.at(-1)!.text).toMatch(/^example-pod\s+0\/1\s+Error\s+4 \(\d+s ago\)\s+\d+s$/);
    expect(trace.result).toEqual(
      expect.objectContaining({
        outcome: 'waiting',
        horizonReached: true,
        summary: 'pod/example-pod on worker-1 is Error, crash-looping: restarted 4 times (last exit: Error, code 1)',
      }),
    );
    expect(trace.steps.length).toBeLessThan(200);
  });

  it.each([
    ['Never', 0, 'Completed', 'pod/example-pod is Completed on worker-1 (phase Succeeded)'],
    ['Never', 3, 'Error', 'pod/example-pod is Error (phase Failed)'],
    ['OnFailure', 0, 'Completed', 'pod/example-pod is Completed on worker-1 (phase Succeeded)'],
  ])('restartPolicy %s, exit %i: %s, and the run ends', (policy, code, status, summary) => {
    const { trace, statuses } = run({
      manifest: (m) => m.replace('  containers:', `  restartPolicy: ${policy}\n  containers:`),
      behavior: { [APP]: { exit: { code, afterMs: 2000 } } },
    });
    expect(statuses.slice(2)).toEqual(['ContainerCreating', 'Running', status]);
    expect(trace.result).toMatchObject({ summary, horizonReached: false });
    const pod = trace.steps.at(-1)!.stored['/registry/pods/default/example-pod'] as {
      status: { conditions: { type: string; status: string; reason?: string }[] };
    };
    expect(pod.status.conditions.map((c) => `${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      code === 0 ? 'Ready=False PodCompleted' : 'Ready=False ContainersNotReady',
      code === 0 ? 'ContainersReady=False PodCompleted' : 'ContainersReady=False ContainersNotReady',
      'PodScheduled=True',
    ]);
  });

  it('OOMKilled: memory above the limit, exit code 137, then CrashLoopBackOff', () => {
    const { trace, statuses } = run({
      manifest: withContainerField('    resources:\n      limits:\n        memory: 128Mi\n'),
      behavior: { [APP]: { memoryBytes: 300_000_000 } },
    });
    expect(statuses.slice(3, 8)).toEqual(['Running', 'OOMKilled', 'Running', 'OOMKilled', 'CrashLoopBackOff']);
    expect(trace.result.summary).toBe(
      'pod/example-pod on worker-1 is OOMKilled, crash-looping: restarted 4 times (last exit: OOMKilled, code 137)',
    );
  });

  it('InvalidImageName: no pull, InspectFailed and Failed counted on every re-sync', () => {
    const { trace, statuses, events } = run({ manifest: (m) => m.replace(APP, 'Sona/Bad:latest') });
    expect(statuses.slice(2)).toEqual(['ContainerCreating', 'InvalidImageName']);
    expect(events('InspectFailed')).toEqual([
      expect.objectContaining({
        type: 'Warning',
        message:
          'Failed to apply default image tag "Sona/Bad:latest": couldn\'t parse image name "Sona/Bad:latest": invalid reference format: repository name (Bad) must be lowercase',
        count: 10,
      }),
    ]);
    expect(events('Pulling')).toEqual([]);
    expect(trace.result.outcome).toBe('waiting');
  });

  it('CreateContainerConfigError: a configMapKeyRef to a missing ConfigMap', () => {
    const { trace, statuses, events } = run({
      manifest: withContainerField(
        '    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: app-config\n          key: mode\n',
      ),
    });
    expect(statuses.slice(2)).toEqual(['ContainerCreating', 'CreateContainerConfigError']);
    expect(events('Failed')).toEqual([
      expect.objectContaining({ type: 'Warning', message: 'Error: configmap "app-config" not found', count: 8 }),
    ]);
    expect(trace.result.summary).toBe(
      'pod/example-pod on worker-1 is CreateContainerConfigError: configmap "app-config" not found',
    );
  });

  it('FailedMount: a configMap volume without its ConfigMap keeps the pod ContainerCreating', () => {
    const { trace, statuses, events } = run({
      manifest: (m) => `${m}  volumes:\n  - name: config\n    configMap:\n      name: app-config\n`,
    });
    expect(statuses.slice(2)).toEqual(['ContainerCreating']);
    expect(events('FailedMount')).toEqual([
      expect.objectContaining({
        type: 'Warning',
        message: 'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found',
        count: 7,
      }),
    ]);
    expect(trace.result).toMatchObject({
      summary: 'pod/example-pod on worker-1 is ContainerCreating',
      horizonReached: true,
    });
  });

  it('init containers: Init:0/1 → PodInitializing → Running; a failing one → Init:Error → Init:CrashLoopBackOff', () => {
    const init = (m: string) =>
      m.replace('  containers:', '  initContainers:\n  - name: init-db\n    image: busybox:1.36\n  containers:');
    const ok = run({ manifest: init, behavior: { 'busybox:1.36': { exit: { code: 0, afterMs: 2000 } } } });
    expect(ok.statuses.slice(2)).toEqual(['Init:0/1', 'Init:0/1', 'PodInitializing', 'Running']);
    expect(ok.trace.result.summary).toBe('pod/example-pod is Running on worker-1 with IP 10.244.1.2');
    const failing = run({ manifest: init, behavior: { 'busybox:1.36': { exit: { code: 1, afterMs: 2000 } } } });
    expect(failing.statuses.slice(2, 8)).toEqual([
      'Init:0/1',
      'Init:0/1',
      'Init:Error',
      'Init:0/1',
      'Init:Error',
      'Init:CrashLoopBackOff',
    ]);
    expect(failing.trace.result.summary).toBe('pod/example-pod on worker-1 is Init:CrashLoopBackOff');
  });

  it('a failing readiness probe: Running but 0/1, Unhealthy counted, Ready=False ContainersNotReady', () => {
    const { trace, statuses, events } = run({
      manifest: withContainerField('    readinessProbe:\n      httpGet:\n        path: /healthz\n        port: 8000\n'),
      behavior: { [APP]: { http: [{ port: 8000, paths: ['/'] }] } },
    });
    expect(statuses.slice(2)).toEqual(['ContainerCreating', 'Running']);
    expect(events('Unhealthy')).toEqual([
      expect.objectContaining({
        type: 'Warning',
        message: 'Readiness probe failed: HTTP probe failed with statuscode: 404',
        count: 9,
      }),
    ]);
    expect(trace.result).toMatchObject({
      outcome: 'waiting',
      summary: 'pod/example-pod is Running on worker-1 but not Ready: containers with unready status: [example-pod]',
    });
  });
});
