/**
 * The fields of a v1 Pod as the API server's JSON decoder knows them (k8s.io/api@v0.33.0 core/v1
 * types.go), for strict field validation: with `fieldValidation=Strict` an unknown field is an error
 * `unknown field "spec.containers[0].imagee"` (apimachinery@v0.33.0 pkg/runtime/serializer/json,
 * sigs.k8s.io/json strict mode). Deep or rarely used structures are accepted as they are.
 */
import { OBJECT_META_FIELDS, POD_SPEC_FIELDS } from './canonical';

type FieldType = 'leaf' | 'map' | { object: Fields } | { list: FieldType };
type Fields = Readonly<Record<string, FieldType>>;

const leaves = (...names: string[]): Record<string, FieldType> =>
  Object.fromEntries(names.map((n) => [n, 'leaf' as const]));
const list = (t: FieldType): FieldType => ({ list: t });
const object = (f: Fields): FieldType => ({ object: f });

/** ObjectMeta: labels and annotations are maps of any keys, the other fields are taken as they are. */
const OBJECT_META: Fields = { ...leaves(...OBJECT_META_FIELDS), labels: 'map', annotations: 'map' };

const PROBE = object(
  leaves(
    'exec',
    'httpGet',
    'tcpSocket',
    'grpc',
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
    'terminationGracePeriodSeconds',
  ),
);

const SECURITY_CONTEXT = object(
  leaves(
    'capabilities',
    'privileged',
    'seLinuxOptions',
    'windowsOptions',
    'runAsUser',
    'runAsGroup',
    'runAsNonRoot',
    'readOnlyRootFilesystem',
    'allowPrivilegeEscalation',
    'procMount',
    'seccompProfile',
    'appArmorProfile',
  ),
);

const CONTAINER: Fields = {
  ...leaves(
    'name',
    'image',
    'command',
    'args',
    'workingDir',
    'envFrom',
    'resizePolicy',
    'restartPolicy',
    'volumeDevices',
    'lifecycle',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'imagePullPolicy',
    'stdin',
    'stdinOnce',
    'tty',
  ),
  ports: list(object(leaves('name', 'hostPort', 'containerPort', 'protocol', 'hostIP'))),
  env: list(object(leaves('name', 'value', 'valueFrom'))),
  resources: object({ limits: 'map', requests: 'map', claims: 'leaf' }),
  volumeMounts: list(
    object(leaves('name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr')),
  ),
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  startupProbe: PROBE,
  securityContext: SECURITY_CONTEXT,
};

/** core/v1 VolumeSource members (every one is accepted as written). */
const VOLUME = object(
  leaves(
    'name',
    'hostPath',
    'emptyDir',
    'gcePersistentDisk',
    'awsElasticBlockStore',
    'gitRepo',
    'secret',
    'nfs',
    'iscsi',
    'glusterfs',
    'persistentVolumeClaim',
    'rbd',
    'flexVolume',
    'cinder',
    'cephfs',
    'flocker',
    'downwardAPI',
    'fc',
    'azureFile',
    'configMap',
    'vsphereVolume',
    'quobyte',
    'azureDisk',
    'photonPersistentDisk',
    'projected',
    'portworxVolume',
    'scaleIO',
    'storageos',
    'csi',
    'ephemeral',
    'image',
  ),
);

const POD_SPEC: Fields = {
  // every PodSpec field, then the ones with a structure strict decoding looks into
  ...leaves(...POD_SPEC_FIELDS),
  volumes: list(VOLUME),
  initContainers: list(object(CONTAINER)),
  containers: list(object(CONTAINER)),
  nodeSelector: 'map',
  overhead: 'map',
  imagePullSecrets: list(object(leaves('name'))),
  tolerations: list(object(leaves('key', 'operator', 'value', 'effect', 'tolerationSeconds'))),
  securityContext: object(
    leaves(
      'seLinuxOptions',
      'windowsOptions',
      'runAsUser',
      'runAsGroup',
      'runAsNonRoot',
      'supplementalGroups',
      'supplementalGroupsPolicy',
      'fsGroup',
      'sysctls',
      'fsGroupChangePolicy',
      'seccompProfile',
      'appArmorProfile',
      'seLinuxChangePolicy',
    ),
  ),
};

const POD: Fields = {
  ...leaves('apiVersion', 'kind', 'status'),
  metadata: object(OBJECT_META),
  spec: object(POD_SPEC),
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(value: unknown, type: FieldType, path: string, out: string[]): void {
  if (type === 'leaf' || type === 'map') return;
  if ('list' in type) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, type.list, `${path}[${i}]`, out));
    return;
  }
  if (!isRecord(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    // own fields only: `constructor` or `__proto__` in a manifest is an unknown field, not Object's
    const t = Object.hasOwn(type.object, k) ? type.object[k] : undefined;
    if (t === undefined) out.push(p);
    else walk(v, t, p, out);
  }
}

/** The unknown fields of a Pod body, in the order the decoder meets them (document order). */
export function unknownPodFields(body: unknown): string[] {
  const out: string[] = [];
  walk(body, object(POD), '', out);
  return out;
}

function prune(value: unknown, type: FieldType): unknown {
  if (type === 'leaf' || type === 'map') return value;
  if ('list' in type) {
    if (!Array.isArray(value)) return value;
    // encoding/json leaves a struct element its zero value for `null` (`tolerations: [null]`, a list
    // item with nothing after its dash): an empty object, not a missing one.
    const element = type.list;
    return value.map((v) => prune(v === null && typeof element === 'object' && 'object' in element ? {} : v, element));
  }
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const t = Object.hasOwn(type.object, k) ? type.object[k] : undefined;
    if (t !== undefined) out[k] = prune(v, t);
  }
  return out;
}

/** The body without its unknown fields, as the non-strict decoder leaves it (fieldValidation Warn or Ignore). */
export function pruneUnknownPodFields<T>(body: T): T {
  return prune(body, object(POD)) as T;
}
