/**
 * kube-apiserver: the only component that talks to etcd. Each request runs as its own actor
 * (apiserver/request.ts) through the gates of its route; this machine spawns them, routes etcd's
 * answers back to them, keeps the informer and watch caches current from etcd's watch, and fans every
 * pod change out to the watches that match it (one recorded step per change).
 */
import { enqueueActions, sendTo, setup, spawnChild } from 'xstate';
import { apiserverNarration, type ComponentId, type KubeObject, type Packet } from '@sim';
import type { ComponentInput, SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';
import { ApiCache } from './apiserver/cache';
import { exchangeOfEtcdCall, requestActorId, requestMachine, type RequestDone } from './apiserver/request';
import { fanOut, watcherFor, type Watcher } from './apiserver/watchCache';

/** The watch cache processes etcd's notification before dispatching it (1 ms on an idle server). */
export const WATCH_DISPATCH_MS = 1;

interface ApiserverContext {
  env: SimEnv;
  cache: ApiCache;
  watchers: Watcher[];
}

type ApiserverEvent =
  | ClusterEvent
  | RequestDone
  | { type: 'watchcache.dispatch'; key: string; prev?: KubeObject; next?: KubeObject; revision: number };

/** How a watcher appears in titles. */
const watcherName = (w: ComponentId) => (w === 'kubectl-watch' ? 'kubectl get -w' : w);

export const apiserverMachine = setup({
  types: {} as { context: ApiserverContext; events: ApiserverEvent; input: ComponentInput },
  actors: { request: requestMachine },
}).createMachine({
  id: 'kube-apiserver',
  context: ({ input }) => ({ env: input.env, cache: new ApiCache(input.env.input.cluster), watchers: [] }),
  on: {
    'http.request': {
      actions: spawnChild('request', {
        id: ({ event }) => requestActorId((event as Extract<ClusterEvent, { type: 'http.request' }>).exchange.id),
        input: ({ context, event }) => ({
          env: context.env,
          cache: context.cache,
          exchange: (event as Extract<ClusterEvent, { type: 'http.request' }>).exchange,
        }),
      }),
    },
    'request.done': {
      actions: enqueueActions(({ context, event, enqueue, system }) => {
        const to = event.exchange.client;
        const target = system.get(to);
        const message: ClusterEvent = { type: 'http.response', exchange: event.exchange };
        if (target) enqueue.sendTo(target, message, { delay: context.env.latency('kube-apiserver', to) });
        // A finished request leaves the server's children: XState copies the list of children on
        // every spawn and stop, so keeping hundreds of finished ones makes a busy run quadratic.
        enqueue.stopChild(requestActorId(event.exchange.id));
      }),
    },
    'etcd.response': {
      actions: sendTo(
        ({ event }) => requestActorId(exchangeOfEtcdCall(event.id)),
        ({ event }) => event,
      ),
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
          { delay: WATCH_DISPATCH_MS },
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
        for (const d of deliveries) {
          const target = system.get(d.watcher);
          if (!target) continue;
          const message: ClusterEvent = { type: 'watch.event', watchType: d.watchType, object: d.object };
          enqueue.sendTo(target, message, { delay: env.latency('kube-apiserver', d.watcher) });
        }
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
