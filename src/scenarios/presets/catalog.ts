/**
 * The scenario gallery: each preset is a manifest, a cluster and a kubeconfig — the default ones with
 * one visible difference — chosen so a class can watch each gate of the journey close, with the words
 * a real v1.33 cluster prints. `presets.test.ts` pins where each one stops and what it says.
 */
import type { ScenarioSource } from '@sim';
import { DEFAULT_CLUSTER_YAML, DEFAULT_KUBECONFIG, DEFAULT_START_TIME, KUBECONFIGS } from '../defaultCluster';
import { addImages, edit, editNodeSpec, prepend } from './edit';
import * as m from './manifests';
import { DEFAULT_MANIFEST } from './manifests';
import type { Gate, ScenarioPreset } from './types';

/** The run settings every preset shares: same seed and clock, so the gallery's numbers are stable. */
const BASE: Omit<ScenarioSource, 'id' | 'title'> = {
  manifest: DEFAULT_MANIFEST,
  fileName: 'pod.yaml',
  command: 'apply',
  cluster: DEFAULT_CLUSTER_YAML,
  kubeconfig: DEFAULT_KUBECONFIG,
  seed: 20250423,
  startTime: DEFAULT_START_TIME,
  // Long enough for the happy path and several back-off rounds; a real cluster retries forever.
  horizonMs: 120_000,
};

function preset(
  id: string,
  title: string,
  gate: Gate,
  blurb: string,
  source: Partial<Omit<ScenarioSource, 'id' | 'title'>> = {},
): ScenarioPreset {
  return { id, title, gate, blurb, source: { ...BASE, ...source, id, title } };
}

const namespace = (name: string, labels: Record<string, string> = {}): string => {
  const lines = Object.entries(labels).map(([k, v]) => `    ${k}: ${v}`);
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
${lines.length ? `  labels:\n${lines.join('\n')}\n` : ''}---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: ${name}`;
};

const IMAGES_FOR_FAILURES = `# Images the failure scenarios use; their behaviour is what the kubelet will see.
- name: sonasingh46/node-web-app:broken
  size: 345112384
  digest: sha256:0b1e6d2f4c8a9e3b7d5f1a2c4e6b8d0f9a7c5e3b1d2f4a6c8e0b9d7f5a3c1e2d
  behavior:
    exit: {code: 1, afterSeconds: 2}      # crashes two seconds after it starts
- name: example/db-migrate:1.0
  size: 8912640
  digest: sha256:5d9e1c3a7b2f4e6d8c0a1b3e5f7d9c2a4b6e8f0d1c3a5b7e9f2d4c6a8b0e1f3d
  behavior:
    exit: {code: 0, afterSeconds: 4}      # migrates for four seconds, then exits successfully
- name: example/memory-hog:1.0
  size: 52428800
  digest: sha256:9c2e4a6b8d0f1e3c5a7b9d2f4e6c8a0b1d3f5e7c9a2b4d6f8e0c1a3b5d7f9e2c
  behavior:
    memory: 600Mi                         # grows to 600 MiB
    http: [{port: 8000, paths: ["/"]}]`;

const failureImages = addImages(DEFAULT_CLUSTER_YAML, IMAGES_FOR_FAILURES);

const CPU_REQUEST = m.WITH_REQUESTS('6', '512Mi');

/** The story's pod as an earlier `kubectl apply` left it: running on worker-1, with its last-applied annotation. */
const EXISTING_POD = `apiVersion: v1
kind: Pod
metadata:
  name: example-pod
  namespace: default
  labels:
    env: story-telling
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"env":"story-telling"},"name":"example-pod","namespace":"default"},"spec":{"containers":[{"image":"sonasingh46/node-web-app:latest","name":"example-pod","ports":[{"containerPort":8000}]}]}}
spec:
  nodeName: worker-1
  containers:
  - name: example-pod
    image: sonasingh46/node-web-app:latest
    imagePullPolicy: Always
    ports:
    - containerPort: 8000
      protocol: TCP
  restartPolicy: Always
  schedulerName: default-scheduler
status:
  phase: Running
  conditions:
  - type: PodReadyToStartContainers
    status: "True"
    lastTransitionTime: "2026-11-26T09:10:12Z"
  - type: Initialized
    status: "True"
    lastTransitionTime: "2026-11-26T09:10:00Z"
  - type: Ready
    status: "True"
    lastTransitionTime: "2026-11-26T09:10:12Z"
  - type: ContainersReady
    status: "True"
    lastTransitionTime: "2026-11-26T09:10:12Z"
  - type: PodScheduled
    status: "True"
    lastProbeTime: null
    lastTransitionTime: "2026-11-26T09:10:00Z"
  hostIP: 172.18.0.3
  hostIPs:
  - ip: 172.18.0.3
  podIP: 10.244.1.2
  podIPs:
  - ip: 10.244.1.2
  startTime: "2026-11-26T09:10:00Z"
  containerStatuses:
  - name: example-pod
    state:
      running:
        startedAt: "2026-11-26T09:10:12Z"
    lastState: {}
    ready: true
    restartCount: 0
    image: docker.io/sonasingh46/node-web-app:latest
    imageID: docker.io/sonasingh46/node-web-app@sha256:7a3b7b0b6b1c5e9e4b2a9f8e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4
    containerID: containerd://4f1c2b8e9a7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b
    started: true
  qosClass: BestEffort`;

const withExistingPod = prepend(
  DEFAULT_CLUSTER_YAML,
  'The pod already exists: an earlier `kubectl apply -f pod.yaml` created it twenty minutes ago.',
  EXISTING_POD,
);

/** What the administrator applies in the "label a node" scenario: worker-2 gains `disktype: ssd`. */
const WORKER_2_SSD = edit(
  DEFAULT_CLUSTER_YAML.slice(DEFAULT_CLUSTER_YAML.indexOf('apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-2\n')),
  '    kubernetes.io/hostname: worker-2\n',
  '    kubernetes.io/hostname: worker-2\n    disktype: ssd\n',
).split('\n---')[0]!;

export const PRESETS: readonly ScenarioPreset[] = [
  preset('happy-path', 'Happy path', 'running', 'kubectl apply → Running, every step of the way'),
  preset('limitrange-defaults', 'LimitRange defaults', 'running', 'Admission fills in requests and limits', {
    cluster: prepend(
      DEFAULT_CLUSTER_YAML,
      'A LimitRange in namespace default gives containers default requests and limits.',
      `apiVersion: v1
kind: LimitRange
metadata:
  name: container-defaults
  namespace: default
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 250m
      memory: 128Mi`,
    ),
  }),
  preset('podsecurity-warn', 'PodSecurity warns', 'running', 'A warning from admission, and the pod is created', {
    manifest: m.inNamespace('team-b'),
    cluster: prepend(
      DEFAULT_CLUSTER_YAML,
      'Namespace team-b warns (but does not enforce) the restricted Pod Security level.',
      namespace('team-b', { 'pod-security.kubernetes.io/warn': 'restricted' }),
    ),
  }),
  preset('run-to-completion', 'Run to completion', 'running', 'restartPolicy Never: the pod ends Completed', {
    manifest: m.RUN_TO_COMPLETION,
    cluster: failureImages,
  }),
  preset('init-container', 'Init container', 'running', 'Init:0/1, PodInitializing, then Running', {
    manifest: m.INIT_CONTAINER,
    cluster: failureImages,
  }),

  preset('duplicate-key', 'A key written twice', 'running', 'No error anywhere: kubectl keeps the last `image`', {
    manifest: m.DUPLICATE_KEY,
  }),
  preset('configmap-and-pod', 'ConfigMap and Pod in one file', 'running', 'Two documents, two requests, two lines', {
    manifest: m.CONFIGMAP_AND_POD,
  }),
  preset('reapply-unchanged', 'Apply again: unchanged', 'running', 'Nothing differs, so kubectl sends no PATCH', {
    cluster: withExistingPod,
  }),
  preset('reapply-new-image', 'Apply again: a new image', 'running', 'A three-way merge patch, then configured', {
    manifest: m.NEW_IMAGE,
    cluster: addImages(
      withExistingPod,
      `# The story's image, version 2: what the pod's container changes to.
- name: sonasingh46/node-web-app:v2
  size: 345120768
  digest: sha256:3c8e1f0a9d7b5c4e2a1f6d8b0c9e7a5f3d1b2c4e6a8f0d9b7c5e3a1f2d4b6c8e
  behavior:
    http: [{port: 8000, paths: ["/"]}]`,
    ),
  }),
  preset('create-twice', 'kubectl create, twice', 'validation', 'create has no GET: 409 AlreadyExists', {
    command: 'create',
    cluster: withExistingPod,
  }),
  preset('yaml-syntax-error', 'YAML syntax error', 'kubectl', 'kubectl cannot read the file: nothing is sent', {
    manifest: m.YAML_SYNTAX_ERROR,
  }),

  preset('unknown-token', 'Unknown token (401)', 'authentication', 'A token no authenticator accepts', {
    kubeconfig: KUBECONFIGS.badToken,
  }),
  preset(
    'foreign-certificate',
    'Certificate from another CA (401)',
    'authentication',
    'Names in a certificate are not enough',
    {
      kubeconfig: KUBECONFIGS.foreignCa,
    },
  ),
  preset(
    'expired-certificate',
    'Expired certificate (401)',
    'authentication',
    'The admin certificate expired five minutes ago',
    {
      kubeconfig: KUBECONFIGS.expired,
    },
  ),

  preset('forbidden', 'No permission (403)', 'authorization', 'jane is known, but no RBAC rule lets her', {
    kubeconfig: KUBECONFIGS.jane,
  }),
  preset('anonymous', 'No credentials: system:anonymous', 'authorization', 'Anonymous requests get no permissions', {
    kubeconfig: KUBECONFIGS.anonymous,
  }),
  preset('create-not-get', 'May create, may not get', 'authorization', 'apply needs get; create does not', {
    kubeconfig: KUBECONFIGS.saToken,
    cluster: edit(
      DEFAULT_CLUSTER_YAML,
      'verbs: [create, get, list, watch]',
      'verbs: [create]  # this scenario took get, list and watch away',
    ),
  }),

  preset('namespace-missing', 'Namespace does not exist', 'admission', 'NamespaceLifecycle: 404 before anything else', {
    manifest: m.inNamespace('staging'),
  }),
  preset(
    'namespace-terminating',
    'Namespace is being deleted',
    'admission',
    'No new content in a terminating namespace',
    {
      manifest: m.inNamespace('old-team'),
      cluster: prepend(
        DEFAULT_CLUSTER_YAML,
        'Namespace old-team is being deleted: `kubectl delete namespace old-team` is waiting for its contents to go.',
        `apiVersion: v1
kind: Namespace
metadata:
  name: old-team
  deletionTimestamp: "2026-11-26T09:29:00Z"
spec:
  finalizers:
  - kubernetes
status:
  phase: Terminating
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: old-team`,
      ),
    },
  ),
  preset(
    'serviceaccount-missing',
    'ServiceAccount missing',
    'admission',
    'A fresh namespace has no default account yet',
    {
      manifest: m.inNamespace('brand-new'),
      cluster: prepend(
        DEFAULT_CLUSTER_YAML,
        'Namespace brand-new was created a moment ago; kube-controller-manager has not made its default ServiceAccount yet.',
        `apiVersion: v1
kind: Namespace
metadata:
  name: brand-new`,
      ),
    },
  ),
  preset(
    'podsecurity-baseline',
    'PodSecurity baseline',
    'admission',
    'A privileged container in a baseline namespace',
    {
      manifest: m.inNamespace('team-a', m.PRIVILEGED),
      cluster: prepend(
        DEFAULT_CLUSTER_YAML,
        'Namespace team-a enforces the baseline Pod Security level.',
        namespace('team-a', { 'pod-security.kubernetes.io/enforce': 'baseline' }),
      ),
    },
  ),
  preset('podsecurity-restricted', 'PodSecurity restricted', 'admission', 'A plain pod fails four restricted checks', {
    manifest: m.inNamespace('secure'),
    cluster: prepend(
      DEFAULT_CLUSTER_YAML,
      'Namespace secure enforces the restricted Pod Security level.',
      namespace('secure', { 'pod-security.kubernetes.io/enforce': 'restricted' }),
    ),
  }),
  preset('resource-quota', 'ResourceQuota', 'admission', 'A quota on CPU and memory: requests must be given', {
    cluster: prepend(
      DEFAULT_CLUSTER_YAML,
      'A ResourceQuota in namespace default tracks CPU and memory.',
      `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute-quota
  namespace: default
spec:
  hard:
    requests.cpu: "2"
    requests.memory: 2Gi
    limits.cpu: "4"
    limits.memory: 4Gi
status:
  hard:
    requests.cpu: "2"
    requests.memory: 2Gi
    limits.cpu: "4"
    limits.memory: 4Gi
  used:
    requests.cpu: "0"
    requests.memory: "0"
    limits.cpu: "0"
    limits.memory: "0"`,
    ),
  }),
  preset('quota-exceeded', 'ResourceQuota exceeded', 'admission', 'Asking for more CPU than the quota has left', {
    manifest: m.WITH_REQUESTS('1', '256Mi'),
    cluster: prepend(
      DEFAULT_CLUSTER_YAML,
      'A ResourceQuota in namespace default, already mostly used by other pods.',
      `apiVersion: v1
kind: ResourceQuota
metadata:
  name: team-quota
  namespace: default
spec:
  hard:
    requests.cpu: "2"
    requests.memory: 4Gi
status:
  hard:
    requests.cpu: "2"
    requests.memory: 4Gi
  used:
    requests.cpu: 1500m
    requests.memory: 1Gi`,
    ),
  }),
  preset('limitrange-max', 'LimitRange maximum', 'admission', 'A limit above the namespace’s maximum', {
    manifest: m.BIG_LIMITS,
    cluster: prepend(
      DEFAULT_CLUSTER_YAML,
      'A LimitRange in namespace default caps each container at 1 CPU.',
      `apiVersion: v1
kind: LimitRange
metadata:
  name: container-max
  namespace: default
spec:
  limits:
  - type: Container
    max:
      cpu: "1"
      memory: 1Gi`,
    ),
  }),
  preset('unknown-priorityclass', 'Unknown PriorityClass', 'admission', 'Priority admission finds no such class', {
    manifest: m.PRIORITY_CLASS,
  }),

  preset('strict-decoding', 'Unknown field (400)', 'validation', 'A typo: strict decoding refuses `imagee`', {
    manifest: m.STRICT_DECODING,
  }),
  preset('many-invalid', 'Several invalid fields (422)', 'validation', 'Every problem listed, one per line', {
    manifest: m.MANY_INVALID,
  }),
  preset('invalid-name', 'Invalid name (422)', 'validation', 'Uppercase and _ are not allowed in names', {
    manifest: m.INVALID_NAME,
  }),

  preset('insufficient-cpu', 'Not enough CPU', 'scheduler', 'No node has 6 CPUs free: FailedScheduling', {
    manifest: CPU_REQUEST,
  }),
  preset(
    'nodeselector-mismatch',
    'nodeSelector matches no node',
    'scheduler',
    'disktype: ssd — no node has that label',
    {
      manifest: m.NODE_SELECTOR,
    },
  ),
  preset('pvc-missing', 'PersistentVolumeClaim missing', 'scheduler', 'VolumeBinding stops before any node is tried', {
    manifest: m.MISSING_PVC,
  }),
  preset(
    'label-node-later',
    'A node gets the label later',
    'scheduler',
    'Pending, until an administrator labels worker-2',
    {
      manifest: m.NODE_SELECTOR,
      interventions: [{ atMs: 20_000, title: 'label worker-2 disktype=ssd', yaml: WORKER_2_SSD }],
    },
  ),
  preset('scheduling-gated', 'Scheduling gates', 'scheduler', 'The scheduler does not even try while a gate is set', {
    manifest: m.SCHEDULING_GATED,
  }),
  preset('untolerated-taint', 'Untolerated taint', 'scheduler', 'Every worker is reserved for GPU work', {
    cluster: ['worker-1', 'worker-2'].reduce(
      (c, node) =>
        editNodeSpec(
          c,
          node,
          `  taints:               # this scenario reserves the node for GPU work
  - key: dedicated
    value: gpu
    effect: NoSchedule`,
        ),
      DEFAULT_CLUSTER_YAML,
    ),
  }),

  {
    ...preset(
      'image-not-found',
      'Image does not exist',
      'kubelet',
      'A typo in the image: ErrImagePull, ImagePullBackOff',
      {
        manifest: m.IMAGE_TYPO,
      },
    ),
    aliases: ['image-pull-backoff', 'err-image-pull'],
  },
  preset('invalid-image-name', 'Invalid image name', 'kubelet', 'Uppercase in a repository name: no pull at all', {
    manifest: m.INVALID_IMAGE_NAME,
  }),
  preset('crashloop', 'CrashLoopBackOff', 'kubelet', 'The container exits with code 1, again and again', {
    manifest: m.CRASHING,
    cluster: failureImages,
  }),
  preset('oom-killed', 'OOMKilled', 'kubelet', 'It grows to 600 MiB; its limit is 256 MiB', {
    manifest: m.MEMORY_HOG,
    cluster: failureImages,
  }),
  preset('missing-configmap', 'Missing ConfigMap', 'kubelet', 'An env var from a ConfigMap that is not there', {
    manifest: m.MISSING_CONFIGMAP,
  }),
  preset('missing-secret-volume', 'Missing Secret volume', 'kubelet', 'FailedMount: the pod stays ContainerCreating', {
    manifest: m.MISSING_SECRET_VOLUME,
  }),
  preset('liveness-failing', 'Liveness probe failing', 'kubelet', 'The kubelet kills and restarts the container', {
    manifest: m.LIVENESS_PROBE,
  }),
  preset('readiness-failing', 'Readiness probe failing', 'kubelet', 'Running, but never Ready: /healthz answers 404', {
    manifest: m.READINESS_PROBE,
  }),
];
