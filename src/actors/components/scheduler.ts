/**
 * kube-scheduler as an actor. It watches pods on kube-apiserver, queues the unassigned ones, runs one
 * scheduling cycle at a time (the plugins are pure functions in @sim), and binds through the API:
 * POST …/binding, then the Scheduled event. When nothing fits it patches PodScheduled=False, records
 * FailedScheduling and parks the pod until the unschedulable-pods flush (5 minutes).
 */
import { enqueueActions, setup } from 'xstate';
import type { Pod } from 'kubernetes-types/core/v1';
import {
  addPod,
  bindingBody,
  bindNarration,
  bindingPath,
  buildSnapshot,
  clientHeaders,
  eventsPath,
  failedSchedulingNarration,
  failedSchedulingNote,
  filterNarration,
  flushBackoffCompleted,
  flushUnschedulableLeftover,
  hasPodToPop,
  emptyQueue,
  gatedNarration,
  leftoverRetryAt,
  markUnschedulable,
  needsScheduling,
  onClusterEvent,
  podKey,
  popPod,
  queuedNarration,
  scheduledEventNarration,
  scheduledNote,
  schedulePod,
  schedulerEvent,
  schedulerHost,
  scoreNarration,
  singleNodeNarration,
  unschedulableNarration,
  unschedulableStatusPatch,
  type HttpExchange,
  type KubeObject,
  type QueuedPod,
  type ScheduleOutcome,
  type SchedulingQueue,
  type SchedulingResult,
} from '@sim';
import type { ComponentInput, SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';
import {
  httpRequest,
  listPods,
  newExchange,
  podObjectKey,
  toApiserver,
  watchStart,
  type Outgoing,
} from './watchClient';

const ME = 'kube-scheduler' as const;

/** k/k pkg/scheduler/eventhandlers.go: the pod informer skips finished pods. */
export const SCHEDULER_WATCH_PATH =
  '/api/v1/pods?fieldSelector=status.phase%21%3DSucceeded%2Cstatus.phase%21%3DFailed&watch=true';

/** Processing time inside the scheduler (ms): tiny on a three-node cluster. */
const TIMING = { pop: 1, filter: 2, score: 1, bind: 1 } as const;

interface Cycle {
  qp: QueuedPod;
  outcome?: ScheduleOutcome;
  /** The binding request in flight. */
  binding?: HttpExchange;
}

interface Context {
  env: SimEnv;
  queue: SchedulingQueue;
  /** Assigned pods the scheduler knows (informer cache plus pods it assumed), by namespace/name. */
  assigned: Record<string, Pod>;
  cycle?: Cycle;
  seq: number;
}

type Events = ClusterEvent | { type: 'scheduler.flush' };

const asPod = (o: KubeObject) => o as unknown as Pod;

/** Queues a message to kube-apiserver, delivered after the network latency. */
function send(
  enqueue: { sendTo: (to: typeof toApiserver, event: ClusterEvent, opts: { delay: number }) => void },
  out: Outgoing,
): void {
  enqueue.sendTo(toApiserver, out.event, { delay: out.delay });
}
const name = (p: Pod) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name}`;

/** The filter step shows verdicts only; scores belong to the score step. */
const filtersOnly = (r: SchedulingResult): SchedulingResult => ({
  filterPlugins: r.filterPlugins,
  scorePlugins: r.scorePlugins,
  nodes: r.nodes.map(({ node, filters }) => ({ node, filters })),
  ...(r.failureMessage ? { failureMessage: r.failureMessage } : {}),
});

export const schedulerMachine = setup({
  types: {
    context: {} as Context,
    events: {} as Events,
    input: {} as ComponentInput,
  },
  guards: {
    hasWork: ({ context }) => hasPodToPop(context.queue),
    fits: ({ context }) => (context.cycle?.outcome?.feasible.length ?? 0) > 0,
    isBindingResponse: ({ context, event }) =>
      event.type === 'http.response' && event.exchange.id === context.cycle?.binding?.id,
  },
  actions: {
    /** Opens the watch; the informer's initial list fills the cache and the queue. */
    start: enqueueActions(({ context, enqueue }) => {
      send(enqueue, watchStart(context.env, ME, SCHEDULER_WATCH_PATH));
      const pods = listPods(context.env, () => true).map(asPod);
      const assigned = Object.fromEntries(pods.filter((p) => p.spec?.nodeName).map((p) => [podKey(p), p]));
      const queue = pods.filter(needsScheduling).reduce((q, p) => addPod(q, p, context.env.now()), context.queue);
      enqueue.assign({ assigned, queue });
    }),

    /** eventhandlers.go: unassigned pods go to the queue, assigned ones to the cache. */
    onWatch: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'watch.event' || event.object.kind !== 'Pod') return;
      const pod = asPod(event.object);
      const key = podKey(pod);
      const { env } = context;
      if (event.watchType === 'DELETED') {
        const assigned = { ...context.assigned };
        delete assigned[key];
        // A pod leaving frees room: unschedulable pods may fit now (a cluster event).
        enqueue.assign({ assigned, queue: onClusterEvent(context.queue, env.now()) });
        return;
      }
      if (pod.spec?.nodeName) {
        enqueue.assign({ assigned: { ...context.assigned, [key]: pod } });
        return;
      }
      const queued = [...context.queue.activeQ, ...context.queue.backoffQ, ...context.queue.unschedulable].some(
        (q) => q.key === key,
      );
      if (!needsScheduling(pod) || queued || context.cycle?.qp.key === key) return;
      const queue = addPod(context.queue, pod, env.now());
      enqueue.assign({ queue });
      const gated = queue.unschedulable.some((q) => q.key === key && q.gated);
      enqueue(() => {
        env.recorder.podCard({ at: ME, status: 'Pending' });
        env.recorder.step({
          component: ME,
          place: 'queue',
          title: gated ? 'Gated: waits outside activeQ' : 'Pod added to activeQ',
          outcome: gated ? 'warn' : 'info',
          narration: gated
            ? gatedNarration(
                name(pod),
                (pod.spec?.schedulingGates ?? []).map((g) => g.name),
              )
            : queuedNarration(name(pod), pod.spec?.priority ?? 0),
          facts: [
            { label: 'Watch event', value: event.watchType },
            { label: 'spec.schedulerName', value: pod.spec?.schedulerName ?? 'default-scheduler' },
            { label: 'spec.priority', value: String(pod.spec?.priority ?? 0) },
            { label: 'activeQ', value: queue.activeQ.map((q) => q.key).join(', ') || '(empty)' },
          ],
          objectKey: podObjectKey(pod),
          object: pod,
        });
      });
    }),

    pop: enqueueActions(({ context, enqueue }) => {
      const { pod, queue } = popPod(context.queue);
      if (pod) enqueue.assign({ queue, cycle: { qp: pod } });
    }),

    /** PreFilter, Filter and (when nothing fits) PostFilter, then the filter step. */
    filter: enqueueActions(({ context, enqueue }) => {
      const { env, cycle } = context;
      if (!cycle) return;
      // Nodes and other objects from the cluster; pods from the scheduler's own cache (kept by the watch).
      const objects = env.input.cluster.filter((o) => o.kind !== 'Pod');
      const snapshot = buildSnapshot(objects, env.input.images, Object.values(context.assigned));
      const outcome = schedulePod(cycle.qp.pod, snapshot, env.rng);
      enqueue.assign({ cycle: { ...cycle, outcome } });
      const fits = outcome.feasible.length > 0;
      enqueue(() =>
        env.recorder.step({
          component: ME,
          place: 'filter',
          title: `Filter: ${outcome.feasible.length} of ${snapshot.nodes.length} nodes fit`,
          outcome: fits ? 'ok' : 'fail',
          narration: fits
            ? filterNarration(outcome.result, outcome.feasible)
            : unschedulableNarration(outcome.fitError ?? '', outcome.preemption?.nominated?.node),
          facts: [
            { label: 'Feasible', value: outcome.feasible.join(', ') || '(none)' },
            ...(outcome.fitError ? [{ label: 'FitError', value: outcome.fitError }] : []),
          ],
          scheduling: filtersOnly(outcome.result),
          objectKey: podObjectKey(cycle.qp.pod),
        }),
      );
    }),

    score: enqueueActions(({ context, enqueue }) => {
      const { env, cycle } = context;
      const outcome = cycle?.outcome;
      if (!cycle || !outcome?.result.selected) return;
      const selected = outcome.result.selected;
      const total = outcome.result.nodes.find((n) => n.node === selected)?.total;
      enqueue(() =>
        env.recorder.step({
          component: ME,
          place: 'score',
          title: outcome.scoringSkipped ? `One node fits: ${selected}` : `Score: ${selected} wins with ${total}`,
          outcome: 'ok',
          narration: outcome.scoringSkipped ? singleNodeNarration(selected) : scoreNarration(outcome.result),
          facts: outcome.result.nodes
            .filter((n) => n.total !== undefined)
            .map((n) => ({ label: n.node, value: String(n.total) })),
          scheduling: outcome.result,
          objectKey: podObjectKey(cycle.qp.pod),
        }),
      );
    }),

    /** Reserve and Permit pass (nothing to wait for); the pod is assumed; DefaultBinder POSTs the Binding. */
    bind: enqueueActions(({ context, enqueue }) => {
      const { env, cycle } = context;
      const node = cycle?.outcome?.result.selected;
      if (!cycle || !node) return;
      const pod = cycle.qp.pod;
      const exchange = newExchange(ME, context.seq + 1, {
        method: 'POST',
        path: bindingPath(pod),
        headers: clientHeaders('kube-scheduler'),
        body: bindingBody(pod, node),
      });
      const assumed: Pod = { ...pod, spec: { ...pod.spec!, nodeName: node } };
      enqueue.assign({
        seq: context.seq + 1,
        cycle: { ...cycle, binding: exchange },
        assigned: { ...context.assigned, [podKey(pod)]: assumed },
      });
      enqueue(() =>
        env.recorder.step({
          component: ME,
          place: 'bind',
          title: `Bind to ${node}: POST binding`,
          outcome: 'info',
          narration: bindNarration(name(pod), node),
          facts: [
            { label: 'Reserve', value: `assumed on ${node} in the scheduler cache` },
            { label: 'Permit', value: 'no plugin waits' },
            { label: 'Binder', value: 'DefaultBinder' },
          ],
          packets: [{ from: ME, to: 'kube-apiserver', kind: 'request', label: 'binding' }],
          http: exchange,
          objectKey: podObjectKey(pod),
        }),
      );
      send(enqueue, httpRequest(env, exchange));
    }),

    /** After 201: the Scheduled event, recorded through events.k8s.io/v1 (no wait for its response). */
    bound: enqueueActions(({ context, event, enqueue }) => {
      const { env, cycle } = context;
      const node = cycle?.outcome?.result.selected;
      if (!cycle || !node || event.type !== 'http.response') return;
      const pod = cycle.qp.pod;
      const ok = (event.exchange.response?.status ?? 0) < 300;
      if (!ok) {
        // The API server refused the binding (e.g. 409 already assigned): forget the assumed pod.
        const assigned = { ...context.assigned };
        delete assigned[podKey(pod)];
        enqueue.assign({ cycle: undefined, assigned });
        enqueue(() =>
          env.recorder.step({
            component: ME,
            place: 'bind',
            title: `Binding refused: ${event.exchange.response?.status}`,
            outcome: 'fail',
            narration: bindNarration(name(pod), node),
            http: event.exchange,
            objectKey: podObjectKey(pod),
          }),
        );
        return;
      }
      const exchange = newExchange(ME, context.seq + 1, {
        method: 'POST',
        path: eventsPath(pod.metadata?.namespace ?? 'default'),
        headers: clientHeaders('kube-scheduler'),
        body: schedulerEvent({
          pod,
          type: 'Normal',
          reason: 'Scheduled',
          action: 'Binding',
          note: scheduledNote(pod, node),
          host: schedulerHost(env.input.cluster),
          timeMicro: env.wallTimeMicro(),
        }),
      });
      enqueue.assign({ seq: context.seq + 1, cycle: undefined });
      enqueue(() => {
        env.recorder.podCard({ nodeName: node });
        env.recorder.step({
          component: ME,
          place: 'bind',
          title: 'Bound; event Scheduled',
          outcome: 'ok',
          narration: scheduledEventNarration(name(pod), node),
          facts: [
            {
              label: 'Binding',
              value: `${event.exchange.response?.status} ${event.exchange.response?.statusText ?? ''}`.trim(),
            },
            { label: 'Event', value: `Normal Scheduled ${scheduledNote(pod, node)}` },
          ],
          packets: [{ from: ME, to: 'kube-apiserver', kind: 'request', label: 'POST events' }],
          http: exchange,
          objectKey: podObjectKey(pod),
        });
      });
      send(enqueue, httpRequest(env, exchange));
    }),

    /**
     * handleSchedulingFailure: PodScheduled=False through a status patch, the FailedScheduling event,
     * and the pod parked among the unschedulable pods until the 5-minute flush.
     */
    fail: enqueueActions(({ context, enqueue }) => {
      const { env, cycle } = context;
      const fitError = cycle?.outcome?.fitError;
      if (!cycle || !fitError) return;
      const pod = cycle.qp.pod;
      const ns = pod.metadata?.namespace ?? 'default';
      const patch = newExchange(ME, context.seq + 1, {
        method: 'PATCH',
        path: `/api/v1/namespaces/${ns}/pods/${pod.metadata?.name}/status`,
        headers: clientHeaders('kube-scheduler', { patch: true }),
        body: unschedulableStatusPatch(pod, fitError, env.wallTime()),
      });
      const event = newExchange(ME, context.seq + 2, {
        method: 'POST',
        path: eventsPath(ns),
        headers: clientHeaders('kube-scheduler'),
        body: schedulerEvent({
          pod,
          type: 'Warning',
          reason: 'FailedScheduling',
          action: 'Scheduling',
          note: failedSchedulingNote(fitError),
          host: schedulerHost(env.input.cluster),
          timeMicro: env.wallTimeMicro(),
        }),
      });
      const queue = markUnschedulable(context.queue, cycle.qp, env.now());
      const retryAt = leftoverRetryAt({ ...cycle.qp, timestamp: env.now() });
      enqueue.assign({ seq: context.seq + 2, cycle: undefined, queue });
      enqueue(() => {
        env.recorder.step({
          component: ME,
          place: 'queue',
          title: 'PATCH status: PodScheduled=False',
          outcome: 'warn',
          narration: failedSchedulingNarration(),
          facts: [{ label: 'Condition', value: 'PodScheduled=False reason=Unschedulable' }],
          packets: [{ from: ME, to: 'kube-apiserver', kind: 'request', label: 'PATCH pods/status' }],
          http: patch,
          objectKey: podObjectKey(pod),
        });
        env.recorder.step({
          component: ME,
          place: 'queue',
          title: 'Event FailedScheduling',
          outcome: 'warn',
          narration: failedSchedulingNarration(),
          facts: [
            { label: 'Event', value: `Warning FailedScheduling ${failedSchedulingNote(fitError)}` },
            {
              label: 'Next attempt',
              value: `after ${Math.round((retryAt - env.now()) / 1000)} s unless the cluster changes`,
            },
          ],
          packets: [{ from: ME, to: 'kube-apiserver', kind: 'request', label: 'POST events' }],
          http: event,
          objectKey: podObjectKey(pod),
        });
      });
      send(enqueue, httpRequest(env, patch));
      send(enqueue, httpRequest(env, event));
      enqueue.raise({ type: 'scheduler.flush' }, { delay: retryAt - env.now() });
    }),

    /** The queue's periodic flushes: expired back-offs and pods unschedulable for over 5 minutes. */
    flush: enqueueActions(({ context, enqueue }) => {
      const now = context.env.now();
      enqueue.assign({ queue: flushBackoffCompleted(flushUnschedulableLeftover(context.queue, now), now) });
    }),
  },
}).createMachine({
  id: 'kube-scheduler',
  context: ({ input }) => ({ env: input.env, queue: emptyQueue(), assigned: {}, seq: 0 }),
  initial: 'idle',
  states: {
    idle: { on: { 'sim.start': { target: 'running', actions: 'start' } } },
    running: {
      initial: 'waiting',
      on: {
        'watch.event': { actions: 'onWatch' },
        'scheduler.flush': { actions: 'flush' },
      },
      states: {
        waiting: { always: { guard: 'hasWork', target: 'popping' } },
        popping: { after: { [TIMING.pop]: { target: 'filtering', actions: 'pop' } } },
        filtering: { after: { [TIMING.filter]: { target: 'decided', actions: 'filter' } } },
        decided: {
          always: [
            { guard: 'fits', target: 'scoring' },
            { target: 'waiting', actions: 'fail' },
          ],
        },
        scoring: { after: { [TIMING.score]: { target: 'binding', actions: 'score' } } },
        binding: {
          after: { [TIMING.bind]: { actions: 'bind' } },
          on: { 'http.response': { guard: 'isBindingResponse', target: 'waiting', actions: 'bound' } },
        },
      },
    },
  },
});
