/**
 * The Go shape of a v1 Pod (k8s.io/api@v0.33.0 core/v1 types.go): per Go struct, each JSON field name
 * and its Go type, nested structs by reference. One table read by both halves of kube-apiserver's
 * decoding: the typed decoder (podDecode.ts: `json: cannot unmarshal ...`) and strict field validation
 * here (with `fieldValidation=Strict` an unknown field is an error `unknown field
 * "spec.containers[0].imagee"`: apimachinery@v0.33.0 pkg/runtime/serializer/json, sigs.k8s.io/json
 * strict mode).
 *
 * A struct whose fields are not listed (`opaque`: affinity, ephemeral containers, status, ...) is
 * checked to be a JSON object and its content is taken as written by both halves.
 */

/** A Go type as reflect's Type.String() names it, and how the decoder treats it. */
export type GoType =
  | { scalar: 'string' | 'int32' | 'int64' | 'bool'; name: string }
  | { struct: string; fields?: Readonly<Record<string, GoType>> }
  | { slice: GoType }
  | { map: GoType; name: string }
  /** resource.Quantity and intstr.IntOrString decode themselves (UnmarshalJSON), see podDecode.ts. */
  | 'quantity'
  | 'intOrString'
  /** metav1.Time decodes itself too (a JSON string, then time.Parse RFC 3339). */
  | 'time';

type Fields = Record<string, GoType>;

const STRING: GoType = { scalar: 'string', name: 'string' };
const INT32: GoType = { scalar: 'int32', name: 'int32' };
const INT64: GoType = { scalar: 'int64', name: 'int64' };
const BOOL: GoType = { scalar: 'bool', name: 'bool' };
/** A named string type of core/v1 (`type Protocol string`): Type.String() is `v1.Protocol`. */
const named = (name: string): GoType => ({ scalar: 'string', name: `v1.${name}` });
const struct = (name: string, fields: Fields): GoType => ({ struct: name, fields });
/** A struct whose fields this table does not list. */
const opaque = (name: string): GoType => ({ struct: name });
const sliceOf = (t: GoType): GoType => ({ slice: t });
const STRING_MAP: GoType = { map: STRING, name: 'map[string]string' };
/** core/v1 ResourceList: map[ResourceName]resource.Quantity. */
const RESOURCE_LIST: GoType = { map: 'quantity', name: 'v1.ResourceList' };

/** LocalObjectReference, also inlined (`json:",inline"`) into the selectors and projections. */
const LOCAL_OBJECT_REFERENCE_FIELDS: Fields = { name: STRING };
const LOCAL_OBJECT_REFERENCE = struct('LocalObjectReference', LOCAL_OBJECT_REFERENCE_FIELDS);

const OBJECT_META = struct('ObjectMeta', {
  name: STRING,
  generateName: STRING,
  namespace: STRING,
  selfLink: STRING,
  uid: { scalar: 'string', name: 'types.UID' },
  resourceVersion: STRING,
  generation: INT64,
  creationTimestamp: 'time',
  deletionTimestamp: 'time',
  deletionGracePeriodSeconds: INT64,
  labels: STRING_MAP,
  annotations: STRING_MAP,
  ownerReferences: sliceOf(opaque('OwnerReference')),
  finalizers: sliceOf(STRING),
  managedFields: sliceOf(opaque('ManagedFieldsEntry')),
});

const EXEC_ACTION = struct('ExecAction', { command: sliceOf(STRING) });
const HTTP_GET_ACTION = struct('HTTPGetAction', {
  path: STRING,
  port: 'intOrString',
  host: STRING,
  scheme: named('URIScheme'),
  httpHeaders: sliceOf(struct('HTTPHeader', { name: STRING, value: STRING })),
});
const TCP_SOCKET_ACTION = struct('TCPSocketAction', { port: 'intOrString', host: STRING });

/** Probe with its ProbeHandler inlined: the error names the outer struct, `Probe`. */
const PROBE = struct('Probe', {
  exec: EXEC_ACTION,
  httpGet: HTTP_GET_ACTION,
  tcpSocket: TCP_SOCKET_ACTION,
  grpc: struct('GRPCAction', { port: INT32, service: STRING }),
  initialDelaySeconds: INT32,
  timeoutSeconds: INT32,
  periodSeconds: INT32,
  successThreshold: INT32,
  failureThreshold: INT32,
  terminationGracePeriodSeconds: INT64,
});

const LIFECYCLE_HANDLER = struct('LifecycleHandler', {
  exec: EXEC_ACTION,
  httpGet: HTTP_GET_ACTION,
  tcpSocket: TCP_SOCKET_ACTION,
  sleep: struct('SleepAction', { seconds: INT64 }),
});

const SE_LINUX_OPTIONS = struct('SELinuxOptions', { user: STRING, role: STRING, type: STRING, level: STRING });
const WINDOWS_OPTIONS = struct('WindowsSecurityContextOptions', {
  gmsaCredentialSpecName: STRING,
  gmsaCredentialSpec: STRING,
  runAsUserName: STRING,
  hostProcess: BOOL,
});
const SECCOMP_PROFILE = struct('SeccompProfile', { type: named('SeccompProfileType'), localhostProfile: STRING });
const APP_ARMOR_PROFILE = struct('AppArmorProfile', { type: named('AppArmorProfileType'), localhostProfile: STRING });

const SECURITY_CONTEXT = struct('SecurityContext', {
  capabilities: struct('Capabilities', { add: sliceOf(named('Capability')), drop: sliceOf(named('Capability')) }),
  privileged: BOOL,
  seLinuxOptions: SE_LINUX_OPTIONS,
  windowsOptions: WINDOWS_OPTIONS,
  runAsUser: INT64,
  runAsGroup: INT64,
  runAsNonRoot: BOOL,
  readOnlyRootFilesystem: BOOL,
  allowPrivilegeEscalation: BOOL,
  procMount: named('ProcMountType'),
  seccompProfile: SECCOMP_PROFILE,
  appArmorProfile: APP_ARMOR_PROFILE,
});

const OPTIONAL_REFERENCE = { ...LOCAL_OBJECT_REFERENCE_FIELDS, optional: BOOL };
const KEY_SELECTOR = { ...LOCAL_OBJECT_REFERENCE_FIELDS, key: STRING, optional: BOOL };

const RESOURCE_REQUIREMENTS = struct('ResourceRequirements', {
  limits: RESOURCE_LIST,
  requests: RESOURCE_LIST,
  claims: sliceOf(struct('ResourceClaim', { name: STRING, request: STRING })),
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
  envFrom: sliceOf(
    struct('EnvFromSource', {
      prefix: STRING,
      configMapRef: struct('ConfigMapEnvSource', OPTIONAL_REFERENCE),
      secretRef: struct('SecretEnvSource', OPTIONAL_REFERENCE),
    }),
  ),
  env: sliceOf(
    struct('EnvVar', {
      name: STRING,
      value: STRING,
      valueFrom: struct('EnvVarSource', {
        fieldRef: struct('ObjectFieldSelector', { apiVersion: STRING, fieldPath: STRING }),
        resourceFieldRef: struct('ResourceFieldSelector', {
          containerName: STRING,
          resource: STRING,
          divisor: 'quantity',
        }),
        configMapKeyRef: struct('ConfigMapKeySelector', KEY_SELECTOR),
        secretKeyRef: struct('SecretKeySelector', KEY_SELECTOR),
      }),
    }),
  ),
  resources: RESOURCE_REQUIREMENTS,
  resizePolicy: sliceOf(
    struct('ContainerResizePolicy', {
      resourceName: named('ResourceName'),
      restartPolicy: named('ResourceResizeRestartPolicy'),
    }),
  ),
  restartPolicy: named('ContainerRestartPolicy'),
  volumeMounts: sliceOf(
    struct('VolumeMount', {
      name: STRING,
      readOnly: BOOL,
      recursiveReadOnly: named('RecursiveReadOnlyMode'),
      mountPath: STRING,
      subPath: STRING,
      mountPropagation: named('MountPropagationMode'),
      subPathExpr: STRING,
    }),
  ),
  volumeDevices: sliceOf(struct('VolumeDevice', { name: STRING, devicePath: STRING })),
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  startupProbe: PROBE,
  lifecycle: struct('Lifecycle', {
    postStart: LIFECYCLE_HANDLER,
    preStop: LIFECYCLE_HANDLER,
    stopSignal: named('Signal'),
  }),
  terminationMessagePath: STRING,
  terminationMessagePolicy: named('TerminationMessagePolicy'),
  imagePullPolicy: named('PullPolicy'),
  securityContext: SECURITY_CONTEXT,
  stdin: BOOL,
  stdinOnce: BOOL,
  tty: BOOL,
});

const KEY_TO_PATH = sliceOf(struct('KeyToPath', { key: STRING, path: STRING, mode: INT32 }));

/** Volume with its VolumeSource inlined: the error names the outer struct, `Volume`. */
const VOLUME = struct('Volume', {
  name: STRING,
  hostPath: struct('HostPathVolumeSource', { path: STRING, type: named('HostPathType') }),
  emptyDir: struct('EmptyDirVolumeSource', { medium: named('StorageMedium'), sizeLimit: 'quantity' }),
  gcePersistentDisk: struct('GCEPersistentDiskVolumeSource', {
    pdName: STRING,
    fsType: STRING,
    partition: INT32,
    readOnly: BOOL,
  }),
  awsElasticBlockStore: struct('AWSElasticBlockStoreVolumeSource', {
    volumeID: STRING,
    fsType: STRING,
    partition: INT32,
    readOnly: BOOL,
  }),
  gitRepo: struct('GitRepoVolumeSource', { repository: STRING, revision: STRING, directory: STRING }),
  secret: struct('SecretVolumeSource', {
    secretName: STRING,
    items: KEY_TO_PATH,
    defaultMode: INT32,
    optional: BOOL,
  }),
  nfs: struct('NFSVolumeSource', { server: STRING, path: STRING, readOnly: BOOL }),
  iscsi: struct('ISCSIVolumeSource', {
    targetPortal: STRING,
    iqn: STRING,
    lun: INT32,
    iscsiInterface: STRING,
    fsType: STRING,
    readOnly: BOOL,
    portals: sliceOf(STRING),
    chapAuthDiscovery: BOOL,
    chapAuthSession: BOOL,
    secretRef: LOCAL_OBJECT_REFERENCE,
    initiatorName: STRING,
  }),
  glusterfs: struct('GlusterfsVolumeSource', { endpoints: STRING, path: STRING, readOnly: BOOL }),
  persistentVolumeClaim: struct('PersistentVolumeClaimVolumeSource', { claimName: STRING, readOnly: BOOL }),
  rbd: struct('RBDVolumeSource', {
    monitors: sliceOf(STRING),
    image: STRING,
    fsType: STRING,
    pool: STRING,
    user: STRING,
    keyring: STRING,
    secretRef: LOCAL_OBJECT_REFERENCE,
    readOnly: BOOL,
  }),
  flexVolume: struct('FlexVolumeSource', {
    driver: STRING,
    fsType: STRING,
    secretRef: LOCAL_OBJECT_REFERENCE,
    readOnly: BOOL,
    options: STRING_MAP,
  }),
  cinder: struct('CinderVolumeSource', {
    volumeID: STRING,
    fsType: STRING,
    readOnly: BOOL,
    secretRef: LOCAL_OBJECT_REFERENCE,
  }),
  cephfs: struct('CephFSVolumeSource', {
    monitors: sliceOf(STRING),
    path: STRING,
    user: STRING,
    secretFile: STRING,
    secretRef: LOCAL_OBJECT_REFERENCE,
    readOnly: BOOL,
  }),
  flocker: struct('FlockerVolumeSource', { datasetName: STRING, datasetUUID: STRING }),
  downwardAPI: opaque('DownwardAPIVolumeSource'),
  fc: struct('FCVolumeSource', {
    targetWWNs: sliceOf(STRING),
    lun: INT32,
    fsType: STRING,
    readOnly: BOOL,
    wwids: sliceOf(STRING),
  }),
  azureFile: struct('AzureFileVolumeSource', { secretName: STRING, shareName: STRING, readOnly: BOOL }),
  configMap: struct('ConfigMapVolumeSource', {
    ...LOCAL_OBJECT_REFERENCE_FIELDS,
    items: KEY_TO_PATH,
    defaultMode: INT32,
    optional: BOOL,
  }),
  vsphereVolume: struct('VsphereVirtualDiskVolumeSource', {
    volumePath: STRING,
    fsType: STRING,
    storagePolicyName: STRING,
    storagePolicyID: STRING,
  }),
  quobyte: struct('QuobyteVolumeSource', {
    registry: STRING,
    volume: STRING,
    readOnly: BOOL,
    user: STRING,
    group: STRING,
    tenant: STRING,
  }),
  azureDisk: struct('AzureDiskVolumeSource', {
    diskName: STRING,
    diskURI: STRING,
    cachingMode: named('AzureDataDiskCachingMode'),
    fsType: STRING,
    readOnly: BOOL,
    kind: named('AzureDataDiskKind'),
  }),
  photonPersistentDisk: struct('PhotonPersistentDiskVolumeSource', { pdID: STRING, fsType: STRING }),
  projected: struct('ProjectedVolumeSource', {
    sources: sliceOf(
      struct('VolumeProjection', {
        secret: struct('SecretProjection', { ...LOCAL_OBJECT_REFERENCE_FIELDS, items: KEY_TO_PATH, optional: BOOL }),
        downwardAPI: opaque('DownwardAPIProjection'),
        configMap: struct('ConfigMapProjection', {
          ...LOCAL_OBJECT_REFERENCE_FIELDS,
          items: KEY_TO_PATH,
          optional: BOOL,
        }),
        serviceAccountToken: struct('ServiceAccountTokenProjection', {
          audience: STRING,
          expirationSeconds: INT64,
          path: STRING,
        }),
        clusterTrustBundle: struct('ClusterTrustBundleProjection', {
          name: STRING,
          signerName: STRING,
          labelSelector: opaque('LabelSelector'),
          optional: BOOL,
          path: STRING,
        }),
      }),
    ),
    defaultMode: INT32,
  }),
  portworxVolume: struct('PortworxVolumeSource', { volumeID: STRING, fsType: STRING, readOnly: BOOL }),
  scaleIO: struct('ScaleIOVolumeSource', {
    gateway: STRING,
    system: STRING,
    secretRef: LOCAL_OBJECT_REFERENCE,
    sslEnabled: BOOL,
    protectionDomain: STRING,
    storagePool: STRING,
    storageMode: STRING,
    volumeName: STRING,
    fsType: STRING,
    readOnly: BOOL,
  }),
  storageos: struct('StorageOSVolumeSource', {
    volumeName: STRING,
    volumeNamespace: STRING,
    fsType: STRING,
    readOnly: BOOL,
    secretRef: LOCAL_OBJECT_REFERENCE,
  }),
  csi: struct('CSIVolumeSource', {
    driver: STRING,
    readOnly: BOOL,
    fsType: STRING,
    volumeAttributes: STRING_MAP,
    nodePublishSecretRef: LOCAL_OBJECT_REFERENCE,
  }),
  ephemeral: opaque('EphemeralVolumeSource'),
  image: opaque('ImageVolumeSource'),
});

const POD_SECURITY_CONTEXT = struct('PodSecurityContext', {
  seLinuxOptions: SE_LINUX_OPTIONS,
  windowsOptions: WINDOWS_OPTIONS,
  runAsUser: INT64,
  runAsGroup: INT64,
  runAsNonRoot: BOOL,
  supplementalGroups: sliceOf(INT64),
  supplementalGroupsPolicy: named('SupplementalGroupsPolicy'),
  fsGroup: INT64,
  sysctls: sliceOf(struct('Sysctl', { name: STRING, value: STRING })),
  fsGroupChangePolicy: named('PodFSGroupChangePolicy'),
  seccompProfile: SECCOMP_PROFILE,
  appArmorProfile: APP_ARMOR_PROFILE,
  seLinuxChangePolicy: named('PodSELinuxChangePolicy'),
});

const POD_SPEC = struct('PodSpec', {
  volumes: sliceOf(VOLUME),
  initContainers: sliceOf(CONTAINER),
  containers: sliceOf(CONTAINER),
  ephemeralContainers: sliceOf(opaque('EphemeralContainer')),
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
  securityContext: POD_SECURITY_CONTEXT,
  imagePullSecrets: sliceOf(LOCAL_OBJECT_REFERENCE),
  hostname: STRING,
  subdomain: STRING,
  affinity: opaque('Affinity'),
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
  hostAliases: sliceOf(opaque('HostAlias')),
  priorityClassName: STRING,
  priority: INT32,
  dnsConfig: opaque('PodDNSConfig'),
  readinessGates: sliceOf(opaque('PodReadinessGate')),
  runtimeClassName: STRING,
  enableServiceLinks: BOOL,
  preemptionPolicy: named('PreemptionPolicy'),
  overhead: RESOURCE_LIST,
  topologySpreadConstraints: sliceOf(opaque('TopologySpreadConstraint')),
  setHostnameAsFQDN: BOOL,
  os: opaque('PodOS'),
  hostUsers: BOOL,
  schedulingGates: sliceOf(opaque('PodSchedulingGate')),
  resourceClaims: sliceOf(opaque('PodResourceClaim')),
  resources: RESOURCE_REQUIREMENTS,
});

/** TypeMeta is inlined: its fields are the Pod's own. */
export const POD_GO_TYPE: GoType = struct('Pod', {
  kind: STRING,
  apiVersion: STRING,
  metadata: OBJECT_META,
  spec: POD_SPEC,
  status: opaque('PodStatus'),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Go type of field `k` of a struct, own fields only: `constructor` or `__proto__` in a manifest is unknown, not Object's. */
export function structField(fields: Readonly<Record<string, GoType>>, k: string): GoType | undefined {
  return Object.hasOwn(fields, k) ? fields[k] : undefined;
}

/** The listed fields of a struct type; undefined for every other type (their content is not looked into). */
const listedFields = (t: GoType) => (typeof t === 'object' && 'struct' in t ? t.fields : undefined);

function walk(value: unknown, type: GoType, path: string, out: string[]): void {
  if (typeof type === 'object' && 'slice' in type) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, type.slice, `${path}[${i}]`, out));
    return;
  }
  const fields = listedFields(type);
  if (!fields || !isRecord(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    const t = structField(fields, k);
    if (t === undefined) out.push(p);
    else walk(v, t, p, out);
  }
}

/** The unknown fields of a Pod body, in the order the decoder meets them (document order). */
export function unknownPodFields(body: unknown): string[] {
  const out: string[] = [];
  walk(body, POD_GO_TYPE, '', out);
  return out;
}

function prune(value: unknown, type: GoType): unknown {
  if (typeof type === 'object' && 'slice' in type) {
    if (!Array.isArray(value)) return value;
    // encoding/json leaves a struct element its zero value for `null` (`tolerations: [null]`, a list
    // item with nothing after its dash): an empty object, not a missing one.
    const element = type.slice;
    const isStruct = typeof element === 'object' && 'struct' in element;
    return value.map((v) => prune(v === null && isStruct ? {} : v, element));
  }
  const fields = listedFields(type);
  if (!fields || !isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const t = structField(fields, k);
    if (t !== undefined) out[k] = prune(v, t);
  }
  return out;
}

/** The body without its unknown fields, as the non-strict decoder leaves it (fieldValidation Warn or Ignore). */
export function pruneUnknownPodFields<T>(body: T): T {
  return prune(body, POD_GO_TYPE) as T;
}
