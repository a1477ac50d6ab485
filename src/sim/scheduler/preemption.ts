/**
 * DefaultPreemption's PostFilter (k/k pkg/scheduler/framework/plugins/defaultpreemption and
 * framework/preemption/preemption.go, v1.33): when no node fits, could evicting lower-priority pods
 * make room? Its message is appended to the FailedScheduling text as "preemption: …".
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { fitErrorMessage } from './fitError';
import type { NodeInfo, Snapshot } from './snapshot';
import { sumRequests } from './resources';
import { unresolvable, type Status } from './status';

export interface PreemptionOutcome {
  /** The PostFilter message ("preemption: …"), empty when preemption found a node. */
  message: string;
  /** The node the pod would be nominated to, and the pods that would be evicted there. */
  nominated?: { node: string; victims: string[] };
}

const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const NO_VICTIMS = 'No preemption victims found for incoming pod';

const priority = (p: Pod) => p.spec?.priority ?? 0;

/** A node without the given pods (the dry run removes victims from a copy of the NodeInfo). */
function without(node: NodeInfo, gone: readonly Pod[]): NodeInfo {
  const pods = node.pods.filter((p) => !gone.includes(p));
  return { ...node, pods, requested: sumRequests(pods), nonZeroRequested: sumRequests(pods, { nonZero: true }) };
}

/**
 * selectVictimsOnNode: remove every lower-priority pod; if the pod still does not fit, the node's
 * filter status stands; otherwise give back as many victims as possible, most important first
 * (higher priority, then earlier start).
 */
function selectVictims(
  pod: Pod,
  node: NodeInfo,
  fits: (n: NodeInfo) => Status,
): { victims: Pod[] } | { status: Status } {
  const lower = node.pods.filter((p) => priority(p) < priority(pod));
  if (lower.length === 0) return { status: unresolvable(NO_VICTIMS) };
  const status = fits(without(node, lower));
  if (status.code !== 'Success') return { status };
  const important = [...lower].sort(
    (a, b) => priority(b) - priority(a) || (a.status?.startTime ?? '').localeCompare(b.status?.startTime ?? ''),
  );
  let victims = [...lower];
  for (const p of important) {
    const trial = victims.filter((v) => v !== p);
    if (fits(without(node, trial)).code === 'Success') victims = trial;
  }
  return { victims };
}

/**
 * Runs the PostFilter for a pod that fits nowhere. `nodeStatus` is each node's failing status from
 * Filter (or the PreFilter rejection for all nodes); `fits` re-runs the filters on a changed node.
 */
export function preempt(
  pod: Pod,
  snapshot: Snapshot,
  nodeStatus: ReadonlyMap<string, Status>,
  fits: (n: NodeInfo) => Status,
): PreemptionOutcome {
  // PodEligibleToPreemptOthers
  if (pod.spec?.preemptionPolicy === 'Never')
    return { message: 'preemption: not eligible due to preemptionPolicy=Never.' };
  const statuses: Status[] = [];
  const candidates: { node: string; victims: Pod[] }[] = [];
  for (const node of snapshot.nodes) {
    // nodesWherePreemptionMightHelp: only nodes rejected as Unschedulable (not …AndUnresolvable).
    if (nodeStatus.get(node.name)?.code !== 'Unschedulable') {
      statuses.push(unresolvable(NOT_HELPFUL));
      continue;
    }
    const r = selectVictims(pod, node, fits);
    if ('status' in r) statuses.push(r.status);
    else candidates.push({ node: node.name, victims: r.victims });
  }
  if (candidates.length === 0) {
    return {
      message: `preemption: ${fitErrorMessage({ numAllNodes: snapshot.nodes.length, nodeStatuses: statuses })}`,
    };
  }
  // pickOneNodeForPreemption, first criteria: the lowest highest-priority victim, then fewest victims.
  const top = (c: { victims: Pod[] }) => Math.max(...c.victims.map(priority));
  const best = [...candidates].sort((a, b) => top(a) - top(b) || a.victims.length - b.victims.length)[0]!;
  return {
    message: '',
    nominated: { node: best.node, victims: best.victims.map((v) => `${v.metadata?.namespace}/${v.metadata?.name}`) },
  };
}
