/**
 * kube-scheduler's scheduling queue (k/k pkg/scheduler/backend/queue/scheduling_queue.go, v1.33):
 *
 * - activeQ: pods ready to be tried, ordered by PrioritySort (higher `spec.priority` first, then the
 *   earlier queue timestamp);
 * - backoffQ: pods that failed, waiting out 1 s × 2^(attempts-1), at most 10 s;
 * - unschedulablePods: pods that failed and wait for a cluster event that might help them, or for
 *   5 minutes (flushUnschedulablePodsLeftover runs every 30 s); gated pods wait here too.
 *
 * Pure data: every operation returns a new queue. Times are simulated ms.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { firedHints, type ClusterChange, type FiredHint } from './hints';
import { podKey } from './snapshot';

export const POD_INITIAL_BACKOFF_MS = 1_000; // podInitialBackoffSeconds: 1
export const POD_MAX_BACKOFF_MS = 10_000; // podMaxBackoffSeconds: 10
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000; // DefaultPodMaxInUnschedulablePodsDuration
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000; // wait.Until(flushUnschedulablePodsLeftover, 30s)

export interface QueuedPod {
  key: string;
  pod: Pod;
  /** Scheduling attempts so far. */
  attempts: number;
  /** When the pod was added or last failed (QueuedPodInfo.Timestamp). */
  timestamp: number;
  /** Held back by PreEnqueue (SchedulingGates). */
  gated: boolean;
  /** The plugins that rejected the pod in its last attempt (QueuedPodInfo.UnschedulablePlugins). */
  unschedulablePlugins: string[];
}

export interface SchedulingQueue {
  activeQ: QueuedPod[];
  backoffQ: QueuedPod[];
  unschedulable: QueuedPod[];
}

export const emptyQueue = (): SchedulingQueue => ({ activeQ: [], backoffQ: [], unschedulable: [] });

const priority = (p: Pod) => p.spec?.priority ?? 0;

/** queuesort/priority_sort.go Less: higher priority first, then earlier timestamp. */
function sortActive(q: QueuedPod[]): QueuedPod[] {
  return [...q].sort((a, b) => priority(b.pod) - priority(a.pod) || a.timestamp - b.timestamp);
}

/** The SchedulingGates PreEnqueue plugin: a pod with gates never enters activeQ. */
export const isGated = (pod: Pod): boolean => (pod.spec?.schedulingGates?.length ?? 0) > 0;

/** A new pending pod from the informer (PriorityQueue.Add). */
export function addPod(q: SchedulingQueue, pod: Pod, now: number): SchedulingQueue {
  const qp: QueuedPod = {
    key: podKey(pod),
    pod,
    attempts: 0,
    timestamp: now,
    gated: isGated(pod),
    unschedulablePlugins: [],
  };
  return qp.gated
    ? { ...q, unschedulable: [...q.unschedulable, qp] }
    : { ...q, activeQ: sortActive([...q.activeQ, qp]) };
}

/**
 * Pop: the head of activeQ, with its attempt counted. v1.33 (SchedulerPopFromBackoffQ, beta, on by
 * default, KEP-5142): when activeQ is empty the pod whose back-off ends first is taken from backoffQ
 * instead of leaving the scheduler idle.
 */
export function popPod(q: SchedulingQueue): { pod?: QueuedPod; queue: SchedulingQueue } {
  const [head, ...rest] = q.activeQ;
  if (head) return { pod: { ...head, attempts: head.attempts + 1 }, queue: { ...q, activeQ: rest } };
  const due = (p: QueuedPod) => p.timestamp + backoffDurationMs(p.attempts);
  const next = [...q.backoffQ].sort((a, b) => due(a) - due(b) || priority(b.pod) - priority(a.pod))[0];
  if (!next) return { queue: q };
  return {
    pod: { ...next, attempts: next.attempts + 1 },
    queue: { ...q, backoffQ: q.backoffQ.filter((p) => p !== next) },
  };
}

/** Whether the scheduler has a pod to try now. */
export const hasPodToPop = (q: SchedulingQueue): boolean => q.activeQ.length > 0 || q.backoffQ.length > 0;

/** calculateBackoffDuration: 0 before the first attempt, then 1 s doubling, capped at 10 s. */
export function backoffDurationMs(attempts: number): number {
  if (attempts === 0) return 0;
  let d = POD_INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS;
    d += d;
  }
  return d;
}

/**
 * AddUnschedulableIfNotPresent after a failed attempt: the pod waits in unschedulablePods, remembering
 * which plugins rejected it (their QueueingHints decide later which events move it).
 */
export function markUnschedulable(
  q: SchedulingQueue,
  qp: QueuedPod,
  now: number,
  unschedulablePlugins: readonly string[],
): SchedulingQueue {
  const parked: QueuedPod = { ...qp, timestamp: now, unschedulablePlugins: [...unschedulablePlugins] };
  return { ...q, unschedulable: [...q.unschedulable.filter((p) => p.key !== qp.key), parked] };
}

/** Whether the pod is still inside its back-off window (isPodBackingoff). */
export const isBackingOff = (p: QueuedPod, now: number): boolean => p.timestamp + backoffDurationMs(p.attempts) > now;

/** movePodsToActiveOrBackoffQueue: to backoffQ while backing off, else to activeQ. */
function move(q: SchedulingQueue, pods: readonly QueuedPod[], now: number): SchedulingQueue {
  const keys = new Set(pods.map((p) => p.key));
  return {
    activeQ: sortActive([...q.activeQ, ...pods.filter((p) => !isBackingOff(p, now))]),
    backoffQ: [...q.backoffQ, ...pods.filter((p) => isBackingOff(p, now))],
    unschedulable: q.unschedulable.filter((p) => !keys.has(p.key)),
  };
}

/** One pod an event moved out of unschedulablePods, and the hints that moved it. */
export interface QueueMove {
  pod: QueuedPod;
  to: 'activeQ' | 'backoffQ';
  hints: FiredHint[];
}

/**
 * A cluster change (MoveAllToActiveOrBackoffQueue): each waiting, non-gated pod for which a rejecting
 * plugin's QueueingHint answers Queue moves; the others stay (QueueSkip).
 */
export function onClusterEvent(
  q: SchedulingQueue,
  change: ClusterChange,
  now: number,
): { queue: SchedulingQueue; moves: QueueMove[] } {
  const moves: QueueMove[] = [];
  for (const p of q.unschedulable) {
    if (p.gated) continue;
    const hints = firedHints(p.pod, p.unschedulablePlugins, change);
    if (hints.length) moves.push({ pod: p, to: isBackingOff(p, now) ? 'backoffQ' : 'activeQ', hints });
  }
  return {
    queue: move(
      q,
      moves.map((m) => m.pod),
      now,
    ),
    moves,
  };
}

/**
 * PriorityQueue.Update: the queue keeps the newest copy of a waiting pod. A gated pod whose gates were
 * all removed passes PreEnqueue now and goes to activeQ (UpdatePodSchedulingGatesEliminated).
 */
export function updatePod(q: SchedulingQueue, pod: Pod, now: number): { queue: SchedulingQueue; ungated: boolean } {
  const key = podKey(pod);
  const refresh = (list: QueuedPod[]) => list.map((p) => (p.key === key ? { ...p, pod } : p));
  const queue = { activeQ: refresh(q.activeQ), backoffQ: refresh(q.backoffQ), unschedulable: refresh(q.unschedulable) };
  const waiting = queue.unschedulable.find((p) => p.key === key);
  if (!waiting?.gated || isGated(pod)) return { queue, ungated: false };
  return { queue: move(queue, [{ ...waiting, gated: false, timestamp: now }], now), ungated: true };
}

/** PriorityQueue.Delete: a pod deleted while waiting leaves the queue. */
export function removePod(q: SchedulingQueue, key: string): SchedulingQueue {
  const keep = (list: QueuedPod[]) => list.filter((p) => p.key !== key);
  return { activeQ: keep(q.activeQ), backoffQ: keep(q.backoffQ), unschedulable: keep(q.unschedulable) };
}

/** Whether the queue holds the pod anywhere. */
export const isQueued = (q: SchedulingQueue, key: string): boolean =>
  [...q.activeQ, ...q.backoffQ, ...q.unschedulable].some((p) => p.key === key);

/** flushUnschedulablePodsLeftover: pods waiting longer than 5 minutes move. */
export function flushUnschedulableLeftover(q: SchedulingQueue, now: number): SchedulingQueue {
  return move(
    q,
    q.unschedulable.filter((p) => !p.gated && now - p.timestamp > POD_MAX_IN_UNSCHEDULABLE_MS),
    now,
  );
}

/** flushBackoffQCompleted (every second): pods whose back-off has expired move to activeQ. */
export function flushBackoffCompleted(q: SchedulingQueue, now: number): SchedulingQueue {
  const done = q.backoffQ.filter((p) => !isBackingOff(p, now));
  return { ...q, backoffQ: q.backoffQ.filter((p) => !done.includes(p)), activeQ: sortActive([...q.activeQ, ...done]) };
}

/**
 * When an unschedulable pod is retried if nothing changes in the cluster: at the first 30-second
 * flush tick (ticks at multiples of 30 s of simulated time) more than 5 minutes after it failed.
 */
export function leftoverRetryAt(qp: QueuedPod): number {
  const due = qp.timestamp + POD_MAX_IN_UNSCHEDULABLE_MS;
  return (Math.floor(due / UNSCHEDULABLE_FLUSH_PERIOD_MS) + 1) * UNSCHEDULABLE_FLUSH_PERIOD_MS;
}
