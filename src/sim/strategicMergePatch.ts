/**
 * Applying a strategic merge patch (`application/strategic-merge-patch+json`) to a pod, as
 * kube-apiserver does for `PATCH .../pods/<name>/status` (apimachinery@v0.33.0
 * pkg/util/strategicpatch patch.go StrategicMergePatch): maps merge, `null` deletes a field, lists
 * with a patch merge key merge item by item (`$patch: delete` removes one, `$setElementOrder/<list>`
 * fixes the order), every other list is replaced.
 */
import { cloneJson, jsonEqual } from './diff';

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

/*
 * The patch is merged into one deep copy of the original, made up front and then changed in place:
 * copying each map again at every level made a patch cost the object's size times its depth.
 */

function mergeList(out: unknown[], patch: unknown[], key: string, order: unknown[] | undefined): unknown[] {
  const same = (a: unknown, b: unknown) => isRecord(a) && isRecord(b) && a[key] === b[key];
  for (const p of patch) {
    if (!isRecord(p)) continue;
    if (p.$patch === 'delete') {
      out = out.filter((o) => !same(o, p));
      continue;
    }
    const i = out.findIndex((o) => same(o, p));
    if (i >= 0) out[i] = mergeInto(out[i] as Obj, p);
    else out.push(mergeInto({}, p));
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

/** Merges `patch` into `out`, a copy this merge owns; returns the merged map (a new one for `$patch: replace`). */
function mergeInto(out: Obj, patch: Obj): Obj {
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return cloneJson(rest);
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) {
      delete out[k];
    } else if (isRecord(v) && isRecord(out[k])) {
      out[k] = mergeInto(out[k] as Obj, v);
    } else if (Array.isArray(v) && MERGE_KEYS[k] && Array.isArray(out[k])) {
      const order = patch[`${ORDER}${k}`];
      out[k] = mergeList(out[k] as unknown[], v, MERGE_KEYS[k]!, Array.isArray(order) ? order : undefined);
    } else if (Array.isArray(v) && MERGE_KEYS[k]) {
      out[k] = v
        .filter((e) => !(isRecord(e) && e.$patch === 'delete'))
        .map((e) => (isRecord(e) ? mergeInto({}, e) : e));
    } else {
      out[k] = isRecord(v) ? mergeInto({}, v) : cloneJson(v);
    }
  }
  return out;
}

/** The object after the patch. Never mutates its inputs. */
export function applyStrategicMergePatch<T extends object>(original: T, patch: unknown): T {
  if (!isRecord(patch)) return cloneJson(original);
  return mergeInto(cloneJson(original) as Obj, patch) as T;
}

/*
 * Computing a patch, as `kubectl apply` does client-side (apimachinery@v0.33.0
 * pkg/util/strategicpatch/patch.go CreateThreeWayMergePatch, called from kubectl@v0.33.0
 * pkg/cmd/apply/patcher.go patchSimple with the Pod's patch metadata and overwrite = true).
 */

interface DiffOptions {
  /** Leave out fields that are in `original` but not in `modified`. */
  ignoreDeletions: boolean;
  /** Leave out fields that are new or changed in `modified`. */
  ignoreChangesAndAdditions: boolean;
}

/** patch.go diffListsOfMaps + the `$setElementOrder` rule of diffLists. */
function diffListOfMaps(original: Obj[], modified: Obj[], key: string, opts: DiffOptions) {
  const patchList: Obj[] = [];
  const find = (list: Obj[], item: Obj) => list.find((o) => o[key] === item[key]);
  for (const m of modified) {
    const o = find(original, m);
    if (!o) {
      if (!opts.ignoreChangesAndAdditions) patchList.push(cloneJson(m));
      continue;
    }
    const itemPatch = diffMaps(o, m, opts);
    if (Object.keys(itemPatch).length > 0) patchList.push({ ...itemPatch, [key]: m[key] });
  }
  if (!opts.ignoreDeletions)
    for (const o of original) if (!find(modified, o)) patchList.push({ [key]: o[key], $patch: 'delete' });
  const orderSame = original.length === modified.length && original.every((o, i) => modified[i]?.[key] === o[key]);
  const setOrder =
    (!opts.ignoreDeletions && !orderSame) || (!opts.ignoreChangesAndAdditions && patchList.length > 0)
      ? modified.map((m) => ({ [key]: m[key] }))
      : undefined;
  return { patchList, setOrder };
}

/** patch.go diffMaps: the fields of `modified` that differ from `original` (a field removed becomes null). */
function diffMaps(original: Obj, modified: Obj, opts: DiffOptions): Obj {
  const patch: Obj = {};
  for (const [k, m] of Object.entries(modified)) {
    if (m === undefined) continue;
    const o = original[k];
    const key = MERGE_KEYS[k];
    if (isRecord(o) && isRecord(m)) {
      const sub = diffMaps(o, m, opts);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (Array.isArray(o) && Array.isArray(m) && key && [...o, ...m].every(isRecord)) {
      const { patchList, setOrder } = diffListOfMaps(o as Obj[], m as Obj[], key, opts);
      if (patchList.length > 0) patch[k] = patchList;
      if (setOrder) patch[`${ORDER}${k}`] = setOrder;
    } else if (!opts.ignoreChangesAndAdditions && (o === undefined || !jsonEqual(o, m))) {
      // a new field, a changed scalar, an atomic list, or a change of type: replaced as a whole
      patch[k] = cloneJson(m);
    }
  }
  if (!opts.ignoreDeletions) for (const k of Object.keys(original)) if (!(k in modified)) patch[k] = null;
  return patch;
}

/** patch.go mergeMap as CreateThreeWayMergePatch uses it: the additions/changes patch laid over the deletions patch. */
function mergePatches(base: Obj, over: Obj): Obj {
  const out: Obj = cloneJson(base);
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    const key = MERGE_KEYS[k];
    if (isRecord(b) && isRecord(v)) out[k] = mergePatches(b, v);
    else if (Array.isArray(b) && Array.isArray(v) && key && !k.startsWith('$')) {
      const merged = (b as Obj[]).map((item) => {
        const same = (v as Obj[]).find((x) => x[key] === item[key]);
        return same ? mergePatches(item, same) : item;
      });
      for (const x of v as Obj[]) if (!merged.some((m) => m[key] === x[key])) merged.push(cloneJson(x));
      out[k] = merged;
    } else out[k] = cloneJson(v);
  }
  return out;
}

/**
 * CreateThreeWayMergePatch(original, modified, current): what changed from the live object to the
 * new configuration (additions and changes only), plus what the new configuration dropped compared
 * with the last applied one (deletions only). Fields other clients set on the live object are kept.
 * `original` is undefined when the live object has no last-applied annotation.
 */
export function threeWayMergePatch(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  const delta = diffMaps(current, modified, { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = diffMaps(original ?? {}, modified, { ignoreDeletions: false, ignoreChangesAndAdditions: true });
  return mergePatches(deletions, delta);
}
