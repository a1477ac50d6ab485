import { afterEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '@scenarios';
import type { KubeObject } from '@sim';
import { startClient } from './clientTestHarness';
import { kubeletMachine, kubeletNodeWatchPath, kubeletWatchPath } from './kubelet';

const UID = '11111111-2222-4333-8444-555555555555';

/** The story pod after the binding, as the kubelet's watch delivers it. */
function boundPod(node: string, requests: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'example-pod',
      namespace: 'default',
      uid: UID,
      resourceVersion: '1057',
      creationTimestamp: '2026-11-26T09:30:00Z',
    },
    spec: {
      nodeName: node,
      containers: [
        {
          name: 'example-pod',
          image: 'sonasingh46/node-web-app:latest',
          imagePullPolicy: 'Always',
          resources: { requests },
          volumeMounts: [
            {
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              name: 'kube-api-access-7xk2p',
              readOnly: true,
            },
          ],
        },
      ],
      volumes: [{ name: 'kube-api-access-7xk2p', projected: { sources: [] } }],
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Pending',
      qosClass: 'BestEffort',
      conditions: [
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-26T09:30:00Z' },
      ],
    },
  };
}

let stop = () => {};
afterEach(() => stop());

/** A kubelet on `node`; `existing` objects join the cluster (its informers' initial lists). */
function kubelet(node = 'worker-1', existing: KubeObject[] = []) {
  const scenario = defaultScenario();
  scenario.cluster = [...scenario.cluster, ...existing];
  const sim = startClient(scenario, { id: `kubelet:${node}`, logic: kubeletMachine, extraInput: { node } });
  stop = sim.stop;
  return sim;
}

describe('kubelet machine', () => {
  it('opens its node-scoped pod watch, the watch on its own Node and the ConfigMap/Secret watches at start', () => {
    const sim = kubelet('worker-2');
    sim.run(10);
    expect(sim.received).toEqual([
      {
        type: 'watch.start',
        watcher: 'kubelet:worker-2',
        path: '/api/v1/pods?fieldSelector=spec.nodeName%3Dworker-2&watch=true',
      },
      {
        type: 'watch.start',
        watcher: 'kubelet:worker-2',
        path: '/api/v1/nodes?fieldSelector=metadata.name%3Dworker-2&watch=true',
      },
      { type: 'watch.start', watcher: 'kubelet:worker-2', path: '/api/v1/configmaps?watch=true' },
      { type: 'watch.start', watcher: 'kubelet:worker-2', path: '/api/v1/secrets?watch=true' },
    ]);
    expect(kubeletWatchPath('worker-2')).toBe('/api/v1/pods?fieldSelector=spec.nodeName%3Dworker-2&watch=true');
    expect(kubeletNodeWatchPath('worker-2')).toBe('/api/v1/nodes?fieldSelector=metadata.name%3Dworker-2&watch=true');
  });

  it.each([
    ['without the label: NodeAffinity rejects it', {}, ['Rejected: NodeAffinity', 'PATCH status: Failed']],
    ['after the Node watch brought the label: admitted', { disktype: 'ssd' }, ['Admit pod on worker-1']],
  ])('admits against the Node its watch last delivered, %s', (_, labels, titles) => {
    const sim = kubelet();
    const node = defaultScenario().cluster.find((o) => o.kind === 'Node' && o.metadata.name === 'worker-1')!;
    const metadata = { ...node.metadata, labels: { ...node.metadata.labels, ...labels } };
    sim.watch('MODIFIED', { ...node, metadata });
    // A watch event for another node changes nothing.
    sim.watch('MODIFIED', { ...node, metadata: { ...metadata, name: 'worker-2', labels: { disktype: 'hdd' } } });
    const pod = boundPod('worker-1');
    (pod.spec as { nodeSelector?: Record<string, string> }).nodeSelector = { disktype: 'ssd' };
    sim.watch('ADDED', pod);
    sim.run(5);
    expect(sim.recorder.steps.map((s) => s.title).slice(0, titles.length)).toEqual(titles);
  });

  it('replaces a running container whose image an update changed: Killing, SIGKILL after 30 s, pull, start, restartCount 1', () => {
    const running: KubeObject = {
      ...boundPod('worker-1'),
      status: {
        phase: 'Running',
        hostIP: '172.18.0.3',
        podIP: '10.244.1.2',
        startTime: '2026-11-26T09:30:00Z',
        containerStatuses: [
          {
            name: 'example-pod',
            state: { running: { startedAt: '2026-11-26T09:30:12Z' } },
            lastState: {},
            ready: true,
            restartCount: 0,
            image: 'docker.io/sonasingh46/node-web-app:latest',
            imageID: 'docker.io/sonasingh46/node-web-app@sha256:7a3b',
            containerID: 'containerd://0ld',
            started: true,
          },
        ],
      },
    };
    // Already running here (the informer's initial list). An update that changes no container's
    // definition (a status write, a label) changes nothing.
    const sim = kubelet('worker-1', [running]);
    sim.watch('MODIFIED', { ...running, metadata: { ...running.metadata, labels: { tier: 'web' } } });
    sim.run(1_000);
    expect(sim.requests()).toEqual([]);
    const updated = structuredClone(running);
    (updated.spec as { containers: { image: string }[] }).containers[0]!.image = 'nginx:1.27';
    sim.watch('MODIFIED', updated);
    sim.run();
    const reqs = sim.requests();
    expect(
      reqs.map((r) => (r.method === 'POST' ? (r.body as { message: string }).message : `${r.method} ${r.path}`)),
    ).toEqual([
      'Container example-pod definition changed, will be restarted',
      'Pulling image "nginx:1.27"',
      expect.stringMatching(/^Successfully pulled image "nginx:1.27" in /),
      'Created container: example-pod',
      'Started container example-pod',
      'PATCH /api/v1/namespaces/default/pods/example-pod/status',
    ]);
    const titles = sim.recorder.steps.map((s) => s.title);
    expect(titles.slice(0, 3)).toEqual([
      'Event Killing',
      'StopContainer example-pod (grace 30s)',
      'example-pod exited: Error (137)',
    ]);
    expect(titles).not.toContain('Admit pod on worker-1');
    const stopped = sim.recorder.steps[2]!.t - sim.recorder.steps[0]!.t;
    expect(stopped).toBe(30_000);
    expect(reqs.at(-1)!.body).toMatchObject({
      status: {
        containerStatuses: [
          {
            image: 'docker.io/library/nginx:1.27',
            restartCount: 1,
            lastState: {
              terminated: {
                exitCode: 137,
                reason: 'Error',
                startedAt: '2026-11-26T09:30:12Z',
                containerID: 'containerd://0ld',
              },
            },
          },
        ],
      },
    });
  });

  it('syncs a bound pod: the request sequence, with headers, event texts and status patches', () => {
    const sim = kubelet();
    sim.watch('ADDED', boundPod('worker-1'));
    expect(sim.run()).toBe(false);
    const reqs = sim.requests();
    expect(reqs.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PATCH /api/v1/namespaces/default/pods/example-pod/status',
      'POST /api/v1/namespaces/default/events',
      'POST /api/v1/namespaces/default/events',
      'POST /api/v1/namespaces/default/events',
      'POST /api/v1/namespaces/default/events',
      'PATCH /api/v1/namespaces/default/pods/example-pod/status',
    ]);
    const events = reqs
      .filter((r) => r.method === 'POST')
      .map(
        (r) => r.body as { reason: string; message: string; source: unknown; involvedObject: { fieldPath: string } },
      );
    expect(events.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(events[0]!.message).toBe('Pulling image "sonasingh46/node-web-app:latest"');
    expect(events[1]!.message).toMatch(
      /^Successfully pulled image "sonasingh46\/node-web-app:latest" in (\d+\.\d+s) \(\1 including waiting\)\. Image size: 345112384 bytes\.$/,
    );
    expect(events[2]!.message).toBe('Created container: example-pod');
    expect(events[3]!.message).toBe('Started container example-pod');
    expect(events.every((e) => JSON.stringify(e.source) === '{"component":"kubelet","host":"worker-1"}')).toBe(true);
    expect(events.every((e) => e.involvedObject.fieldPath === 'spec.containers{example-pod}')).toBe(true);

    const [creating, running] = reqs.filter((r) => r.method === 'PATCH');
    expect(creating!.headers).toEqual({
      Accept: 'application/vnd.kubernetes.protobuf,application/json',
      'Content-Type': 'application/strategic-merge-patch+json',
      'User-Agent': 'kubelet/v1.33.0 (linux/amd64) kubernetes/60a317e',
    });
    expect(creating!.body).toMatchObject({
      metadata: { uid: UID },
      status: {
        hostIP: '172.18.0.3',
        containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }],
        '$setElementOrder/conditions': [
          { type: 'PodReadyToStartContainers' },
          { type: 'Initialized' },
          { type: 'Ready' },
          { type: 'ContainersReady' },
          { type: 'PodScheduled' },
        ],
      },
    });
    expect(running!.body).toMatchObject({
      metadata: { uid: UID },
      status: {
        phase: 'Running',
        podIP: '10.244.1.2',
        podIPs: [{ ip: '10.244.1.2' }],
        containerStatuses: [{ ready: true, started: true, image: 'docker.io/sonasingh46/node-web-app:latest' }],
      },
    });
  });

  it('records CRI calls as node-local steps and status/event requests with packets, and moves the pod card', () => {
    const sim = kubelet();
    sim.watch('ADDED', boundPod('worker-1'));
    sim.run();
    const steps = sim.recorder.steps;
    expect(steps.map((s) => `${s.place}: ${s.title}`)).toEqual([
      'kubelet-admission: Admit pod on worker-1',
      'status: PATCH status: ContainerCreating',
      'sync: Cgroup and volumes ready',
      'sandbox: RunPodSandbox: pause container up',
      'network: CNI ADD: pod IP 10.244.1.2',
      'image: CRI PullImage started',
      'image: Event Pulling',
      'image: CRI PullImage done',
      'image: Event Pulled',
      'container: CRI CreateContainer example-pod',
      'container: Event Created',
      'container: CRI StartContainer example-pod',
      'container: Event Started',
      'status: PATCH status: Running',
    ]);
    // CRI calls happen inside the node: no packets; events and status patches are requests
    const cri = steps.filter(
      (s) => s.title.startsWith('CRI') || ['sandbox', 'network', 'sync', 'kubelet-admission'].includes(s.place),
    );
    expect(cri).toHaveLength(8);
    expect(cri.every((s) => s.packets.length === 0)).toBe(true);
    expect(steps[1]!.packets).toEqual([
      { from: 'kubelet:worker-1', to: 'kube-apiserver', kind: 'request', label: 'PATCH pods/status' },
    ]);
    expect(steps[6]!.packets).toEqual([
      { from: 'kubelet:worker-1', to: 'kube-apiserver', kind: 'request', label: 'POST events' },
    ]);
    expect(steps[1]!.pod).toMatchObject({
      at: 'kubelet:worker-1',
      status: 'ContainerCreating',
      ready: '0/1',
      nodeName: 'worker-1',
    });
    expect(steps.at(-1)!.pod).toMatchObject({
      at: 'kubelet:worker-1',
      status: 'Running',
      ready: '1/1',
      nodeName: 'worker-1',
      podIP: '10.244.1.2',
    });
    expect(steps.at(-1)!.changes.find((c) => c.path === 'status.phase')).toEqual({
      path: 'status.phase',
      op: 'replace',
      before: 'Pending',
      after: 'Running',
      by: 'kubelet',
    });
    // pulling ~345 MB takes ~12 s of simulated time
    expect(steps[7]!.t - steps[6]!.t).toBeGreaterThan(11_000);
  });

  it('does not wait for event responses, and ignores pods of other nodes and pods seen again', () => {
    const sim = kubelet();
    sim.watch('ADDED', boundPod('worker-2'));
    sim.watch('ADDED', boundPod('worker-1'));
    sim.watch('MODIFIED', boundPod('worker-1'));
    sim.run();
    expect(sim.requests().filter((r) => r.method === 'PATCH')).toHaveLength(2);
  });

  it('rejects a pod that does not fit: Warning OutOfcpu event and phase Failed', () => {
    const sim = kubelet();
    sim.watch('ADDED', boundPod('worker-1', { cpu: '4' }));
    sim.run();
    const [event, patch] = sim.requests();
    expect(event!.body).toMatchObject({
      type: 'Warning',
      reason: 'OutOfcpu',
      message: "Node didn't have enough resource: cpu, requested: 4000, used: 100, capacity: 4000",
    });
    expect(patch!.body).toMatchObject({
      status: {
        phase: 'Failed',
        reason: 'OutOfcpu',
        message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 4000, used: 100, capacity: 4000",
      },
    });
    expect(sim.recorder.steps.map((s) => s.title)).toEqual(['Rejected: OutOfcpu', 'PATCH status: Failed']);
  });

  it('a missing image: Pulling, the CRI failure, Failed and Error: ErrImagePull, then the ErrImagePull status and the back-off', () => {
    const sim = kubelet();
    const pod = boundPod('worker-1');
    const spec = pod.spec as { containers: { image: string; imagePullPolicy: string }[] };
    spec.containers[0]!.image = 'nginx:doesnotexist';
    spec.containers[0]!.imagePullPolicy = 'IfNotPresent';
    sim.watch('ADDED', pod);
    sim.run();
    const steps = sim.recorder.steps;
    expect(steps.slice(5, 17).map((s) => s.title)).toEqual([
      'CRI PullImage started',
      'Event Pulling',
      'CRI PullImage failed',
      'Event Failed',
      'Event Failed',
      'PATCH status: ErrImagePull',
      'Image pull in back-off: no pull',
      'Event BackOff',
      'Event Failed',
      'PATCH status: ImagePullBackOff',
      'Event Pulling (x2)',
      'Event Failed (x2)',
    ]);
    expect(steps[10]!.pod).toMatchObject({ status: 'ErrImagePull', ready: '0/1', podIP: '10.244.1.2' });
  });

  it('a repeated event is a PATCH of the Event it first created: count, lastTimestamp, message', () => {
    const sim = kubelet();
    const pod = boundPod('worker-1');
    const spec = pod.spec as { containers: { image: string; imagePullPolicy: string }[] };
    spec.containers[0]!.image = 'nginx:doesnotexist';
    spec.containers[0]!.imagePullPolicy = 'IfNotPresent';
    sim.watch('ADDED', pod);
    sim.run();
    const reqs = sim.requests();
    const firstPulling = reqs.find((r) => r.method === 'POST' && (r.body as { reason: string }).reason === 'Pulling')!;
    const name = (firstPulling.body as { metadata: { name: string } }).metadata.name;
    const repeats = reqs.filter((r) => r.path === `/api/v1/namespaces/default/events/${name}`);
    expect(repeats.map((r) => r.method)).toEqual(['PATCH', 'PATCH', 'PATCH']);
    expect(repeats[0]!.headers['Content-Type']).toBe('application/strategic-merge-patch+json');
    expect(Object.keys(repeats[0]!.body as object)).toEqual(['count', 'lastTimestamp', 'message']);
    expect(repeats.map((r) => (r.body as { count: number }).count)).toEqual([2, 3, 4]);
    expect((repeats[0]!.body as { message: string }).message).toBe('Pulling image "nginx:doesnotexist"');
    // Events recorded in the same instant still get distinct names (UnixNano suffixes)
    const names = reqs
      .filter((r) => r.method === 'POST')
      .map((r) => (r.body as { metadata: { name: string } }).metadata.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('ends a loop cut by the horizon with what the kubelet would do next, and keeps its retry pending', () => {
    const scenario = defaultScenario();
    scenario.horizonMs = 60_000;
    const sim = startClient(scenario, {
      id: 'kubelet:worker-1',
      logic: kubeletMachine,
      extraInput: { node: 'worker-1' },
    });
    stop = sim.stop;
    const pod = boundPod('worker-1');
    const spec = pod.spec as { containers: { image: string; imagePullPolicy: string }[] };
    spec.containers[0]!.image = 'Sona/Bad:latest';
    sim.watch('ADDED', pod);
    expect(sim.run(60_000)).toBe(true); // work still pending at the horizon
    const last = sim.recorder.steps.at(-1)!;
    expect(last.t).toBeLessThan(60_000);
    expect(last.narration.detail).toMatch(
      /From here the kubelet retries each time its pod worker re-syncs the pod, every 10–15 s; the simulation stops here\.$/,
    );
  });

  it('points init container events at spec.initContainers{name}', () => {
    const sim = kubelet();
    const pod = boundPod('worker-1');
    (pod.spec as { initContainers: unknown[] }).initContainers = [
      { name: 'init-db', image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent' },
    ];
    sim.watch('ADDED', pod);
    sim.run(30_000);
    const started = sim
      .requests()
      .filter((r) => r.method === 'POST')
      .map((r) => r.body as { message: string; involvedObject: { fieldPath: string } })
      .find((e) => e.message === 'Started container init-db')!;
    expect(started.involvedObject.fieldPath).toBe('spec.initContainers{init-db}');
    expect(sim.recorder.steps[1]!.title).toBe('PATCH status: Init:0/1');
  });
});
