/**
 * kube-scheduler as an actor. It watches pods and nodes on kube-apiserver, queues the unassigned pods,
 * runs one scheduling cycle at a time (the plugins are pure functions in @sim), and binds through the
 * API: POST …/binding, then the Scheduled event. When nothing fits it patches PodScheduled=False,
 * records FailedScheduling and parks the pod in unschedulablePods; node and pod events move it back
 * when a rejecting plugin's QueueingHint says they could help, else the 5-minute flush retries it.
 */
import { enqueueActions, setup } from 'xstate';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import {
  addPod,
  bindingBody,
  bindingPath,
  bindNarration,
  buildSnapshot,
  clientHeaders,
  emptyQueue,
  eventsOf,
  eventsPath,
  failedSchedulingNarration,
  failedSchedulingNote,
  filterNarration,
  flushBackoffCompleted,
  flushUnschedulableLeftover,
  gatedNarration,
  hasPodToPop,
  horizonNarration,
  horizonNote,
  isQueued,
  leftoverRetryAt,
  markUnschedulable,
  needsScheduling,
  onClusterEvent,
  podKey,
  popPod,
  queuedNarration,
  queueSkipNarration,
  removePod,
  requeueNarration,
  scheduledEventNarration,
  scheduledNote,
  schedulePod,
  schedulerEvent,
  schedulerHost,
  scoreNarration,
  singleNodeNarration,
  ungatedNarration,
  unschedulableNarration,
  unschedulableStatusPatch,
  unschedulableWaitNarration,
  updatePod,
  type ClusterChange,
  type HttpExchange,
  type KubeObject,
  type QueuedPod,
  type QueueMove,
  type ScheduleOutcome,
  type SchedulingQueue,
  type SchedulingResult,
  type Snapshot,
} from '@sim';
import type { ComponentInput, SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';
import {
  httpRequest,
  listNodes,
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

/** The node informer (no selector: the scheduler needs every node). */
export const SCHEDULER_NODE_WATCH_PATH = '/api/v1/nodes?watch=true';

/** Processing time inside the scheduler (ms): tiny on a three-node cluster. */
const TIMING = { pop: 1, filter: 2, score: 1, bind: 1 } as const;

interface Cycle {
  qp: QueuedPod;
  /** The cache snapshot taken when the cycle starts (scheduleOne: UpdateSnapshot). */
  snapshot: Snapshot;
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
  /** The node informer's cache, in list order (nodes added later at the end). */
  nodes: Node[];
  /** Cluster changes seen while a cycle runs (in-flight events), replayed if the pod fails. */
  inFlight: ClusterChange[];
  /** Whether the end-of-run note for pods still unschedulable is scheduled. */
  horizonArmed: boolean;
  seq: number;
}

type Events = ClusterEvent | { type: 'scheduler.flush' } | { type: 'scheduler.horizon' };

const asPod = (o: KubeObject) => o as unknown as Pod;
const asNode = (o: KubeObject) => o as unknown as Node;

/** Queues a message to kube-apiserver, delivered after the network latency. */
function send(
  enqueue: { sendTo: (to: typeof toApiserver, event: ClusterEvent, opts: { delay: number; id: string }) => void },
  out: Outgoing,
): void {
  enqueue.sendTo(toApiserver, out.event, { delay: out.delay, id: out.id });
}
const name = (p: Pod) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name}`;

/** What the event is about, as the narration names it. */
const subjectOf = (c: ClusterChange) =>
  c.kind === 'Node'
    ? `node ${c.node.metadata?.name}${c.old ? ' changed' : ' added'}`
    : `pod ${name(c.pod)} deleted${c.pod.spec?.nodeName ? ` from ${c.pod.spec.nodeName}` : ''}`;

/** One recorded queue step per pod an event moved. */
function recordMoves(env: SimEnv, change: ClusterChange, moves: readonly QueueMove[]): void {
  for (const m of moves) {
    const pod = m.pod.pod;
    const event = m.hints[0]?.event ?? eventsOf(change)[0] ?? '';
    env.recorder.step({
      component: ME,
      place: 'queue',
      title: `${event}: moved to ${m.to}`,
      outcome: 'info',
      narration: requeueNarration({ pod: name(pod), event, subject: subjectOf(change), to: m.to, hints: m.hints }),
      facts: [
        { label: 'Cluster event', value: `${event} (${subjectOf(change)})` },
        ...m.hints.map((h) => ({ label: `QueueingHint ${h.plugin || '(none)'}`, value: `Queue: ${h.why}` })),
        { label: 'Rejected by', value: m.pod.unschedulablePlugins.join(', ') || '(none)' },
        { label: 'Moved to', value: m.to },
      ],
      objectKey: podObjectKey(pod),
    });
  }
}

/** A node added or an assigned pod deleted that moves no waiting pod: say why it was skipped. */
function recordSkips(env: SimEnv, change: ClusterChange, waiting: readonly QueuedPod[]): void {
  const event = eventsOf(change)[0];
  if (event !== 'NodeAdd' && event !== 'AssignedPodDelete') return;
  for (const qp of waiting) {
    env.recorder.step({
      component: ME,
      place: 'queue',
      title: `${event}: QueueSkip, pod keeps waiting`,
      outcome: 'info',
      narration: queueSkipNarration({
        pod: name(qp.pod),
        event,
        subject: subjectOf(change),
        plugins: qp.unschedulablePlugins,
      }),
      facts: [
        { label: 'Cluster event', value: `${event} (${subjectOf(change)})` },
        { label: 'Rejected by', value: qp.unschedulablePlugins.join(', ') },
        { label: 'QueueingHints', value: 'QueueSkip' },
      ],
      objectKey: podObjectKey(qp.pod),
    });
  }
}

/**
 * MoveAllToActiveOrBackoffQueue with QueueingHints: the queue after a cluster change, the in-flight
 * list (the change is remembered while a cycle runs), and the steps to record (one per pod moved, or
 * skipped).
 */
function applyChange(
  context: Context,
  queue: SchedulingQueue,
  change: ClusterChange,
): { queue: SchedulingQueue; inFlight: ClusterChange[]; record: () => void } {
  const inFlight = context.cycle ? [...context.inFlight, change] : context.inFlight;
  if (eventsOf(change).length === 0) return { queue, inFlight, record: () => {} };
  const now = context.env.now();
  const r = onClusterEvent(queue, change, now);
  const skipped = queue.unschedulable.filter((p) => !p.gated && !r.moves.some((m) => m.pod.key === p.key));
  return {
    queue: r.queue,
    inFlight,
    record: () => {
      recordMoves(context.env, change, r.moves);
      recordSkips(context.env, change, skipped);
    },
  };
}

/** The filter step shows verdicts only; scores belong to the score step. */
const filtersOnly = (r: SchedulingResult): SchedulingResult => ({
  filterPlugins: r.filterPlugins,
  scorePlugins: r.scorePlugins,
  nodes: r.nodes.map(({ node, filters }) => ({ node, filters })),
  ...(r.failureMessage ? { failureMessage: r.failureMessage } : {}),
  ...(r.unschedulablePlugins ? { unschedulablePlugins: r.unschedulablePlugins } : {}),
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
      send(enqueue, watchStart(context.env, ME, SCHEDULER_NODE_WATCH_PATH));
      const pods = listPods(context.env, () => true).map(asPod);
      const assigned = Object.fromEntries(pods.filter((p) => p.spec?.nodeName).map((p) => [podKey(p), p]));
      const queue = pods.filter(needsScheduling).reduce((q, p) => addPod(q, p, context.env.now()), context.queue);
      enqueue.assign({ assigned, queue, nodes: listNodes(context.env).map(asNode) });
    }),

    /**
     * eventhandlers.go addNodeToCache / updateNodeInCache / deleteNodeFromCache: the cache follows the
     * watch; an added or changed node is a cluster event for the waiting pods (a deleted one helps none).
     */
    onNodeWatch: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'watch.event' || event.object.kind !== 'Node') return;
      const node = asNode(event.object);
      const nodeName = node.metadata?.name;
      const old = context.nodes.find((n) => n.metadata?.name === nodeName);
      if (event.watchType === 'DELETED') {
        enqueue.assign({ nodes: context.nodes.filter((n) => n !== old) });
        return;
      }
      const nodes = old ? context.nodes.map((n) => (n === old ? node : n)) : [...context.nodes, node];
      const r = applyChange(context, context.queue, { kind: 'Node', ...(old ? { old } : {}), node });
      enqueue.assign({ nodes, queue: r.queue, inFlight: r.inFlight });
      enqueue(r.record);
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
        // A pod leaving its node frees room (AssignedPodDelete): a cluster event for the waiting pods.
        const r = applyChange(context, removePod(context.queue, key), { kind: 'PodDelete', pod });
        enqueue.assign({ assigned, queue: r.queue, inFlight: r.inFlight });
        enqueue(r.record);
        return;
      }
      if (pod.spec?.nodeName) {
        enqueue.assign({ assigned: { ...context.assigned, [key]: pod }, queue: removePod(context.queue, key) });
        return;
      }
      if (isQueued(context.queue, key)) {
        // PriorityQueue.Update: keep the newest copy; a pod whose last gate is gone enters activeQ.
        const { queue, ungated } = updatePod(context.queue, pod, env.now());
        enqueue.assign({ queue });
        if (ungated)
          enqueue(() =>
            env.recorder.step({
              component: ME,
              place: 'queue',
              title: 'Gates removed: pod moved to activeQ',
              outcome: 'info',
              narration: ungatedNarration(name(pod)),
              facts: [{ label: 'Cluster event', value: 'UpdatePodSchedulingGatesEliminated' }],
              objectKey: podObjectKey(pod),
              object: pod,
            }),
          );
        return;
      }
      if (!needsScheduling(pod) || context.cycle?.qp.key === key) return;
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

    /**
     * The cycle starts: pop the next pod and snapshot the cache. Changes seen after this point are
     * not in the snapshot; they are kept as in-flight events.
     */
    pop: enqueueActions(({ context, enqueue }) => {
      const { env } = context;
      const { pod, queue } = popPod(context.queue);
      if (!pod) return;
      // Nodes from the node informer, pods from the pod informer plus assumed pods; other objects
      // (PVCs, StorageClasses, Services) from the cluster definition, which the journey does not change.
      const others = env.input.cluster.filter((o) => o.kind !== 'Pod' && o.kind !== 'Node');
      const objects = [...(context.nodes as unknown as KubeObject[]), ...others];
      const snapshot = buildSnapshot(objects, env.input.images, Object.values(context.assigned));
      enqueue.assign({ queue, cycle: { qp: pod, snapshot }, inFlight: [] });
    }),

    /** PreFilter, Filter and (when nothing fits) PostFilter, then the filter step. */
    filter: enqueueActions(({ context, enqueue }) => {
      const { env, cycle } = context;
      if (!cycle) return;
      const { snapshot } = cycle;
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
      enqueue.assign({ seq: context.seq + 1, cycle: undefined, inFlight: [] });
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
     * handleSchedulingFailure: PodScheduled=False through a status patch (only when the condition
     * changes: util.PatchPodStatus is skipped for an identical condition), the FailedScheduling event,
     * and the pod parked in unschedulablePods with the plugins that rejected it. Cluster events that
     * arrived during the cycle are replayed against it at once (in-flight events).
     */
    fail: enqueueActions(({ context, enqueue }) => {
      const { env, cycle } = context;
      const outcome = cycle?.outcome;
      const fitError = outcome?.fitError;
      if (!cycle || !outcome || !fitError) return;
      const pod = cycle.qp.pod;
      const ns = pod.metadata?.namespace ?? 'default';
      const body = unschedulableStatusPatch(pod, fitError, env.wallTime());
      let seq = context.seq;
      const patch = body
        ? newExchange(ME, ++seq, {
            method: 'PATCH',
            path: `/api/v1/namespaces/${ns}/pods/${pod.metadata?.name}/status`,
            headers: clientHeaders('kube-scheduler', { patch: true }),
            body,
          })
        : undefined;
      const event = newExchange(ME, ++seq, {
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
      const now = env.now();
      let queue = markUnschedulable(context.queue, cycle.qp, now, outcome.unschedulablePlugins);
      const replayed: { change: ClusterChange; moves: QueueMove[] }[] = [];
      for (const change of context.inFlight) {
        const r = onClusterEvent(queue, change, now);
        queue = r.queue;
        replayed.push({ change, moves: r.moves.filter((m) => m.pod.key === cycle.qp.key) });
      }
      const retryAt = leftoverRetryAt({ ...cycle.qp, timestamp: now });
      const horizon = env.input.horizonMs;
      const armHorizon = !context.horizonArmed && horizon > now;
      enqueue.assign({ seq, cycle: undefined, inFlight: [], queue, horizonArmed: context.horizonArmed || armHorizon });
      if (armHorizon) enqueue.raise({ type: 'scheduler.horizon' }, { delay: horizon - now, id: 'horizon' });
      enqueue(() => {
        if (patch)
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
          narration: unschedulableWaitNarration(outcome.unschedulablePlugins, retryAt - now),
          facts: [
            { label: 'Event', value: `Warning FailedScheduling ${failedSchedulingNote(fitError)}` },
            { label: 'Rejected by', value: outcome.unschedulablePlugins.join(', ') },
            ...(patch ? [] : [{ label: 'Status', value: 'PodScheduled condition unchanged: no PATCH' }]),
            {
              label: 'Next attempt',
              value: `after ${Math.round((retryAt - now) / 1000)} s unless the cluster changes`,
            },
          ],
          packets: [{ from: ME, to: 'kube-apiserver', kind: 'request', label: 'POST events' }],
          http: event,
          objectKey: podObjectKey(pod),
        });
        for (const r of replayed) recordMoves(env, r.change, r.moves);
      });
      if (patch) send(enqueue, httpRequest(env, patch));
      send(enqueue, httpRequest(env, event));
      enqueue.raise({ type: 'scheduler.flush' }, { delay: retryAt - now, id: `flush ${cycle.qp.key} ${retryAt}` });
    }),

    /**
     * The simulation stops at its horizon; a real scheduler would go on. For each pod still waiting,
     * the last word: where it waits and what would retry it.
     */
    horizon: enqueueActions(({ context, enqueue }) => {
      const { env } = context;
      const now = env.now();
      const waiting = context.queue.unschedulable.filter((p) => !p.gated);
      enqueue(() => {
        for (const qp of waiting) {
          const retryAt = leftoverRetryAt(qp);
          env.recorder.step({
            component: ME,
            place: 'queue',
            title: 'Still in unschedulablePods at the horizon',
            outcome: 'warn',
            narration: horizonNarration(name(qp.pod), qp.unschedulablePlugins, retryAt - now),
            horizonNote: horizonNote(retryAt - now),
            facts: [
              { label: 'Queue', value: 'unschedulablePods' },
              { label: 'Rejected by', value: qp.unschedulablePlugins.join(', ') || '(none)' },
              { label: 'Retried at the latest', value: `in ${Math.round((retryAt - now) / 1000)} s` },
            ],
            objectKey: podObjectKey(qp.pod),
          });
        }
      });
    }),

    /** The queue's periodic flushes: expired back-offs and pods unschedulable for over 5 minutes. */
    flush: enqueueActions(({ context, enqueue }) => {
      const now = context.env.now();
      enqueue.assign({ queue: flushBackoffCompleted(flushUnschedulableLeftover(context.queue, now), now) });
    }),
  },
}).createMachine({
  id: 'kube-scheduler',
  context: ({ input }) => ({
    env: input.env,
    queue: emptyQueue(),
    assigned: {},
    nodes: [],
    inFlight: [],
    horizonArmed: false,
    seq: 0,
  }),
  initial: 'idle',
  states: {
    idle: { on: { 'sim.start': { target: 'running', actions: 'start' } } },
    running: {
      initial: 'waiting',
      on: {
        'watch.event': { actions: ['onWatch', 'onNodeWatch'] },
        'scheduler.flush': { actions: 'flush' },
        'scheduler.horizon': { actions: 'horizon' },
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
