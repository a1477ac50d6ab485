/**
 * The default Score plugins of kube-scheduler v1.33 with their weights, in framework order
 * (k/k pkg/scheduler/apis/config/v1/default_plugins.go). A plugin's PreScore may return Skip: then
 * the framework does not run its Score for this pod, and it adds nothing to any node's total.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { findUntoleratedTaint, matchLabelSelector, preferredNodeAffinityScore } from './matching';
import { podRequests, type ResourceAmounts } from './resources';
import type { NodeInfo, Snapshot } from './snapshot';
import { MAX_NODE_SCORE } from './status';

export interface ScorePlugin {
  name: string;
  weight: number;
  /** Why PreScore returned Skip for this pod, or undefined when the plugin scores. */
  skip(pod: Pod, snapshot: Snapshot): string | undefined;
  score(pod: Pod, node: NodeInfo, snapshot: Snapshot): number;
  /** NormalizeScore, when the plugin has ScoreExtensions. */
  normalize?(scores: number[]): number[];
}

/** helper.DefaultNormalizeScore: scale to 0–100 by the highest raw score, optionally reversed. */
export function defaultNormalizeScore(scores: number[], reverse: boolean): number[] {
  const maxCount = Math.max(0, ...scores);
  if (maxCount === 0) return scores.map((s) => (reverse ? MAX_NODE_SCORE : s));
  return scores.map((s) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * s) / maxCount);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}

// --- TaintToleration (w3): fewer untolerated PreferNoSchedule taints is better --------------------
const taintToleration: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  skip: () => undefined,
  score(pod, { node }) {
    // getAllTolerationPreferNoSchedule: tolerations with an empty effect or PreferNoSchedule.
    const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return (node.spec?.taints ?? []).filter(
      (t) => t.effect === 'PreferNoSchedule' && findUntoleratedTaint([t], tolerations, ['PreferNoSchedule']),
    ).length;
  },
  normalize: (scores) => defaultNormalizeScore(scores, true),
};

// --- NodeAffinity (w2): sum of the weights of matching preferred terms ----------------------------
const nodeAffinity: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  skip: (pod) =>
    pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution
      ? undefined
      : 'the pod has no preferred node affinity',
  score: (pod, { node }) => preferredNodeAffinityScore(pod, node),
  normalize: (scores) => defaultNormalizeScore(scores, false),
};

// --- NodeResourcesFit (w1), strategy LeastAllocated with cpu:1 and memory:1 ------------------------
/** least_allocated.go leastRequestedScore: ((capacity - requested) * 100) / capacity, 0 when over. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

const SCORED = ['cpu', 'memory'] as const;

/** Requested on the node plus the pod's request, per scored resource (resource_allocation.go). */
function afterPlacing(nodeReq: ResourceAmounts, podReq: ResourceAmounts, r: string): number {
  return (nodeReq[r] ?? 0) + (podReq[r] ?? 0);
}

const nodeResourcesFit: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  skip: () => undefined,
  score(pod, node) {
    // Not useRequested: containers without requests count as 100m cpu / 200MB memory here.
    const podReq = podRequests(pod, { nonZero: true });
    let sum = 0;
    let weights = 0;
    for (const r of SCORED) {
      const capacity = node.allocatable[r] ?? 0;
      if (capacity === 0) continue;
      sum += leastRequestedScore(afterPlacing(node.nonZeroRequested, podReq, r), capacity);
      weights += 1;
    }
    return weights === 0 ? 0 : Math.trunc(sum / weights);
  },
};

// --- VolumeBinding (w1): scores only with the StorageCapacityScoring gate (alpha, off in 1.33) ------
const volumeBinding: ScorePlugin = {
  name: 'VolumeBinding',
  weight: 1,
  skip: () => 'storage capacity scoring is off (StorageCapacityScoring feature gate, alpha)',
  score: () => 0,
};

// --- PodTopologySpread (w2) ---------------------------------------------------------------------------
/**
 * Without its own ScheduleAnyway constraints a pod gets the cluster defaults (hostname maxSkew 3,
 * zone maxSkew 5), which only apply when a Service, ReplicationController, ReplicaSet or StatefulSet
 * in its namespace selects it (helper.DefaultSelector). Otherwise PreScore returns Skip — the case
 * simulated here. Spreading scores themselves are not simulated yet and count 0.
 */
function selectedByOwnerLike(pod: Pod, snapshot: Snapshot): boolean {
  const ns = pod.metadata?.namespace ?? 'default';
  const labels = pod.metadata?.labels ?? {};
  return snapshot.objects.some((o) => {
    if ((o.metadata.namespace ?? 'default') !== ns) return false;
    const spec = (o as { spec?: { selector?: unknown } }).spec;
    if (o.kind === 'Service' || o.kind === 'ReplicationController') {
      const sel = (o.kind === 'Service' ? (o as unknown as Service).spec?.selector : spec?.selector) as
        Record<string, string> | undefined;
      return !!sel && Object.keys(sel).length > 0 && matchLabelSelector({ matchLabels: sel }, labels);
    }
    if (o.kind === 'ReplicaSet' || o.kind === 'StatefulSet') {
      const sel = spec?.selector as Parameters<typeof matchLabelSelector>[0] | undefined;
      return !!sel && matchLabelSelector(sel, labels);
    }
    return false;
  });
}

const podTopologySpread: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  skip(pod, snapshot) {
    const own = pod.spec?.topologySpreadConstraints;
    if (own?.length)
      return own.some((c) => c.whenUnsatisfiable === 'ScheduleAnyway')
        ? undefined
        : 'the pod has no ScheduleAnyway spread constraints';
    return selectedByOwnerLike(pod, snapshot)
      ? undefined
      : 'no Service or workload selects the pod, so the default spread constraints do not apply';
  },
  score: () => 0,
};

// --- InterPodAffinity (w2) ----------------------------------------------------------------------------
/**
 * Scores come from the pod's preferred (anti-)affinity and from the affinity of pods already on the
 * nodes; with neither, PreScore returns Skip (the case simulated here). The scores are not simulated
 * yet and count 0.
 */
const hasAffinity = (p: Pod) => !!p.spec?.affinity?.podAffinity || !!p.spec?.affinity?.podAntiAffinity;
const interPodAffinity: ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  skip(pod, snapshot) {
    const preferred =
      !!pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ||
      !!pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length;
    return preferred || snapshot.nodes.some((n) => n.pods.some(hasAffinity))
      ? undefined
      : 'neither the pod nor any running pod has preferred inter-pod affinity';
  },
  score: () => 0,
};

// --- NodeResourcesBalancedAllocation (w1) -------------------------------------------------------------
const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  // v1.33 (PR #130260): "The BalancedAllocation plugin now skips all best-effort (zero-requested) pods."
  skip: (pod) =>
    SCORED.every((r) => (podRequests(pod)[r] ?? 0) === 0)
      ? 'the pod requests no cpu or memory (BestEffort)'
      : undefined,
  score(pod, node) {
    // useRequested: real requests, no defaults. balanced_allocation.go balancedResourceScorer.
    const podReq = podRequests(pod);
    const fractions = SCORED.filter((r) => (node.allocatable[r] ?? 0) > 0).map((r) =>
      Math.min(1, afterPlacing(node.requested, podReq, r) / node.allocatable[r]!),
    );
    let std = 0;
    if (fractions.length === 2) std = Math.abs((fractions[0]! - fractions[1]!) / 2);
    else if (fractions.length > 2) {
      const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
      std = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) ** 2, 0) / fractions.length);
    }
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
};

// --- ImageLocality (w1) -------------------------------------------------------------------------------
const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** imagelocality/image_locality.go normalizedImageName: append `:latest` when there is no tag. */
function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  skip: () => undefined,
  score(pod, node, snapshot) {
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    let sum = 0;
    for (const c of containers) {
      // Nodes report images under containerd's names (`docker.io/library/nginx:1.27`), so a short
      // name in the spec (`nginx:1.27`) finds no entry — the plugin compares names literally.
      const key = normalizedImageName(c.image ?? '');
      const size = node.images[key];
      if (size === undefined) continue;
      const spread = snapshot.nodes.filter((n) => n.images[key] !== undefined).length / snapshot.nodes.length;
      sum += Math.trunc(size * spread);
    }
    const maxThreshold = MAX_CONTAINER_THRESHOLD * containers.length;
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold);
    return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
  },
};

/** Score plugins in framework order, with their default weights. */
export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintToleration,
  nodeAffinity,
  nodeResourcesFit,
  volumeBinding,
  podTopologySpread,
  interPodAffinity,
  balancedAllocation,
  imageLocality,
];
