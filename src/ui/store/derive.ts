/**
 * Reading the trace for the views: pure functions of (trace or input, step index). Nothing here
 * decides anything about Kubernetes; it only finds what the simulation recorded.
 */
import type { ComponentId, KubeObject, Outcome, Place, SchedulingResult, Step, Trace } from '@sim';

const POD_PREFIX = '/registry/pods/';

/** The pod the journey is about: the first pod key (`/registry/pods/<namespace>/<name>`) its steps touch. */
export function journeyPod(trace: Trace): { key: string; namespace: string; name: string } | undefined {
  const key = trace.steps.find((s) => s.objectKey?.startsWith(POD_PREFIX))?.objectKey;
  const [namespace, name] = key?.slice(POD_PREFIX.length).split('/') ?? [];
  return key && namespace && name ? { key, namespace, name } : undefined;
}

/** The latest scheduling decision at or before step `index`. */
export function latestScheduling(
  steps: readonly Step[],
  index: number,
): { result: SchedulingResult; step: Step } | undefined {
  for (let i = Math.min(index, steps.length - 1); i >= 0; i--) {
    const step = steps[i]!;
    if (step.scheduling) return { result: step.scheduling, step };
  }
  return undefined;
}

/**
 * The object to show at step `index`: the step's own (possibly not yet stored) object, else the
 * stored value of its key, else the most recent one before it.
 */
export function objectAt(
  steps: readonly Step[],
  index: number,
): { object: unknown; key?: string; step: Step } | undefined {
  for (let i = Math.min(index, steps.length - 1); i >= 0; i--) {
    const step = steps[i]!;
    const object = step.object ?? (step.objectKey ? step.stored[step.objectKey] : undefined);
    if (object !== undefined) return { object, ...(step.objectKey ? { key: step.objectKey } : {}), step };
  }
  return undefined;
}

/**
 * The kube-apiserver gates the current request has passed, with their outcome: the API server's
 * steps for the latest HTTP exchange up to step `index` (a client sending a new request starts over).
 */
export function gateOutcomes(steps: readonly Step[], index: number): Partial<Record<Place, Outcome>> {
  let exchange: string | undefined;
  for (let i = Math.min(index, steps.length - 1); i >= 0 && !exchange; i--) exchange = steps[i]!.http?.id;
  const marks: Partial<Record<Place, Outcome>> = {};
  if (!exchange) return marks;
  for (let i = 0; i <= Math.min(index, steps.length - 1); i++) {
    const s = steps[i]!;
    if (s.component === 'kube-apiserver' && s.http?.id === exchange) marks[s.place] = s.outcome;
  }
  return marks;
}

/**
 * For one component: how each of its places has gone so far (up to step `index`): the outcome of the
 * latest decisive step there. An `info` step (an event posted, a request sent) does not hide an
 * earlier ✓ or ✕; a later ok after a failure (a retry that worked) does.
 */
export function placeOutcomes(
  steps: readonly Step[],
  index: number,
  component: ComponentId,
): Partial<Record<Place, Outcome>> {
  const marks: Partial<Record<Place, Outcome>> = {};
  for (let i = 0; i <= Math.min(index, steps.length - 1); i++) {
    const s = steps[i]!;
    if (s.component === component && (s.outcome !== 'info' || marks[s.place] === undefined)) marks[s.place] = s.outcome;
  }
  return marks;
}

/** The latest step of `component` at or before `index`. */
export function latestStepOf(steps: readonly Step[], index: number, component: ComponentId): Step | undefined {
  for (let i = Math.min(index, steps.length - 1); i >= 0; i--) if (steps[i]!.component === component) return steps[i];
  return undefined;
}

export interface NodePod {
  name: string;
  namespace: string;
}

/** The pods already bound to `node` in the cluster the journey starts from, by namespace and name. */
export function podsOnNode(cluster: readonly KubeObject[], node: string): NodePod[] {
  return cluster
    .filter((o) => o.kind === 'Pod' && (o.spec as { nodeName?: string } | undefined)?.nodeName === node)
    .map((o) => ({ name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? 'default' }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** The node's container runtime as its status reports it (`containerd://2.1.1`). */
export function containerRuntime(cluster: readonly KubeObject[], node: string): string | undefined {
  const n = cluster.find((o) => o.kind === 'Node' && o.metadata.name === node);
  return (n?.status as { nodeInfo?: { containerRuntimeVersion?: string } } | undefined)?.nodeInfo
    ?.containerRuntimeVersion;
}

/**
 * A node's kubelet as the trace names it (`kubelet:<node>`, as `kubeletId` in src/sim/trace.ts), so the
 * stage can draw the nodes of a recorded journey without the simulator.
 */
export const kubeletOf = (node: string): ComponentId => `kubelet:${node}`;

/** The colour family of a component (kubelets share one), used for ticks, glows and legends. */
export type ComponentKind = 'kubectl' | 'apiserver' | 'etcd' | 'scheduler' | 'kubelet';

export function componentKind(c: ComponentId): ComponentKind {
  switch (c) {
    case 'kubectl':
    case 'kubectl-watch':
      return 'kubectl';
    case 'kube-apiserver':
      return 'apiserver';
    case 'etcd':
      return 'etcd';
    case 'kube-scheduler':
      return 'scheduler';
    default:
      return 'kubelet'; // the rest of ComponentId: `kubelet:<node>`
  }
}

/** A component as the person reads it: its id, except the watching terminal, named by its command. */
export const componentLabel = (c: ComponentId): string => (c === 'kubectl-watch' ? 'kubectl get pods -w' : c);
