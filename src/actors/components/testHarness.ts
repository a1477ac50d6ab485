/**
 * Test support: runs kubectl, kube-apiserver and etcd (plus stub clients) under one root on the
 * QueueClock, as system.ts does, and collects what the stubs receive. Used by the component tests only.
 */
import {
  createActor,
  createMachine,
  enqueueActions,
  setup,
  spawnChild,
  type AnyActorLogic,
  type AnyStateMachine,
} from 'xstate';
import { type ComponentId, type HttpExchange, type KubeObject, type ScenarioInput } from '@sim';
import { QueueClock } from '../clock';
import { createSimEnv } from '../env';
import type { ClusterEvent, WatchType } from '../protocol';
import { createRecorder } from '../recorder';
import { apiserverLogic } from './apiserver';
import { etcdLogic } from './etcd';
import { kubectlMachine } from './kubectl';

export interface Received {
  watch: { watcher: ComponentId; watchType: WatchType; object: KubeObject }[];
  responses: HttpExchange[];
}

/** A client that opens a watch at start and sends the given requests at the given times. */
function stubClient(
  id: ComponentId,
  received: Received,
  watchPath: string | undefined,
  requests: { at: number; exchange: (r: Received) => HttpExchange | undefined }[],
) {
  return setup({ types: {} as { events: ClusterEvent | { type: 'stub.send'; i: number } } }).createMachine({
    on: {
      'sim.start': {
        actions: enqueueActions(({ enqueue, system }) => {
          const api = system.get('kube-apiserver');
          const start: ClusterEvent = { type: 'watch.start', watcher: id, path: watchPath ?? '' };
          if (watchPath) enqueue.sendTo(api, start, { delay: 1 });
          requests.forEach((r, i) => enqueue.raise({ type: 'stub.send', i }, { delay: r.at }));
        }),
      },
      'stub.send': {
        actions: enqueueActions(({ event, enqueue, system }) => {
          const exchange = requests[event.i]!.exchange(received);
          const message: ClusterEvent | undefined = exchange ? { type: 'http.request', exchange } : undefined;
          if (message) enqueue.sendTo(system.get('kube-apiserver'), message, { delay: 2 });
        }),
      },
      'watch.event': {
        actions: ({ event }) => received.watch.push({ watcher: id, watchType: event.watchType, object: event.object }),
      },
      'http.response': { actions: ({ event }) => received.responses.push(event.exchange) },
    },
  });
}

export interface StubSpec {
  id: ComponentId;
  watchPath?: string;
  requests?: { at: number; exchange: (r: Received) => HttpExchange | undefined }[];
}

export function runCluster(input: ScenarioInput, stubs: StubSpec[] = [], horizonMs = 10_000) {
  const clock = new QueueClock();
  const recorder = createRecorder(() => clock.now());
  const env = createSimEnv(input, clock, recorder);
  const received: Received = { watch: [], responses: [] };
  const children: { id: ComponentId; logic: AnyActorLogic; input?: object }[] = [
    { id: 'etcd', logic: etcdLogic, input: { env } },
    { id: 'kube-apiserver', logic: apiserverLogic, input: { env } },
    ...stubs.map((s) => ({
      id: s.id,
      logic: stubClient(s.id, received, s.watchPath, s.requests ?? []) as AnyStateMachine,
    })),
    { id: 'kubectl', logic: kubectlMachine, input: { env } },
  ];
  const root = createActor(
    createMachine({
      entry: enqueueActions(({ enqueue }) => {
        for (const c of children) enqueue(spawnChild(c.logic, { id: c.id, systemId: c.id, input: c.input }));
      }),
    }),
    { clock },
  ).start();
  for (const c of children) root.system.get(c.id)?.send({ type: 'sim.start' });
  root.system.get('kubectl')?.send({ type: 'kubectl.run' });
  clock.runUntilIdle(horizonMs);
  root.stop();
  return { steps: recorder.steps, stored: recorder.stored, received };
}
