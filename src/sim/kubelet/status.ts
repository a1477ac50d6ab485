/**
 * The pod status the kubelet writes (k/k pkg/kubelet/kubelet_pods.go generateAPIPodStatus,
 * convertToAPIContainerStatuses; pkg/kubelet/status/status_manager.go updateStatusInternal).
 *
 * Conditions come in the order the kubelet appends them — PodReadyToStartContainers, Initialized,
 * Ready, ContainersReady, PodScheduled — after any conditions it does not own. A condition keeps its
 * lastTransitionTime while its status is unchanged; lastProbeTime is never set (null).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { diffObjects } from '../diff';
import type { FieldChange } from '../trace';

export interface Condition {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

/** ContainerStateTerminated, in its field order (exitCode, reason, startedAt, finishedAt, containerID). */
export interface Terminated {
  exitCode: number;
  reason: string;
  startedAt: string;
  finishedAt: string;
  containerID: string;
}

/** What the runtime reported for the container's earlier runs. */
interface History {
  restartCount?: number;
  /** The previous run's end: `lastState.terminated`. */
  lastTerminated?: Terminated;
}

/** The runtime's view of a container that has run: its id and the image as the runtime names it. */
interface Ran {
  containerID: string;
  /** Image as the runtime reports it (`docker.io/library/nginx:1.27`). */
  image: string;
  imageID: string;
}

/**
 * A container as the kubelet reports it: running (ready unless a readiness probe says otherwise),
 * waiting with a reason (ContainerCreating, ErrImagePull, CrashLoopBackOff, ...; after an earlier run
 * it still names that run's container and image), or terminated.
 */
export type ContainerState =
  | ({ name: string; running: true; startedAt: string; ready?: boolean; started?: boolean } & Ran & History)
  | ({ name: string; running: false; reason: string; message?: string } & Partial<Ran> & History)
  | ({ name: string; running: false; terminated: Terminated } & Ran & History);

const isTerminated = (s: ContainerState | undefined): s is Extract<ContainerState, { terminated: Terminated }> =>
  !!s && 'terminated' in s;
const isReady = (s: ContainerState | undefined) => !!s && s.running && s.ready !== false;

/** pkg/kubelet/types/pod_status.go PodConditionsByKubelet (+ PodReadyToStartContainers, on by default). */
const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

type Generated = Pick<Condition, 'type' | 'status' | 'reason' | 'message'>;

/** updateLastTransitionTime: keep the old time while the status is the same. */
function stamp(generated: Generated[], old: readonly Condition[], now: string): Condition[] {
  return generated.map((c) => {
    const prev = old.find((o) => o.type === c.type);
    return {
      type: c.type,
      status: c.status,
      lastProbeTime: null,
      lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
    };
  });
}

/** pkg/kubelet/status/generate.go: Ready and ContainersReady name the containers not ready yet. */
function readiness(type: 'Ready' | 'ContainersReady', notReady: readonly string[]): Generated {
  return notReady.length === 0
    ? { type, status: 'True' }
    : {
        type,
        status: 'False',
        reason: 'ContainersNotReady',
        message: `containers with unready status: [${notReady.join(' ')}]`,
      };
}

/**
 * generate.go GeneratePodInitializedCondition: True without init containers, else False while one has
 * not exited 0, naming them.
 */
function initialized(incomplete: readonly string[]): Generated {
  return incomplete.length === 0
    ? { type: 'Initialized', status: 'True' }
    : {
        type: 'Initialized',
        status: 'False',
        reason: 'ContainersNotInitialized',
        message: `containers with incomplete status: [${incomplete.join(' ')}]`,
      };
}

/**
 * The kubelet's conditions. A Succeeded pod's Ready and ContainersReady are False with reason
 * PodCompleted (generate.go); a terminal pod's sandbox is gone, so PodReadyToStartContainers is False.
 */
function conditions(
  pod: Pod,
  f: { sandboxReady: boolean; notReady: readonly string[]; incomplete: readonly string[]; now: string; phase: string },
): Condition[] {
  const old = (pod.status?.conditions ?? []) as unknown as Condition[];
  const foreign = old.filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  const completed = (type: 'Ready' | 'ContainersReady'): Generated => ({
    type,
    status: 'False',
    reason: 'PodCompleted',
  });
  const succeeded = f.phase === 'Succeeded';
  const generated: Generated[] = [
    { type: 'PodReadyToStartContainers', status: f.sandboxReady ? 'True' : 'False' },
    initialized(f.incomplete),
    succeeded ? completed('Ready') : readiness('Ready', f.notReady),
    succeeded ? completed('ContainersReady') : readiness('ContainersReady', f.notReady),
    { type: 'PodScheduled', status: 'True' },
  ];
  return [...foreign, ...stamp(generated, old, f.now)];
}

/**
 * status.containerStatuses[].volumeMounts: v1.33 reports the container's mounts (RecursiveReadOnlyMounts,
 * GA); read-only ones carry `recursiveReadOnly: Disabled` unless recursive read-only was requested.
 */
function volumeMounts(c: Container) {
  const mounts = (c.volumeMounts ?? []).map((m) => ({
    name: m.name,
    mountPath: m.mountPath,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }));
  return mounts.length ? { volumeMounts: mounts } : {};
}

/** Init containers that run to completion (restartable sidecars, restartPolicy Always, are not simulated). */
const initContainers = (pod: Pod) => (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy !== 'Always');
const exitedZero = (s: ContainerState | undefined) => isTerminated(s) && s.terminated.exitCode === 0;

/**
 * k/k pkg/kubelet/kubelet_pods.go getPhase. Init containers first: a failed one fails the pod under
 * restartPolicy Never, an unfinished one keeps it Pending. Then the regular containers: Pending while
 * one waits for its first run, Running while one runs; once all have stopped, Running if they will
 * restart (restartPolicy Always, or OnFailure after a failure), else Succeeded when all exited 0 and
 * Failed otherwise.
 */
export function podPhase(pod: Pod, states: readonly ContainerState[]): string {
  const stateOf = (c: Container) => states.find((x) => x.name === c.name);
  const policy = pod.spec?.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  for (const c of initContainers(pod)) {
    const st = stateOf(c);
    if (isTerminated(st)) {
      if (st.terminated.exitCode !== 0) failedInit++;
    } else if (st && !st.running && st.lastTerminated) {
      if (st.lastTerminated.exitCode !== 0) failedInit++;
    } else pendingInit++;
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  let unknown = 0;
  let anyStarted = false;
  for (const c of pod.spec?.containers ?? []) {
    const st = stateOf(c);
    if (st && (st.running || isTerminated(st) || st.lastTerminated)) anyStarted = true;
    if (!st) unknown++;
    else if (st.running) running++;
    else if (isTerminated(st)) {
      stopped++;
      if (st.terminated.exitCode === 0) succeeded++;
    } else if (st.lastTerminated) stopped++;
    else waiting++;
  }
  if ((pendingInit > 0 && !anyStarted) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return policy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

/**
 * A ContainerStatus in k8s.io/api field order. Without a state yet it waits with `defaultReason`
 * (convertToAPIContainerStatuses: ContainerCreating, or PodInitializing when the pod has init
 * containers). An init container that exited 0 is reported ready (prober manager UpdatePodStatus).
 */
function containerStatus(c: Container, st: ContainerState | undefined, defaultReason: string, init: boolean) {
  const ran = st && 'containerID' in st && st.containerID ? st : undefined;
  const state = !st
    ? { waiting: { reason: defaultReason } }
    : st.running
      ? { running: { startedAt: st.startedAt } }
      : isTerminated(st)
        ? { terminated: st.terminated }
        : { waiting: { reason: st.reason, ...(st.message ? { message: st.message } : {}) } };
  return {
    name: c.name,
    state,
    lastState: st?.lastTerminated ? { terminated: st.lastTerminated } : {},
    ready: init ? exitedZero(st) : isReady(st),
    restartCount: st?.restartCount ?? 0,
    image: ran?.image ?? c.image,
    imageID: ran?.imageID ?? '',
    ...(ran ? { containerID: ran.containerID } : {}),
    started: !!st?.running && st.started !== false,
    ...volumeMounts(c),
  };
}

/**
 * The pod status the kubelet computes, in PodStatus field order: the phase from getPhase, the
 * conditions, the node's and pod's IPs, startTime (set once and kept), then initContainerStatuses and
 * containerStatuses.
 */
function podStatus(
  pod: Pod,
  f: { hostIP: string; podIP?: string; sandboxReady: boolean; states: readonly ContainerState[]; now: string },
): Record<string, unknown> {
  const containers = pod.spec?.containers ?? [];
  const inits = initContainers(pod);
  const stateOf = (c: Container) => f.states.find((x) => x.name === c.name);
  const defaultReason = inits.length ? 'PodInitializing' : 'ContainerCreating';
  const phase = podPhase(pod, f.states);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  return {
    phase,
    conditions: conditions(pod, {
      sandboxReady: f.sandboxReady && !terminal,
      notReady: containers.filter((c) => !isReady(stateOf(c))).map((c) => c.name),
      incomplete: inits.filter((c) => !exitedZero(stateOf(c))).map((c) => c.name),
      now: f.now,
      phase,
    }),
    hostIP: f.hostIP,
    hostIPs: [{ ip: f.hostIP }],
    ...(f.podIP ? { podIP: f.podIP, podIPs: [{ ip: f.podIP }] } : {}),
    startTime: pod.status?.startTime ?? f.now,
    ...(inits.length
      ? { initContainerStatuses: inits.map((c) => containerStatus(c, stateOf(c), defaultReason, true)) }
      : {}),
    containerStatuses: containers.map((c) => containerStatus(c, stateOf(c), defaultReason, false)),
    ...(pod.status?.qosClass ? { qosClass: pod.status.qosClass } : {}),
  };
}

/**
 * The first status, written before the sandbox exists: phase Pending, the node's IP, the start time,
 * and each container waiting with reason ContainerCreating (PodInitializing with init containers).
 */
export function containerCreatingStatus(pod: Pod, hostIP: string, now: string): Record<string, unknown> {
  return podStatus(pod, { hostIP, sandboxReady: false, states: [], now });
}

/**
 * The status after the sandbox exists: the pod IP, PodReadyToStartContainers True (False again once
 * the pod is terminal and its sandbox gone), each container (init containers too, by name) as the
 * runtime reports it.
 *
 * v1.33 also reports, for running containers, `resources` (InPlacePodVerticalScaling, beta) and `user`
 * (SupplementalGroupsPolicy, beta) from what the container runtime returns; their values depend on the
 * runtime and are not simulated.
 */
export function syncedStatus(
  pod: Pod,
  hostIP: string,
  podIP: string,
  states: readonly ContainerState[],
  now: string,
): Record<string, unknown> {
  return podStatus(pod, { hostIP, podIP, sandboxReady: true, states, now });
}

/**
 * kubelet.go rejectPod: phase Failed with the admission reason and "Pod was rejected: <message>".
 * The status manager keeps only the kubelet's own conditions from the new status, and this one has
 * none, so PodScheduled is dropped; startTime is set as for any first status.
 */
export function rejectedStatus(pod: Pod, reason: string, message: string, now: string): Record<string, unknown> {
  return {
    phase: 'Failed',
    message: `Pod was rejected: ${message}`,
    reason,
    startTime: pod.status?.startTime ?? now,
    ...(pod.status?.qosClass ? { qosClass: pod.status.qosClass } : {}),
  };
}

type Typed = { type: string };

/**
 * The fields a status write changes, for the Object tab (`status.phase`, `status.conditions[2].status`).
 * Conditions are matched by type, as the strategic merge patch matches them, not by position.
 */
export function statusChanges(before: unknown, after: unknown, by: string): FieldChange[] {
  const { conditions: was = [], ...restBefore } = (before ?? {}) as { conditions?: Typed[] };
  const { conditions: now = [], ...restAfter } = (after ?? {}) as { conditions?: Typed[] };
  const out = diffObjects(restBefore, restAfter, by, 'status');
  now.forEach((c, i) => {
    const old = was.find((w) => w.type === c.type);
    const path = `status.conditions[${i}]`;
    out.push(...(old ? diffObjects(old, c, by, path) : [{ path, op: 'add' as const, after: c, by }]));
  });
  was.forEach((w, i) => {
    if (!now.some((c) => c.type === w.type)) out.push({ path: `status.conditions[${i}]`, op: 'remove', before: w, by });
  });
  return out;
}
