/**
 * What kube-apiserver does to the kinds other than Pod that a learner may apply (ConfigMap, Secret,
 * ServiceAccount, Namespace, Node): the fields its decoder knows (strict field validation), the
 * defaults and conversions of decoding, and the strategies' PrepareForCreate / PrepareForUpdate.
 * None of them has a controller in this simulator; they are stored and watched.
 *
 * Sources: k8s.io/api@v0.33.0 core/v1 types.go (fields), k/k pkg/apis/core/v1/defaults.go
 * (SetDefaults_Secret, SetDefaults_Namespace, SetDefaults_NodeStatus), pkg/apis/core/v1/conversion.go
 * (Convert_v1_Secret_To_core_Secret: stringData merged into data), pkg/registry/core/{namespace,node,
 * configmap,secret,serviceaccount}/strategy.go.
 */
import { OBJECT_META_FIELDS } from './podFields';
import { cloneJson, diffObjects, jsonEqual } from './diff';
import type { KubeObject } from './scenario';
import type { FieldChange } from './trace';

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Top-level fields of each kind (deeper structures, such as a Node's status, are accepted as they are). */
const TOP_LEVEL_FIELDS: Record<string, string[]> = {
  ConfigMap: ['immutable', 'data', 'binaryData'],
  Secret: ['immutable', 'data', 'stringData', 'type'],
  ServiceAccount: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  Namespace: ['spec', 'status'],
  Node: ['spec', 'status'],
};

/** The unknown fields of a body, in document order (`unknown field "<path>"` with Strict validation). */
export function unknownObjectFields(body: KubeObject): string[] {
  const known = ['apiVersion', 'kind', 'metadata', ...(TOP_LEVEL_FIELDS[body.kind] ?? [])];
  const out: string[] = [];
  for (const k of Object.keys(body)) {
    if (!known.includes(k)) out.push(k);
    else if (k === 'metadata' && isRecord(body.metadata))
      for (const m of Object.keys(body.metadata)) if (!OBJECT_META_FIELDS.includes(m)) out.push(`metadata.${m}`);
  }
  return out;
}

/** The body without unknown fields, as the non-strict decoder leaves it. */
export function pruneUnknownObjectFields(body: KubeObject): KubeObject {
  const unknown = new Set(unknownObjectFields(body));
  const out: Obj = {};
  for (const [k, v] of Object.entries(body)) if (!unknown.has(k)) out[k] = v;
  out.metadata = Object.fromEntries(Object.entries(body.metadata).filter(([m]) => !unknown.has(`metadata.${m}`)));
  return out as KubeObject;
}

/** Go's []byte JSON encoding of a string: base64 of its UTF-8 bytes. */
function base64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Decoding into the internal type and back: the defaults and conversions each kind gets before
 * admission. Returns the object and what changed, attributed to defaulting.
 */
export function defaultObject(input: KubeObject): { object: KubeObject; changes: FieldChange[] } {
  const o = cloneJson(input);
  if (o.kind === 'Secret') {
    // conversion: stringData overwrites data keys, then is dropped; SetDefaults_Secret: type Opaque
    if (isRecord(o.stringData)) {
      const data = { ...(isRecord(o.data) ? o.data : {}) };
      for (const [k, v] of Object.entries(o.stringData)) data[k] = base64(String(v));
      o.data = data;
    }
    delete o.stringData;
    if (!o.type) o.type = 'Opaque';
  }
  if (o.kind === 'Namespace' && o.metadata.name) {
    // SetDefaults_Namespace: the immutable name label (kubernetes.io/metadata.name)
    o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name };
  }
  if (o.kind === 'Node' && isRecord(o.status) && isRecord(o.status.capacity) && !o.status.allocatable) {
    // SetDefaults_NodeStatus: allocatable defaults to capacity
    o.status = { ...o.status, allocatable: { ...o.status.capacity } };
  }
  return { object: o, changes: diffObjects(input, o, 'defaulting') };
}

/**
 * BeforeCreate: uid and creationTimestamp (FillObjectMetaSystemFields), then the strategy's
 * PrepareForCreate: a Namespace starts Active with the `kubernetes` finalizer; a Node keeps the status
 * it was registered with; the others have no status.
 */
export function prepareObjectForCreate(
  obj: KubeObject,
  uid: string,
  creationTimestamp: string,
): { object: KubeObject; changes: FieldChange[] } {
  const out = cloneJson(obj);
  const { name, generateName, namespace, ...rest } = out.metadata;
  out.metadata = {
    name,
    ...(generateName ? { generateName } : {}),
    ...(namespace ? { namespace } : {}),
    uid,
    creationTimestamp,
    ...rest,
  };
  if (out.kind === 'Namespace') {
    const spec = isRecord(out.spec) ? out.spec : {};
    const finalizers = Array.isArray(spec.finalizers) ? (spec.finalizers as string[]) : [];
    out.spec = { ...spec, finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'] };
    out.status = { phase: 'Active' };
  }
  return { object: out, changes: diffObjects(obj, out, 'kube-apiserver') };
}

/**
 * PrepareForUpdate of the main resource: what the client may not change is taken from the live object.
 * ObjectMeta system fields always come from the live object (rest.BeforeUpdate); Pods, Namespaces and
 * Nodes keep their status (it has its own subresource); a Pod's generation grows when its spec changes
 * (k/k pkg/registry/core/pod/strategy.go, v1.33).
 */
export function prepareObjectForUpdate(patched: KubeObject, live: KubeObject): KubeObject {
  const out = cloneJson(patched);
  const keep = ['uid', 'creationTimestamp', 'resourceVersion', 'generation', 'deletionTimestamp'] as const;
  const meta: Obj = { ...out.metadata };
  for (const k of keep) {
    if (live.metadata[k] !== undefined) meta[k] = live.metadata[k];
    else delete meta[k];
  }
  out.metadata = meta as KubeObject['metadata'];
  if (['Pod', 'Namespace', 'Node'].includes(live.kind)) {
    if (live.status !== undefined) out.status = cloneJson(live.status);
    else delete out.status;
  }
  if (live.kind === 'Pod' && !jsonEqual(out.spec, live.spec)) {
    out.metadata = { ...out.metadata, generation: Number(live.metadata.generation ?? 0) + 1 };
  }
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Where Go's base64.StdEncoding.Decode (used by encoding/json for a Secret's `data` values, which
 * are []byte) fails: the index of `illegal base64 data at input byte N`, or undefined when the value
 * decodes. Follows encoding/base64 decodeQuantum: newlines are skipped, padding is required.
 */
export function base64ErrorOffset(src: string): number | undefined {
  const skipNewlines = (i: number) => {
    while (i < src.length && (src[i] === '\n' || src[i] === '\r')) i++;
    return i;
  };
  let si = 0;
  while (si < src.length) {
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return si - j; // missing padding
      }
      const c = src[si]!;
      si++;
      if (BASE64_ALPHABET.includes(c)) continue;
      if (c === '\n' || c === '\r') {
        j--;
        continue;
      }
      if (c !== '=' || j < 2) return si - 1; // an illegal character, or padding too early
      if (j === 2) {
        si = skipNewlines(si);
        if (si === src.length) return src.length;
        if (src[si] !== '=') return si - 1;
        si++;
      }
      si = skipNewlines(si);
      return si < src.length ? si : undefined; // trailing garbage after the padding
    }
  }
  return undefined;
}

/** The decode error of a Secret whose `data` is not base64 (json: []byte fields), as the API server words it. */
export function secretDecodeError(body: KubeObject): string | undefined {
  if (body.kind !== 'Secret' || !isRecord(body.data)) return undefined;
  for (const v of Object.values(body.data)) {
    const at = typeof v === 'string' ? base64ErrorOffset(v) : undefined;
    if (at !== undefined) return `illegal base64 data at input byte ${at}`;
  }
  return undefined;
}
