/**
 * What kube-apiserver sets on a pod when it is created, after mutating admission and before
 * validation: `FillObjectMetaSystemFields` (uid, creationTimestamp; apiserver@v0.33.0
 * pkg/registry/rest/meta.go) and the pod strategy's `PrepareForCreate` (generation 1, status reset to
 * Pending with the QoS class; k/k pkg/registry/core/pod/strategy.go).
 */
import { schedulingGatedCondition } from './scheduler/messages';
import { cloneJson, diffObjects } from './diff';
import { parseQuantity } from './quantity';
import type { KubeObject } from './scenario';
import type { FieldChange } from './trace';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/**
 * k/k pkg/apis/core/helper/qos ComputePodQOS: BestEffort without any cpu/memory request or limit;
 * Guaranteed when every container limits both cpu and memory and the summed requests equal the summed
 * limits; Burstable otherwise.
 */
export function podQOSClass(pod: KubeObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const spec = (pod.spec ?? {}) as Obj;
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let guaranteed = true;
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    const r = (c.resources ?? {}) as { requests?: Obj; limits?: Obj };
    const add = (into: Record<string, number>, from: Obj | undefined) => {
      const found: string[] = [];
      for (const name of ['cpu', 'memory']) {
        const q = from?.[name];
        if (q === undefined) continue;
        const p = parseQuantity(String(q));
        if (!p.ok || p.milli <= 0) continue;
        into[name] = (into[name] ?? 0) + p.milli;
        found.push(name);
      }
      return found;
    };
    add(requests, r.requests);
    if (add(limits, r.limits).length < 2) guaranteed = false;
  }
  const names = (o: Record<string, number>) => Object.keys(o);
  if (names(requests).length === 0 && names(limits).length === 0) return 'BestEffort';
  if (
    guaranteed &&
    names(requests).every((n) => limits[n] === requests[n]) &&
    names(requests).length === names(limits).length
  )
    return 'Guaranteed';
  return 'Burstable';
}

/**
 * rest.WipeObjectMetaSystemFields, done while the request is decoded: whatever the client sent for
 * these fields is dropped (uid and creationTimestamp are filled in at creation; generation too).
 */
export function wipeSystemFields(pod: KubeObject): KubeObject {
  const {
    creationTimestamp: _c,
    deletionTimestamp: _d,
    uid: _u,
    selfLink: _s,
    resourceVersion: _r,
    generation: _g,
    ...metadata
  } = pod.metadata;
  return { ...cloneJson(pod), metadata: cloneJson(metadata) };
}

/**
 * BeforeCreate for a pod: uid and creationTimestamp, generation 1 (v1.33), the status reset to
 * Pending with the QoS class, and the deprecated `spec.serviceAccount` that the v1 conversion mirrors
 * from `serviceAccountName` (k/k pkg/apis/core/v1/conversion.go).
 */
export function prepareForCreate(
  pod: KubeObject,
  uid: string,
  creationTimestamp: string,
): { pod: KubeObject; changes: FieldChange[] } {
  const out = cloneJson(pod);
  const { name, generateName, namespace, ...rest } = out.metadata;
  // ObjectMeta field order, as the API server serialises it
  out.metadata = {
    name,
    ...(generateName ? { generateName } : {}),
    namespace,
    uid,
    generation: 1,
    creationTimestamp,
    ...rest,
  };
  const spec = (out.spec ?? {}) as Obj;
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName)
    spec.serviceAccount = spec.serviceAccountName;
  out.status = { phase: 'Pending', qosClass: podQOSClass(out) };
  // k/k pkg/registry/core/pod/strategy.go PrepareForCreate → applySchedulingGatedCondition
  if (Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0)
    out.status = { phase: 'Pending', conditions: [schedulingGatedCondition()], qosClass: podQOSClass(out) };
  return { pod: out, changes: diffObjects(pod, out, 'kube-apiserver') };
}
