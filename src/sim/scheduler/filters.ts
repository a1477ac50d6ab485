/**
 * The default Filter plugins of kube-scheduler v1.33, in the order the framework runs them
 * (k/k pkg/scheduler/apis/config/v1/default_plugins.go, MultiPoint expanded per extension point).
 * Each reason string is the plugin's own ErrReason constant, named beside it.
 */
import type { ContainerPort, Node, NodeSelector, Pod, Volume } from 'kubernetes-types/core/v1';
import { resourceAmount } from '../quantity';
import type { KubeObject } from '../scenario';
import {
  findUntoleratedTaint,
  hasRequiredNodeConstraints,
  matchesRequiredNodeAffinity,
  matchNodeSelectorTerm,
} from './matching';
import { podRequests, type ResourceAmounts } from './resources';
import type { NodeInfo, Snapshot } from './snapshot';
import { SKIP, SUCCESS, unresolvable, unschedulable, type Status } from './status';

/**
 * A PreFilter verdict, with the PreFilterResult: `nodeNames` limits the nodes Filter looks at
 * (undefined: all nodes).
 */
export type PreFilterStatus = Status & { nodeNames?: readonly string[] };

export interface FilterPlugin {
  name: string;
  /**
   * PreFilter: `Skip` means the plugin has nothing to check for this pod (its Filter is not run);
   * a rejection here applies to every node (FitError's PreFilterMsg).
   */
  preFilter?(pod: Pod, snapshot: Snapshot): PreFilterStatus;
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

/** node_affinity.go errReasonConflict: every required term names nodes, and no name is in all of a term's `In` lists. */
export const ERR_REASON_AFFINITY_CONFLICT = 'pod affinity terms conflict';

/**
 * NodeAffinity PreFilter: terms that pin the pod by `matchFields` on metadata.name (DaemonSet pods
 * do) become a PreFilterResult — only those nodes are filtered; the others count as
 * "node(s) didn't satisfy plugin(s) [NodeAffinity]" in FailedScheduling.
 */
function nodeAffinityPreFilter(pod: Pod): PreFilterStatus {
  // "NodeAffinity Filter has nothing to do with the Pod." without a nodeSelector or required terms.
  if (!hasRequiredNodeConstraints(pod)) return SKIP;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms?.length) return SUCCESS;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      // the requirements of a term are ANDed: intersect
      const vals = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => vals.has(n))) : vals;
    }
    // a term without a node-name requirement makes every node eligible (terms are ORed)
    if (!termNames) return SUCCESS;
    names = new Set([...(names ?? []), ...termNames]);
  }
  if (names && names.size === 0) return unresolvable(ERR_REASON_AFFINITY_CONFLICT);
  return names ? { ...SUCCESS, nodeNames: [...names].sort() } : SUCCESS;
}

const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  preFilter: nodeAffinityPreFilter,
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

// --- VolumeBinding (volumebinding/volume_binding.go, binder.go) -----------------------------------
type Claim = KubeObject & {
  spec?: { volumeName?: string; storageClassName?: string; resources?: { requests?: Record<string, string> } };
  status?: { phase?: string };
};
type Volume_ = KubeObject & {
  spec?: {
    storageClassName?: string;
    capacity?: Record<string, string>;
    claimRef?: { name?: string; namespace?: string };
    nodeAffinity?: { required?: NodeSelector };
  };
  status?: { phase?: string };
};
type Class = KubeObject & { provisioner?: string; volumeBindingMode?: string };

/** binder.go ConflictReasons (Filter reasons, each UnschedulableAndUnresolvable). */
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
/** volume_binding.go PreFilter, for claims the PV controller must bind before scheduling. */
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

const find = <T extends KubeObject>(snapshot: Snapshot, kind: string, name: string | undefined, ns?: string) =>
  snapshot.objects.find(
    (o) =>
      o.kind === kind && o.metadata.name === name && (ns === undefined || (o.metadata.namespace ?? 'default') === ns),
  ) as T | undefined;

/** pv_controller's storagehelpers.GetPersistentVolumeClaimClass: the field, else the beta annotation. */
const claimClass = (c: Claim) =>
  c.spec?.storageClassName ?? c.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';

/** isPVCFullyBound: a volume name and the PV controller's bind-completed annotation. */
const fullyBound = (c: Claim) =>
  !!c.spec?.volumeName && c.metadata.annotations?.['pv.kubernetes.io/bind-completed'] !== undefined;

/** volume/util IsDelayBindingMode: the claim's StorageClass says WaitForFirstConsumer. */
const delayBinding = (c: Claim, snapshot: Snapshot) =>
  find<Class>(snapshot, 'StorageClass', claimClass(c))?.volumeBindingMode === 'WaitForFirstConsumer';

/** The pod's claims that exist, in volume order (podHasPVCs succeeded for all of them). */
const podClaims = (pod: Pod, snapshot: Snapshot): Claim[] =>
  claims(pod).flatMap(
    (c) => find<Claim>(snapshot, 'PersistentVolumeClaim', c.name, pod.metadata?.namespace ?? 'default') ?? [],
  );

/** volume_binding.go podHasPVCs: the first claim that cannot be used, in volume order, as an error text. */
function claimProblem(pod: Pod, snapshot: Snapshot): string | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  for (const c of claims(pod)) {
    const pvc = find<Claim>(snapshot, 'PersistentVolumeClaim', c.name, ns);
    if (!pvc) {
      // "The error usually has already enough context ("persistentvolumeclaim "myclaim" not found"), but
      // we can do better for generic ephemeral inline volumes where that situation is normal."
      return c.ephemeral
        ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${c.name}"`
        : `persistentvolumeclaim "${c.name}" not found`;
    }
    if (pvc.status?.phase === 'Lost')
      return `persistentvolumeclaim "${c.name}" bound to non-existent persistentvolume "${pvc.spec?.volumeName ?? ''}"`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${c.name}" is being deleted`;
    // component-helpers ephemeral.VolumeIsForPod
    if (c.ephemeral && !(pvc.metadata.ownerReferences ?? []).some((r) => r.uid === pod.metadata?.uid))
      return `PVC ${ns}/${c.name} was not created for pod ${ns}/${pod.metadata?.name} (pod is not owner)`;
  }
  return undefined;
}

const volumeMatchesNode = (pv: Volume_, node: Node) => {
  const required = pv.spec?.nodeAffinity?.required;
  return !required || required.nodeSelectorTerms.some((t) => matchNodeSelectorTerm(t, node));
};

/** binder.go findMatchingVolumes: an Available PV of the claim's class, large enough, reachable from the node. */
function matchingVolume(pvc: Claim, node: Node, snapshot: Snapshot): boolean {
  const want = resourceAmount('storage', pvc.spec?.resources?.requests?.storage);
  return snapshot.objects.some((o) => {
    if (o.kind !== 'PersistentVolume') return false;
    const pv = o as Volume_;
    const ref = pv.spec?.claimRef;
    const free = !ref || (ref.name === pvc.metadata.name && ref.namespace === pvc.metadata.namespace);
    return (
      free &&
      (pv.spec?.storageClassName ?? '') === claimClass(pvc) &&
      resourceAmount('storage', pv.spec?.capacity?.storage) >= want &&
      volumeMatchesNode(pv, node)
    );
  });
}

/** A StorageClass that provisions volumes (not the no-provisioner class of local volumes). */
const provisions = (pvc: Claim, snapshot: Snapshot) => {
  const p = find<Class>(snapshot, 'StorageClass', claimClass(pvc))?.provisioner;
  return !!p && p !== 'kubernetes.io/no-provisioner';
};

const volumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  preFilter(pod, snapshot) {
    if (claims(pod).length === 0) return SKIP;
    const problem = claimProblem(pod, snapshot);
    if (problem) return unresolvable(problem);
    // GetPodVolumeClaims: a claim not fully bound is "immediate" unless its class delays binding and
    // it names no volume yet; the PV controller binds immediate claims, so the pod waits for that.
    const unboundImmediate = podClaims(pod, snapshot).some(
      (c) => !fullyBound(c) && !(delayBinding(c, snapshot) && !c.spec?.volumeName),
    );
    return unboundImmediate ? unresolvable(ERR_UNBOUND_IMMEDIATE) : SUCCESS;
  },
  // FindPodVolumes: bound claims need their PV reachable from the node; delayed claims need a PV to
  // bind to there, or a class that can provision one (storage capacity is not simulated).
  filter(pod, { node }, snapshot) {
    const reasons = new Set<string>();
    for (const c of podClaims(pod, snapshot)) {
      if (fullyBound(c)) {
        const pv = find<Volume_>(snapshot, 'PersistentVolume', c.spec?.volumeName);
        if (!pv) reasons.add(ERR_REASON_PV_NOT_EXIST);
        else if (!volumeMatchesNode(pv, node)) reasons.add(ERR_REASON_NODE_CONFLICT);
      } else if (!matchingVolume(c, node, snapshot) && !provisions(c, snapshot)) {
        reasons.add(ERR_REASON_BIND_CONFLICT);
      }
    }
    return reasons.size ? unresolvable(...reasons) : SUCCESS;
  },
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
