/**
 * The body of `PATCH /api/v1/namespaces/<ns>/pods/<name>/status` as the kubelet and the scheduler send
 * it: a two-way strategic merge patch between the status they last saw and the new one
 * (apimachinery pkg/util/strategicpatch CreateTwoWayMergePatch; k/k pkg/util/pod PatchPodStatus,
 * pkg/scheduler/util PatchPodStatus).
 *
 * In the PodStatus schema `conditions` merge by `type` and `podIPs`/`hostIPs` by `ip`; other lists
 * (containerStatuses, ...) are replaced whole. A changed merge list carries `$setElementOrder/<field>`.
 * Keys come out sorted, as Go marshals the patch map. (Applying such a patch is the API server's
 * side: strategicMergePatch.ts.)
 */

import { byteOrder, goValueEqual } from '../diff';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonMap = { [k: string]: Json };

/** Merge keys of the pod's strategic-merge lists (k8s.io/api core/v1 types.go patchMergeKey tags). */
const MERGE_KEYS: Record<string, string> = { conditions: 'type', podIPs: 'ip', hostIPs: 'ip' };

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep copy with map keys in byte order, as encoding/json writes map[string]interface{}. */
export function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const k of Object.keys(v).sort(byteOrder)) out[k] = sortKeys(v[k]!);
  return out;
}

function diffMergeList(field: string, key: string, original: JsonMap[], modified: JsonMap[]): JsonMap {
  const find = (list: JsonMap[], v: Json | undefined) => list.find((e) => goValueEqual(e[key], v));
  const changes: Json[] = [];
  for (const m of modified) {
    const o = find(original, m[key]);
    if (!o) changes.push(m);
    else if (!goValueEqual(o, m)) changes.push({ ...diffMaps(o, m), [key]: m[key]! });
  }
  for (const o of original) if (!find(modified, o[key])) changes.push({ $patch: 'delete', [key]: o[key]! });
  if (changes.length === 0) return {};
  return { [`$setElementOrder/${field}`]: modified.map((m) => ({ [key]: m[key]! })), [field]: changes };
}

/**
 * Values compare as Go values (goValueEqual: a null field equals an absent one) but are sent as written
 * (new conditions carry `"lastProbeTime":null`).
 */
function diffMaps(original: JsonMap, modified: JsonMap): JsonMap {
  const patch: JsonMap = {};
  for (const [k, m] of Object.entries(modified)) {
    const o = original[k];
    if (goValueEqual(o, m)) {
      continue;
    } else if (o === undefined || o === null) {
      patch[k] = m;
    } else if (isMap(o) && isMap(m)) {
      const sub = diffMaps(o, m);
      if (Object.keys(sub).length) patch[k] = sub;
    } else if (Array.isArray(o) && Array.isArray(m) && MERGE_KEYS[k] && [...o, ...m].every(isMap)) {
      Object.assign(patch, diffMergeList(k, MERGE_KEYS[k]!, o as JsonMap[], m as JsonMap[]));
    } else {
      patch[k] = m;
    }
  }
  for (const [k, o] of Object.entries(original)) if (!(k in modified) && o !== null) patch[k] = null;
  return patch;
}

/** JSON round trip: drops undefined fields exactly as encoding/json's omitempty output would lack them. */
const toJson = (v: unknown): JsonMap => JSON.parse(JSON.stringify(v ?? {})) as JsonMap;

/**
 * The patch from `oldStatus` to `newStatus`. With `uid` (the kubelet), `metadata.uid` is included as a
 * precondition ("only put the uid in the new object to ensure it appears in the patch as a
 * precondition", pkg/util/pod preparePatchBytesForPodStatus). Returns undefined when nothing changed
 * (the clients then send no request).
 */
export function podStatusPatch(oldStatus: unknown, newStatus: unknown, uid?: string): JsonMap | undefined {
  const status = diffMaps(toJson(oldStatus), toJson(newStatus));
  if (Object.keys(status).length === 0) return undefined;
  return sortKeys({ ...(uid ? { metadata: { uid } } : {}), status }) as JsonMap;
}
