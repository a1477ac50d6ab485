/**
 * ResourceQuota (apiserver@v0.33.0 pkg/admission/plugin/resourcequota/controller.go CheckRequest, with
 * the pod evaluator of k/k pkg/quota/v1/evaluator/core/pods.go), validating and last: for each quota of
 * the namespace, a pod must state every cpu/memory request or limit the quota tracks, the quota's usage
 * must be known, and usage plus the pod must stay within `status.hard`. ConfigMaps, Secrets and
 * ServiceAccounts are counted when a quota names them (object-count evaluators). All failures are 403.
 */
import { parseQuantity } from '../quantity';
import { forbiddenStatus } from '../status';
import type { KubeObject } from '../scenario';
import { admissionForbiddenName, isPodRequest, type AdmissionPlugin } from './types';

type Obj = Record<string, unknown>;
type ResourceList = Record<string, string | number>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** pods.go validationSet: the resources every container must state when a quota tracks them. */
const VALIDATION_SET = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];
/** The resources the pod evaluator accounts for. */
const POD_RESOURCES = ['pods', 'count/pods', ...VALIDATION_SET];

/** podComputeUsageHelper: which quota resources a container's requests and limits account for. */
function containerResources(c: Obj): Set<string> {
  const r = (c.resources ?? {}) as { requests?: ResourceList; limits?: ResourceList };
  const out = new Set(['pods']);
  for (const res of ['cpu', 'memory']) {
    if (r.requests?.[res] !== undefined) out.add(res).add(`requests.${res}`);
    if (r.limits?.[res] !== undefined) out.add(`limits.${res}`);
  }
  return out;
}

/** Constraints: `must specify <res> for: <containers>; ...` (resources and names sorted). */
function constraintsError(spec: Obj, required: string[]): string | undefined {
  const missing = new Map<string, Set<string>>();
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    const has = containerResources(c);
    for (const res of required)
      if (!has.has(res)) missing.set(res, (missing.get(res) ?? new Set()).add(String(c.name)));
  }
  if (missing.size === 0) return undefined;
  return `must specify ${[...missing.keys()]
    .sort()
    .map((res) => `${res} for: ${[...missing.get(res)!].sort().join(',')}`)
    .join('; ')}`;
}

/** The milli-amount of a quantity (`pods` and `count/pods` are plain counts). */
const milli = (q: string | number | undefined): number => {
  if (q === undefined) return 0;
  const p = parseQuantity(String(q));
  return p.ok ? p.milli : 0;
};

/** Quantity.String() for the sums shown in the message: binary suffixes when the first operand had one. */
function formatQuantity(m: number, binary: boolean): string {
  if (m % 1000 !== 0) return `${m}m`;
  let v = m / 1000;
  const suffixes = binary ? ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] : ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  const base = binary ? 1024 : 1000;
  let i = 0;
  while (v !== 0 && v % base === 0 && i < suffixes.length - 1) {
    v /= base;
    i++;
  }
  return `${v}${suffixes[i]}`;
}
const isBinary = (q: string | number | undefined) => typeof q === 'string' && /[KMGTPE]i$/.test(q);

/** PodUsageFunc: the pod's usage of each tracked resource (containers summed, init containers as a maximum). */
function podUsage(spec: Obj): Record<string, number> {
  const sum = (kind: 'requests' | 'limits', res: string) => {
    const get = (c: Obj) => milli(((c.resources ?? {}) as Record<string, ResourceList | undefined>)[kind]?.[res]);
    const regular = list(spec.containers).reduce((t, c) => t + get(c), 0);
    return Math.max(regular, ...list(spec.initContainers).map(get));
  };
  return {
    pods: 1000,
    'count/pods': 1000,
    cpu: sum('requests', 'cpu'),
    'requests.cpu': sum('requests', 'cpu'),
    memory: sum('requests', 'memory'),
    'requests.memory': sum('requests', 'memory'),
    'limits.cpu': sum('limits', 'cpu'),
    'limits.memory': sum('limits', 'memory'),
  };
}

const prettyPrint = (entries: [string, string][]) =>
  entries
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/**
 * The object-count evaluators of the kinds this simulator stores (k/k pkg/quota/v1/evaluator/core
 * registry.go): `count/<resource>` for every resource, plus the legacy names `configmaps` and
 * `secrets` (legacyObjectCountAliases).
 */
const COUNTED: Record<string, string[]> = {
  configmaps: ['configmaps', 'count/configmaps'],
  secrets: ['secrets', 'count/secrets'],
  serviceaccounts: ['count/serviceaccounts'],
};

/** Usage against one quota: unknown status, then `exceeded quota` (apiserver resourcequota controller.go). */
function checkUsage(quota: KubeObject, tracked: string[], usage: Record<string, number>): string | undefined {
  const status = (quota.status ?? {}) as { hard?: ResourceList; used?: ResourceList };
  const hard = status.hard ?? {};
  const restricted = Object.keys(hard).filter((r) => tracked.includes(r));
  const name = quota.metadata.name ?? '';
  const unknown = restricted.filter((r) => status.used?.[r] === undefined);
  if (unknown.length) return `status unknown for quota: ${name}, resources: ${unknown.sort().join(',')}`;
  const exceeded = restricted.filter((r) => milli(status.used?.[r]) + (usage[r] ?? 0) > milli(hard[r]));
  if (!exceeded.length) return undefined;
  const requested = exceeded.map((r): [string, string] => [
    r,
    formatQuantity(usage[r] ?? 0, isBinary(status.used?.[r])),
  ]);
  const used = exceeded.map((r): [string, string] => [r, String(status.used?.[r])]);
  const limited = exceeded.map((r): [string, string] => [r, String(hard[r])]);
  return `exceeded quota: ${name}, requested: ${prettyPrint(requested)}, used: ${prettyPrint(used)}, limited: ${prettyPrint(limited)}`;
}

function checkQuota(quota: KubeObject, spec: Obj): string | undefined {
  const hard = ((quota.status ?? {}) as { hard?: ResourceList }).hard ?? {};
  const restricted = Object.keys(hard).filter((r) => POD_RESOURCES.includes(r));
  const constraint = constraintsError(
    spec,
    restricted.filter((r) => VALIDATION_SET.includes(r)),
  );
  if (constraint) return `failed quota: ${quota.metadata.name ?? ''}: ${constraint}`;
  return checkUsage(quota, POD_RESOURCES, podUsage(spec));
}

export const resourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(a, { cluster }) {
    const counted = a.resource.group === '' ? COUNTED[a.resource.resource] : undefined;
    if (counted && a.subresource === '' && a.operation === 'CREATE') {
      const quotas = cluster.list('ResourceQuota', a.namespace);
      const usage = Object.fromEntries(counted.map((r) => [r, 1000]));
      for (const q of quotas) {
        const err = checkUsage(q, counted, usage);
        if (err)
          return { verdict: 'denied', note: err, denied: forbiddenStatus(a.resource, admissionForbiddenName(a), err) };
      }
      return { verdict: 'allowed', note: `No quota of namespace ${a.namespace} limits ${counted.join(' or ')}.` };
    }
    if (!isPodRequest(a) || a.subresource !== '' || a.operation !== 'CREATE')
      return { verdict: 'skipped', note: 'Only pod creation is charged here.' };
    const quotas = cluster.list('ResourceQuota', a.namespace);
    if (quotas.length === 0) return { verdict: 'allowed', note: `No ResourceQuota in namespace ${a.namespace}.` };
    const spec = (a.object.spec ?? {}) as Obj;
    for (const q of quotas) {
      const err = checkQuota(q, spec);
      if (err)
        return { verdict: 'denied', note: err, denied: forbiddenStatus(a.resource, admissionForbiddenName(a), err) };
    }
    return { verdict: 'allowed', note: `The pod fits ${quotas.map((q) => q.metadata.name).join(', ')}.` };
  },
};
