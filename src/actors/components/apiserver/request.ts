/**
 * One request inside kube-apiserver, as an actor: it runs the stages of its route one after the
 * other, each taking its processing time, waits for etcd when a stage calls it (retrying an
 * optimistic update on a revision conflict, as GuaranteedUpdate does), and ends with the response to
 * the client. The apiserver machine spawns one per request and forwards etcd's answers to it.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { HttpExchange } from '@sim';
import type { SimEnv } from '../../env';
import type { ClusterEvent, EtcdResult } from '../../protocol';
import type { ApiCache } from './cache';
import type { Effect, RequestState, Stage, StageResult } from './pipeline';
import { parseRequestInfo } from './requestInfo';
import { routeFor } from './routes';

export interface RequestInput {
  env: SimEnv;
  cache: ApiCache;
  exchange: HttpExchange;
}

interface RequestContext {
  env: SimEnv;
  cache: ApiCache;
  stages: readonly Stage[];
  index: number;
  state: RequestState;
  /** The result of the running stage, applied when its time is up. */
  pending?: StageResult;
  etcdCalls: number;
}

type RequestEvent = { type: 'etcd.response'; id: string; result: EtcdResult };

/** Sent to the apiserver when the response is ready. */
export interface RequestDone {
  type: 'request.done';
  exchange: HttpExchange;
}

/** GuaranteedUpdate gives up after this many conflicts in a row (it retries while the object keeps changing). */
export const MAX_UPDATE_ATTEMPTS = 5;

/** The etcd call ids of a request: `<exchange id>#<n>`, so the apiserver can route the answer back. */
export const etcdCallId = (exchangeId: string, n: number) => `${exchangeId}#${n}`;
export const exchangeOfEtcdCall = (id: string) => id.slice(0, id.lastIndexOf('#'));
export const requestActorId = (exchangeId: string) => `req:${exchangeId}`;

function applyEffect(env: SimEnv, e: Effect): void {
  if (e.kind === 'podCard') env.recorder.podCard(e.card);
  else if (e.kind === 'event') env.recorder.event(e.event);
  else env.recorder.step(e.draft);
}

export const requestMachine = setup({
  types: {} as { context: RequestContext; events: RequestEvent; input: RequestInput },
  delays: { stageTime: ({ context }) => context.pending?.ms ?? 0 },
  guards: {
    responds: ({ context }) => context.pending?.next === 'respond',
    callsEtcd: ({ context }) => context.pending?.next === 'etcd',
    retries: ({ context, event }) => {
      const p = context.pending;
      return (
        event.result.error === 'revision mismatch' &&
        p?.next === 'etcd' &&
        !!p.retryOnConflict &&
        context.state.attempts < MAX_UPDATE_ATTEMPTS
      );
    },
  },
  actions: {
    runStage: assign({
      pending: ({ context }) =>
        context.stages[context.index]!(context.state, { env: context.env, cache: context.cache }),
    }),
    adopt: assign({ state: ({ context }) => context.pending!.state }),
    applyEffects: ({ context }) => {
      for (const e of context.pending?.effects ?? []) applyEffect(context.env, e);
    },
    advance: assign({ index: ({ context }) => context.index + 1 }),
    storeEtcdResult: assign({ state: ({ context, event }) => ({ ...context.state, etcd: event.result }) }),
    callEtcd: enqueueActions(({ context, enqueue, system }) => {
      const p = context.pending;
      const etcd = system.get('etcd');
      if (p?.next !== 'etcd' || !etcd) return;
      const n = context.etcdCalls + 1;
      enqueue.assign({ etcdCalls: n });
      const request: ClusterEvent = { type: 'etcd.request', id: etcdCallId(context.state.exchange.id, n), op: p.op };
      enqueue.sendTo(etcd, request, { delay: context.env.latency('kube-apiserver', 'etcd') });
    }),
    // The apiserver puts the response on the wire: this actor stops now, and a stopped actor's delayed sends are cancelled.
    sendResponse: enqueueActions(({ context, enqueue }) => {
      const p = context.pending;
      if (p?.next !== 'respond') return;
      const done: RequestDone = { type: 'request.done', exchange: { ...context.state.exchange, response: p.response } };
      enqueue.sendParent(done);
    }),
  },
}).createMachine({
  id: 'request',
  context: ({ input }) => {
    const info = parseRequestInfo(input.exchange.request.method, input.exchange.request.path);
    const route = routeFor(info, input.exchange.client);
    return {
      env: input.env,
      cache: input.cache,
      stages: route.stages,
      index: 0,
      etcdCalls: 0,
      state: {
        exchange: input.exchange,
        info,
        recording: route.recording,
        auditId: input.env.rng.uuid(),
        admission: [],
        warnings: [],
        mutationRecorded: false,
        attempts: 0,
      },
    };
  },
  initial: 'working',
  states: {
    // When the stage's time is up its result is adopted and the next move taken in the same
    // transition: the guards read only `pending`, which adopting does not change.
    working: {
      entry: 'runStage',
      after: {
        stageTime: [
          { guard: 'responds', target: 'done', actions: ['adopt', 'applyEffects', 'sendResponse'] },
          { guard: 'callsEtcd', target: 'waitingForEtcd', actions: ['adopt', 'applyEffects', 'callEtcd'] },
          { target: 'working', reenter: true, actions: ['adopt', 'applyEffects', 'advance'] },
        ],
      },
    },
    waitingForEtcd: {
      on: {
        'etcd.response': [
          { guard: 'retries', target: 'working', actions: 'storeEtcdResult' },
          { target: 'working', actions: ['storeEtcdResult', 'advance'] },
        ],
      },
    },
    // not a final state: the apiserver stops the request when it hands the response on, which
    // saves the parent a done event per request
    done: {},
  },
});
