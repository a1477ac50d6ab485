/**
 * The Go shape of a v1 Pod (k8s.io/api@v0.33.0 core/v1 types.go, k8s.io/apimachinery@v0.33.0
 * pkg/apis/meta/v1 types.go): per Go struct, each JSON field name and its Go type, nested structs by
 * reference, down to every leaf a client can write (status included). One table read by both halves of
 * kube-apiserver's decoding: the typed decoder (podDecode.ts: `json: cannot unmarshal ...`) and strict
 * field validation here (with `fieldValidation=Strict` an unknown field is an error `unknown field
 * "spec.containers[0].imagee"`: apimachinery@v0.33.0 pkg/runtime/serializer/json, sigs.k8s.io/json
 * strict mode).
 *
 * The field sets are v1.33's OpenAPI (kubernetes-models 4.5.1); fields of later releases in types.go
 * (podCertificate, fileKeyRef, restartPolicyRules, ...) are left out.
 */

/** A Go type as reflect's Type.String() names it, and how the decoder treats it. */
export type GoType =
  | { scalar: 'string' | 'int32' | 'int64' | 'bool'; name: string }
  | { struct: string; fields: Readonly<Record<string, GoType>> }
  | { slice: GoType }
  | { map: GoType; name: string }
  /** resource.Quantity and intstr.IntOrString decode themselves (UnmarshalJSON), see podDecode.ts. */
  | 'quantity'
  | 'intOrString'
  /** metav1.Time decodes itself too (a JSON string, then time.Parse RFC 3339). */
  | 'time'
  /**
   * metav1.FieldsV1 decodes itself by keeping any JSON value as its raw bytes (apimachinery@v0.33.0
   * pkg/apis/meta/v1 helpers.go UnmarshalJSON): nothing inside is typed or checked for unknown fields.
   */
  | 'fieldsV1';

type Fields = Record<string, GoType>;

const STRING: GoType = { scalar: 'string', name: 'string' };
const INT32: GoType = { scalar: 'int32', name: 'int32' };
const INT64: GoType = { scalar: 'int64', name: 'int64' };
const BOOL: GoType = { scalar: 'bool', name: 'bool' };
/**
 * A named string type of core/v1 (`type Protocol string`) or meta/v1 (`type LabelSelectorOperator
 * string`): both packages are named v1, so Type.String() is `v1.Protocol`, `v1.LabelSelectorOperator`.
 */
const named = (name: string): GoType => ({ scalar: 'string', name: `v1.${name}` });
const struct = (name: string, fields: Fields): GoType => ({ struct: name, fields });
const sliceOf = (t: GoType): GoType => ({ slice: t });
const STRING_MAP: GoType = { map: STRING, name: 'map[string]string' };
/** core/v1 ResourceList: map[ResourceName]resource.Quantity. */
const RESOURCE_LIST: GoType = { map: 'quantity', name: 'v1.ResourceList' };
/** limits and requests, in ResourceRequirements and VolumeResourceRequirements alike. */
const RESOURCE_LIST_PAIR: Fields = { limits: RESOURCE_LIST, requests: RESOURCE_LIST };

/** LocalObjectReference, also inlined (`json:",inline"`) into the selectors and projections. */
const LOCAL_OBJECT_REFERENCE_FIELDS: Fields = { name: STRING };
const LOCAL_OBJECT_REFERENCE = struct('LocalObjectReference', LOCAL_OBJECT_REFERENCE_FIELDS);

// apimachinery@v0.33.0 pkg/apis/meta/v1 types.go
const UID: GoType = { scalar: 'string', name: 'types.UID' };
const OWNER_REFERENCE = struct('OwnerReference', {
  apiVersion: STRING,
  kind: STRING,
  name: STRING,
  uid: UID,
  controller: BOOL,
  blockOwnerDeletion: BOOL,
});
const MANAGED_FIELDS_ENTRY = struct('ManagedFieldsEntry', {
  manager: STRING,
  operation: named('ManagedFieldsOperationType'),
  apiVersion: STRING,
  time: 'time',
  fieldsType: STRING,
  fieldsV1: 'fieldsV1',
  subresource: STRING,
});
const LABEL_SELECTOR = struct('LabelSelector', {
  matchLabels: STRING_MAP,
  matchExpressions: sliceOf(
    struct('LabelSelectorRequirement', {
      key: STRING,
      operator: named('LabelSelectorOperator'),
      values: sliceOf(STRING),
    }),
  ),
});

const OBJECT_META_TYPES: Fields = {
  name: STRING,
  generateName: STRING,
  namespace: STRING,
  selfLink: STRING,
  uid: UID,
  resourceVersion: STRING,
  generation: INT64,
  creationTimestamp: 'time',
  deletionTimestamp: 'time',
  deletionGracePeriodSeconds: INT64,
  labels: STRING_MAP,
  annotations: STRING_MAP,
  ownerReferences: sliceOf(OWNER_REFERENCE),
  finalizers: sliceOf(STRING),
  managedFields: sliceOf(MANAGED_FIELDS_ENTRY),
};
const OBJECT_META = struct('ObjectMeta', OBJECT_META_TYPES);
/** ObjectMeta's JSON fields in struct order: what the decoders of the other kinds check metadata against (objects.ts). */
export const OBJECT_META_FIELDS: readonly string[] = Object.keys(OBJECT_META_TYPES);

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

const OBJECT_FIELD_SELECTOR = struct('ObjectFieldSelector', { apiVersion: STRING, fieldPath: STRING });
const RESOURCE_FIELD_SELECTOR = struct('ResourceFieldSelector', {
  containerName: STRING,
  resource: STRING,
  divisor: 'quantity',
});

const RESOURCE_REQUIREMENTS = struct('ResourceRequirements', {
  ...RESOURCE_LIST_PAIR,
  claims: sliceOf(struct('ResourceClaim', { name: STRING, request: STRING })),
});

const CONTAINER_FIELDS: Fields = {
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
        fieldRef: OBJECT_FIELD_SELECTOR,
        resourceFieldRef: RESOURCE_FIELD_SELECTOR,
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
};
const CONTAINER = struct('Container', CONTAINER_FIELDS);
/** EphemeralContainerCommon (Container's fields) is inlined: the error names the outer struct. */
const EPHEMERAL_CONTAINER = struct('EphemeralContainer', { ...CONTAINER_FIELDS, targetContainerName: STRING });

const KEY_TO_PATH = sliceOf(struct('KeyToPath', { key: STRING, path: STRING, mode: INT32 }));
const DOWNWARD_API_FILES = sliceOf(
  struct('DownwardAPIVolumeFile', {
    path: STRING,
    fieldRef: OBJECT_FIELD_SELECTOR,
    resourceFieldRef: RESOURCE_FIELD_SELECTOR,
    mode: INT32,
  }),
);

/** The claim an ephemeral volume creates: ObjectMeta and a whole PersistentVolumeClaimSpec. */
const PERSISTENT_VOLUME_CLAIM_TEMPLATE = struct('PersistentVolumeClaimTemplate', {
  metadata: OBJECT_META,
  spec: struct('PersistentVolumeClaimSpec', {
    accessModes: sliceOf(named('PersistentVolumeAccessMode')),
    selector: LABEL_SELECTOR,
    resources: struct('VolumeResourceRequirements', RESOURCE_LIST_PAIR),
    volumeName: STRING,
    storageClassName: STRING,
    volumeMode: named('PersistentVolumeMode'),
    dataSource: struct('TypedLocalObjectReference', { apiGroup: STRING, kind: STRING, name: STRING }),
    dataSourceRef: struct('TypedObjectReference', { apiGroup: STRING, kind: STRING, name: STRING, namespace: STRING }),
    volumeAttributesClassName: STRING,
  }),
});

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
  downwardAPI: struct('DownwardAPIVolumeSource', { items: DOWNWARD_API_FILES, defaultMode: INT32 }),
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
        downwardAPI: struct('DownwardAPIProjection', { items: DOWNWARD_API_FILES }),
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
          labelSelector: LABEL_SELECTOR,
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
  ephemeral: struct('EphemeralVolumeSource', { volumeClaimTemplate: PERSISTENT_VOLUME_CLAIM_TEMPLATE }),
  image: struct('ImageVolumeSource', { reference: STRING, pullPolicy: named('PullPolicy') }),
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

const NODE_SELECTOR_REQUIREMENTS = sliceOf(
  struct('NodeSelectorRequirement', { key: STRING, operator: named('NodeSelectorOperator'), values: sliceOf(STRING) }),
);
const NODE_SELECTOR_TERM = struct('NodeSelectorTerm', {
  matchExpressions: NODE_SELECTOR_REQUIREMENTS,
  matchFields: NODE_SELECTOR_REQUIREMENTS,
});
const POD_AFFINITY_TERM = struct('PodAffinityTerm', {
  labelSelector: LABEL_SELECTOR,
  namespaces: sliceOf(STRING),
  topologyKey: STRING,
  namespaceSelector: LABEL_SELECTOR,
  matchLabelKeys: sliceOf(STRING),
  mismatchLabelKeys: sliceOf(STRING),
});
/** PodAffinity and PodAntiAffinity have the same two fields. */
const POD_AFFINITY_RULES: Fields = {
  requiredDuringSchedulingIgnoredDuringExecution: sliceOf(POD_AFFINITY_TERM),
  preferredDuringSchedulingIgnoredDuringExecution: sliceOf(
    struct('WeightedPodAffinityTerm', { weight: INT32, podAffinityTerm: POD_AFFINITY_TERM }),
  ),
};
const AFFINITY = struct('Affinity', {
  nodeAffinity: struct('NodeAffinity', {
    requiredDuringSchedulingIgnoredDuringExecution: struct('NodeSelector', {
      nodeSelectorTerms: sliceOf(NODE_SELECTOR_TERM),
    }),
    preferredDuringSchedulingIgnoredDuringExecution: sliceOf(
      struct('PreferredSchedulingTerm', { weight: INT32, preference: NODE_SELECTOR_TERM }),
    ),
  }),
  podAffinity: struct('PodAffinity', POD_AFFINITY_RULES),
  podAntiAffinity: struct('PodAntiAffinity', POD_AFFINITY_RULES),
});

const TOPOLOGY_SPREAD_CONSTRAINT = struct('TopologySpreadConstraint', {
  maxSkew: INT32,
  topologyKey: STRING,
  whenUnsatisfiable: named('UnsatisfiableConstraintAction'),
  labelSelector: LABEL_SELECTOR,
  minDomains: INT32,
  nodeAffinityPolicy: named('NodeInclusionPolicy'),
  nodeTaintsPolicy: named('NodeInclusionPolicy'),
  matchLabelKeys: sliceOf(STRING),
});

const POD_SPEC = struct('PodSpec', {
  volumes: sliceOf(VOLUME),
  initContainers: sliceOf(CONTAINER),
  containers: sliceOf(CONTAINER),
  ephemeralContainers: sliceOf(EPHEMERAL_CONTAINER),
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
  affinity: AFFINITY,
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
  hostAliases: sliceOf(struct('HostAlias', { ip: STRING, hostnames: sliceOf(STRING) })),
  priorityClassName: STRING,
  priority: INT32,
  dnsConfig: struct('PodDNSConfig', {
    nameservers: sliceOf(STRING),
    searches: sliceOf(STRING),
    options: sliceOf(struct('PodDNSConfigOption', { name: STRING, value: STRING })),
  }),
  readinessGates: sliceOf(struct('PodReadinessGate', { conditionType: named('PodConditionType') })),
  runtimeClassName: STRING,
  enableServiceLinks: BOOL,
  preemptionPolicy: named('PreemptionPolicy'),
  overhead: RESOURCE_LIST,
  topologySpreadConstraints: sliceOf(TOPOLOGY_SPREAD_CONSTRAINT),
  setHostnameAsFQDN: BOOL,
  os: struct('PodOS', { name: named('OSName') }),
  hostUsers: BOOL,
  schedulingGates: sliceOf(struct('PodSchedulingGate', { name: STRING })),
  resourceClaims: sliceOf(
    struct('PodResourceClaim', { name: STRING, resourceClaimName: STRING, resourceClaimTemplateName: STRING }),
  ),
  resources: RESOURCE_REQUIREMENTS,
});

const CONTAINER_STATE = struct('ContainerState', {
  waiting: struct('ContainerStateWaiting', { reason: STRING, message: STRING }),
  running: struct('ContainerStateRunning', { startedAt: 'time' }),
  terminated: struct('ContainerStateTerminated', {
    exitCode: INT32,
    signal: INT32,
    reason: STRING,
    message: STRING,
    startedAt: 'time',
    finishedAt: 'time',
    containerID: STRING,
  }),
});

const CONTAINER_STATUS = struct('ContainerStatus', {
  name: STRING,
  state: CONTAINER_STATE,
  lastState: CONTAINER_STATE,
  ready: BOOL,
  restartCount: INT32,
  image: STRING,
  imageID: STRING,
  containerID: STRING,
  started: BOOL,
  allocatedResources: RESOURCE_LIST,
  resources: RESOURCE_REQUIREMENTS,
  volumeMounts: sliceOf(
    struct('VolumeMountStatus', {
      name: STRING,
      mountPath: STRING,
      readOnly: BOOL,
      recursiveReadOnly: named('RecursiveReadOnlyMode'),
    }),
  ),
  user: struct('ContainerUser', {
    linux: struct('LinuxContainerUser', { uid: INT64, gid: INT64, supplementalGroups: sliceOf(INT64) }),
  }),
  // v1.32/v1.33 fields, typed as KEP-4680 (ResourceStatus, ResourceHealth) and KEP-4960 (stopSignal
  // *Signal) define them: the types.go read for this table predates them.
  allocatedResourcesStatus: sliceOf(
    struct('ResourceStatus', {
      name: named('ResourceName'),
      resources: sliceOf(
        struct('ResourceHealth', { resourceID: named('ResourceID'), health: named('ResourceHealthStatus') }),
      ),
    }),
  ),
  stopSignal: named('Signal'),
});

/** Every field a client could write; the strategy resets status on create, but only after decoding. */
const POD_STATUS = struct('PodStatus', {
  // observedGeneration (here and in PodCondition) is v1.33's (KEP-5067), int64 per the v1.33 OpenAPI.
  observedGeneration: INT64,
  phase: named('PodPhase'),
  conditions: sliceOf(
    struct('PodCondition', {
      type: named('PodConditionType'),
      observedGeneration: INT64,
      status: named('ConditionStatus'),
      lastProbeTime: 'time',
      lastTransitionTime: 'time',
      reason: STRING,
      message: STRING,
    }),
  ),
  message: STRING,
  reason: STRING,
  nominatedNodeName: STRING,
  hostIP: STRING,
  hostIPs: sliceOf(struct('HostIP', { ip: STRING })),
  podIP: STRING,
  podIPs: sliceOf(struct('PodIP', { ip: STRING })),
  startTime: 'time',
  initContainerStatuses: sliceOf(CONTAINER_STATUS),
  containerStatuses: sliceOf(CONTAINER_STATUS),
  qosClass: named('PodQOSClass'),
  ephemeralContainerStatuses: sliceOf(CONTAINER_STATUS),
  resize: named('PodResizeStatus'),
  resourceClaimStatuses: sliceOf(struct('PodResourceClaimStatus', { name: STRING, resourceClaimName: STRING })),
});

/** TypeMeta is inlined: its fields are the Pod's own. */
export const POD_GO_TYPE: GoType = struct('Pod', {
  kind: STRING,
  apiVersion: STRING,
  metadata: OBJECT_META,
  spec: POD_SPEC,
  status: POD_STATUS,
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Go type of field `k` of a struct, own fields only: `constructor` or `__proto__` in a manifest is unknown, not Object's. */
export function structField(fields: Readonly<Record<string, GoType>>, k: string): GoType | undefined {
  return Object.hasOwn(fields, k) ? fields[k] : undefined;
}

/** The fields of a struct type; undefined for every other type (their content is not looked into). */
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
