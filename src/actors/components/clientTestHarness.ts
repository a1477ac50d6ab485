/**
 * Test harness for the API clients (kube-scheduler, kubelets, kubectl-watch): spawns the machine under
 * a small root as system.ts does, with a tiny stand-in for kube-apiserver that records what it
 * receives and answers every request. Tests drive it with watch events and read the requests back.
 */
import {
  createActor,
  createMachine,
  enqueueActions,
  setup,
  spawnChild,
  type AnyActorRef,
  type AnyStateMachine,
} from 'xstate';
import { type ComponentId, type HttpExchange, type HttpResponse, type KubeObject, type ScenarioInput } from '@sim';
import { QueueClock } from '../clock';
import { createSimEnv } from '../env';
import type { ClusterEvent } from '../protocol';
import { createRecorder } from '../recorder';

/** How the stand-in answers a request. */
export type Responder = (exchange: HttpExchange) => HttpResponse;

const created: Responder = (ex) =>
  ex.request.method === 'PATCH'
    ? { status: 200, statusText: 'OK', headers: { 'Content-Type': 'application/json' } }
    : {
        status: 201,
        statusText: 'Created',
        headers: { 'Content-Type': 'application/json' },
        body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 },
      };

function apiserverStub(received: ClusterEvent[], respond: Responder) {
  return setup({ types: { events: {} as ClusterEvent } }).createMachine({
    on: {
      'watch.start': { actions: ({ event }) => received.push(event) },
      'http.request': {
        actions: enqueueActions(({ event, enqueue, system }) => {
          received.push(event);
          const exchange = { ...event.exchange, response: respond(event.exchange) };
          enqueue.sendTo(
            system.get(event.exchange.client) as AnyActorRef,
            { type: 'http.response', exchange } satisfies ClusterEvent,
            { delay: 2 },
          );
        }),
      },
    },
  });
}

export function startClient(
  input: ScenarioInput,
  client: { id: ComponentId; logic: AnyStateMachine; extraInput?: object },
  respond: Responder = created,
) {
  const clock = new QueueClock();
  const recorder = createRecorder(() => clock.now());
  const env = createSimEnv(input, clock, recorder);
  const received: ClusterEvent[] = [];
  const root = createActor(
    createMachine({
      entry: [
        spawnChild(apiserverStub(received, respond), { id: 'kube-apiserver', systemId: 'kube-apiserver' }),
        spawnChild(client.logic, { id: client.id, systemId: client.id, input: { env, ...client.extraInput } }),
      ],
    }),
    { clock },
  ).start();
  const actor = root.system.get(client.id)!;
  actor.send({ type: 'sim.start' });
  return {
    clock,
    recorder,
    received,
    /** Requests received by the stand-in, in arrival order. */
    requests: () => received.flatMap((e) => (e.type === 'http.request' ? [e.exchange.request] : [])),
    watch(watchType: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject) {
      actor.send({ type: 'watch.event', watchType, object } satisfies ClusterEvent);
    },
    run: (horizonMs = 600_000) => clock.runUntilIdle(horizonMs),
    stop: () => root.stop(),
  };
}
