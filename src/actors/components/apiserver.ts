/**
 * kube-apiserver: the only component that talks to etcd. Each request runs through the gates of its
 * route (apiserver/request.ts), driven by this machine's delayed events; it routes etcd's answers
 * back to them, keeps the informer and watch caches current from etcd's watch, and fans every pod
 * change out to the watches that match it (one recorded step per change).
 */
import { enqueueActions, setup } from 'xstate';
import { apiserverNarration, type ComponentId, type KubeObject, type Packet } from '@sim';
import type { ComponentInput, SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';
import { ApiCache } from './apiserver/cache';
import {
  etcdAnswered,
  etcdCallId,
  exchangeOfEtcdCall,
  finishStage,
  stageTime,
  startRequest,
  type RequestRun,
} from './apiserver/request';
import { fanOut, watcherFor, type Watcher } from './apiserver/watchCache';

/** The watch cache processes etcd's notification before dispatching it (1 ms on an idle server). */
export const WATCH_DISPATCH_MS = 1;

interface ApiserverContext {
  env: SimEnv;
  cache: ApiCache;
  watchers: Watcher[];
  /** The requests being served, by exchange id (a finished one leaves). */
  requests: Map<string, RequestRun>;
}

type ApiserverEvent =
  | ClusterEvent
  /** The running stage of a request is done. */
  | { type: 'request.stage'; id: string }
  | { type: 'watchcache.dispatch'; key: string; prev?: KubeObject; next?: KubeObject; revision: number };

/** How a watcher appears in titles. */
const watcherName = (w: ComponentId) => (w === 'kubectl-watch' ? 'kubectl get -w' : w);

export const apiserverMachine = setup({
  types: {} as { context: ApiserverContext; events: ApiserverEvent; input: ComponentInput },
}).createMachine({
  id: 'kube-apiserver',
  context: ({ input }) => ({
    env: input.env,
    cache: new ApiCache(input.env.input.cluster),
    watchers: [],
    requests: new Map(),
  }),
  on: {
    'http.request': {
      // the request's first stage runs as it arrives
      actions: enqueueActions(({ context, event, enqueue }) => {
        const { id } = event.exchange;
        const run = startRequest(context.env, context.cache, event.exchange);
        context.requests.set(id, run);
        enqueue.raise({ type: 'request.stage', id }, { delay: stageTime(run), id: `stage ${id}` });
      }),
    },
    'request.stage': {
      actions: enqueueActions(({ context, event, enqueue, system }) => {
        const { env, cache } = context;
        const run = context.requests.get(event.id);
        if (!run) return;
        const done = finishStage(run, env, cache);
        if (done.next === 'continue') {
          enqueue.raise({ type: 'request.stage', id: event.id }, { delay: stageTime(run), id: `stage ${event.id}` });
        } else if (done.next === 'etcd') {
          const etcd = system.get('etcd');
          if (!etcd) return;
          run.etcdCalls += 1;
          const id = etcdCallId(event.id, run.etcdCalls);
          const request: ClusterEvent = { type: 'etcd.request', id, op: done.op };
          enqueue.sendTo(etcd, request, { delay: env.latency('kube-apiserver', 'etcd'), id });
        } else {
          // the response goes on the wire and the request is over
          context.requests.delete(event.id);
          const to = run.state.exchange.client;
          const target = system.get(to);
          const message: ClusterEvent = {
            type: 'http.response',
            exchange: { ...run.state.exchange, response: done.response },
          };
          if (target)
            enqueue.sendTo(target, message, { delay: env.latency('kube-apiserver', to), id: `response ${event.id}` });
        }
      }),
    },
    'etcd.response': {
      actions: enqueueActions(({ context, event, enqueue }) => {
        const id = exchangeOfEtcdCall(event.id);
        const run = context.requests.get(id);
        if (!run) return;
        etcdAnswered(run, event.result, context.env, context.cache);
        enqueue.raise({ type: 'request.stage', id }, { delay: stageTime(run), id: `stage ${id}` });
      }),
    },
    'etcd.watch': {
      // the cacher's store follows etcd; dispatch to watchers happens right after
      actions: enqueueActions(({ context, event, enqueue }) => {
        const prev = context.cache.get(event.key);
        enqueue(() => context.cache.apply(event.key, event.value));
        enqueue.raise(
          {
            type: 'watchcache.dispatch',
            key: event.key,
            ...(prev ? { prev } : {}),
            ...(event.value ? { next: event.value } : {}),
            revision: event.revision,
          },
          { delay: WATCH_DISPATCH_MS, id: `dispatch ${event.revision}` },
        );
      }),
    },
    'watchcache.dispatch': {
      actions: enqueueActions(({ context, event, enqueue, system }) => {
        const deliveries = fanOut(context.watchers, event.prev, event.next, event.revision);
        if (deliveries.length === 0) return;
        const { env } = context;
        const rv = String(event.revision);
        const packets: Packet[] = deliveries.map((d) => ({
          from: 'kube-apiserver',
          to: d.watcher,
          kind: 'watch',
          label: d.watchType,
        }));
        const types = [...new Set(deliveries.map((d) => d.watchType))].join('/');
        enqueue(() =>
          env.recorder.step({
            component: 'kube-apiserver',
            place: 'watch-cache',
            title: `Watch: ${types} to ${deliveries.length} watcher${deliveries.length === 1 ? '' : 's'}`,
            outcome: 'info',
            narration: apiserverNarration.watchFanout({
              deliveries: deliveries.map((d) => ({ watcher: watcherName(d.watcher), type: d.watchType })),
              resourceVersion: rv,
            }),
            facts: [
              { label: 'resourceVersion', value: rv },
              ...deliveries.map((d) => ({
                label: watcherName(d.watcher),
                value: `${d.watchType} (${context.watchers.find((w) => w.watcher === d.watcher)?.path ?? ''})`,
              })),
            ],
            packets,
            objectKey: event.key,
            ...(event.next ? { object: event.next } : {}),
          }),
        );
        deliveries.forEach((d, i) => {
          const target = system.get(d.watcher);
          if (!target) return;
          const message: ClusterEvent = { type: 'watch.event', watchType: d.watchType, object: d.object };
          enqueue.sendTo(target, message, { delay: env.latency('kube-apiserver', d.watcher), id: `${rv} to ${i}` });
        });
      }),
    },
    'watch.start': {
      actions: enqueueActions(({ context, event, enqueue }) => {
        const w = watcherFor(event.watcher, event.path);
        if ('error' in w) return;
        enqueue.assign({
          watchers: [...context.watchers.filter((x) => !(x.watcher === w.watcher && x.path === w.path)), w],
        });
      }),
    },
  },
});
