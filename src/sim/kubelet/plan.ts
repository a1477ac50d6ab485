/**
 * The kubelet's sync of a new pod as a timed plan (k/k pkg/kubelet/kubelet.go SyncPod and
 * kuberuntime/kuberuntime_manager.go SyncPod): admit → first status (ContainerCreating) → volumes →
 * RunPodSandbox (pause container, then CNI ADD gives the pod its IP) → per container, in spec order:
 * image (pull or present) → CreateContainer → StartContainer → the status that reports it all.
 *
 * Every id, IP and duration is decided here, from the seeded Rng and the scenario, so the actor only
 * replays the plan. Offsets are ms after the kubelet saw the pod.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../random';
import type { ImageFacts } from '../scenario';
import { admitPod, type AdmitResult } from './admission';
import {
  createdContainer,
  imageAlreadyPresent,
  pulledImage,
  pullingImage,
  startedContainer,
  type KubeletEventText,
} from './events';
import { imageID, normalizeImageRef, pullDecision, pullDurationMs, registryImage } from './images';
import type { ContainerState } from './status';

/** The sandbox image kubeadm v1.33 configures (registry.k8s.io/pause:3.10). */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

export type PlannedAction =
  | { kind: 'status-creating' }
  | { kind: 'volumes'; volumes: string[] }
  | { kind: 'sandbox'; sandboxID: string }
  | { kind: 'network'; podIP: string }
  | {
      kind: 'image';
      container: string;
      image: string;
      event: KubeletEventText;
      phase: 'pulling' | 'pulled' | 'present';
    }
  /** The image cannot be used: the waiting reason, and the events that report it. */
  | {
      kind: 'image-error';
      container: string;
      image: string;
      reason: 'ErrImagePull' | 'ErrImageNeverPull';
      events: KubeletEventText[];
    }
  | { kind: 'created'; container: string; containerID: string; event: KubeletEventText }
  | { kind: 'started'; container: string; event: KubeletEventText }
  | { kind: 'status-synced'; containers: ContainerState[] };

export interface PlannedStep {
  /** ms after the kubelet saw the pod. */
  at: number;
  action: PlannedAction;
}

export interface SyncPlan {
  admission: AdmitResult;
  hostIP: string;
  podIP: string;
  steps: PlannedStep[];
}

export interface SyncPlanInput {
  pod: Pod;
  node: Node;
  /** Pods already on the node (from the kubelet's informer), not including this one. */
  podsOnNode: readonly Pod[];
  images: ImageFacts;
  rng: Rng;
  /** Wall-clock time (RFC 3339) of an offset, for startedAt. */
  wallTime(offsetMs: number): string;
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

/** The containerd error for a tag the registry does not have (runtime-specific; containerd's wording). */
const notFoundError = (image: string) => {
  const ref = normalizeImageRef(image).name;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
};

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
  at(20 + rng.int(40), { kind: 'volumes', volumes: (pod.spec?.volumes ?? []).map((v) => v.name) });
  // RunPodSandbox: pause container and network namespace, then the CNI plugin's ADD.
  at(120 + rng.int(120), { kind: 'sandbox', sandboxID: rng.hex(64) });
  at(40 + rng.int(60), { kind: 'network', podIP });

  const states: ContainerState[] = [];
  for (const c of pod.spec?.containers ?? []) {
    const image = c.image ?? '';
    const decision = pullDecision(input.images, node.metadata?.name ?? '', c);
    if (decision.kind === 'present') {
      at(2, { kind: 'image', container: c.name, image, event: imageAlreadyPresent(image), phase: 'present' });
    } else if (decision.kind === 'pull') {
      at(2, { kind: 'image', container: c.name, image, event: pullingImage(image), phase: 'pulling' });
      const pullMs = pullDurationMs(decision.size, rng);
      // Nothing else is queued on the node's (serialized) image puller: waiting adds no time.
      at(pullMs, {
        kind: 'image',
        container: c.name,
        image,
        event: pulledImage(image, pullMs, pullMs, decision.size),
        phase: 'pulled',
      });
    } else {
      // The first failure; the back-off retries (ImagePullBackOff) are simulated in a later issue.
      if (decision.kind === 'never-absent') {
        const message = `Container image ${JSON.stringify(image)} is not present with pull policy of Never`;
        const events: KubeletEventText[] = [
          { type: 'Warning', reason: 'ErrImageNeverPull', message },
          { type: 'Warning', reason: 'Failed', message: 'Error: ErrImageNeverPull' },
        ];
        at(2, { kind: 'image-error', container: c.name, image, reason: 'ErrImageNeverPull', events });
        states.push({ name: c.name, running: false, reason: 'ErrImageNeverPull', message });
      } else {
        const message = notFoundError(image);
        at(2, { kind: 'image', container: c.name, image, event: pullingImage(image), phase: 'pulling' });
        const events: KubeletEventText[] = [
          { type: 'Warning', reason: 'Failed', message: `Failed to pull image ${JSON.stringify(image)}: ${message}` },
          { type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' },
        ];
        at(300 + rng.int(400), { kind: 'image-error', container: c.name, image, reason: 'ErrImagePull', events });
        states.push({ name: c.name, running: false, reason: 'ErrImagePull', message });
      }
      continue;
    }
    const containerID = `containerd://${rng.hex(64)}`;
    at(30 + rng.int(40), { kind: 'created', container: c.name, containerID, event: createdContainer(c.name) });
    at(40 + rng.int(60), { kind: 'started', container: c.name, event: startedContainer(c.name) });
    const served = decision.kind === 'pull' ? decision : registryImage(input.images, image);
    states.push({
      name: c.name,
      running: true,
      containerID,
      image: normalizeImageRef(image).name,
      imageID: served ? imageID(image, served.digest) : '',
      startedAt: input.wallTime(t),
    });
  }
  // PLEG relists every second; the next relist sees the containers and the pod worker writes the status.
  at(20 + rng.int(980), { kind: 'status-synced', containers: states });
  return { admission, hostIP, podIP, steps };
}
