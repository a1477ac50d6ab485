/**
 * The typed half of kube-apiserver's JSON decoding of a Pod: a value whose JSON type the Go field
 * cannot hold (`containers` as an object, `image: 1.0`, a label value `true`, `containerPort: "80"`, a
 * number beyond int32) or a resource quantity that does not parse. Either refuses the whole body before
 * any strict field check (rest.go transformDecodeError then words it as a 400).
 *
 * The decoder is sigs.k8s.io/json's fork of encoding/json (vendored in k/k under
 * sigs.k8s.io/json/internal/golang/encoding/json decode.go): a type mismatch is an UnmarshalTypeError,
 * saved while decoding goes on, the first one reported: `json: cannot unmarshal <value> into Go struct
 * field <Struct>.<json path without indices> of type <Go type>` (addErrorContext: the innermost struct
 * type's name and the JSON names of the fields on the way, list indices and map keys left out). A
 * resource.Quantity decodes itself (apimachinery@v0.33.0 pkg/api/resource/quantity.go UnmarshalJSON →
 * ParseQuantity): its error ends decoding at once, as it is, and wins over a saved type error.
 *
 * Go types are those of k8s.io/api@v0.33.0 core/v1 types.go for the fields this simulator reads;
 * pointers (`*int64`) are decoded as what they point to, so errors name `int64`. A field not listed is
 * accepted as written, as before.
 */
import { childPath } from './diff';
import { goJson } from './kubectl';
import { parseQuantity } from './quantity';

/** A Go type as reflect's Type.String() names it, and how the decoder treats it. */
type GoType =
  | { scalar: 'string' | 'int32' | 'int64' | 'bool'; name: string }
  | { struct: string; fields: Readonly<Record<string, GoType>> }
  | { slice: GoType }
  | { map: GoType; name: string }
  | 'quantity';

const STRING: GoType = { scalar: 'string', name: 'string' };
const INT32: GoType = { scalar: 'int32', name: 'int32' };
const INT64: GoType = { scalar: 'int64', name: 'int64' };
const BOOL: GoType = { scalar: 'bool', name: 'bool' };
/** A named string type of core/v1 (`type Protocol string`): Type.String() is `v1.Protocol`. */
const named = (name: string): GoType => ({ scalar: 'string', name: `v1.${name}` });
const struct = (name: string, fields: Record<string, GoType>): GoType => ({ struct: name, fields });
const sliceOf = (t: GoType): GoType => ({ slice: t });
const STRING_MAP: GoType = { map: STRING, name: 'map[string]string' };
/** core/v1 ResourceList: map[ResourceName]resource.Quantity. */
const RESOURCE_LIST: GoType = { map: 'quantity', name: 'v1.ResourceList' };

const OBJECT_META = struct('ObjectMeta', {
  name: STRING,
  generateName: STRING,
  namespace: STRING,
  uid: { scalar: 'string', name: 'types.UID' },
  resourceVersion: STRING,
  generation: INT64,
  labels: STRING_MAP,
  annotations: STRING_MAP,
  finalizers: sliceOf(STRING),
});

const CONTAINER = struct('Container', {
  name: STRING,
  image: STRING,
  command: sliceOf(STRING),
  args: sliceOf(STRING),
  workingDir: STRING,
  ports: sliceOf(
    struct('ContainerPort', {
      name: STRING,
      hostPort: INT32,
      containerPort: INT32,
      protocol: named('Protocol'),
      hostIP: STRING,
    }),
  ),
  env: sliceOf(struct('EnvVar', { name: STRING, value: STRING })),
  resources: struct('ResourceRequirements', { limits: RESOURCE_LIST, requests: RESOURCE_LIST }),
  volumeMounts: sliceOf(
    struct('VolumeMount', { name: STRING, readOnly: BOOL, mountPath: STRING, subPath: STRING, subPathExpr: STRING }),
  ),
  terminationMessagePath: STRING,
  terminationMessagePolicy: named('TerminationMessagePolicy'),
  imagePullPolicy: named('PullPolicy'),
  restartPolicy: named('ContainerRestartPolicy'),
  stdin: BOOL,
  stdinOnce: BOOL,
  tty: BOOL,
});

const POD_SPEC = struct('PodSpec', {
  volumes: sliceOf(struct('Volume', { name: STRING })),
  initContainers: sliceOf(CONTAINER),
  containers: sliceOf(CONTAINER),
  restartPolicy: named('RestartPolicy'),
  terminationGracePeriodSeconds: INT64,
  activeDeadlineSeconds: INT64,
  dnsPolicy: named('DNSPolicy'),
  nodeSelector: STRING_MAP,
  serviceAccountName: STRING,
  serviceAccount: STRING,
  automountServiceAccountToken: BOOL,
  nodeName: STRING,
  hostNetwork: BOOL,
  hostPID: BOOL,
  hostIPC: BOOL,
  shareProcessNamespace: BOOL,
  imagePullSecrets: sliceOf(struct('LocalObjectReference', { name: STRING })),
  hostname: STRING,
  subdomain: STRING,
  schedulerName: STRING,
  tolerations: sliceOf(
    struct('Toleration', {
      key: STRING,
      operator: named('TolerationOperator'),
      value: STRING,
      effect: named('TaintEffect'),
      tolerationSeconds: INT64,
    }),
  ),
  priorityClassName: STRING,
  priority: INT32,
  runtimeClassName: STRING,
  enableServiceLinks: BOOL,
  preemptionPolicy: named('PreemptionPolicy'),
  overhead: RESOURCE_LIST,
});

/** TypeMeta is inlined: its fields are the Pod's own. */
const POD = struct('Pod', { apiVersion: STRING, kind: STRING, metadata: OBJECT_META, spec: POD_SPEC });

/** Type.String() of a decoded type: `[]v1.Container`, `v1.ObjectMeta`, `map[string]string`. */
function typeName(t: GoType): string {
  if (t === 'quantity') return 'resource.Quantity';
  if ('scalar' in t || 'map' in t) return t.name;
  if ('struct' in t) return `v1.${t.struct}`;
  return `[]${typeName(t.slice)}`;
}

/** What UnmarshalTypeError.Value says of a JSON value (decode.go literalStore, array, object). */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const INT_RANGE = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
} as const;

/** decode.go literalStore for an int kind: strconv.ParseInt of the literal, then OverflowInt. */
function fitsInt(literal: string, kind: 'int32' | 'int64'): boolean {
  if (!/^-?[0-9]+$/.test(literal)) return false;
  const n = BigInt(literal);
  const [min, max] = INT_RANGE[kind];
  return n >= min && n <= max;
}

/** The error context while decoding: the innermost struct's name and the JSON field names on the way. */
interface Context {
  struct: string;
  fields: string[];
}

export interface PodDecodeError {
  /** The decoder's error, as transformDecodeError quotes it after `Pod in version "v1" cannot be handled as a Pod: `. */
  message: string;
  /** The field in the manifest (with list indices and map keys), for the editor. */
  path: string;
}

class Decoding {
  saved?: PodDecodeError;
  hard?: PodDecodeError;

  /** Saves the first type error (decode.go saveError with addErrorContext) and goes on. */
  mismatch(value: string, t: GoType, ctx: Context, path: string): void {
    const into = ctx.fields.length ? `Go struct field ${ctx.struct}.${ctx.fields.join('.')}` : 'Go value';
    this.saved ??= { message: `json: cannot unmarshal ${value} into ${into} of type ${typeName(t)}`, path };
  }

  /** Decodes `v` into `t`; false when a quantity's own error ended decoding. */
  value(v: unknown, t: GoType, ctx: Context, path: string): boolean {
    if (v === null || v === undefined) return true; // null leaves any Go value as it is
    if (t === 'quantity') {
      // UnmarshalJSON gets the raw JSON text: a string without its quotes, anything else as written
      const raw = typeof v === 'string' ? goJson(v).slice(1, -1) : goJson(v);
      const q = parseQuantity(raw.trim());
      if (!q.ok) this.hard = { message: q.error, path };
      return q.ok;
    }
    if ('scalar' in t) {
      if (t.scalar === 'string' ? typeof v === 'string' : t.scalar === 'bool' ? typeof v === 'boolean' : false)
        return true;
      if (typeof v === 'number' && (t.scalar === 'int32' || t.scalar === 'int64')) {
        const literal = goJson(v);
        if (!fitsInt(literal, t.scalar)) this.mismatch(`number ${literal}`, t, ctx, path);
        return true;
      }
      this.mismatch(jsonKind(v), t, ctx, path);
      return true;
    }
    if ('slice' in t) {
      if (!Array.isArray(v)) {
        this.mismatch(jsonKind(v), t, ctx, path);
        return true;
      }
      return v.every((item, i) => this.value(item, t.slice, ctx, childPath(path, i)));
    }
    if (!isRecord(v)) {
      this.mismatch(jsonKind(v), t, ctx, path);
      return true;
    }
    if ('map' in t) return Object.entries(v).every(([k, item]) => this.value(item, t.map, ctx, childPath(path, k)));
    for (const [k, item] of Object.entries(v)) {
      const field = Object.hasOwn(t.fields, k) ? t.fields[k] : undefined;
      if (!field) continue; // unknown fields are the strict check's, after decoding
      const inner = { struct: t.struct, fields: [...ctx.fields, k] };
      if (!this.value(item, field, inner, childPath(path, k))) return false;
    }
    return true;
  }
}

/**
 * The decode error of a Pod body as kubectl sends it (keys in the body's order), or undefined when
 * every field the simulator types decodes.
 */
export function podDecodeError(body: unknown): PodDecodeError | undefined {
  const d = new Decoding();
  d.value(body, POD, { struct: '', fields: [] }, '');
  return d.hard ?? d.saved;
}
