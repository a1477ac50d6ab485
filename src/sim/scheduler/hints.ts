/**
 * QueueingHints (KEP-4247; SchedulerQueueingHints is beta and on by default in v1.33): when a cluster
 * event arrives, each plugin that rejected a waiting pod is asked whether the event could make the pod
 * schedulable. Only a `Queue` answer moves the pod out of unschedulablePods
 * (k/k pkg/scheduler/backend/queue/scheduling_queue.go isPodWorthRequeuing).
 *
 * The events each plugin registers and its hint function are those of the plugin's
 * EventsToRegister with QueueingHints enabled, named beside each entry.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { hostPortsConflict, insufficientResources } from './filters';
import { findUntoleratedTaint, matchesRequiredNodeAffinity } from './matching';
import { nodeAllocatable, podRequests } from './resources';

/** A change the scheduler's informers saw. */
export type ClusterChange = { kind: 'Node'; old?: Node; node: Node } | { kind: 'PodDelete'; pod: Pod };

/**
 * Event labels as the scheduler logs them (k/k pkg/scheduler/framework/events.go): a node update is
 * split into the scheduling-relevant changes it carries (NodeSchedulingPropertiesChange).
 */
export type EventLabel =
  | 'NodeAdd'
  | 'NodeSpecUnschedulableChange'
  | 'NodeAllocatableChange'
  | 'NodeLabelChange'
  | 'NodeTaintChange'
  | 'AssignedPodDelete'
  | 'UnscheduledPodDelete';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The events a change produces. events.go extractNodeSpecUnschedulableChange only reports a node that
 * *becomes* schedulable (uncordon); node conditions and annotations matter to no default plugin here.
 */
export function eventsOf(change: ClusterChange): EventLabel[] {
  if (change.kind === 'PodDelete') return [change.pod.spec?.nodeName ? 'AssignedPodDelete' : 'UnscheduledPodDelete'];
  const { old, node } = change;
  if (!old) return ['NodeAdd'];
  const out: EventLabel[] = [];
  if (!!old.spec?.unschedulable !== !!node.spec?.unschedulable && !node.spec?.unschedulable)
    out.push('NodeSpecUnschedulableChange');
  if (!same(old.status?.allocatable, node.status?.allocatable)) out.push('NodeAllocatableChange');
  if (!same(old.metadata?.labels, node.metadata?.labels)) out.push('NodeLabelChange');
  if (!same(old.spec?.taints, node.spec?.taints)) out.push('NodeTaintChange');
  return out;
}

/** framework.UpdateNodeTaint covers both the taint list and spec.unschedulable. */
const NODE_TAINT: EventLabel[] = ['NodeTaintChange', 'NodeSpecUnschedulableChange'];

interface Registration {
  events: readonly EventLabel[];
  /** The QueueingHintFn; absent means the plugin always answers Queue for these events. */
  hint?: (pod: Pod, change: ClusterChange) => boolean;
  /** Why it answered Queue, for the narration. */
  why: string;
}

const NO_SCHEDULE = ['NoSchedule', 'NoExecute'];
const untolerated = (pod: Pod, node: Node | undefined) =>
  !node || !!findUntoleratedTaint(node.spec?.taints ?? [], pod.spec?.tolerations ?? [], NO_SCHEDULE);

/** fit.go isFit: the pod's requests fit the node's allocatable, as if the node were empty. */
const fitsEmptyNode = (pod: Pod, node: Node) =>
  insufficientResources(pod, { allocatable: nodeAllocatable(node as never), requested: {}, pods: [] }).length === 0;

const REGISTRATIONS: Record<string, readonly Registration[]> = {
  // nodeunschedulable/node_unschedulable.go isSchedulableAfterNodeChange: a node added schedulable, or
  // one that stops being unschedulable.
  NodeUnschedulable: [
    {
      events: ['NodeAdd', ...NODE_TAINT],
      hint: (_pod, c) => c.kind === 'Node' && !c.node.spec?.unschedulable && (!c.old || !!c.old.spec?.unschedulable),
      why: 'the node is schedulable (spec.unschedulable is not set)',
    },
  ],
  // nodename/node_name.go isSchedulableAfterNodeAdd: the added node is the one the pod names.
  NodeName: [
    {
      events: ['NodeAdd'],
      hint: (pod, c) => c.kind === 'Node' && c.node.metadata?.name === pod.spec?.nodeName,
      why: 'the added node has the name the pod asks for',
    },
  ],
  // tainttoleration/taint_toleration.go isSchedulableAfterNodeChange: wasUntolerated && !isUntolerated.
  TaintToleration: [
    {
      events: ['NodeAdd', ...NODE_TAINT],
      hint: (pod, c) => c.kind === 'Node' && untolerated(pod, c.old) && !untolerated(pod, c.node),
      why: 'the pod tolerates every NoSchedule/NoExecute taint of the node',
    },
  ],
  // nodeaffinity/node_affinity.go isSchedulableAfterNodeChange: the node matches now and did not before.
  NodeAffinity: [
    {
      events: ['NodeAdd', 'NodeLabelChange'],
      hint: (pod, c) =>
        c.kind === 'Node' &&
        matchesRequiredNodeAffinity(pod, c.node) &&
        (!c.old || !matchesRequiredNodeAffinity(pod, c.old)),
      why: "the node's labels match the pod's nodeSelector and required node affinity",
    },
  ],
  // nodeports/node_ports.go: a deleted assigned pod that held one of the pod's host ports; any new node
  // (registered without a hint: "the same as Queue").
  NodePorts: [
    {
      events: ['AssignedPodDelete'],
      hint: (pod, c) => c.kind === 'PodDelete' && hostPortsConflict(pod, [c.pod]),
      why: 'the deleted pod held a host port this pod wants',
    },
    { events: ['NodeAdd'], why: 'a new node has all its host ports free' },
  ],
  // noderesources/fit.go isSchedulableAfterPodEvent / isSchedulableAfterNodeChange.
  NodeResourcesFit: [
    { events: ['AssignedPodDelete'], why: 'the deleted pod frees the resources it requested on its node' },
    {
      events: ['NodeAdd', 'NodeAllocatableChange'],
      hint: (pod, c) =>
        c.kind === 'Node' && fitsEmptyNode(pod, c.node) && (!c.old || allocatableGrew(pod, c.old, c.node)),
      why: "the pod's requests fit the node's allocatable",
    },
  ],
  // volumebinding/volume_binding.go: node events without a hint (labels may now match a PV's node
  // affinity or a StorageClass's allowedTopologies).
  VolumeBinding: [
    { events: ['NodeAdd', 'NodeLabelChange', ...NODE_TAINT], why: 'storage may be reachable from the node' },
  ],
};

/** fit.go haveAnyRequestedResourcesIncreased: more pods allowed, or more of a resource the pod requests. */
function allocatableGrew(pod: Pod, old: Node, node: Node): boolean {
  const before = nodeAllocatable(old as never);
  const after = nodeAllocatable(node as never);
  if ((after.pods ?? 0) > (before.pods ?? 0)) return true;
  return Object.entries(podRequests(pod)).some(([r, want]) => want > 0 && (after[r] ?? 0) > (before[r] ?? 0));
}

/** A plugin whose hint said Queue, and why. */
export interface FiredHint {
  plugin: string;
  event: EventLabel;
  why: string;
}

/**
 * isPodWorthRequeuing: the hints that fire for a pod rejected by `rejectors`. A pod that no plugin
 * rejected (it failed with an error) is requeued on any event.
 */
export function firedHints(pod: Pod, rejectors: readonly string[], change: ClusterChange): FiredHint[] {
  const events = eventsOf(change);
  if (rejectors.length === 0)
    return events.slice(0, 1).map((event) => ({ plugin: '', event, why: 'no plugin rejected the pod' }));
  const out: FiredHint[] = [];
  for (const plugin of rejectors) {
    for (const reg of REGISTRATIONS[plugin] ?? []) {
      const event = events.find((e) => reg.events.includes(e));
      if (event && (reg.hint?.(pod, change) ?? true)) out.push({ plugin, event, why: reg.why });
    }
  }
  return out;
}
