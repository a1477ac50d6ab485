/**
 * The managedFields entry kube-apiserver records on create (apiserver@v0.33.0
 * pkg/endpoints/handlers/create.go: `FieldManager.UpdateNoErrors(liveObj, obj, manager)` before
 * mutating admission). The owned field set is what the decoded, defaulted object adds to an empty
 * Pod (structured-merge-diff Compare of `{metadata: {creationTimestamp: null}, spec: {containers: null},
 * status: {}}` with the object), minus identity fields and the strategy's reset fields (`status`).
 *
 * FieldsV1 encoding: `f:<field>` for fields, `k:{...}` for items of keyed lists (keys from the
 * patchMergeKey/listMapKeys of core/v1), `v:<json>` for set items; `.` marks a node that is owned
 * itself and has children (a map, list or list item that did not exist before).
 */
import { byteOrder } from './diff';
import type { KubeObject } from './scenario';

type Obj = Record<string, unknown>;
type FieldsV1 = { [k: string]: FieldsV1 };
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** List keys of the lists a pod manifest commonly has; lists not named here are atomic. */
const LIST_KEYS: Record<string, string[] | 'set'> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  ports: ['containerPort', 'protocol'],
  env: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  volumes: ['name'],
  imagePullSecrets: ['name'],
  hostAliases: ['ip'],
  resourceClaims: ['name'],
  schedulingGates: ['name'],
  topologySpreadConstraints: ['topologyKey', 'whenUnsatisfiable'],
  finalizers: 'set',
  ownerReferences: ['uid'],
};

/** Fields never owned: identity and system fields (fieldmanager's stripSet) and the reset `status`. */
const STRIPPED = new Set([
  'apiVersion',
  'kind',
  'status',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'metadata.resourceVersion',
  'metadata.generation',
  'metadata.creationTimestamp',
  'metadata.selfLink',
  'metadata.managedFields',
  'metadata.deletionTimestamp',
]);

/**
 * The live object the create handler compares with: an empty object of the kind as Go serialises it
 * (a Pod's spec has `containers: null`; Namespace and Node have an empty spec struct).
 */
function emptyObject(kind: string): Obj {
  if (kind === 'Pod') return { metadata: { creationTimestamp: null }, spec: { containers: null }, status: {} };
  if (kind === 'Namespace' || kind === 'Node') return { metadata: { creationTimestamp: null }, spec: {}, status: {} };
  return { metadata: { creationTimestamp: null } };
}

/** `k:{"containerPort":8000,"protocol":"TCP"}`: the key fields, sorted, as compact JSON. */
function keyElement(item: Obj, keys: string[]): string {
  const fields = [...keys].sort().filter((k) => item[k] !== undefined);
  return `k:{${fields.map((k) => `${JSON.stringify(k)}:${JSON.stringify(item[k])}`).join(',')}}`;
}

/** The fields under `value` (which did not exist in the live object when `added`). */
function fieldsOf(value: unknown, live: unknown, path: string): FieldsV1 {
  const out: FieldsV1 = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (STRIPPED.has(p) || v === undefined) continue;
    const liveV = isRecord(live) ? live[k] : undefined;
    out[`f:${k}`] = node(v, liveV, p, k);
  }
  return out;
}

/** One field: a leaf `{}`, or its children, with `.` when the field itself is new and has children. */
function node(v: unknown, live: unknown, path: string, field: string): FieldsV1 {
  const isNew = live === undefined;
  if (isRecord(v)) {
    if (Object.keys(v).length === 0) return {}; // empty on both sides: promoted to a leaf
    const children = fieldsOf(v, live, path);
    return isNew ? { '.': {}, ...children } : children;
  }
  if (Array.isArray(v)) {
    const keys = LIST_KEYS[field];
    if (!keys || v.length === 0) return {}; // atomic list
    const children: FieldsV1 = {};
    for (const item of v) {
      if (keys === 'set') children[`v:${JSON.stringify(item)}`] = {};
      else if (isRecord(item)) children[keyElement(item, keys)] = { '.': {}, ...fieldsOf(item, undefined, path) };
    }
    return isNew ? { '.': {}, ...children } : children;
  }
  return {};
}

/** Sorts a FieldsV1 the way structured-merge-diff serialises it: `.` first, then f:, k:, v: entries by name. */
function sortFields(f: FieldsV1): FieldsV1 {
  const rank = (k: string) => (k === '.' ? 0 : k.startsWith('f:') ? 1 : k.startsWith('k:') ? 2 : 3);
  const out: FieldsV1 = {};
  for (const k of Object.keys(f).sort((a, b) => rank(a) - rank(b) || byteOrder(a, b))) out[k] = sortFields(f[k]!);
  return out;
}

/** The managedFields entry of a create by `manager` with operation Update (any kind). */
export function createManagedFields(pod: KubeObject, manager: string, time: string): Obj[] {
  return [
    {
      manager,
      operation: 'Update',
      apiVersion: pod.apiVersion,
      time,
      fieldsType: 'FieldsV1',
      fieldsV1: sortFields(fieldsOf(pod, emptyObject(pod.kind), '')),
    },
  ];
}

/** The fields of `next` that are new or changed compared with `live` (the set an Update takes ownership of). */
function changedFields(next: unknown, live: unknown, path: string): FieldsV1 {
  const out: FieldsV1 = {};
  if (!isRecord(next)) return out;
  for (const [k, v] of Object.entries(next)) {
    const p = path ? `${path}.${k}` : k;
    if (STRIPPED.has(p) || v === undefined) continue;
    const l = isRecord(live) ? live[k] : undefined;
    if (l === undefined) {
      out[`f:${k}`] = node(v, undefined, p, k);
      continue;
    }
    if (isRecord(v) && isRecord(l)) {
      const sub = changedFields(v, l, p);
      if (Object.keys(sub).length) out[`f:${k}`] = sub;
      continue;
    }
    const keys = LIST_KEYS[k];
    if (Array.isArray(v) && Array.isArray(l) && Array.isArray(keys)) {
      const sub: FieldsV1 = {};
      for (const item of v) {
        if (!isRecord(item)) continue;
        const before = l.find((x) => isRecord(x) && keys.every((key) => x[key] === item[key]));
        const fields =
          before === undefined ? { '.': {}, ...fieldsOf(item, undefined, p) } : changedFields(item, before, p);
        if (Object.keys(fields).length) sub[keyElement(item, keys)] = fields;
      }
      if (Object.keys(sub).length) out[`f:${k}`] = sub;
      continue;
    }
    if (JSON.stringify(v) !== JSON.stringify(l)) out[`f:${k}`] = node(v, l, p, k);
  }
  return out;
}

function union(a: FieldsV1, b: FieldsV1): FieldsV1 {
  const out: FieldsV1 = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = union(out[k] ?? {}, v);
  return out;
}

/** `a` without the leaves of `b` (fields another manager took over); empty parents are dropped. */
function subtract(a: FieldsV1, b: FieldsV1): FieldsV1 {
  const out: FieldsV1 = {};
  for (const [k, v] of Object.entries(a)) {
    const taken = b[k];
    if (taken === undefined) out[k] = v;
    else if (Object.keys(taken).length && Object.keys(v).length) {
      const rest = subtract(v, taken);
      if (Object.keys(rest).some((x) => x !== '.')) out[k] = rest;
    }
  }
  return out;
}

/**
 * The managedFields after an Update by `manager` (apiserver@v0.33.0 fieldmanager UpdateNoErrors for a
 * non-apply request): the manager's Update entry for this API version owns what it changed, with the
 * new time (an entry is added if it had none); those fields leave the other managers' sets, and a
 * manager left with nothing is dropped.
 */
export function updateManagedFields(live: KubeObject, next: KubeObject, manager: string, time: string): Obj[] {
  const entries = (Array.isArray(live.metadata.managedFields) ? live.metadata.managedFields : []) as Obj[];
  const changed = changedFields(next, live, '');
  if (Object.keys(changed).length === 0) return entries;
  const mine = (e: Obj) =>
    e.manager === manager && e.operation === 'Update' && e.apiVersion === next.apiVersion && !e.subresource;
  const out: Obj[] = [];
  for (const e of entries) {
    const fields = (e.fieldsV1 ?? {}) as FieldsV1;
    if (mine(e)) continue;
    const rest = subtract(fields, changed);
    if (Object.keys(rest).length) out.push({ ...e, fieldsV1: sortFields(rest) });
  }
  const previous = entries.find(mine);
  const owned = union((previous?.fieldsV1 ?? {}) as FieldsV1, changed);
  const entry = {
    manager,
    operation: 'Update',
    apiVersion: next.apiVersion,
    time,
    fieldsType: 'FieldsV1',
    fieldsV1: sortFields(owned),
  };
  const at = previous ? entries.indexOf(previous) : -1;
  if (at >= 0 && at <= out.length) out.splice(at, 0, entry);
  else out.push(entry);
  return out;
}
