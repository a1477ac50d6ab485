// The pod worker's retry loops, planned up to the horizon: exact texts, order and back-off progression.
import { describe, expect, it } from 'vitest';
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { defaultCluster, defaultImages } from '@scenarios';
import { createRng } from '../random';
import type { ImageBehavior, KubeObject } from '../scenario';
import { boundPod, storedPod, TEST_UID } from '../scheduler/testPod';
import { planPodSync, type PlannedAction, type PlannedStep } from './plan';

const cluster = defaultCluster();
const node = cluster.find((o) => o.kind === 'Node' && o.metadata.name === 'worker-1') as unknown as Node;
const wallTime = (ms: number) =>
  new Date(Date.parse('2026-11-26T09:30:01Z') + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The story pod on worker-1 with one container changed, and its image's behaviour. */
function plan(
  container: Partial<Container>,
  opts: { behavior?: ImageBehavior; spec?: Partial<NonNullable<Pod['spec']>>; objects?: KubeObject[] } = {},
) {
  const images = defaultImages();
  const image = container.image ?? 'nginx:1.27';
  if (opts.behavior && images.registry[image])
    images.registry[image] = { ...images.registry[image]!, behavior: opts.behavior };
  const pod = boundPod(
    'worker-1',
    storedPod({
      containers: [{ image, imagePullPolicy: 'IfNotPresent', ...container }],
      ...(opts.spec ? { spec: opts.spec } : {}),
    }),
  );
  return planPodSync({
    pod,
    node,
    podsOnNode: [],
    images,
    cluster: [...cluster, ...(opts.objects ?? [])],
    rng: createRng(7),
    wallTime,
    horizonMs: 120_000,
  });
}

const events = (steps: PlannedStep[]) =>
  steps.flatMap((s) => {
    const a = s.action as PlannedAction & {
      event?: { reason: string; message: string };
      events?: { reason: string; message: string }[];
    };
    return [...(a.event ? [a.event] : []), ...(a.events ?? [])].map((e) => `${e.reason}: ${e.message}`);
  });
const waitingReasons = (steps: PlannedStep[]) =>
  steps.flatMap((s) =>
    s.action.kind === 'status-synced'
      ? [
          s.action.containers
            .map((c) => (c.running ? 'running' : 'terminated' in c ? `terminated:${c.terminated.reason}` : c.reason))
            .join(','),
        ]
      : [],
  );
const PULL_FAILED =
  'Failed: Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found';

describe('image pull failure loop (ErrImagePull ↔ ImagePullBackOff)', () => {
  const p = plan({ image: 'nginx:doesnotexist' });

  it('alternates pulls and back-off reports, with the exact events of image_manager.go and startContainer', () => {
    expect(events(p.steps).slice(0, 8)).toEqual([
      'Pulling: Pulling image "nginx:doesnotexist"',
      PULL_FAILED,
      'Failed: Error: ErrImagePull',
      'BackOff: Back-off pulling image "nginx:doesnotexist"',
      'Failed: Error: ImagePullBackOff',
      'Pulling: Pulling image "nginx:doesnotexist"',
      PULL_FAILED,
      'Failed: Error: ErrImagePull',
    ]);
    expect(waitingReasons(p.steps).slice(0, 4)).toEqual([
      'ErrImagePull',
      'ImagePullBackOff',
      'ErrImagePull',
      'ImagePullBackOff',
    ]);
  });

  it('doubles the image back-off after each failed pull: 10s, 20s, 40s, 1m20s', () => {
    const pulls = p.steps.filter((s) => s.action.kind === 'image-error' && s.action.reason === 'ErrImagePull');
    expect(pulls.map((s) => (s.action.kind === 'image-error' ? s.action.backoffMs : 0))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
    // each pull starts only once the back-off since the previous failure has passed
    for (let i = 1; i < pulls.length; i++) {
      const prev = pulls[i - 1]!;
      const wait = prev.action.kind === 'image-error' ? prev.action.backoffMs! : 0;
      expect(pulls[i]!.at - prev.at).toBeGreaterThanOrEqual(wait);
    }
  });

  it('retries on the pod worker cadence (10–15 s) and stops at the horizon with what comes next', () => {
    const syncs = p.steps.filter((s) => s.action.kind === 'image-error').map((s) => s.at);
    for (let i = 2; i < syncs.length; i++) expect(syncs[i]! - syncs[i - 1]!).toBeGreaterThanOrEqual(10_000);
    expect(p.steps.at(-1)!.at).toBeLessThan(120_000);
    expect(p.resumeAt).toBeGreaterThan(119_950);
    expect(p.steps.at(-1)!.horizon).toBe(
      'From here the kubelet pulls again 1m20s after the last failure, the back-off doubling after each failure up to 5m0s; the simulation stops here.',
    );
  });

  it('keeps the previous pull error in the ImagePullBackOff waiting message (v1.33)', () => {
    const status = p.steps.filter((s) => s.action.kind === 'status-synced')[1]!.action;
    expect(status.kind === 'status-synced' && status.containers[0]).toMatchObject({
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${PULL_FAILED.slice('Failed: Failed to pull image "nginx:doesnotexist": '.length)}`,
    });
  });
});

describe('InvalidImageName', () => {
  it('does not pull; InspectFailed with the parse error, then Error: InvalidImageName, on every re-sync', () => {
    const p = plan({ image: 'Sona/Bad:latest' });
    const msg =
      'Failed to apply default image tag "Sona/Bad:latest": couldn\'t parse image name "Sona/Bad:latest": invalid reference format: repository name (Bad) must be lowercase';
    expect(events(p.steps).slice(0, 4)).toEqual([
      `InspectFailed: ${msg}`,
      'Failed: Error: InvalidImageName',
      `InspectFailed: ${msg}`,
      'Failed: Error: InvalidImageName',
    ]);
    expect(p.steps.some((s) => s.action.kind === 'image' && s.action.phase === 'pulling')).toBe(false);
    const status = p.steps.find((s) => s.action.kind === 'status-synced')!.action;
    expect(status.kind === 'status-synced' && status.containers[0]).toMatchObject({
      reason: 'InvalidImageName',
      message: msg,
    });
    expect(p.steps.at(-1)!.horizon).toBe(
      'From here the kubelet retries each time its pod worker re-syncs the pod, every 10–15 s; the simulation stops here.',
    );
  });
});

describe('CreateContainerConfigError', () => {
  const configMap = (data: Record<string, string>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'app-config', namespace: 'default' },
    data,
  });
  it.each([
    [
      'a missing ConfigMap',
      { configMapKeyRef: { name: 'app-config', key: 'mode' } },
      [],
      'configmap "app-config" not found',
    ],
    [
      'a missing key',
      { configMapKeyRef: { name: 'app-config', key: 'mode' } },
      [configMap({ other: 'x' })],
      "couldn't find key mode in ConfigMap default/app-config",
    ],
    ['a missing Secret', { secretKeyRef: { name: 'db', key: 'password' } }, [], 'secret "db" not found'],
  ])('%s: Error: <message>, retried on every re-sync', (_, valueFrom, objects, message) => {
    const p = plan({ env: [{ name: 'MODE', valueFrom }] }, { objects });
    expect(events(p.steps).filter((e) => e.startsWith('Failed'))[0]).toBe(`Failed: Error: ${message}`);
    expect(p.steps.filter((s) => s.action.kind === 'config-error').length).toBeGreaterThan(5);
    const status = p.steps.find((s) => s.action.kind === 'status-synced')!.action;
    expect(status.kind === 'status-synced' && status.containers[0]).toMatchObject({
      reason: 'CreateContainerConfigError',
      message,
    });
  });

  it('starts the container once the key exists, and ignores optional references', () => {
    expect(
      plan(
        { env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'mode' } } }] },
        { objects: [configMap({ mode: 'x' })] },
      ).resumeAt,
    ).toBeUndefined();
    expect(
      plan({ env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'nope', key: 'mode', optional: true } } }] })
        .resumeAt,
    ).toBeUndefined();
  });
});

describe('FailedMount', () => {
  it('a configMap volume without its ConfigMap: no sandbox, FailedMount retried 0.5 s doubling', () => {
    const p = plan({}, { spec: { volumes: [{ name: 'config', configMap: { name: 'app-config' } }] } });
    expect(p.steps.map((s) => s.action.kind).slice(0, 2)).toEqual(['status-creating', 'mount-error']);
    expect(p.steps.some((s) => s.action.kind === 'sandbox')).toBe(false);
    expect(new Set(events(p.steps))).toEqual(
      new Set(['FailedMount: MountVolume.SetUp failed for volume "config" : configmap "app-config" not found']),
    );
    expect(p.steps.flatMap((s) => (s.action.kind === 'mount-error' ? [s.action.retryMs] : []))).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 32000, 64000,
    ]);
    expect(p.steps.at(-1)!.horizon).toMatch(/^From here the volume manager retries after 1m4s \(doubling up to 2m2s\)/);
  });
});

describe('containers that exit (the image behaviour)', () => {
  it('restartPolicy Always, exit 1: Error, an immediate restart, then CrashLoopBackOff 10s, 20s, 40s', () => {
    const p = plan({}, { behavior: { exit: { code: 1, afterMs: 2000 } } });
    const exits = p.steps.filter((s) => s.action.kind === 'exited');
    expect(exits[0]!.action).toMatchObject({ container: 'example-pod', exitCode: 1, reason: 'Error' });
    expect(exits[0]!.action.kind === 'exited' && exits[0]!.action.why).toBe(
      "the image's behaviour in the cluster's ImageRegistry says it exits with code 1 after 2 s",
    );
    expect(p.steps.flatMap((s) => (s.action.kind === 'crash-backoff' ? [s.action.backoffMs] : []))).toEqual(
      expect.arrayContaining([10_000, 20_000, 40_000]),
    );
    expect(events(p.steps)).toContain(
      `BackOff: Back-off restarting failed container example-pod in pod example-pod_default(${TEST_UID})`,
    );
    expect(waitingReasons(p.steps).slice(0, 6)).toEqual([
      'running',
      'terminated:Error',
      'running',
      'terminated:Error',
      'CrashLoopBackOff',
      'running',
    ]);
    const clbo = p.steps.find(
      (s) =>
        s.action.kind === 'status-synced' &&
        s.action.containers[0]!.running === false &&
        'reason' in s.action.containers[0]!,
    )!.action;
    expect(clbo.kind === 'status-synced' && clbo.containers[0]).toMatchObject({
      reason: 'CrashLoopBackOff',
      message: `back-off 10s restarting failed container=example-pod pod=example-pod_default(${TEST_UID})`,
      restartCount: 1,
      lastTerminated: { exitCode: 1, reason: 'Error' },
    });
  });

  it.each([
    ['Never', 0, 'terminated:Completed'],
    ['Never', 2, 'terminated:Error'],
    ['OnFailure', 0, 'terminated:Completed'],
  ] as const)('restartPolicy %s, exit %i: ends %s, no restart', (policy, code, last) => {
    const p = plan({}, { behavior: { exit: { code, afterMs: 3000 } }, spec: { restartPolicy: policy } });
    expect(waitingReasons(p.steps)).toEqual(['running', last]);
    expect(p.resumeAt).toBeUndefined();
  });

  it('memory above the limit: OOMKilled with exit code 137', () => {
    const p = plan({ resources: { limits: { memory: '128Mi' } } }, { behavior: { memoryBytes: 300_000_000 } });
    expect(p.steps.find((s) => s.action.kind === 'exited')!.action).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled',
    });
    expect(waitingReasons(p.steps).slice(0, 2)).toEqual(['running', 'terminated:OOMKilled']);
  });
});

describe('init containers', () => {
  const spec = (image: string) => ({
    initContainers: [{ name: 'init-db', image, imagePullPolicy: 'IfNotPresent' as const }],
  });
  it('run to completion before the containers start', () => {
    const p = plan({}, { spec: spec('busybox:1.36') });
    // busybox has no behaviour here: it never exits, so the pod stays initializing
    expect(p.steps.some((s) => s.action.kind === 'started' && s.action.container === 'example-pod')).toBe(false);
    const images = defaultImages();
    expect(images.registry['busybox:1.36']).toBeDefined();
  });

  it('a failing init container restarts with the crash-loop back-off; the app container never starts', () => {
    const images = defaultImages();
    images.registry['busybox:1.36'] = {
      ...images.registry['busybox:1.36']!,
      behavior: { exit: { code: 1, afterMs: 1000 } },
    };
    const pod = boundPod(
      'worker-1',
      storedPod({ containers: [{ image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }], spec: spec('busybox:1.36') }),
    );
    const p = planPodSync({
      pod,
      node,
      podsOnNode: [],
      images,
      cluster,
      rng: createRng(7),
      wallTime,
      horizonMs: 120_000,
    });
    expect(p.steps.some((s) => s.action.kind === 'started' && s.action.container === 'example-pod')).toBe(false);
    expect(events(p.steps)).toContain(
      `BackOff: Back-off restarting failed container init-db in pod example-pod_default(${TEST_UID})`,
    );
  });
});

describe('probes', () => {
  const web: ImageBehavior = { http: [{ port: 80, paths: ['/'] }] };
  it('a failing readiness probe: Unhealthy every period, the container running but never ready', () => {
    const p = plan(
      { readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 10 } },
      { behavior: web },
    );
    const unhealthy = p.steps.filter((s) => s.action.kind === 'unhealthy');
    expect(events(unhealthy)[0]).toBe('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404');
    expect(unhealthy.length).toBeGreaterThanOrEqual(10);
    expect(unhealthy[1]!.at - unhealthy[0]!.at).toBe(10_000);
    const statuses = p.steps.filter((s) => s.action.kind === 'status-synced');
    expect(
      statuses.every(
        (s) =>
          s.action.kind === 'status-synced' &&
          s.action.containers[0]!.running &&
          s.action.containers[0]!.ready === false,
      ),
    ).toBe(true);
    expect(p.steps.at(-1)!.horizon).toMatch(/^From here the readiness probe of example-pod keeps failing every 10s/);
  });

  it('a passing readiness probe makes the container ready after initialDelaySeconds; then nothing is pending', () => {
    const p = plan(
      { readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5, initialDelaySeconds: 3 } },
      { behavior: web },
    );
    const ready = p.steps
      .filter((s) => s.action.kind === 'status-synced')
      .map(
        (s) => s.action.kind === 'status-synced' && s.action.containers[0]!.running && s.action.containers[0]!.ready,
      );
    expect(ready).toEqual([false, true]);
    expect(p.resumeAt).toBeUndefined();
  });

  it('a failing liveness probe: three Unhealthy events, Killing, exit 137 after the grace period, restart', () => {
    const p = plan({ livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } }, { behavior: web });
    const texts = events(p.steps);
    const firstKill = texts.indexOf('Killing: Container example-pod failed liveness probe, will be restarted');
    expect(texts.slice(firstKill - 3, firstKill)).toEqual(
      Array(3).fill('Unhealthy: Liveness probe failed: dial tcp 10.244.1.2:8080: connect: connection refused'),
    );
    const kill = p.steps.find((s) => s.action.kind === 'killing')!;
    const exit = p.steps.find((s) => s.action.kind === 'exited')!;
    expect(exit.at - kill.at).toBe(30_000); // terminationGracePeriodSeconds
    expect(exit.action).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(p.steps.filter((s) => s.action.kind === 'started').length).toBeGreaterThanOrEqual(2);
  });

  it('a startup probe holds the readiness probe back until it succeeds', () => {
    const p = plan(
      {
        startupProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5, initialDelaySeconds: 5 },
        readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 },
      },
      { behavior: web },
    );
    const states = p.steps.flatMap((s) =>
      s.action.kind === 'status-synced' && s.action.containers[0]!.running
        ? [[s.action.containers[0]!.started, s.action.containers[0]!.ready]]
        : [],
    );
    expect(states).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
  });
});

describe('ImagePullBackOff waiting message', () => {
  it('keeps the last pull error on every back-off report, not only the first', () => {
    const p = plan({ image: 'nginx:doesnotexist' });
    const messages = p.steps.flatMap((s) =>
      s.action.kind === 'status-synced' && !s.action.containers[0]!.running && 'reason' in s.action.containers[0]!
        ? s.action.containers[0]!.reason === 'ImagePullBackOff'
          ? [s.action.containers[0]!.message]
          : []
        : [],
    );
    expect(messages.length).toBeGreaterThan(2);
    expect(new Set(messages).size).toBe(1);
  });
});
