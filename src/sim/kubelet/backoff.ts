/**
 * The kubelet's back-offs, as plain data (client-go util/flowcontrol/backoff.go): one entry per key
 * holding the current back-off and when it was last bumped. The kubelet keeps two: image pulls keyed
 * `<podUID>_<image>` (images/image_manager.go) and container restarts keyed by the container's stable
 * key (kuberuntime/kuberuntime_manager.go doBackOff). Both start at 10 s and double up to 300 s
 * (pkg/kubelet/kubelet.go backOffPeriod, MaxContainerBackOff).
 */
import type { Rng } from '../random';

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

export interface BackoffEntry {
  backoffMs: number;
  lastUpdate: number;
}

/** Keyed entries; the functions below update it in place (it lives inside one planning run). */
export type Backoff = Record<string, BackoffEntry>;

/** hasExpired: an entry untouched for twice the maximum starts over. */
const expired = (e: BackoffEntry, eventTime: number) => eventTime - e.lastUpdate > BACKOFF_MAX_MS * 2;

/**
 * Backoff.Next: the first failure (or one long after the last) gets 10 s, each later one doubles,
 * capped. Expiry is judged from `eventTime` (for a container, its last exit); the entry is stamped `now`.
 */
export function backoffNext(b: Backoff, key: string, now: number, eventTime = now): BackoffEntry {
  const e = b[key];
  const backoffMs = !e || expired(e, eventTime) ? BACKOFF_INITIAL_MS : Math.min(e.backoffMs * 2, BACKOFF_MAX_MS);
  const next = { backoffMs, lastUpdate: now };
  b[key] = next;
  return next;
}

/** IsInBackOffSinceUpdate (image pulls): less than the back-off has passed since the last failure. */
export function inBackOffSinceUpdate(b: Backoff, key: string, now: number): boolean {
  const e = b[key];
  return !!e && now - e.lastUpdate < e.backoffMs;
}

/** IsInBackOffSince (container restarts): less than the back-off has passed since `eventTime` (the last exit). */
export function inBackOffSince(b: Backoff, key: string, eventTime: number, now: number): boolean {
  const e = b[key];
  if (!e || expired(e, eventTime)) return false;
  return now - eventTime < e.backoffMs;
}

/**
 * When a sync fails (ErrImagePull, CrashLoopBackOff, CreateContainerConfigError, ...) the pod worker
 * requeues the pod after wait.Jitter(backOffPeriod 10 s, 0.5): 10–15 s (pkg/kubelet/pod_workers.go
 * completeWork, workerBackOffPeriodJitterFactor). That resync is what drives every retry.
 */
export const POD_WORKER_BACKOFF_MS = 10_000;
export const podWorkerRequeueMs = (rng: Rng): number => POD_WORKER_BACKOFF_MS + rng.int(POD_WORKER_BACKOFF_MS / 2);
