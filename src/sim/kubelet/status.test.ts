import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { boundPod, TEST_UID } from '../scheduler/testPod';
import { applyStrategicMergePatch } from '../strategicMergePatch';
import { podStatusPatch } from './podStatusPatch';
import { containerCreatingStatus, podPhase, statusChanges, syncedStatus, type ContainerState } from './status';

const T0 = '2026-11-26T09:30:00Z'; // binding (PodScheduled=True)
const T1 = '2026-11-26T09:30:01Z'; // kubelet's first status
const T2 = '2026-11-26T09:30:13Z'; // running
const mount = {
  name: 'kube-api-access-7xk2p',
  mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
  readOnly: true,
  recursiveReadOnly: 'Disabled',
};
const running: ContainerState = {
  name: 'example-pod',
  running: true,
  containerID: 'containerd://' + 'a'.repeat(64),
  image: 'docker.io/sonasingh46/node-web-app:latest',
  imageID: 'docker.io/sonasingh46/node-web-app@sha256:7a3b',
  startedAt: '2026-11-26T09:30:12Z',
};
const withStatus = (pod: Pod, status: unknown): Pod => ({ ...pod, status: status as Pod['status'] });

describe('kubelet pod status', () => {
  const bound = boundPod('worker-1');
  const creating = containerCreatingStatus(bound, '172.18.0.3', T1);

  it('first status: Pending, ContainerCreating, conditions in the kubelet order (FIDELITY §9.6)', () => {
    expect(creating).toEqual({
      phase: 'Pending',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: T1 },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: T1 },
        {
          type: 'Ready',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: T1,
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [example-pod]',
        },
        {
          type: 'ContainersReady',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: T1,
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [example-pod]',
        },
        // unchanged since the binding: keeps its transition time
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: T0 },
      ],
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      startTime: T1,
      containerStatuses: [
        {
          name: 'example-pod',
          state: { waiting: { reason: 'ContainerCreating' } },
          lastState: {},
          ready: false,
          restartCount: 0,
          image: 'sonasingh46/node-web-app:latest',
          imageID: '',
          started: false,
          volumeMounts: [mount],
        },
      ],
      qosClass: 'BestEffort',
    });
  });

  it('the first PATCH carries the UID precondition, $setElementOrder and only what changed', () => {
    const patch = podStatusPatch(bound.status, creating, TEST_UID);
    expect(patch).toEqual({
      metadata: { uid: TEST_UID },
      status: {
        '$setElementOrder/conditions': [
          { type: 'PodReadyToStartContainers' },
          { type: 'Initialized' },
          { type: 'Ready' },
          { type: 'ContainersReady' },
          { type: 'PodScheduled' },
        ],
        conditions: [
          { lastProbeTime: null, lastTransitionTime: T1, status: 'False', type: 'PodReadyToStartContainers' },
          { lastProbeTime: null, lastTransitionTime: T1, status: 'True', type: 'Initialized' },
          {
            lastProbeTime: null,
            lastTransitionTime: T1,
            message: 'containers with unready status: [example-pod]',
            reason: 'ContainersNotReady',
            status: 'False',
            type: 'Ready',
          },
          {
            lastProbeTime: null,
            lastTransitionTime: T1,
            message: 'containers with unready status: [example-pod]',
            reason: 'ContainersNotReady',
            status: 'False',
            type: 'ContainersReady',
          },
        ],
        containerStatuses: [
          {
            image: 'sonasingh46/node-web-app:latest',
            imageID: '',
            lastState: {},
            name: 'example-pod',
            ready: false,
            restartCount: 0,
            started: false,
            state: { waiting: { reason: 'ContainerCreating' } },
            volumeMounts: [
              { mountPath: mount.mountPath, name: mount.name, readOnly: true, recursiveReadOnly: 'Disabled' },
            ],
          },
        ],
        hostIP: '172.18.0.3',
        hostIPs: [{ ip: '172.18.0.3' }],
        startTime: T1,
      },
    });
    // keys sorted like Go's map marshalling
    expect(Object.keys(patch!.status as object)).toEqual([
      '$setElementOrder/conditions',
      'conditions',
      'containerStatuses',
      'hostIP',
      'hostIPs',
      'startTime',
    ]);
  });

  it('Running: every condition True, pod IP, container running; the patch clears the old reasons with null', () => {
    const before = withStatus(bound, creating);
    const now = syncedStatus(before, '172.18.0.3', '10.244.1.2', [running], T2);
    expect(
      (now.conditions as { type: string; status: string; lastTransitionTime: string }[]).map((c) => [
        c.type,
        c.status,
        c.lastTransitionTime,
      ]),
    ).toEqual([
      ['PodReadyToStartContainers', 'True', T2],
      ['Initialized', 'True', T1],
      ['Ready', 'True', T2],
      ['ContainersReady', 'True', T2],
      ['PodScheduled', 'True', T0],
    ]);
    const patch = podStatusPatch(creating, now, TEST_UID)!;
    const status = patch.status as Record<string, unknown>;
    expect(Object.keys(status)).toEqual([
      '$setElementOrder/conditions',
      'conditions',
      'containerStatuses',
      'phase',
      'podIP',
      'podIPs',
    ]);
    expect(status.conditions).toEqual([
      { lastTransitionTime: T2, status: 'True', type: 'PodReadyToStartContainers' },
      { lastTransitionTime: T2, message: null, reason: null, status: 'True', type: 'Ready' },
      { lastTransitionTime: T2, message: null, reason: null, status: 'True', type: 'ContainersReady' },
    ]);
    expect(status.phase).toBe('Running');
    expect(status.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(status.containerStatuses).toEqual([
      {
        containerID: running.running && running.containerID,
        image: 'docker.io/sonasingh46/node-web-app:latest',
        imageID: 'docker.io/sonasingh46/node-web-app@sha256:7a3b',
        lastState: {},
        name: 'example-pod',
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: '2026-11-26T09:30:12Z' } },
        volumeMounts: [{ mountPath: mount.mountPath, name: mount.name, readOnly: true, recursiveReadOnly: 'Disabled' }],
      },
    ]);
  });

  it('a waiting container keeps the pod Pending with its reason', () => {
    const now = syncedStatus(
      withStatus(bound, creating),
      '172.18.0.3',
      '10.244.1.2',
      [{ name: 'example-pod', running: false, reason: 'ErrImagePull', message: 'boom' }],
      T2,
    );
    expect(now.phase).toBe('Pending');
    expect((now.containerStatuses as { state: unknown }[])[0]!.state).toEqual({
      waiting: { reason: 'ErrImagePull', message: 'boom' },
    });
  });

  it('no change, no patch', () => {
    expect(podStatusPatch(creating, creating, TEST_UID)).toBeUndefined();
  });

  it('a removed merge-list element is deleted with $patch', () => {
    expect(
      podStatusPatch(
        {
          conditions: [
            { type: 'A', status: 'True' },
            { type: 'B', status: 'True' },
          ],
        },
        { conditions: [{ type: 'A', status: 'True' }] },
      ),
    ).toEqual({
      status: { '$setElementOrder/conditions': [{ type: 'A' }], conditions: [{ $patch: 'delete', type: 'B' }] },
    });
  });
});

describe('statusChanges', () => {
  it('matches conditions by type, so a new condition in front is an add, not a rename', () => {
    const bound = boundPod('worker-1');
    const creating = containerCreatingStatus(bound, '172.18.0.3', T1);
    const changes = statusChanges(bound.status, creating, 'kubelet');
    expect(changes.map((c) => `${c.op} ${c.path}`)).toEqual([
      'add status.hostIP',
      'add status.hostIPs',
      'add status.startTime',
      'add status.containerStatuses',
      'add status.conditions[0]',
      'add status.conditions[1]',
      'add status.conditions[2]',
      'add status.conditions[3]',
    ]);
    expect(changes.every((c) => c.by === 'kubelet')).toBe(true);
  });
});

describe('the kubelet patches, applied as kube-apiserver applies them', () => {
  // Applying `"lastProbeTime":null` removes the key; for Go both are the zero time.
  const noNulls = (v: unknown) =>
    JSON.parse(JSON.stringify(v, (_, x: unknown) => (x === null ? undefined : x))) as unknown;

  it('turn the stored status into the status the kubelet computed', () => {
    const bound = boundPod('worker-1');
    const creating = containerCreatingStatus(bound, '172.18.0.3', T1);
    const afterFirst = applyStrategicMergePatch(
      { metadata: { uid: TEST_UID }, status: bound.status },
      podStatusPatch(bound.status, creating, TEST_UID),
    );
    expect(noNulls(afterFirst.status)).toEqual(noNulls(creating));
    const now = syncedStatus(withStatus(bound, creating), '172.18.0.3', '10.244.1.2', [running], T2);
    const afterSecond = applyStrategicMergePatch(afterFirst, podStatusPatch(afterFirst.status, now, TEST_UID));
    expect(noNulls(afterSecond.status)).toEqual(noNulls(now));
  });

  it('treat a missing lastProbeTime as the null the kubelet writes (no spurious PodScheduled entry)', () => {
    const bound = boundPod('worker-1');
    const stored = { ...bound.status, conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: T0 }] };
    const patch = podStatusPatch(stored, containerCreatingStatus(bound, '172.18.0.3', T1), TEST_UID)!;
    const types = ((patch.status as { conditions: { type: string }[] }).conditions ?? []).map((c) => c.type);
    expect(types).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);
  });
});

describe('failure states in the status (convertToAPIContainerStatuses, getPhase, generate.go)', () => {
  const bound = boundPod('worker-1');
  const exited = (code: number, reason: string) => ({
    exitCode: code,
    reason,
    startedAt: '2026-11-26T09:30:12Z',
    finishedAt: '2026-11-26T09:30:14Z',
    containerID: running.containerID,
  });
  const ran = { containerID: running.containerID, image: running.image, imageID: running.imageID };
  const terminated = (code: number, reason: string): ContainerState => ({
    name: 'example-pod',
    running: false,
    terminated: exited(code, reason),
    ...ran,
  });
  const withPolicy = (restartPolicy: 'Always' | 'OnFailure' | 'Never'): Pod => ({
    ...bound,
    spec: { ...bound.spec!, restartPolicy },
  });

  it.each<[string, Pod, ContainerState[], string]>([
    ['nothing reported yet', bound, [], 'Pending'],
    ['waiting for its first run', bound, [{ name: 'example-pod', running: false, reason: 'ErrImagePull' }], 'Pending'],
    ['running', bound, [running], 'Running'],
    ['exited, will restart (Always)', withPolicy('Always'), [terminated(1, 'Error')], 'Running'],
    ['exited 0 (Never)', withPolicy('Never'), [terminated(0, 'Completed')], 'Succeeded'],
    ['exited 1 (Never)', withPolicy('Never'), [terminated(1, 'Error')], 'Failed'],
    ['exited 1 (OnFailure): restarting', withPolicy('OnFailure'), [terminated(1, 'Error')], 'Running'],
    ['exited 0 (OnFailure)', withPolicy('OnFailure'), [terminated(0, 'Completed')], 'Succeeded'],
    [
      'CrashLoopBackOff after a run',
      bound,
      [{ name: 'example-pod', running: false, reason: 'CrashLoopBackOff', lastTerminated: exited(1, 'Error') }],
      'Running',
    ],
  ])('%s → %s', (_, pod, states, phase) => {
    expect(podPhase(pod, states)).toBe(phase);
  });

  it('CrashLoopBackOff: waiting with the back-off message, the previous run in lastState, restartCount', () => {
    const status = syncedStatus(
      bound,
      '172.18.0.3',
      '10.244.1.2',
      [
        {
          name: 'example-pod',
          running: false,
          reason: 'CrashLoopBackOff',
          message: `back-off 10s restarting failed container=example-pod pod=example-pod_default(${TEST_UID})`,
          restartCount: 1,
          lastTerminated: exited(1, 'Error'),
          ...ran,
        },
      ],
      T2,
    ) as { phase: string; containerStatuses: unknown[] };
    expect(status.phase).toBe('Running');
    expect(status.containerStatuses).toEqual([
      {
        name: 'example-pod',
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off 10s restarting failed container=example-pod pod=example-pod_default(${TEST_UID})`,
          },
        },
        lastState: { terminated: exited(1, 'Error') },
        ready: false,
        restartCount: 1,
        image: running.image,
        imageID: running.imageID,
        containerID: running.containerID,
        started: false,
        volumeMounts: [mount],
      },
    ]);
  });

  it('Succeeded: Ready and ContainersReady False with reason PodCompleted, the sandbox gone', () => {
    const status = syncedStatus(withPolicy('Never'), '172.18.0.3', '10.244.1.2', [terminated(0, 'Completed')], T2) as {
      conditions: { type: string; status: string; reason?: string }[];
    };
    expect(status.conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['PodReadyToStartContainers', 'False', undefined],
      ['Initialized', 'True', undefined],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
      ['PodScheduled', 'True', undefined],
    ]);
  });

  it('init containers: PodInitializing everywhere, Initialized False naming them, then ready once exited 0', () => {
    const pod: Pod = {
      ...bound,
      spec: { ...bound.spec!, initContainers: [{ name: 'init-db', image: 'busybox:1.36' }] },
    };
    const first = containerCreatingStatus(pod, '172.18.0.3', T1) as {
      conditions: { type: string; status: string; reason?: string; message?: string }[];
      initContainerStatuses: { state: unknown }[];
      containerStatuses: { state: unknown }[];
    };
    expect(first.conditions[1]).toMatchObject({
      type: 'Initialized',
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init-db]',
    });
    expect(first.initContainerStatuses[0]!.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(first.containerStatuses[0]!.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(Object.keys(first)).toEqual([
      'phase',
      'conditions',
      'hostIP',
      'hostIPs',
      'startTime',
      'initContainerStatuses',
      'containerStatuses',
      'qosClass',
    ]);
    const done = syncedStatus(
      pod,
      '172.18.0.3',
      '10.244.1.2',
      [{ ...terminated(0, 'Completed'), name: 'init-db' }],
      T2,
    ) as { phase: string; conditions: { type: string; status: string }[]; initContainerStatuses: { ready: boolean }[] };
    expect(done.phase).toBe('Pending');
    expect(done.conditions[1]).toMatchObject({ type: 'Initialized', status: 'True' });
    expect(done.initContainerStatuses[0]!.ready).toBe(true);
  });
});
