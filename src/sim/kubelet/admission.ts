/**
 * The kubelet's own admission of a pod bound to its node (k/k pkg/kubelet/lifecycle/predicate.go
 * Admit → generalFilter → scheduler.AdmissionCheck): the scheduler's resource fit, then node
 * selector/affinity, node name and host ports, then NoExecute taints. Only the first failure counts.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import {
  ERR_REASON_NODE_AFFINITY,
  ERR_REASON_NODE_NAME,
  ERR_REASON_NODE_PORTS,
  hostPortsConflict,
  insufficientResources,
} from '../scheduler/filters';
import { findUntoleratedTaint, matchesRequiredNodeAffinity } from '../scheduler/matching';
import { nodeAllocatable, sumRequests } from '../scheduler/resources';

export type AdmitResult =
  | { admit: true }
  | {
      admit: false;
      /** The event reason and `status.reason`: `OutOfcpu`, `NodeAffinity`, `TaintToleration`, ... */
      reason: string;
      /** The event message; `status.message` is "Pod was rejected: " + this. */
      message: string;
    };

/** PredicateFailureError.Error(). */
const predicateFailed = (name: string, desc: string): AdmitResult => ({
  admit: false,
  reason: name,
  message: `Predicate ${name} failed: ${desc}`,
});

/** tainttoleration.ErrReasonNotMatch */
const ERR_REASON_TAINTS = "node(s) had taints that the pod didn't tolerate";

/** `otherPods`: the active pods already admitted on the node (not terminated), without this one. */
export function admitPod(pod: Pod, node: Node, otherPods: readonly Pod[]): AdmitResult {
  const allocatable = nodeAllocatable(node as never);
  const short = insufficientResources(pod, { allocatable, requested: sumRequests(otherPods), pods: [...otherPods] })[0];
  if (short) {
    // InsufficientResourceError: reason OutOfcpu / OutOfmemory / OutOfpods / OutOf<name>.
    return {
      admit: false,
      reason: `OutOf${short.resource}`,
      message: `Node didn't have enough resource: ${short.resource}, requested: ${short.requested}, used: ${short.used}, capacity: ${short.capacity}`,
    };
  }
  if (!matchesRequiredNodeAffinity(pod, node)) return predicateFailed('NodeAffinity', ERR_REASON_NODE_AFFINITY);
  if (pod.spec?.nodeName && pod.spec.nodeName !== node.metadata?.name)
    return predicateFailed('NodeName', ERR_REASON_NODE_NAME);
  if (hostPortsConflict(pod, otherPods)) return predicateFailed('NodePorts', ERR_REASON_NODE_PORTS);
  // "Kubelet is only interested in the NoExecute taint."
  if (findUntoleratedTaint(node.spec?.taints ?? [], pod.spec?.tolerations ?? [], ['NoExecute']))
    return predicateFailed('TaintToleration', ERR_REASON_TAINTS);
  return { admit: true };
}
