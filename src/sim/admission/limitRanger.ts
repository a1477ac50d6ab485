/**
 * LimitRanger (k/k plugin/pkg/admission/limitranger/admission.go) for pods on create: containers get
 * the `default` limits and `defaultRequest` requests of the namespace's Container LimitRanges they do
 * not set (recorded in the `kubernetes.io/limit-ranger` annotation), then the Container `min`/`max`
 * constraints are enforced (403). Without a LimitRange nothing happens.
 */
import { cloneJson } from '../diff';
import { parseQuantity } from '../quantity';
import { forbiddenStatus } from '../status';
import type { KubeObject } from '../scenario';
import { admissionForbiddenName, isPodRequest, type AdmissionAttributes, type AdmissionPlugin } from './types';

type Obj = Record<string, unknown>;
type ResourceList = Record<string, string | number>;
interface LimitItem {
  type?: string;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  min?: ResourceList;
  max?: ResourceList;
}

const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const containerItems = (lr: KubeObject): LimitItem[] =>
  ((lr.spec as { limits?: LimitItem[] } | undefined)?.limits ?? []).filter((l) => l.type === 'Container');
const milli = (q: string | number) => {
  const p = parseQuantity(String(q));
  return p.ok ? p.milli : NaN;
};

/** SupportsAttributes: pods proper, on create (containers cannot change on update). */
const applies = (a: AdmissionAttributes) => isPodRequest(a) && a.subresource === '' && a.operation === 'CREATE';

/** mergeContainerResources: fills what the container lacks; returns the annotation segments. */
function mergeDefaults(c: Obj, limits: ResourceList, requests: ResourceList, prefix: string): string[] {
  const resources = (c.resources ??= {}) as Obj;
  const have = {
    limits: (resources.limits ?? {}) as ResourceList,
    requests: (resources.requests ?? {}) as ResourceList,
  };
  const setLimits = Object.keys(limits).filter((k) => have.limits[k] === undefined);
  const setRequests = Object.keys(requests).filter((k) => have.requests[k] === undefined);
  if (setLimits.length)
    resources.limits = { ...have.limits, ...Object.fromEntries(setLimits.map((k) => [k, limits[k]])) };
  if (setRequests.length)
    resources.requests = { ...have.requests, ...Object.fromEntries(setRequests.map((k) => [k, requests[k]])) };
  const out: string[] = [];
  if (setRequests.length) out.push(`${setRequests.sort().join(', ')} request for ${prefix} ${String(c.name)}`);
  if (setLimits.length) out.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${String(c.name)}`);
  return out;
}

/** minConstraint / maxConstraint for one container and resource (the two spaces before "No" are upstream's). */
function constraintError(kind: 'min' | 'max', resource: string, enforced: string | number, c: Obj): string | undefined {
  const resources = (c.resources ?? {}) as { requests?: ResourceList; limits?: ResourceList };
  const req = resources.requests?.[resource];
  const lim = resources.limits?.[resource];
  const e = milli(enforced);
  if (kind === 'min') {
    if (req === undefined) return `minimum ${resource} usage per Container is ${enforced}.  No request is specified`;
    if (milli(req) < e) return `minimum ${resource} usage per Container is ${enforced}, but request is ${req}`;
    if (lim !== undefined && milli(lim) < e)
      return `minimum ${resource} usage per Container is ${enforced}, but limit is ${lim}`;
    return undefined;
  }
  if (lim === undefined) return `maximum ${resource} usage per Container is ${enforced}.  No limit is specified`;
  if (milli(lim) > e) return `maximum ${resource} usage per Container is ${enforced}, but limit is ${lim}`;
  if (req !== undefined && milli(req) > e)
    return `maximum ${resource} usage per Container is ${enforced}, but request is ${req}`;
  return undefined;
}

export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a, { cluster }) {
    if (!applies(a)) return { verdict: 'skipped', note: 'Only pod creation is checked.' };
    const ranges = cluster.list('LimitRange', a.namespace);
    if (ranges.length === 0) return { verdict: 'allowed', note: `No LimitRange in namespace ${a.namespace}.` };
    const pod = cloneJson(a.object);
    const spec = (pod.spec ??= {}) as Obj;
    const segments: string[] = [];
    for (const lr of ranges) {
      const limits: ResourceList = {};
      const requests: ResourceList = {};
      for (const item of containerItems(lr)) {
        Object.assign(requests, item.defaultRequest);
        Object.assign(limits, item.default);
      }
      for (const c of list(spec.containers)) segments.push(...mergeDefaults(c, limits, requests, 'container'));
      for (const c of list(spec.initContainers)) segments.push(...mergeDefaults(c, limits, requests, 'init container'));
    }
    if (segments.length === 0)
      return { verdict: 'allowed', note: 'Every container already sets what the LimitRange defaults.' };
    const value = `LimitRanger plugin set: ${segments.join('; ')}`;
    pod.metadata.annotations = { ...pod.metadata.annotations, 'kubernetes.io/limit-ranger': value };
    return { verdict: 'allowed', note: value, object: pod };
  },
  validate(a, { cluster }) {
    if (!applies(a)) return { verdict: 'skipped', note: 'Only pod creation is checked.' };
    const ranges = cluster.list('LimitRange', a.namespace);
    if (ranges.length === 0) return { verdict: 'allowed', note: `No LimitRange in namespace ${a.namespace}.` };
    const spec = (a.object.spec ?? {}) as Obj;
    const errors: string[] = [];
    for (const lr of ranges) {
      for (const item of containerItems(lr)) {
        for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
          for (const [r, q] of Object.entries(item.min ?? {}).sort()) {
            const e = constraintError('min', r, q, c);
            if (e) errors.push(e);
          }
          for (const [r, q] of Object.entries(item.max ?? {}).sort()) {
            const e = constraintError('max', r, q, c);
            if (e) errors.push(e);
          }
        }
      }
    }
    if (errors.length === 0)
      return { verdict: 'allowed', note: 'Every container is within the LimitRange minimums and maximums.' };
    const err = errors.length === 1 ? errors[0]! : `[${[...new Set(errors)].join(', ')}]`;
    return { verdict: 'denied', note: err, denied: forbiddenStatus(a.resource, admissionForbiddenName(a), err) };
  },
};
