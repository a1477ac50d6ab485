/**
 * Field order as kube-apiserver writes a Pod: Go's encoding/json follows the struct field order of
 * k8s.io/api@v0.33.0 core/v1 types.go (kind before apiVersion, metadata's name before namespace,
 * uid, resourceVersion, ...). Only the order changes, never the content; fields not listed keep their
 * relative order after the listed ones.
 */
import { setJsonKey } from './diff';
type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Shape {
  /**
   * Each field's place in the struct; fields not listed rank after all of them. Every stored and shown
   * pod is reordered, so an object is ordered by its own few keys, not by the struct's long list.
   */
  rank: ReadonlyMap<string, number>;
  /** Children with a shape of their own (lists: the shape of their items). */
  children?: Readonly<Record<string, Shape>>;
}

const shape = (order: readonly string[], children?: Record<string, Shape>): Shape => ({
  rank: new Map(order.map((k, i) => [k, i])),
  ...(children ? { children } : {}),
});

const MANAGED_FIELDS = shape(['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource']);
/**
 * ObjectMeta's JSON fields in the struct order of k8s.io/apimachinery@v0.33.0 pkg/apis/meta/v1
 * types.go: the one list the decoders (objects.ts, podFields.ts) check metadata against.
 */
export const OBJECT_META_FIELDS: readonly string[] = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];
const OBJECT_META = shape(OBJECT_META_FIELDS, { managedFields: MANAGED_FIELDS });
const CONTAINER = shape(
  [
    'name',
    'image',
    'command',
    'args',
    'workingDir',
    'ports',
    'envFrom',
    'env',
    'resources',
    'resizePolicy',
    'restartPolicy',
    'volumeMounts',
    'volumeDevices',
    'livenessProbe',
    'readinessProbe',
    'startupProbe',
    'lifecycle',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'imagePullPolicy',
    'securityContext',
    'stdin',
    'stdinOnce',
    'tty',
  ],
  {
    ports: shape(['name', 'hostPort', 'containerPort', 'protocol', 'hostIP']),
    env: shape(['name', 'value', 'valueFrom']),
    resources: shape(['limits', 'requests', 'claims']),
    volumeMounts: shape([
      'name',
      'readOnly',
      'recursiveReadOnly',
      'mountPath',
      'subPath',
      'mountPropagation',
      'subPathExpr',
    ]),
  },
);
const PROJECTION = shape(['secret', 'downwardAPI', 'configMap', 'serviceAccountToken', 'clusterTrustBundle'], {
  serviceAccountToken: shape(['audience', 'expirationSeconds', 'path']),
  configMap: shape(['name', 'items', 'optional'], { items: shape(['key', 'path', 'mode']) }),
  downwardAPI: shape(['items'], {
    items: shape(['path', 'fieldRef', 'resourceFieldRef', 'mode'], { fieldRef: shape(['apiVersion', 'fieldPath']) }),
  }),
});
const VOLUME = shape(['name'], { projected: shape(['sources', 'defaultMode'], { sources: PROJECTION }) });
/** PodSpec's fields in the order the API server serialises them (the Go struct's order). */
export const POD_SPEC_FIELDS = [
  'volumes',
  'initContainers',
  'containers',
  'ephemeralContainers',
  'restartPolicy',
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'dnsPolicy',
  'nodeSelector',
  'serviceAccountName',
  'serviceAccount',
  'automountServiceAccountToken',
  'nodeName',
  'hostNetwork',
  'hostPID',
  'hostIPC',
  'shareProcessNamespace',
  'securityContext',
  'imagePullSecrets',
  'hostname',
  'subdomain',
  'affinity',
  'schedulerName',
  'tolerations',
  'hostAliases',
  'priorityClassName',
  'priority',
  'dnsConfig',
  'readinessGates',
  'runtimeClassName',
  'enableServiceLinks',
  'preemptionPolicy',
  'overhead',
  'topologySpreadConstraints',
  'setHostnameAsFQDN',
  'os',
  'hostUsers',
  'schedulingGates',
  'resourceClaims',
  'resources',
] as const;
const POD_SPEC = shape([...POD_SPEC_FIELDS], {
  volumes: VOLUME,
  initContainers: CONTAINER,
  containers: CONTAINER,
  tolerations: shape(['key', 'operator', 'value', 'effect', 'tolerationSeconds']),
});
const CONTAINER_STATUS = shape([
  'name',
  'state',
  'lastState',
  'ready',
  'restartCount',
  'image',
  'imageID',
  'containerID',
  'started',
  'allocatedResources',
  'resources',
  'volumeMounts',
  'user',
  'allocatedResourcesStatus',
  'stopSignal',
]);
const POD_STATUS = shape(
  [
    'observedGeneration',
    'phase',
    'conditions',
    'message',
    'reason',
    'nominatedNodeName',
    'hostIP',
    'hostIPs',
    'podIP',
    'podIPs',
    'startTime',
    'initContainerStatuses',
    'containerStatuses',
    'qosClass',
    'ephemeralContainerStatuses',
    'resize',
    'resourceClaimStatuses',
  ],
  {
    conditions: shape([
      'type',
      'observedGeneration',
      'status',
      'lastProbeTime',
      'lastTransitionTime',
      'reason',
      'message',
    ]),
    initContainerStatuses: CONTAINER_STATUS,
    containerStatuses: CONTAINER_STATUS,
  },
);
const POD = shape(['kind', 'apiVersion', 'metadata', 'spec', 'status'], {
  metadata: OBJECT_META,
  spec: POD_SPEC,
  status: POD_STATUS,
});

/**
 * Each object ordered so far, with the shape it was ordered by and the result (itself when it was in
 * order). Objects of a run are never changed in place (each gate builds a new one, sharing the parts
 * it keeps), so only the parts a gate built are walked again.
 */
const ordered = new WeakMap<object, { shape: Shape; value: Obj }>();

function order(v: unknown, s: Shape): unknown {
  if (Array.isArray(v)) {
    const items = v.map((item) => order(item, s));
    return items.every((item, i) => item === v[i]) ? v : items;
  }
  if (!isRecord(v)) return v;
  const known = ordered.get(v);
  if (known?.shape === s) return known.value;
  const unlisted = s.rank.size;
  const rankOf = (k: string) => s.rank.get(k) ?? unlisted;
  const keys = Object.keys(v);
  // most objects are in order already (they were built from ordered ones); the others get a stable
  // sort, so the fields not listed keep their relative order
  let changed = false;
  let last = -1;
  for (const k of keys) {
    const r = rankOf(k);
    if (r < last) {
      keys.sort((a, b) => rankOf(a) - rankOf(b));
      changed = true;
      break;
    }
    last = r;
  }
  const values = keys.map((k) => {
    const child = s.children && Object.hasOwn(s.children, k) ? s.children[k] : undefined;
    const value = child ? order(v[k], child) : v[k];
    if (value !== v[k]) changed = true;
    return value;
  });
  let out: Obj = v;
  if (changed) {
    out = {};
    keys.forEach((k, i) => setJsonKey(out, k, values[i]));
  }
  ordered.set(v, { shape: s, value: out });
  if (out !== v) ordered.set(out, { shape: s, value: out });
  return out;
}

/** The pod with its fields in the order kube-apiserver serialises them. */
export function canonicalPod<T>(pod: T): T {
  return order(pod, POD) as T;
}
