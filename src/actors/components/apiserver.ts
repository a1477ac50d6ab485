/**
 * kube-apiserver: the only component that talks to etcd. Each request runs through the gates of its
 * route (apiserver/request.ts), driven by its own delayed events; it routes etcd's answers
 * back to them, keeps the informer and watch caches current from etcd's watch, and fans every pod
 * change out to the watches that match it (one recorded step per change).
 */
import { fromTransition, type AnyActorScope } from 'xstate';
import { apiserverNarration, type ComponentId, type KubeObject, type Packet } from '@sim';
import type { ComponentInput, SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';
import { Outbox } from './outbox';
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
import type { StageResult } from './apiserver/pipeline';
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

/** A request's running stage is under way: its end is a `request.stage` event after the stage's time. */
const awaitStage = (id: string, run: RequestRun, out: Outbox<ApiserverEvent>) =>
  out.raise({ type: 'request.stage', id }, stageTime(run), `stage ${id}`);

/** A stage has finished: the request goes on with its next stage, calls etcd or responds. */
function finish(
  context: ApiserverContext,
  id: string,
  run: RequestRun,
  done: StageResult,
  out: Outbox<ApiserverEvent>,
): void {
  const { env } = context;
  if (done.next === 'continue') {
    awaitStage(id, run, out);
  } else if (done.next === 'etcd') {
    run.etcdCalls += 1;
    const call = etcdCallId(id, run.etcdCalls);
    out.send('etcd', { type: 'etcd.request', id: call, op: done.op }, env.latency('kube-apiserver', 'etcd'), call);
  } else {
    // the response goes on the wire and the request is over
    context.requests.delete(id);
    const to = run.state.exchange.client;
    const message: ClusterEvent = {
      type: 'http.response',
      exchange: { ...run.state.exchange, response: done.response },
    };
    out.send(to, message, env.latency('kube-apiserver', to), `response ${id}`);
  }
}

/** The watch cache has processed etcd's notification: the change goes to every watcher it matches. */
function dispatch(
  context: ApiserverContext,
  event: Extract<ApiserverEvent, { type: 'watchcache.dispatch' }>,
  out: Outbox<ApiserverEvent>,
): void {
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
  });
  deliveries.forEach((d, i) => {
    const message: ClusterEvent = { type: 'watch.event', watchType: d.watchType, object: d.object };
    out.send(d.watcher, message, env.latency('kube-apiserver', d.watcher), `${rv} to ${i}`);
  });
}

function transition(context: ApiserverContext, event: ApiserverEvent, scope: AnyActorScope): ApiserverContext {
  const out = new Outbox<ApiserverEvent>(scope);
  const { env, cache } = context;
  switch (event.type) {
    case 'http.request': {
      // the request's first stage runs as it arrives
      const run = startRequest(env, cache, event.exchange);
      context.requests.set(event.exchange.id, run);
      awaitStage(event.exchange.id, run, out);
      break;
    }
    case 'request.stage': {
      const run = context.requests.get(event.id);
      if (run) finish(context, event.id, run, finishStage(run, env, cache), out);
      break;
    }
    case 'etcd.response': {
      const id = exchangeOfEtcdCall(event.id);
      const run = context.requests.get(id);
      if (!run) break;
      etcdAnswered(run, event.result, env, cache);
      awaitStage(id, run, out);
      break;
    }
    case 'etcd.watch': {
      // the cacher's store follows etcd; dispatch to watchers happens right after
      const prev = cache.get(event.key);
      cache.apply(event.key, event.value);
      out.raise(
        {
          type: 'watchcache.dispatch',
          key: event.key,
          ...(prev ? { prev } : {}),
          ...(event.value ? { next: event.value } : {}),
          revision: event.revision,
        },
        WATCH_DISPATCH_MS,
        `dispatch ${event.revision}`,
      );
      break;
    }
    case 'watchcache.dispatch':
      dispatch(context, event, out);
      break;
    case 'watch.start': {
      const w = watcherFor(event.watcher, event.path);
      if ('error' in w) break;
      context.watchers = [...context.watchers.filter((x) => !(x.watcher === w.watcher && x.path === w.path)), w];
      break;
    }
  }
  return context;
}

/**
 * kube-apiserver holds no control state of its own (its requests are data it drives), so it is an
 * XState transition actor: each event is one call, with no state chart to walk.
 */
export const apiserverLogic = fromTransition(transition, ({ input }: { input: ComponentInput }): ApiserverContext => ({
  env: input.env,
  cache: new ApiCache(input.env.input.cluster),
  watchers: [],
  requests: new Map(),
}));
