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

/** A container after the sync: running (as the runtime reports it), or still waiting with a reason. */
export type ContainerState =
  | {
      name: string;
      running: true;
      containerID: string;
      /** Image as the runtime reports it (`docker.io/library/nginx:1.27`). */
      image: string;
      imageID: string;
      startedAt: string;
    }
  | { name: string; running: false; reason: string; message?: string };

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

function conditions(pod: Pod, sandboxReady: boolean, notReady: readonly string[], now: string): Condition[] {
  const old = (pod.status?.conditions ?? []) as unknown as Condition[];
  const foreign = old.filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  const generated: Generated[] = [
    { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' },
    // No init containers in the simulated pods' sync (they are for a later issue): Initialized is True.
    { type: 'Initialized', status: 'True' },
    readiness('Ready', notReady),
    readiness('ContainersReady', notReady),
    { type: 'PodScheduled', status: 'True' },
  ];
  return [...foreign, ...stamp(generated, old, now)];
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

/** The pod status in PodStatus field order; startTime is set once (the first status) and kept. */
function podStatus(
  pod: Pod,
  f: {
    phase: string;
    conditions: Condition[];
    hostIP: string;
    podIP?: string;
    now: string;
    containerStatuses: unknown[];
  },
) {
  return {
    phase: f.phase,
    conditions: f.conditions,
    hostIP: f.hostIP,
    hostIPs: [{ ip: f.hostIP }],
    ...(f.podIP ? { podIP: f.podIP, podIPs: [{ ip: f.podIP }] } : {}),
    startTime: pod.status?.startTime ?? f.now,
    containerStatuses: f.containerStatuses,
    ...(pod.status?.qosClass ? { qosClass: pod.status.qosClass } : {}),
  };
}

/**
 * The first status, written before the sandbox exists: phase Pending, the node's IP, the start time,
 * and each container waiting with reason ContainerCreating.
 */
export function containerCreatingStatus(pod: Pod, hostIP: string, now: string): Record<string, unknown> {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  return podStatus(pod, {
    phase: 'Pending',
    conditions: conditions(pod, false, names, now),
    hostIP,
    now,
    containerStatuses: (pod.spec?.containers ?? []).map((c) => ({
      name: c.name,
      state: { waiting: { reason: 'ContainerCreating' } },
      lastState: {},
      ready: false,
      restartCount: 0,
      image: c.image,
      imageID: '',
      started: false,
      ...volumeMounts(c),
    })),
  });
}

/**
 * The status after the sandbox exists: the pod IP, PodReadyToStartContainers True, and each container
 * running (no readiness probes, so running means ready) or waiting with a reason (ErrImagePull, ...).
 * generateAPIPodStatus/getPhase: Running once every container runs, Pending while one waits.
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
  const containers = pod.spec?.containers ?? [];
  const stateOf = (c: Container) => states.find((x) => x.name === c.name);
  const notReady = containers.filter((c) => !stateOf(c)?.running).map((c) => c.name);
  return podStatus(pod, {
    phase: notReady.length === 0 ? 'Running' : 'Pending',
    conditions: conditions(pod, true, notReady, now),
    hostIP,
    podIP,
    now,
    containerStatuses: containers.map((c) => {
      const st = stateOf(c);
      const run = st?.running ? st : undefined;
      const waiting =
        st && !st.running
          ? { reason: st.reason, ...(st.message ? { message: st.message } : {}) }
          : { reason: 'ContainerCreating' };
      return {
        name: c.name,
        state: run ? { running: { startedAt: run.startedAt } } : { waiting },
        lastState: {},
        ready: !!run,
        restartCount: 0,
        image: run?.image ?? c.image,
        imageID: run?.imageID ?? '',
        ...(run ? { containerID: run.containerID } : {}),
        started: !!run,
        ...volumeMounts(c),
      };
    }),
  });
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
