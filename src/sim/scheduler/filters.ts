/**
 * The default Filter plugins of kube-scheduler v1.33, in the order the framework runs them
 * (k/k pkg/scheduler/apis/config/v1/default_plugins.go, MultiPoint expanded per extension point).
 * Each reason string is the plugin's own ErrReason constant, named beside it.
 */
import type { ContainerPort, Pod, Volume } from 'kubernetes-types/core/v1';
import { findUntoleratedTaint, hasRequiredNodeConstraints, matchesRequiredNodeAffinity } from './matching';
import { podRequests, type ResourceAmounts } from './resources';
import type { NodeInfo, Snapshot } from './snapshot';
import { SKIP, SUCCESS, unresolvable, unschedulable, type Status } from './status';

export interface FilterPlugin {
  name: string;
  /**
   * PreFilter: `Skip` means the plugin has nothing to check for this pod (its Filter is not run);
   * a rejection here applies to every node (FitError's PreFilterMsg).
   */
  preFilter?(pod: Pod, snapshot: Snapshot): Status;
  filter(pod: Pod, node: NodeInfo, snapshot: Snapshot): Status;
}

// --- NodeUnschedulable (nodeunschedulable/node_unschedulable.go) --------------------------------
const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, { node }) {
    if (!node.spec?.unschedulable) return SUCCESS;
    // A cordoned node carries node.kubernetes.io/unschedulable:NoSchedule; a pod may tolerate it.
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    return findUntoleratedTaint([taint], pod.spec?.tolerations ?? [], ['NoSchedule'])
      ? unresolvable(ERR_REASON_UNSCHEDULABLE)
      : SUCCESS;
  },
};

// --- NodeName (nodename/node_name.go) -------------------------------------------------------------
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, node) {
    const wanted = pod.spec?.nodeName;
    return !wanted || wanted === node.name ? SUCCESS : unresolvable(ERR_REASON_NODE_NAME);
  },
};

// --- TaintToleration (tainttoleration/taint_toleration.go) ----------------------------------------
const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, { node }) {
    // helper.DoNotScheduleTaintsFilterFunc: only NoSchedule and NoExecute taints keep a pod away.
    const taint = findUntoleratedTaint(node.spec?.taints ?? [], pod.spec?.tolerations ?? [], [
      'NoSchedule',
      'NoExecute',
    ]);
    // "node(s) had untolerated taint {%s: %s}" with the taint's key and value (not its effect).
    return taint ? unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : SUCCESS;
  },
};

// --- NodeAffinity (nodeaffinity/node_affinity.go) --------------------------------------------------
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  // "NodeAffinity Filter has nothing to do with the Pod." without a nodeSelector or required terms.
  preFilter: (pod) => (hasRequiredNodeConstraints(pod) ? SUCCESS : SKIP),
  filter: (pod, { node }) =>
    matchesRequiredNodeAffinity(pod, node) ? SUCCESS : unresolvable(ERR_REASON_NODE_AFFINITY),
};

// --- NodePorts (nodeports/node_ports.go) -----------------------------------------------------------
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** The container ports that claim a host port (util.GetHostPorts: only hostPort > 0 counts). */
function hostPorts(pod: Pod): ContainerPort[] {
  return (pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).filter((p) => (p.hostPort ?? 0) > 0));
}

/** HostPortInfo.CheckConflict: same port and protocol, and the same IP or either side 0.0.0.0. */
function portsConflict(a: ContainerPort, b: ContainerPort): boolean {
  const ip = (p: ContainerPort) => p.hostIP || '0.0.0.0';
  return (
    a.hostPort === b.hostPort &&
    (a.protocol ?? 'TCP') === (b.protocol ?? 'TCP') &&
    (ip(a) === ip(b) || ip(a) === '0.0.0.0' || ip(b) === '0.0.0.0')
  );
}

/** nodeports.Fits: whether a host port the pod wants is already taken by a pod on the node. */
export function hostPortsConflict(pod: Pod, podsOnNode: readonly Pod[]): boolean {
  const used = podsOnNode.flatMap(hostPorts);
  return hostPorts(pod).some((p) => used.some((u) => portsConflict(p, u)));
}

const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  // "Skip if a pod has no ports."
  preFilter: (pod) => (hostPorts(pod).length > 0 ? SUCCESS : SKIP),
  filter: (pod, node) => (hostPortsConflict(pod, node.pods) ? unschedulable(ERR_REASON_NODE_PORTS) : SUCCESS),
};

// --- NodeResourcesFit (noderesources/fit.go) -------------------------------------------------------

/** One shortage, as fit.go's InsufficientResource (also used by the kubelet's admission). */
export interface InsufficientResource {
  resource: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

/**
 * fit.go fitsRequest: the pod count first ("Too many pods"), then cpu, memory, ephemeral-storage and
 * extended resources, each compared with allocatable minus what the node's pods already request.
 */
export function insufficientResources(
  pod: Pod,
  node: Pick<NodeInfo, 'allocatable' | 'requested' | 'pods'>,
): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const allowedPods = node.allocatable.pods ?? 0;
  if (node.pods.length + 1 > allowedPods) {
    out.push({
      resource: 'pods',
      reason: 'Too many pods',
      requested: 1,
      used: node.pods.length,
      capacity: allowedPods,
    });
  }
  const req: ResourceAmounts = podRequests(pod);
  const check = (resource: string) => {
    const want = req[resource] ?? 0;
    const alloc = node.allocatable[resource] ?? 0;
    const used = node.requested[resource] ?? 0;
    if (want > 0 && want > alloc - used)
      out.push({ resource, reason: `Insufficient ${resource}`, requested: want, used, capacity: alloc });
  };
  check('cpu');
  check('memory');
  check('ephemeral-storage');
  for (const r of Object.keys(req).sort()) if (!['cpu', 'memory', 'ephemeral-storage', 'pods'].includes(r)) check(r);
  return out;
}

const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, node) {
    const short = insufficientResources(pod, node);
    // Always Unschedulable in v1.33 (preemption may help); UnschedulableAndUnresolvable for requests
    // above a node's allocatable arrived later (PR #131345, v1.34).
    return short.length ? unschedulable(...short.map((s) => s.reason)) : SUCCESS;
  },
};

// --- Volume plugins --------------------------------------------------------------------------------
/** The claims a pod uses: its PVC volumes and the claims generated for its ephemeral volumes. */
const claims = (pod: Pod): { name: string; ephemeral: boolean }[] =>
  (pod.spec?.volumes ?? []).flatMap((v: Volume): { name: string; ephemeral: boolean }[] =>
    v.persistentVolumeClaim
      ? [{ name: v.persistentVolumeClaim.claimName, ephemeral: false }]
      : v.ephemeral
        ? [{ name: `${pod.metadata?.name}-${v.name}`, ephemeral: true }]
        : [],
  );
const pvcNames = (pod: Pod): string[] => claims(pod).map((c) => c.name);

const IN_TREE_DISKS = ['gcePersistentDisk', 'awsElasticBlockStore', 'rbd', 'iscsi'] as const;

/**
 * VolumeRestrictions, NodeVolumeLimits and VolumeZone check disk conflicts, attach limits and zones of
 * PersistentVolumes. Their PreFilters skip pods without such volumes, which is what the simulation
 * models; volumes of those kinds are not simulated yet, so their Filters pass.
 */
const volumePlugin = (name: string, needsCheck: (pod: Pod) => boolean): FilterPlugin => ({
  name,
  preFilter: (pod) => (needsCheck(pod) ? SUCCESS : SKIP),
  filter: () => SUCCESS,
});

const hasInTreeDisk = (pod: Pod) => (pod.spec?.volumes ?? []).some((v) => IN_TREE_DISKS.some((k) => k in v));

const volumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  // volumebinding/volume_binding.go PreFilter: Skip without PVCs; a missing claim is unresolvable,
  // with the lister's NotFound text.
  preFilter(pod, snapshot) {
    const used = claims(pod);
    if (used.length === 0) return SKIP;
    const ns = pod.metadata?.namespace ?? 'default';
    const missing = used.find(
      (c) =>
        !snapshot.objects.some(
          (o) =>
            o.kind === 'PersistentVolumeClaim' &&
            o.metadata.name === c.name &&
            (o.metadata.namespace ?? 'default') === ns,
        ),
    );
    if (!missing) return SUCCESS;
    // podHasPVCs: a generic ephemeral volume's claim is normally created just after the pod.
    return unresolvable(
      missing.ephemeral
        ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${missing.name}"`
        : `persistentvolumeclaim "${missing.name}" not found`,
    );
  },
  // Binding and node affinity of existing claims are for a later issue: bound claims pass.
  filter: () => SUCCESS,
};

// --- PodTopologySpread and InterPodAffinity --------------------------------------------------------
/**
 * PodTopologySpread filters only on `whenUnsatisfiable: DoNotSchedule` constraints (the cluster's
 * default constraints are all ScheduleAnyway); InterPodAffinity only on required (anti-)affinity of
 * the pod or of pods already running. Without those their PreFilters return Skip, which is what the
 * simulation models; the constraints themselves are not simulated yet, so their Filters pass.
 */
const hardSpread = (pod: Pod) =>
  (pod.spec?.topologySpreadConstraints ?? []).some((c) => c.whenUnsatisfiable === 'DoNotSchedule');
const requiredPodAffinity = (p: Pod) =>
  !!p.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ||
  !!p.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length;

const podTopologySpread: FilterPlugin = {
  name: 'PodTopologySpread',
  preFilter: (pod) => (hardSpread(pod) ? SUCCESS : SKIP),
  filter: () => SUCCESS,
};

const interPodAffinity: FilterPlugin = {
  name: 'InterPodAffinity',
  preFilter: (pod, snapshot) =>
    requiredPodAffinity(pod) || snapshot.nodes.some((n) => n.pods.some(requiredPodAffinity)) ? SUCCESS : SKIP,
  filter: () => SUCCESS,
};

/** Filter plugins in framework order. */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  volumePlugin('VolumeRestrictions', (p) => hasInTreeDisk(p) || pvcNames(p).length > 0),
  volumePlugin('NodeVolumeLimits', (p) => hasInTreeDisk(p) || pvcNames(p).length > 0),
  volumeBinding,
  volumePlugin('VolumeZone', (p) => pvcNames(p).length > 0),
  podTopologySpread,
  interPodAffinity,
];
