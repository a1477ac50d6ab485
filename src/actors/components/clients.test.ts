/**
 * kube-scheduler, the kubelets and `kubectl get pods -w` together, around a tiny stand-in for
 * kube-apiserver that stores one pod, applies bindings and status patches, and fans watch events out
 * to the watchers whose path selects the pod.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createActor, createMachine, enqueueActions, setup, spawnChild, type AnyActorRef } from 'xstate';
import { defaultScenario } from '@scenarios';
import { type ComponentId, type KubeObject } from '@sim';
import { QueueClock } from '../clock';
import { createSimEnv } from '../env';
import type { ClusterEvent, WatchType } from '../protocol';
import { createRecorder } from '../recorder';
import { kubectlWatchMachine } from './kubectlWatch';
import { kubeletMachine } from './kubelet';
import { schedulerMachine } from './scheduler';

type Json = Record<string, unknown>;

/** Just enough of a strategic merge for pod status: conditions merge by type, null removes. */
function mergeStatus(status: Json, patch: Json): Json {
  const out: Json = { ...status };
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/')) continue;
    if (v === null) delete out[k];
    else if (k === 'conditions') {
      const order = (patch['$setElementOrder/conditions'] as { type: string }[] | undefined)?.map((c) => c.type);
      const byType = new Map(((out.conditions ?? []) as Json[]).map((c) => [c.type as string, c]));
      for (const c of v as Json[])
        byType.set(
          c.type as string,
          Object.fromEntries(Object.entries({ ...byType.get(c.type as string), ...c }).filter(([, x]) => x !== null)),
        );
      out.conditions = (order ?? [...byType.keys()]).map((t) => byType.get(t)).filter(Boolean);
    } else out[k] = v;
  }
  return out;
}

function apiserverStandIn(pod: { current: KubeObject }) {
  const watchers: { id: ComponentId; path: string }[] = [];
  const selects = (path: string, p: KubeObject) => {
    const node = (p.spec as { nodeName?: string }).nodeName ?? '';
    if (path.includes('spec.nodeName%3D')) return path.includes(`spec.nodeName%3D${node}&`) && node !== '';
    return true;
  };
  return setup({ types: { events: {} as ClusterEvent } }).createMachine({
    on: {
      'watch.start': { actions: ({ event }) => watchers.push({ id: event.watcher, path: event.path }) },
      'http.request': {
        actions: enqueueActions(({ event, enqueue, system }) => {
          const { request } = event.exchange;
          const before = pod.current;
          if (request.path.endsWith('/binding')) {
            const node = (request.body as { target: { name: string } }).target.name;
            const status = before.status as Json;
            pod.current = {
              ...before,
              metadata: { ...before.metadata, resourceVersion: '1057' },
              spec: { ...(before.spec as Json), nodeName: node },
              status: {
                ...status,
                conditions: [
                  {
                    type: 'PodScheduled',
                    status: 'True',
                    lastProbeTime: null,
                    lastTransitionTime: '2026-11-26T09:30:00Z',
                  },
                ],
              },
            };
          } else if (request.method === 'PATCH') {
            pod.current = {
              ...before,
              status: mergeStatus(before.status as Json, (request.body as Json).status as Json),
            };
          }
          const exchange = {
            ...event.exchange,
            response: {
              status: request.method === 'PATCH' ? 200 : 201,
              statusText: request.method === 'PATCH' ? 'OK' : 'Created',
              headers: {},
            },
          };
          enqueue.sendTo(
            system.get(event.exchange.client) as AnyActorRef,
            { type: 'http.response', exchange } satisfies ClusterEvent,
            { delay: 2 },
          );
          if (pod.current === before) return;
          for (const w of watchers) {
            if (!selects(w.path, pod.current)) continue;
            const watchType: WatchType = selects(w.path, before) ? 'MODIFIED' : 'ADDED';
            enqueue.sendTo(
              system.get(w.id) as AnyActorRef,
              { type: 'watch.event', watchType, object: pod.current } satisfies ClusterEvent,
              { delay: 3 },
            );
          }
        }),
      },
    },
  });
}

let stop = () => {};
afterEach(() => stop());

describe('scheduler, kubelets and kubectl get pods -w together', () => {
  it('Pending → Pending → ContainerCreating → Running on the node the scheduler picked', () => {
    const input = defaultScenario();
    const clock = new QueueClock();
    const recorder = createRecorder(() => clock.now());
    const env = createSimEnv(input, clock, recorder);
    const pod = {
      current: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'example-pod',
          namespace: 'default',
          uid: '11111111-2222-4333-8444-555555555555',
          resourceVersion: '1052',
          creationTimestamp: '2026-11-26T09:30:00Z',
        },
        spec: {
          containers: [{ name: 'example-pod', image: 'sonasingh46/node-web-app:latest', imagePullPolicy: 'Always' }],
          schedulerName: 'default-scheduler',
          priority: 0,
        },
        status: { phase: 'Pending', qosClass: 'BestEffort' },
      } as KubeObject,
    };
    const clients = [
      { id: 'kube-scheduler', logic: schedulerMachine, input: { env } },
      ...['control-plane', 'worker-1', 'worker-2'].map((node) => ({
        id: `kubelet:${node}`,
        logic: kubeletMachine,
        input: { env, node },
      })),
      { id: 'kubectl-watch', logic: kubectlWatchMachine, input: { env } },
    ];
    const root = createActor(
      createMachine({
        entry: [
          spawnChild(apiserverStandIn(pod), { id: 'kube-apiserver', systemId: 'kube-apiserver' }),
          ...clients.map((c) => spawnChild(c.logic as never, { id: c.id, systemId: c.id, input: c.input })),
        ],
      }),
      { clock },
    ).start();
    stop = () => root.stop();
    for (const c of clients) root.system.get(c.id)!.send({ type: 'sim.start' });
    // The create's ADDED reaches the scheduler and kubectl-watch (the kubelets' selectors exclude it).
    clock.setTimeout(() => {
      for (const id of ['kube-scheduler', 'kubectl-watch'])
        root.system.get(id)!.send({ type: 'watch.event', watchType: 'ADDED', object: pod.current });
    }, 30);
    expect(clock.runUntilIdle(120_000)).toBe(false);

    const node = (pod.current.spec as { nodeName: string }).nodeName;
    const terminal = recorder.steps
      .at(-1)!
      .terminal.filter((l) => l.terminal === 'watch')
      .map((l) => l.text);
    expect(terminal.slice(0, 4)).toEqual([
      'kubectl get pods -w',
      'NAME          READY   STATUS    RESTARTS   AGE',
      'example-pod   0/1     Pending   0          0s',
      'example-pod   0/1     Pending   0          0s',
    ]);
    expect(terminal[4]).toBe('example-pod   0/1     ContainerCreating   0          0s');
    expect(terminal[5]).toMatch(/^example-pod {3}1\/1 {5}Running {13}0 {10}1[23]s$/);
    expect(terminal).toHaveLength(6);
    expect(pod.current.status).toMatchObject({
      phase: 'Running',
      podIP: node === 'worker-1' ? '10.244.1.2' : '10.244.2.2',
    });
    expect(
      (pod.current.status as { conditions: { type: string; status: string }[] }).conditions.map(
        (c) => `${c.type}=${c.status}`,
      ),
    ).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const order = recorder.steps.map((s) => `${s.component} ${s.place}`);
    expect(order.filter((s) => !s.startsWith('kubectl-watch'))).toEqual([
      'kube-scheduler queue',
      'kube-scheduler filter',
      'kube-scheduler score',
      'kube-scheduler bind',
      'kube-scheduler bind',
      `kubelet:${node} kubelet-admission`,
      `kubelet:${node} status`,
      `kubelet:${node} sync`,
      `kubelet:${node} sandbox`,
      `kubelet:${node} network`,
      `kubelet:${node} image`,
      `kubelet:${node} image`,
      `kubelet:${node} image`,
      `kubelet:${node} image`,
      `kubelet:${node} container`,
      `kubelet:${node} container`,
      `kubelet:${node} container`,
      `kubelet:${node} container`,
      `kubelet:${node} status`,
    ]);
  });
});
