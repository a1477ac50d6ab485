/**
 * The default cluster: what a three-node kind cluster running Kubernetes v1.33 holds right after
 * `kind create cluster` with one control-plane node and two workers, reduced to the objects the pod's
 * journey reads. Objects are in stored form (as `kubectl get -o yaml` shows them).
 */
import type { ImageFacts, Identity, KubeObject } from '@sim';

/** When the cluster was created: one hour before the person presses Apply. */
const CLUSTER_CREATED = '2026-11-26T08:30:00Z';

type Meta = (name: string, namespace?: string, extra?: Record<string, unknown>) => Record<string, unknown>;

/**
 * Metadata for pre-existing objects: stable, readable uids (the pod's own uid comes from the seeded
 * Rng) and resource versions that increase in creation order, as etcd revisions do.
 */
function metaFactory(): Meta {
  let rv = 200;
  let n = 0;
  return (name, namespace, extra = {}) => ({
    name,
    ...(namespace ? { namespace } : {}),
    uid: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    resourceVersion: String((rv += 7)),
    creationTimestamp: CLUSTER_CREATED,
    ...extra,
  });
}

interface NodeSpec {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
}

export const NODES: readonly NodeSpec[] = [
  { name: 'control-plane', ip: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true },
  { name: 'worker-1', ip: '172.18.0.3', podCIDR: '10.244.1.0/24', controlPlane: false },
  { name: 'worker-2', ip: '172.18.0.4', podCIDR: '10.244.2.0/24', controlPlane: false },
];

/** 4 CPUs, 8 GiB (the kubelet reports memory in Ki), 110 pods (kubelet --max-pods default). */
const RESOURCES = { cpu: '4', 'ephemeral-storage': '102626232Ki', memory: '8388608Ki', pods: '110' };

function node(meta: Meta, n: NodeSpec): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(n.name, undefined, {
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        ...(n.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    }),
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      providerID: `kind://docker/kind/${n.name}`,
      ...(n.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: n.ip, type: 'InternalIP' },
        { address: n.name, type: 'Hostname' },
      ],
      allocatable: { ...RESOURCES },
      capacity: { ...RESOURCES },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://2.1.1',
        kernelVersion: '6.8.0-1021-gcp',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.33.1',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
      },
    },
  };
}

interface SystemPod {
  name: string;
  node: string;
  image: string;
  container: string;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  hostNetwork: boolean;
  podIP?: string;
  priorityClassName: 'system-node-critical' | 'system-cluster-critical';
  labels: Record<string, string>;
}

function systemPod(meta: Meta, p: SystemPod): KubeObject {
  const nodeIP = NODES.find((n) => n.name === p.node)!.ip;
  const ip = p.hostNetwork ? nodeIP : p.podIP!;
  const resources = {
    ...(p.limits ? { limits: p.limits } : {}),
    ...(p.requests ? { requests: p.requests } : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(p.name, 'kube-system', { labels: p.labels }),
    spec: {
      nodeName: p.node,
      hostNetwork: p.hostNetwork || undefined,
      priorityClassName: p.priorityClassName,
      priority: p.priorityClassName === 'system-node-critical' ? 2000001000 : 2000000000,
      schedulerName: 'default-scheduler',
      containers: [{ name: p.container, image: p.image, resources }],
      tolerations: [{ operator: 'Exists' }],
    },
    status: {
      phase: 'Running',
      hostIP: nodeIP,
      podIP: ip,
      podIPs: [{ ip }],
      qosClass: p.requests ? (p.limits && p.limits.cpu ? 'Guaranteed' : 'Burstable') : 'BestEffort',
      startTime: CLUSTER_CREATED,
    },
  };
}

const SYSTEM_PODS: SystemPod[] = [
  {
    name: 'etcd-control-plane',
    node: 'control-plane',
    image: 'registry.k8s.io/etcd:3.5.21-0',
    container: 'etcd',
    requests: { cpu: '100m', memory: '100Mi' },
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    labels: { component: 'etcd', tier: 'control-plane' },
  },
  {
    name: 'kube-apiserver-control-plane',
    node: 'control-plane',
    image: 'registry.k8s.io/kube-apiserver:v1.33.1',
    container: 'kube-apiserver',
    requests: { cpu: '250m' },
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    labels: { component: 'kube-apiserver', tier: 'control-plane' },
  },
  {
    name: 'kube-controller-manager-control-plane',
    node: 'control-plane',
    image: 'registry.k8s.io/kube-controller-manager:v1.33.1',
    container: 'kube-controller-manager',
    requests: { cpu: '200m' },
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    labels: { component: 'kube-controller-manager', tier: 'control-plane' },
  },
  {
    name: 'kube-scheduler-control-plane',
    node: 'control-plane',
    image: 'registry.k8s.io/kube-scheduler:v1.33.1',
    container: 'kube-scheduler',
    requests: { cpu: '100m' },
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    labels: { component: 'kube-scheduler', tier: 'control-plane' },
  },
  {
    name: 'coredns-674b8bbfcf-8l4dm',
    node: 'control-plane',
    image: 'registry.k8s.io/coredns/coredns:v1.12.0',
    container: 'coredns',
    requests: { cpu: '100m', memory: '70Mi' },
    limits: { memory: '170Mi' },
    hostNetwork: false,
    podIP: '10.244.0.2',
    priorityClassName: 'system-cluster-critical',
    labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '674b8bbfcf' },
  },
  {
    name: 'coredns-674b8bbfcf-vx5ch',
    node: 'control-plane',
    image: 'registry.k8s.io/coredns/coredns:v1.12.0',
    container: 'coredns',
    requests: { cpu: '100m', memory: '70Mi' },
    limits: { memory: '170Mi' },
    hostNetwork: false,
    podIP: '10.244.0.3',
    priorityClassName: 'system-cluster-critical',
    labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '674b8bbfcf' },
  },
  ...NODES.flatMap((n, i): SystemPod[] => [
    {
      name: `kindnet-${['mq2xz', 'b7kpt', 'r4wfn'][i]}`,
      node: n.name,
      image: 'docker.io/kindest/kindnetd:v20250512-df8de77b',
      container: 'kindnet-cni',
      requests: { cpu: '100m', memory: '50Mi' },
      limits: { cpu: '100m', memory: '50Mi' },
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' },
    },
    {
      name: `kube-proxy-${['tz8dq', 'h6x4l', 'p9wvc'][i]}`,
      node: n.name,
      image: 'registry.k8s.io/kube-proxy:v1.33.1',
      container: 'kube-proxy',
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      labels: { 'k8s-app': 'kube-proxy' },
    },
  ]),
];

const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

/** Truncated for display; the kubelet and the pod's projected volume only need its presence. */
const CA_CRT = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIPodJourneyCA…\n-----END CERTIFICATE-----\n';

function rbac(meta: Meta): KubeObject[] {
  const clusterRole = (name: string, rules: unknown[]): KubeObject => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: meta(name, undefined, {
      labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
      annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
    }),
    rules,
  });
  const binding = (
    name: string,
    role: string,
    subject: { kind: 'Group' | 'User'; name: string },
    bootstrap: boolean,
  ): KubeObject => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: meta(
      name,
      undefined,
      bootstrap
        ? {
            labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
            annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
          }
        : {},
    ),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', ...subject }],
  });
  return [
    // plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go: cluster-admin
    clusterRole('cluster-admin', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]),
    // bootstrappolicy/policy.go: system:kube-scheduler (the rules the journey exercises, in upstream order)
    clusterRole('system:kube-scheduler', [
      { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
      {
        apiGroups: ['coordination.k8s.io'],
        resourceNames: ['kube-scheduler'],
        resources: ['leases'],
        verbs: ['get', 'update'],
      },
      { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['delete', 'get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['bindings', 'pods/binding'], verbs: ['create'] },
      { apiGroups: [''], resources: ['pods/status'], verbs: ['patch', 'update'] },
    ]),
    binding('cluster-admin', 'cluster-admin', { kind: 'Group', name: 'system:masters' }, true),
    // kubeadm >= 1.29 binds admin.conf's group to cluster-admin (cmd/kubeadm/app/phases/kubeconfig)
    binding('kubeadm:cluster-admins', 'cluster-admin', { kind: 'Group', name: 'kubeadm:cluster-admins' }, false),
    binding('system:kube-scheduler', 'system:kube-scheduler', { kind: 'User', name: 'system:kube-scheduler' }, true),
  ];
}

function priorityClasses(meta: Meta): KubeObject[] {
  // pkg/apis/scheduling: SystemCriticalPriority = 2000000000; node-critical is 1000 higher.
  return [
    {
      name: 'system-cluster-critical',
      value: 2000000000,
      description:
        'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    },
    {
      name: 'system-node-critical',
      value: 2000001000,
      description: 'Used for system critical pods that must not be moved from their current node.',
    },
  ].map((pc) => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: meta(pc.name),
    value: pc.value,
    description: pc.description,
    preemptionPolicy: 'PreemptLowerPriority',
  }));
}

/** The cluster's objects before Apply, in a stable order. */
export function defaultCluster(): KubeObject[] {
  const meta = metaFactory();
  return [
    ...NAMESPACES.map((ns): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta(ns, undefined, { labels: { 'kubernetes.io/metadata.name': ns } }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    })),
    ...NODES.map((n) => node(meta, n)),
    ...NAMESPACES.map((ns): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta('default', ns),
    })),
    ...NAMESPACES.map((ns): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta('kube-root-ca.crt', ns, {
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
        },
      }),
      data: { 'ca.crt': CA_CRT },
    })),
    ...rbac(meta),
    ...priorityClasses(meta),
    ...SYSTEM_PODS.map((p) => systemPod(meta, p)),
  ];
}

/** The admin.conf identity kubeadm writes: a client certificate CN=kubernetes-admin, O=kubeadm:cluster-admins. */
export function defaultIdentity(): Identity {
  return {
    user: 'kubernetes-admin',
    credential: {
      type: 'x509',
      commonName: 'kubernetes-admin',
      organizations: ['kubeadm:cluster-admins'],
      trusted: true,
    },
    namespace: 'default',
  };
}

const SYSTEM_IMAGES: Record<string, { size: number; digest: string }> = {
  'registry.k8s.io/pause:3.10': {
    size: 320368,
    digest: 'sha256:ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a',
  },
  'registry.k8s.io/etcd:3.5.21-0': {
    size: 58938593,
    digest: 'sha256:d58c035df557080a27387d687092e3fc2b64c6d0e3162dc51453a115f847d121',
  },
  'registry.k8s.io/kube-apiserver:v1.33.1': {
    size: 30071307,
    digest: 'sha256:d8ae2fb01c39aa1c7add84f3d54425cf081c24c11e3946830292a8cfa4293548',
  },
  'registry.k8s.io/kube-controller-manager:v1.33.1': {
    size: 27646507,
    digest: 'sha256:7c9bea694e3a3c01ed6a5ee02d55a6124cc08e0b2eec6caa33f2c396b8cbc3f8',
  },
  'registry.k8s.io/kube-scheduler:v1.33.1': {
    size: 21759590,
    digest: 'sha256:395b7de7cdbdcc3c3a3db270844a3f71d757e2447a1e4db76b4cce46fba7fd55',
  },
  'registry.k8s.io/kube-proxy:v1.33.1': {
    size: 31888764,
    digest: 'sha256:7ddf379897139ae8ade8b33cb9373b70c632a4d5491da6e234f5d830e0a50807',
  },
  'registry.k8s.io/coredns/coredns:v1.12.0': {
    size: 20939036,
    digest: 'sha256:40384aa1f5ea6bfdc77997d243aec73da05f27aed0c5e9d65bfa98933c519d97',
  },
  'docker.io/kindest/kindnetd:v20250512-df8de77b': {
    size: 44375501,
    digest: 'sha256:cef0f4a5c7b28a1d2b5e27cfe7b0e24b2eac8a1e8a69ea0b22ad3b6d5b2cf0d8',
  },
};

/** Image facts: what the registry serves and what each node already has. */
export function defaultImages(): ImageFacts {
  const perNode = [
    'registry.k8s.io/pause:3.10',
    'registry.k8s.io/kube-proxy:v1.33.1',
    'docker.io/kindest/kindnetd:v20250512-df8de77b',
  ];
  const controlPlaneOnly = Object.keys(SYSTEM_IMAGES).filter((i) => !perNode.includes(i));
  return {
    registry: {
      ...SYSTEM_IMAGES,
      // The image of the story this project is based on (a small Node.js web app listening on 8000).
      'sonasingh46/node-web-app:latest': {
        size: 345112384,
        digest: 'sha256:7a3b7b0b6b1c5e9e4b2a9f8e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4',
      },
      'nginx:1.27': {
        size: 72080558,
        digest: 'sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d',
      },
      'nginx:latest': {
        size: 72195292,
        digest: 'sha256:fb39280b7b9eba5727c884a3c7810002e69e8f961cc373b89c92f14961d903a0',
      },
      'busybox:1.36': {
        size: 2156519,
        digest: 'sha256:7edf5efe6b86dbf01ccc3c76b32a37a8e23b84e6bad81ce8ae8c221fa456fda8',
      },
    },
    presentOnNode: Object.fromEntries(
      NODES.map((n) => [n.name, n.controlPlane ? [...perNode, ...controlPlaneOnly] : [...perNode]]),
    ),
  };
}
