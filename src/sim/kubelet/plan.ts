/**
 * The kubelet's sync of a new pod as a timed plan (k/k pkg/kubelet/kubelet.go SyncPod and
 * kuberuntime/kuberuntime_manager.go SyncPod): admit → first status (ContainerCreating) → volumes →
 * RunPodSandbox (pause container, then CNI ADD gives the pod its IP) → the pod worker's syncs
 * (worker.ts): per container, in spec order, image (pull or present) → CreateContainer →
 * StartContainer, the statuses that report it, and the retry loops of what fails, up to the horizon.
 *
 * Every id, IP and duration is decided here, from the seeded Rng and the scenario, so the actor only
 * replays the plan. Offsets are ms after the kubelet saw the pod.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../random';
import type { ImageFacts, KubeObject } from '../scenario';
import { admitPod, type AdmitResult } from './admission';
import { volumeSetUpError } from './containers';
import { failedMount, type KubeletEventText } from './events';
import { formatGoDuration } from './images';
import type { ContainerState } from './status';
import { HORIZON_MARGIN_MS, runPodWorker } from './worker';

/** The sandbox image kubeadm v1.33 configures (registry.k8s.io/pause:3.10). */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

export type PlannedAction =
  | { kind: 'status-creating' }
  | { kind: 'volumes'; volumes: string[] }
  /** MountVolume.SetUp failed: the volume manager retries after `retryMs`; the sync waits. */
  | { kind: 'mount-error'; volume: string; message: string; retryMs: number; events: KubeletEventText[] }
  | { kind: 'sandbox'; sandboxID: string }
  | { kind: 'network'; podIP: string }
  | {
      kind: 'image';
      container: string;
      image: string;
      event: KubeletEventText;
      phase: 'pulling' | 'pulled' | 'present';
    }
  /** The image cannot be used: the waiting reason, the events that report it, the image back-off. */
  | {
      kind: 'image-error';
      container: string;
      image: string;
      reason: 'ErrImagePull' | 'ErrImageNeverPull' | 'ImagePullBackOff' | 'InvalidImageName';
      events: KubeletEventText[];
      backoffMs?: number;
    }
  /** generateContainerConfig failed (CreateContainerConfigError): a missing ConfigMap, Secret or key. */
  | { kind: 'config-error'; container: string; message: string; events: KubeletEventText[] }
  | { kind: 'created'; container: string; containerID: string; event: KubeletEventText }
  | { kind: 'started'; container: string; event: KubeletEventText }
  /** The container's process ended (what the image's behaviour says); the runtime records it. */
  | {
      kind: 'exited';
      container: string;
      exitCode: number;
      reason: string;
      why: string;
      /** The kubelet replaces it in the same sync (a changed definition), whatever the restart policy. */
      replaced?: boolean;
    }
  /** A probe failed (every failure is an Unhealthy event). */
  | { kind: 'unhealthy'; container: string; probe: 'startup' | 'liveness' | 'readiness'; events: KubeletEventText[] }
  /** A failed liveness/startup probe, or a changed definition: the kubelet stops the container to restart it. */
  | {
      kind: 'killing';
      container: string;
      cause: 'startup' | 'liveness' | 'changed';
      graceSeconds: number;
      events: KubeletEventText[];
    }
  /** doBackOff: the container stays down until its crash-loop back-off has passed. */
  | { kind: 'crash-backoff'; container: string; backoffMs: number; events: KubeletEventText[] }
  | { kind: 'status-synced'; containers: ContainerState[] };

export interface PlannedStep {
  /** ms after the kubelet saw the pod. */
  at: number;
  action: PlannedAction;
  /** On the last step before the horizon cuts a retry loop: what the kubelet would do next. */
  horizon?: string;
}

export interface SyncPlan {
  admission: AdmitResult;
  hostIP: string;
  podIP: string;
  steps: PlannedStep[];
  /** When the horizon cut a retry loop: the offset at which the kubelet would act next. */
  resumeAt?: number;
}

export interface SyncPlanInput {
  pod: Pod;
  node: Node;
  /** Pods already on the node (from the kubelet's informer), not including this one. */
  podsOnNode: readonly Pod[];
  images: ImageFacts;
  /** The cluster's objects, for the ConfigMaps and Secrets the pod references. */
  cluster: readonly KubeObject[];
  rng: Rng;
  /** Wall-clock time (RFC 3339) of an offset, for startedAt. */
  wallTime(offsetMs: number): string;
  /** The offset at which the simulation stops: retry loops are planned up to it. */
  horizonMs: number;
}

const ipToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const intToIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/**
 * host-local IPAM (the CNI kind's kindnet uses): the first free address of the node's podCIDR,
 * starting at .2 (.1 is the bridge gateway), skipping IPs the node's pods already hold.
 */
export function allocatePodIP(podCIDR: string, used: readonly string[]): string {
  const [base = '0.0.0.0', bits = '24'] = podCIDR.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = ipToInt(base);
  const taken = new Set(used);
  for (let i = 2; i < size - 1; i++) {
    const ip = intToIp(start + i);
    if (!taken.has(ip)) return ip;
  }
  return '';
}

export const nodeInternalIP = (node: Node): string =>
  node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';

/**
 * A configMap or secret volume whose object is missing cannot be set up: the volume manager's
 * reconciler retries each failed operation with an exponential back-off, 500 ms doubling up to 2m2s
 * (k/k pkg/volume/util/nestedpendingoperations, exponentialbackoff), recording FailedMount each time,
 * while SyncPod waits in WaitForAttachAndMount and the pod stays ContainerCreating.
 */
export const MOUNT_RETRY_INITIAL_MS = 500;
export const MOUNT_RETRY_MAX_MS = 122_000;

function planMountRetries(
  failing: readonly { volume: string; error: string }[],
  start: number,
  input: SyncPlanInput,
  steps: PlannedStep[],
): { resumeAt: number } {
  const limit = input.horizonMs - HORIZON_MARGIN_MS;
  let retryMs = MOUNT_RETRY_INITIAL_MS;
  let lastRetryMs = retryMs;
  let t = start;
  // The reconciler loop runs every 100 ms: a retry starts at the first pass after the back-off.
  for (; t <= limit; t += retryMs + input.rng.int(100), retryMs = Math.min(retryMs * 2, MOUNT_RETRY_MAX_MS)) {
    lastRetryMs = retryMs;
    for (const { volume, error } of failing)
      steps.push({
        at: t,
        action: { kind: 'mount-error', volume, message: error, retryMs, events: [failedMount(volume, error)] },
      });
  }
  const last = steps.at(-1);
  if (last)
    last.horizon = `From here the volume manager retries after ${formatGoDuration(lastRetryMs)} (doubling up to ${formatGoDuration(MOUNT_RETRY_MAX_MS)}) until the object exists; the simulation stops here.`;
  return { resumeAt: t };
}

export function planPodSync(input: SyncPlanInput): SyncPlan {
  const { pod, node, rng } = input;
  const hostIP = nodeInternalIP(node);
  const admission = admitPod(pod, node, input.podsOnNode);
  const usedIPs = input.podsOnNode.filter((p) => !p.spec?.hostNetwork).map((p) => p.status?.podIP ?? '');
  const podIP = pod.spec?.hostNetwork ? hostIP : allocatePodIP(node.spec?.podCIDR ?? '', usedIPs);
  if (!admission.admit) return { admission, hostIP, podIP, steps: [] };

  const steps: PlannedStep[] = [];
  let t = 0;
  const at = (dt: number, action: PlannedAction) => {
    t += dt;
    steps.push({ at: t, action });
  };

  // SyncPod writes the first status before any runtime work; the status manager sends it at once.
  at(2, { kind: 'status-creating' });
  // Pod cgroup, data directories, then WaitForAttachAndMount (the projected token volume).
  const volumes = (pod.spec?.volumes ?? []).map((v) => v.name);
  const unmountable = volumes.flatMap((v) => {
    const error = volumeSetUpError(pod, v, input.cluster);
    return error ? [{ volume: v, error }] : [];
  });
  if (unmountable.length) {
    const { resumeAt } = planMountRetries(unmountable, t + 20 + rng.int(40), input, steps);
    return { admission, hostIP, podIP, steps, resumeAt };
  }
  at(20 + rng.int(40), { kind: 'volumes', volumes });
  // RunPodSandbox: pause container and network namespace, then the CNI plugin's ADD.
  at(120 + rng.int(120), { kind: 'sandbox', sandboxID: rng.hex(64) });
  at(40 + rng.int(60), { kind: 'network', podIP });

  const { resumeAt } = runPodWorker(
    {
      pod,
      node: node.metadata?.name ?? '',
      images: input.images,
      cluster: input.cluster,
      podIP,
      rng,
      wallTime: input.wallTime,
      horizonMs: input.horizonMs,
    },
    t,
    steps,
  );
  return { admission, hostIP, podIP, steps, ...(resumeAt !== undefined ? { resumeAt } : {}) };
}

/**
 * An update of a pod this kubelet already runs (kubelet.go HandlePodUpdates → the pod worker's
 * SyncPod; no admission, the sandbox and its IP stay): the sync computes what the new spec needs
 * (computePodActions: a container whose image changed is killed and started again) and the syncs
 * that follow, as for a new pod. `previous` is the pod as its running containers were created from.
 */
export function planPodUpdate(input: SyncPlanInput, previous: Pod): SyncPlan {
  const { pod } = input;
  const hostIP = pod.status?.hostIP ?? nodeInternalIP(input.node);
  const podIP = pod.status?.podIP ?? '';
  const steps: PlannedStep[] = [];
  const { resumeAt } = runPodWorker(
    {
      pod,
      node: input.node.metadata?.name ?? '',
      images: input.images,
      cluster: input.cluster,
      podIP,
      rng: input.rng,
      wallTime: input.wallTime,
      horizonMs: input.horizonMs,
      previous,
    },
    // The pod worker picks the update up a millisecond after the watch delivered it.
    1,
    steps,
  );
  return { admission: { admit: true }, hostIP, podIP, steps, ...(resumeAt !== undefined ? { resumeAt } : {}) };
}
