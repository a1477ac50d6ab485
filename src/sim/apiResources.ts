/**
 * The built-in resources a run reads or writes: their REST name, scope and etcd key.
 *
 * Keys are `<--etcd-prefix>/<storage prefix>/[<namespace>/]<name>` with the default prefix `/registry`
 * (apiserver@v0.33.0 pkg/registry/generic/registry/store.go NamespaceKeyFunc/NoNamespaceKeyFunc). The
 * storage prefix is the resource name, except where k/k's REST storage says otherwise: Nodes are stored
 * under `minions` (k/k pkg/registry/core/node/storage/storage.go) and Services under `services/specs`.
 */
import type { KubeObject } from './scenario';
import type { GroupResource } from './status';

export const ETCD_PREFIX = '/registry';

interface ResourceInfo {
  group: string;
  resource: string;
  namespaced: boolean;
  storagePrefix: string;
}

const RESOURCES: Record<string, ResourceInfo> = {
  Pod: { group: '', resource: 'pods', namespaced: true, storagePrefix: 'pods' },
  Event: { group: '', resource: 'events', namespaced: true, storagePrefix: 'events' },
  Namespace: { group: '', resource: 'namespaces', namespaced: false, storagePrefix: 'namespaces' },
  Node: { group: '', resource: 'nodes', namespaced: false, storagePrefix: 'minions' },
  ServiceAccount: { group: '', resource: 'serviceaccounts', namespaced: true, storagePrefix: 'serviceaccounts' },
  ConfigMap: { group: '', resource: 'configmaps', namespaced: true, storagePrefix: 'configmaps' },
  Secret: { group: '', resource: 'secrets', namespaced: true, storagePrefix: 'secrets' },
  Service: { group: '', resource: 'services', namespaced: true, storagePrefix: 'services/specs' },
  LimitRange: { group: '', resource: 'limitranges', namespaced: true, storagePrefix: 'limitranges' },
  ResourceQuota: { group: '', resource: 'resourcequotas', namespaced: true, storagePrefix: 'resourcequotas' },
  PriorityClass: {
    group: 'scheduling.k8s.io',
    resource: 'priorityclasses',
    namespaced: false,
    storagePrefix: 'priorityclasses',
  },
  ClusterRole: {
    group: 'rbac.authorization.k8s.io',
    resource: 'clusterroles',
    namespaced: false,
    storagePrefix: 'clusterroles',
  },
  ClusterRoleBinding: {
    group: 'rbac.authorization.k8s.io',
    resource: 'clusterrolebindings',
    namespaced: false,
    storagePrefix: 'clusterrolebindings',
  },
  Role: { group: 'rbac.authorization.k8s.io', resource: 'roles', namespaced: true, storagePrefix: 'roles' },
  RoleBinding: {
    group: 'rbac.authorization.k8s.io',
    resource: 'rolebindings',
    namespaced: true,
    storagePrefix: 'rolebindings',
  },
};

export const PODS: GroupResource = { group: '', resource: 'pods' };
export const NAMESPACES: GroupResource = { group: '', resource: 'namespaces' };

/** The etcd key of an object of a known kind, e.g. `/registry/pods/default/example-pod`. */
export function storageKey(kind: string, namespace: string | undefined, name: string): string | undefined {
  const info = RESOURCES[kind];
  if (!info) return undefined;
  return info.namespaced
    ? `${ETCD_PREFIX}/${info.storagePrefix}/${namespace ?? ''}/${name}`
    : `${ETCD_PREFIX}/${info.storagePrefix}/${name}`;
}

export const objectKey = (o: KubeObject): string | undefined =>
  storageKey(o.kind, o.metadata.namespace, o.metadata.name ?? '');

export const podStorageKey = (namespace: string, name: string): string => `${ETCD_PREFIX}/pods/${namespace}/${name}`;

/** The REST resource (and group) of a kind, e.g. Pod → pods. */
export function resourceOf(kind: string): GroupResource | undefined {
  const info = RESOURCES[kind];
  return info ? { group: info.group, resource: info.resource } : undefined;
}

/** Read access to the objects the API server's informers hold (namespaces, service accounts, RBAC, ...). */
export interface ClusterView {
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Objects of a kind, in a stable order; only those of `namespace` when given. */
  list(kind: string, namespace?: string): KubeObject[];
}

/** A view over a plain list of objects (the scenario's cluster, or a test's). */
export function clusterViewOf(objects: readonly KubeObject[]): ClusterView {
  return {
    get: (kind, namespace, name) =>
      objects.find(
        (o) =>
          o.kind === kind &&
          o.metadata.name === name &&
          (o.metadata.namespace ?? undefined) === (namespace || undefined),
      ),
    list: (kind, namespace) =>
      objects.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)),
  };
}

/** The REST mapping of a kind, as kubectl's RESTMapper resolves it from discovery. */
export interface KindMapping {
  group: string;
  version: string;
  kind: string;
  resource: string;
  namespaced: boolean;
}

/** The kinds this simulator follows through the API server (kubectl may send them, etcd stores them). */
export const SIMULATED_KINDS: readonly string[] = ['Pod', 'ConfigMap', 'Secret', 'ServiceAccount', 'Namespace', 'Node'];

/**
 * Built-in kinds a v1.33 API server serves but this simulator does not follow, with their group/version
 * (k/k pkg/api/... install packages): kubectl finds a mapping for them, so their error is not
 * "no matches for kind".
 */
const OTHER_BUILTIN_KINDS: Record<string, string> = {
  Service: 'v1',
  Endpoints: 'v1',
  PersistentVolume: 'v1',
  PersistentVolumeClaim: 'v1',
  ReplicationController: 'v1',
  LimitRange: 'v1',
  ResourceQuota: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  Role: 'rbac.authorization.k8s.io/v1',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
  PriorityClass: 'scheduling.k8s.io/v1',
  StorageClass: 'storage.k8s.io/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1',
};

/** `apps/v1` → group `apps`, version `v1`; `v1` → the core group. */
export function parseGroupVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/**
 * What the RESTMapper says about a kind in a version: a mapping for a simulated kind, `builtin` for a
 * real kind this simulator does not follow, or nothing (meta.NoKindMatchError).
 */
export function kindMapping(apiVersion: string, kind: string): KindMapping | 'builtin' | undefined {
  const info = RESOURCES[kind];
  const { group, version } = parseGroupVersion(apiVersion);
  if (info && SIMULATED_KINDS.includes(kind) && info.group === group && version === 'v1')
    return { group, version, kind, resource: info.resource, namespaced: info.namespaced };
  const served = info ? (info.group ? `${info.group}/v1` : 'v1') : OTHER_BUILTIN_KINDS[kind];
  return served === apiVersion ? 'builtin' : undefined;
}

/** The mapping of a simulated kind by its REST resource (`configmaps` → ConfigMap). */
export function mappingOfResource(group: string, resource: string): KindMapping | undefined {
  const kind = SIMULATED_KINDS.find((k) => RESOURCES[k]!.resource === resource && RESOURCES[k]!.group === group);
  return kind ? { group, version: 'v1', kind, resource, namespaced: RESOURCES[kind]!.namespaced } : undefined;
}
