/**
 * Resource arithmetic shared by the scheduler (NodeResourcesFit, scoring) and the kubelet's admission:
 * a pod's effective requests and a node's allocatable and requested totals.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { resourceAmount } from '../quantity';

/** Amounts per resource name: `cpu` in millicores, everything else in whole units (bytes, devices). */
export type ResourceAmounts = Record<string, number>;

/**
 * The requests assumed for a container that sets none, used only for scoring so that a node full
 * of BestEffort pods does not look empty. k/k pkg/scheduler/util/pod_resources.go:
 * DefaultMilliCPURequest = 100 (0.1 core), DefaultMemoryRequest = 200 * 1024 * 1024 (200 MB).
 */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function amounts(list: Record<string, unknown> | undefined): ResourceAmounts {
  const out: ResourceAmounts = {};
  for (const [name, q] of Object.entries(list ?? {})) out[name] = resourceAmount(name, q as string | number);
  return out;
}

function add(into: ResourceAmounts, from: ResourceAmounts): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function max(into: ResourceAmounts, from: ResourceAmounts): void {
  for (const [k, v] of Object.entries(from)) into[k] = Math.max(into[k] ?? 0, v);
}

/** Requests of one container; with `nonZero`, a missing cpu/memory request counts as the default above. */
function containerRequests(c: Container, nonZero: boolean): ResourceAmounts {
  const reqs = amounts(c.resources?.requests);
  if (nonZero) {
    // component-helpers resource/helpers.go applyNonMissing: only a *missing* request is replaced.
    if (!('cpu' in reqs)) reqs.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (!('memory' in reqs)) reqs.memory = DEFAULT_MEMORY_REQUEST;
  }
  return reqs;
}

/**
 * A pod's effective requests (component-helpers@v0.33.0 resource/helpers.go PodRequests and
 * AggregateContainerRequests): the sum of the regular containers and the restartable (sidecar) init
 * containers, raised to the largest single init container (which runs alone, beside the sidecars
 * started before it), plus the pod overhead.
 */
export function podRequests(pod: Pod, opts: { nonZero?: boolean } = {}): Readonly<ResourceAmounts> {
  const nonZero = opts.nonZero ?? false;
  const known = (nonZero ? nonZeroRequests : requests).get(pod);
  if (known) return known;
  const reqs = Object.freeze(computeRequests(pod, nonZero));
  (nonZero ? nonZeroRequests : requests).set(pod, reqs);
  return reqs;
}

/**
 * Each pod's requests, once: a pod object is never changed (a change makes a new one), and every
 * scheduling cycle and kubelet admission sums the requests of every pod on a node.
 */
const requests = new WeakMap<Pod, Readonly<ResourceAmounts>>();
const nonZeroRequests = new WeakMap<Pod, Readonly<ResourceAmounts>>();

function computeRequests(pod: Pod, nonZero: boolean): ResourceAmounts {
  const reqs: ResourceAmounts = {};
  for (const c of pod.spec?.containers ?? []) add(reqs, containerRequests(c, nonZero));
  const sidecars: ResourceAmounts = {};
  const initMax: ResourceAmounts = {};
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c, nonZero);
    if (c.restartPolicy === 'Always') {
      add(reqs, r);
      add(sidecars, r);
      max(initMax, sidecars);
    } else {
      const tmp: ResourceAmounts = {};
      add(tmp, r);
      add(tmp, sidecars);
      max(initMax, tmp);
    }
  }
  max(reqs, initMax);
  add(reqs, amounts(pod.spec?.overhead));
  return reqs;
}

/** Node allocatable (falls back to capacity when absent, as the kubelet defaults it). */
export function nodeAllocatable(node: {
  status?: { allocatable?: Record<string, unknown>; capacity?: Record<string, unknown> };
}): ResourceAmounts {
  return amounts(node.status?.allocatable ?? node.status?.capacity);
}

/** Sums requests over pods (e.g. the pods already on a node). */
export function sumRequests(pods: readonly Pod[], opts: { nonZero?: boolean } = {}): ResourceAmounts {
  const total: ResourceAmounts = {};
  for (const p of pods) add(total, podRequests(p, opts));
  return total;
}
