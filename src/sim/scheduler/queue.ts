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
  const qp: QueuedPod = { key: podKey(pod), pod, attempts: 0, timestamp: now, gated: isGated(pod) };
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

/** AddUnschedulableIfNotPresent after a failed attempt: the pod waits in unschedulablePods. */
export function markUnschedulable(q: SchedulingQueue, qp: QueuedPod, now: number): SchedulingQueue {
  return { ...q, unschedulable: [...q.unschedulable.filter((p) => p.key !== qp.key), { ...qp, timestamp: now }] };
}

/** movePodsToActiveOrBackoffQueue: to backoffQ while backing off, else to activeQ. */
function move(q: SchedulingQueue, pods: readonly QueuedPod[], now: number): SchedulingQueue {
  const keys = new Set(pods.map((p) => p.key));
  const backingOff = (p: QueuedPod) => p.timestamp + backoffDurationMs(p.attempts) > now;
  return {
    activeQ: sortActive([...q.activeQ, ...pods.filter((p) => !backingOff(p))]),
    backoffQ: [...q.backoffQ, ...pods.filter(backingOff)],
    unschedulable: q.unschedulable.filter((p) => !keys.has(p.key)),
  };
}

/** A cluster event that may help (node added, pod deleted, ...): every non-gated waiting pod moves. */
export function onClusterEvent(q: SchedulingQueue, now: number): SchedulingQueue {
  return move(
    q,
    q.unschedulable.filter((p) => !p.gated),
    now,
  );
}

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
  const done = q.backoffQ.filter((p) => p.timestamp + backoffDurationMs(p.attempts) <= now);
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
