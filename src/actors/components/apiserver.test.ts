import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@scenarios';
import {
  bindingBody,
  clientHeaders,
  eventsPath,
  kubeletEvent,
  podStatusPatch,
  schedulerEvent,
  type HttpExchange,
  type KubeObject,
} from '@sim';
import type { Pod } from 'kubernetes-types/core/v1';
import { runCluster, type Received, type StubSpec } from './testHarness';

const POD_KEY = '/registry/pods/default/example-pod';
const SCHEDULER_WATCH = '/api/v1/pods?fieldSelector=status.phase%21%3DSucceeded%2Cstatus.phase%21%3DFailed&watch=true';
const kubeletWatch = (node: string) => `/api/v1/pods?fieldSelector=spec.nodeName%3D${node}&watch=true`;

/** The latest version of the pod a stub has seen through its watch. */
const seen = (r: Received, watcher: string) =>
  r.watch.filter((w) => w.watcher === watcher).at(-1)?.object as (KubeObject & Pod) | undefined;

function statusPatch(r: Received, node: string, id: string): HttpExchange | undefined {
  const pod = seen(r, `kubelet:${node}`) ?? seen(r, 'kube-scheduler');
  if (!pod) return undefined;
  const status = {
    ...pod.status,
    hostIP: '172.18.0.3',
    conditions: [{ type: 'PodReadyToStartContainers', status: 'False' }, ...(pod.status?.conditions ?? [])],
  };
  return {
    id,
    client: `kubelet:${node}`,
    request: {
      method: 'PATCH',
      path: '/api/v1/namespaces/default/pods/example-pod/status',
      headers: clientHeaders('kubelet', { patch: true }),
      body: podStatusPatch(pod.status, status, pod.metadata.uid),
    },
  };
}

const stubs: StubSpec[] = [
  {
    id: 'kube-scheduler',
    watchPath: SCHEDULER_WATCH,
    requests: [
      {
        at: 100,
        exchange: (r) => {
          const pod = seen(r, 'kube-scheduler')!;
          return {
            id: 'kube-scheduler-1',
            client: 'kube-scheduler',
            request: {
              method: 'POST',
              path: '/api/v1/namespaces/default/pods/example-pod/binding',
              headers: clientHeaders('kube-scheduler'),
              body: bindingBody(pod, 'worker-1'),
            },
          };
        },
      },
      {
        at: 101,
        exchange: (r) => {
          const pod = seen(r, 'kube-scheduler')!;
          const body = schedulerEvent({
            pod,
            type: 'Normal',
            reason: 'Scheduled',
            action: 'Binding',
            note: 'Successfully assigned default/example-pod to worker-1',
            host: 'control-plane',
            timeMicro: '2026-11-26T09:30:00.101000Z',
          });
          return {
            id: 'kube-scheduler-2',
            client: 'kube-scheduler',
            request: { method: 'POST', path: eventsPath('default'), headers: clientHeaders('kube-scheduler'), body },
          };
        },
      },
    ],
  },
  {
    id: 'kubelet:worker-1',
    watchPath: kubeletWatch('worker-1'),
    requests: [
      { at: 200, exchange: (r) => statusPatch(r, 'worker-1', 'kubelet-worker-1-1') },
      {
        at: 201,
        exchange: (r) => {
          const pod = seen(r, 'kubelet:worker-1')!;
          const body = kubeletEvent({
            pod,
            node: 'worker-1',
            event: { type: 'Normal', reason: 'Pulling', message: 'Pulling image "sonasingh46/node-web-app:latest"' },
            container: 'example-pod',
            time: '2026-11-26T09:30:00Z',
            timeMicro: '2026-11-26T09:30:00.201000Z',
          });
          return {
            id: 'kubelet-worker-1-2',
            client: 'kubelet:worker-1',
            request: {
              method: 'POST',
              path: '/api/v1/namespaces/default/events',
              headers: clientHeaders('kubelet'),
              body,
            },
          };
        },
      },
    ],
  },
  {
    id: 'kubelet:worker-2',
    watchPath: kubeletWatch('worker-2'),
    requests: [{ at: 300, exchange: (r) => statusPatch(r, 'worker-2', 'kubelet-worker-2-1') }],
  },
  { id: 'kubectl-watch', watchPath: '/api/v1/namespaces/default/pods?watch=true' },
];

describe('kube-apiserver serving kube-scheduler and kubelets', () => {
  const run = runCluster(defaultScenario(), stubs);
  const pod = run.stored[POD_KEY] as KubeObject & Pod;
  const response = (id: string) => run.received.responses.find((e) => e.id === id)!.response!;

  it('binds the pod: nodeName and PodScheduled=True, answered with Status Success 201', () => {
    expect(response('kube-scheduler-1')).toMatchObject({
      status: 201,
      statusText: 'Created',
      body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 },
    });
    expect(pod.spec?.nodeName).toBe('worker-1');
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')).toEqual({
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: '2026-11-26T09:30:00Z',
    });
  });

  it('records component requests compactly: allowed, persisted, answered', () => {
    const binding = run.steps.filter((s) => s.http?.id === 'kube-scheduler-1' && s.component === 'kube-apiserver');
    expect(binding.map((s) => `${s.place}: ${s.title}`)).toEqual([
      'authorization: kube-scheduler: create pods/binding allowed',
      'persist: Bind to worker-1: Txn update',
      'handler: 201: pod bound to worker-1',
    ]);
    expect(binding[1]!.changes.map((c) => `${c.op} ${c.path} ${c.by}`)).toEqual([
      'add spec.nodeName kube-scheduler',
      'add status.conditions kube-scheduler',
    ]);
    expect(binding[0]!.facts).toContainEqual({ label: 'binding', value: 'ClusterRoleBinding system:kube-scheduler' });
  });

  it('merges the kubelet status patch and credits the kubelet', () => {
    expect(response('kubelet-worker-1-1').status).toBe(200);
    expect(pod.status).toMatchObject({ phase: 'Pending', qosClass: 'BestEffort', hostIP: '172.18.0.3' });
    expect(pod.status?.conditions?.map((c) => c.type)).toEqual(['PodReadyToStartContainers', 'PodScheduled']);
    const persist = run.steps.find((s) => s.http?.id === 'kubelet-worker-1-1' && s.place === 'persist')!;
    expect(persist.changes.map((c) => c.by)).toEqual(persist.changes.map(() => 'kubelet'));
    expect(
      run.steps.find((s) => s.http?.id === 'kubelet-worker-1-1' && s.place === 'authorization')!.facts,
    ).toContainEqual({ label: 'authorizer', value: 'Node' });
  });

  it('refuses a status patch from a node the pod is not bound to (NodeRestriction)', () => {
    expect(response('kubelet-worker-2-1')).toMatchObject({
      status: 403,
      body: {
        message:
          'pods "example-pod" is forbidden: node "worker-2" can only update pod status for pods with spec.nodeName set to itself',
        reason: 'Forbidden',
        code: 403,
      },
    });
  });

  it('fans each change out by selector: the kubelet sees ADDED once the pod is bound to it', () => {
    const byWatcher = (w: string) =>
      run.received.watch
        .filter((e) => e.watcher === w)
        .map((e) => `${e.watchType} ${e.object.metadata.resourceVersion}`);
    const rv = (n: number) => String(Number(run.received.watch[0]!.object.metadata.resourceVersion) + n);
    expect(byWatcher('kube-scheduler')).toEqual([`ADDED ${rv(0)}`, `MODIFIED ${rv(1)}`, `MODIFIED ${rv(3)}`]);
    expect(byWatcher('kubelet:worker-1')).toEqual([`ADDED ${rv(1)}`, `MODIFIED ${rv(3)}`]);
    expect(byWatcher('kubelet:worker-2')).toEqual([]);
    expect(byWatcher('kubectl-watch')).toEqual([`ADDED ${rv(0)}`, `MODIFIED ${rv(1)}`, `MODIFIED ${rv(3)}`]);
    const fanout = run.steps
      .filter((s) => s.place === 'watch-cache')
      .map((s) => s.packets.map((p) => `${p.to} ${p.label}`));
    expect(fanout[1]).toEqual(['kube-scheduler MODIFIED', 'kubelet:worker-1 ADDED', 'kubectl-watch MODIFIED']);
  });

  it('stores Events under /registry/events as core/v1 and records them without steps of their own', () => {
    const events = Object.entries(run.stored).filter(([k]) => k.startsWith('/registry/events/'));
    expect(events.map(([k]) => k)).toEqual([
      expect.stringMatching(/^\/registry\/events\/default\/example-pod\.[0-9a-f]{16}$/),
      expect.stringMatching(/^\/registry\/events\/default\/example-pod\.[0-9a-f]{16}$/),
    ]);
    expect(events[0]![1]).toMatchObject({
      kind: 'Event',
      apiVersion: 'v1',
      reason: 'Scheduled',
      message: 'Successfully assigned default/example-pod to worker-1',
      reportingComponent: 'default-scheduler',
      involvedObject: { kind: 'Pod', name: 'example-pod' },
    });
    expect(run.steps.at(-1)!.events.map((e) => `${e.type} ${e.reason} ${e.from} ${e.object}: ${e.message}`)).toEqual([
      'Normal Scheduled default-scheduler pod/example-pod: Successfully assigned default/example-pod to worker-1',
      'Normal Pulling kubelet pod/example-pod: Pulling image "sonasingh46/node-web-app:latest"',
    ]);
    expect(run.steps.filter((s) => s.objectKey?.startsWith('/registry/events/'))).toEqual([]);
    expect(response('kube-scheduler-2').status).toBe(201);
  });
});
