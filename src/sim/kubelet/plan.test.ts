import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { defaultCluster, defaultImages } from '@scenarios';
import { createRng } from '../random';
import { boundPod, storedPod } from '../scheduler/testPod';
import { formatGoDuration } from './images';
import { allocatePodIP, planPodSync, planPodUpdate, type PlannedAction } from './plan';

const cluster = defaultCluster();
const nodeObj = (name: string) => cluster.find((o) => o.kind === 'Node' && o.metadata.name === name) as unknown as Node;
const podsOn = (name: string) =>
  cluster.filter((o) => o.kind === 'Pod' && (o.spec as { nodeName?: string }).nodeName === name) as unknown as Pod[];
const wallTime = (ms: number) =>
  new Date(Date.parse('2026-11-26T09:30:01Z') + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function plan(pod: Pod, node = 'worker-1', images = defaultImages()) {
  return planPodSync({
    pod,
    node: nodeObj(node),
    podsOnNode: podsOn(node),
    images,
    cluster,
    rng: createRng(42),
    wallTime,
    horizonMs: 120_000,
  });
}
const kinds = (actions: PlannedAction[]) => actions.map((a) => ('phase' in a ? `${a.kind}:${a.phase}` : a.kind));

describe('the kubelet sync plan', () => {
  it('runs the v1.33 sync order for the story pod', () => {
    const p = plan(boundPod('worker-1'));
    expect(p.admission).toEqual({ admit: true });
    expect(kinds(p.steps.map((s) => s.action))).toEqual([
      'status-creating',
      'volumes',
      'sandbox',
      'network',
      'image:pulling',
      'image:pulled',
      'created',
      'started',
      'status-synced',
    ]);
    // offsets only grow
    expect(p.steps.map((s) => s.at)).toEqual([...p.steps.map((s) => s.at)].sort((a, b) => a - b));
  });

  it('golden check 18: image and container events, exact texts, in order', () => {
    const p = plan(boundPod('worker-1'));
    const texts = p.steps.flatMap((s) =>
      'event' in s.action ? [`${s.action.event.reason}: ${s.action.event.message}`] : [],
    );
    const pulling = p.steps.find((s) => s.action.kind === 'image' && s.action.phase === 'pulling')!;
    const pulled = p.steps.find((s) => s.action.kind === 'image' && s.action.phase === 'pulled')!;
    const d = formatGoDuration(pulled.at - pulling.at);
    expect(texts).toEqual([
      'Pulling: Pulling image "sonasingh46/node-web-app:latest"',
      `Pulled: Successfully pulled image "sonasingh46/node-web-app:latest" in ${d} (${d} including waiting). Image size: 345112384 bytes.`,
      'Created: Created container: example-pod',
      'Started: Started container example-pod',
    ]);
    // ~345 MB at ~30 MB/s: about 12 s.
    expect(d).toMatch(/^1[12]\.\d{1,3}s$/);
  });

  it('an image already on the node with IfNotPresent is not pulled', () => {
    const images = defaultImages();
    images.presentOnNode['worker-1'] = [...images.presentOnNode['worker-1']!, 'docker.io/library/nginx:1.27'];
    const p = plan(
      boundPod('worker-1', storedPod({ containers: [{ image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }] })),
      'worker-1',
      images,
    );
    const image = p.steps.map((s) => s.action).filter((a) => a.kind === 'image');
    expect(image).toEqual([
      {
        kind: 'image',
        container: 'example-pod',
        image: 'nginx:1.27',
        phase: 'present',
        event: { type: 'Normal', reason: 'Pulled', message: 'Container image "nginx:1.27" already present on machine' },
      },
    ]);
  });

  it('an image the registry lacks: the first attempt fails with ErrImagePull and starts the image back-off', () => {
    const p = plan(
      boundPod(
        'worker-1',
        storedPod({ containers: [{ image: 'nginx:doesnotexist', imagePullPolicy: 'IfNotPresent' }] }),
      ),
    );
    expect(kinds(p.steps.map((s) => s.action)).slice(4, 8)).toEqual([
      'image:pulling',
      'image-error',
      'status-synced',
      'image-error',
    ]);
    const err = p.steps.find((s) => s.action.kind === 'image-error')!.action;
    expect(err.kind === 'image-error' && err.events.map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([
      'Warning Failed: Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
      'Warning Failed: Error: ErrImagePull',
    ]);
    expect(err.kind === 'image-error' && err.backoffMs).toBe(10_000);
    const status = p.steps.find((s) => s.action.kind === 'status-synced')!.action;
    expect(status.kind === 'status-synced' && status.containers).toEqual([
      expect.objectContaining({ name: 'example-pod', running: false, reason: 'ErrImagePull' }),
    ]);
  });

  it('an absent image with imagePullPolicy Never: ErrImageNeverPull, no pull', () => {
    const p = plan(
      boundPod('worker-1', storedPod({ containers: [{ image: 'busybox:1.36', imagePullPolicy: 'Never' }] })),
    );
    const err = p.steps.find((s) => s.action.kind === 'image-error')!.action;
    expect(err.kind === 'image-error' && err.events.map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([
      'Warning ErrImageNeverPull: Container image "busybox:1.36" is not present with pull policy of Never',
      'Warning Failed: Error: ErrImageNeverPull',
    ]);
    expect(kinds(p.steps.map((s) => s.action))).not.toContain('image:pulling');
  });

  it('gives the pod the first free IP of the node podCIDR (host-local IPAM)', () => {
    expect(plan(boundPod('worker-1')).podIP).toBe('10.244.1.2'); // kindnet and kube-proxy use the host network
    expect(plan(boundPod('control-plane'), 'control-plane').podIP).toBe('10.244.0.4'); // coredns holds .2 and .3
    expect(allocatePodIP('10.244.2.0/24', ['10.244.2.2', '10.244.2.4'])).toBe('10.244.2.3');
    expect(plan(boundPod('worker-1')).hostIP).toBe('172.18.0.3');
  });

  it('reports the running container as the runtime sees it', () => {
    const last = plan(boundPod('worker-2'), 'worker-2').steps.at(-1)!.action;
    expect(last.kind).toBe('status-synced');
    const c = last.kind === 'status-synced' ? last.containers[0]! : undefined;
    expect(c).toMatchObject({
      name: 'example-pod',
      running: true,
      image: 'docker.io/sonasingh46/node-web-app:latest',
      imageID:
        'docker.io/sonasingh46/node-web-app@sha256:7a3b7b0b6b1c5e9e4b2a9f8e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4',
    });
    expect(c && c.running && c.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
  });

  it('is deterministic for a seed', () => {
    expect(plan(boundPod('worker-1'))).toEqual(plan(boundPod('worker-1')));
  });

  it('plans nothing when the kubelet rejects the pod', () => {
    const p = plan(boundPod('worker-1', storedPod({ containers: [{ resources: { requests: { memory: '9Gi' } } }] })));
    expect(p.admission).toEqual({
      admit: false,
      reason: 'OutOfmemory',
      message: "Node didn't have enough resource: memory, requested: 9663676416, used: 52428800, capacity: 8589934592",
    });
    expect(p.steps).toEqual([]);
  });
});

/** The story pod as it runs on worker-1, started 12 s after the plan's clock origin. */
function runningPod(): Pod {
  return {
    ...boundPod('worker-1'),
    status: {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.7',
      startTime: '2026-11-26T09:30:00Z',
      containerStatuses: [
        {
          name: 'example-pod',
          state: { running: { startedAt: '2026-11-26T09:30:12Z' } },
          lastState: {},
          ready: true,
          restartCount: 2,
          image: 'docker.io/sonasingh46/node-web-app:latest',
          imageID: 'docker.io/sonasingh46/node-web-app@sha256:7a3b',
          containerID: 'containerd://old',
          started: true,
        },
      ],
    },
  };
}

function update(change: (pod: Pod) => void, images = defaultImages()) {
  const previous = runningPod();
  const pod = structuredClone(previous);
  change(pod);
  const input = {
    pod,
    node: nodeObj('worker-1'),
    podsOnNode: [],
    images,
    cluster,
    rng: createRng(42),
    wallTime,
    horizonMs: 120_000,
  };
  return planPodUpdate(input, previous);
}
const setImage = (image: string) => (pod: Pod) => {
  pod.spec!.containers[0]!.image = image;
};

describe('the sync of an update of a running pod', () => {
  it('a new image: Killing, SIGKILL after the grace period, the pull, a new container, restartCount + 1', () => {
    const p = update(setImage('nginx:1.27'));
    expect(p).toMatchObject({ admission: { admit: true }, hostIP: '172.18.0.3', podIP: '10.244.1.7' });
    expect(kinds(p.steps.map((s) => s.action))).toEqual([
      'killing',
      'exited',
      'image:pulling',
      'image:pulled',
      'created',
      'started',
      'status-synced',
    ]);
    const [killing, exited] = p.steps;
    expect(killing).toEqual({
      at: 2,
      action: {
        kind: 'killing',
        container: 'example-pod',
        cause: 'changed',
        graceSeconds: 30,
        events: [
          { type: 'Normal', reason: 'Killing', message: 'Container example-pod definition changed, will be restarted' },
        ],
      },
    });
    expect(exited!.at).toBe(30_002);
    expect(exited!.action).toMatchObject({ kind: 'exited', exitCode: 137, reason: 'Error', replaced: true });
    const status = p.steps.at(-1)!.action;
    if (status.kind !== 'status-synced') throw new Error('no status');
    expect(status.containers).toEqual([
      expect.objectContaining({
        running: true,
        image: 'docker.io/library/nginx:1.27',
        restartCount: 3,
        lastTerminated: {
          exitCode: 137,
          reason: 'Error',
          startedAt: '2026-11-26T09:30:12Z',
          finishedAt: wallTime(30_002),
          containerID: 'containerd://old',
        },
      }),
    ]);
    expect(p.resumeAt).toBeUndefined();
  });

  it('waits the pod terminationGracePeriodSeconds before the SIGKILL', () => {
    const p = update((pod) => {
      setImage('nginx:1.27')(pod);
      pod.spec!.terminationGracePeriodSeconds = 5;
    });
    expect(p.steps[1]!.at - p.steps[0]!.at).toBe(5_000);
  });

  it('a new image the registry does not have: the old container is gone, the new one waits in ErrImagePull', () => {
    const p = update(setImage('nginx:doesnotexist'));
    expect(kinds(p.steps.slice(0, 5).map((s) => s.action))).toEqual([
      'killing',
      'exited',
      'image:pulling',
      'image-error',
      'status-synced',
    ]);
    const status = p.steps[4]!.action;
    if (status.kind !== 'status-synced') throw new Error('no status');
    expect(status.containers[0]).toMatchObject({
      running: false,
      reason: 'ErrImagePull',
      restartCount: 2,
      lastTerminated: { exitCode: 137, containerID: 'containerd://old' },
    });
  });

  it('an update that changes no container definition plans nothing (no status write either)', () => {
    expect(
      update((pod) => {
        pod.metadata!.labels = { tier: 'web' };
      }).steps,
    ).toEqual([]);
  });
});
