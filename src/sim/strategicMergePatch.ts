/**
 * Applying a strategic merge patch (`application/strategic-merge-patch+json`) to a pod, as
 * kube-apiserver does for `PATCH .../pods/<name>/status` (apimachinery@v0.33.0
 * pkg/util/strategicpatch patch.go StrategicMergePatch): maps merge, `null` deletes a field, lists
 * with a patch merge key merge item by item (`$patch: delete` removes one, `$setElementOrder/<list>`
 * fixes the order), every other list is replaced.
 */
import { cloneJson } from './diff';

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** patchMergeKey of the pod's mergeable lists (k8s.io/api core/v1 types.go). */
const MERGE_KEYS: Record<string, string> = {
  conditions: 'type',
  podIPs: 'ip',
  hostIPs: 'ip',
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
};

const ORDER = '$setElementOrder/';

function mergeList(original: unknown[], patch: unknown[], key: string, order: unknown[] | undefined): unknown[] {
  let out = original.map((o) => cloneJson(o));
  const same = (a: unknown, b: unknown) => isRecord(a) && isRecord(b) && a[key] === b[key];
  for (const p of patch) {
    if (!isRecord(p)) continue;
    if (p.$patch === 'delete') {
      out = out.filter((o) => !same(o, p));
      continue;
    }
    const i = out.findIndex((o) => same(o, p));
    if (i >= 0) out[i] = mergeMap(out[i] as Obj, p);
    else out.push(mergeMap({}, p));
  }
  if (!order) return out;
  const rank = (o: unknown) => {
    const i = order.findIndex((e) => same(e, o));
    return i < 0 ? order.length : i;
  };
  return out
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
    .map(({ o }) => o);
}

function mergeMap(original: Obj, patch: Obj): Obj {
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return cloneJson(rest);
  }
  const out: Obj = cloneJson(original);
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) {
      delete out[k];
    } else if (isRecord(v) && isRecord(out[k])) {
      out[k] = mergeMap(out[k] as Obj, v);
    } else if (Array.isArray(v) && MERGE_KEYS[k] && Array.isArray(out[k])) {
      const order = patch[`${ORDER}${k}`];
      out[k] = mergeList(out[k] as unknown[], v, MERGE_KEYS[k]!, Array.isArray(order) ? order : undefined);
    } else if (Array.isArray(v) && MERGE_KEYS[k]) {
      out[k] = v.filter((e) => !(isRecord(e) && e.$patch === 'delete')).map((e) => (isRecord(e) ? mergeMap({}, e) : e));
    } else {
      out[k] = isRecord(v) ? mergeMap({}, v) : cloneJson(v);
    }
  }
  return out;
}

/** The object after the patch. Never mutates its inputs. */
export function applyStrategicMergePatch<T extends object>(original: T, patch: unknown): T {
  if (!isRecord(patch)) return cloneJson(original);
  return mergeMap(original as Obj, patch) as T;
}
