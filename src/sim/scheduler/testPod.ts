/**
 * Test fixture: the story's Pod as kube-apiserver stores it after defaulting and admission (FIDELITY
 * §6), and helpers to vary it. Used by the scheduler and kubelet tests.
 */
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';

export const TEST_UID = '5f0c8e36-3d5b-4a8e-9c51-2f6a7d1e4b90';

export function storedPod(
  overrides: { containers?: Partial<Container>[]; spec?: Partial<NonNullable<Pod['spec']>>; name?: string } = {},
): Pod {
  const mount = {
    mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
    name: 'kube-api-access-7xk2p',
    readOnly: true,
  };
  const base: Container = {
    name: 'example-pod',
    image: 'sonasingh46/node-web-app:latest',
    imagePullPolicy: 'Always',
    ports: [{ containerPort: 8000, protocol: 'TCP' }],
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [mount],
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: overrides.name ?? 'example-pod',
      namespace: 'default',
      uid: TEST_UID,
      resourceVersion: '1052',
      generation: 1,
      creationTimestamp: '2026-11-26T09:30:00Z',
      labels: { env: 'story-telling' },
    },
    spec: {
      containers: (overrides.containers ?? [{}]).map((c) => ({ ...base, ...c })),
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: 'kube-api-access-7xk2p',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              {
                downwardAPI: {
                  items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
                },
              },
            ],
          },
        },
      ],
      ...overrides.spec,
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

/** The same pod after the binding: nodeName set and PodScheduled=True (BindingREST). */
export function boundPod(node: string, pod: Pod = storedPod()): Pod {
  return {
    ...pod,
    metadata: { ...pod.metadata, resourceVersion: '1057' },
    spec: { ...pod.spec!, nodeName: node },
    status: {
      ...pod.status,
      conditions: [
        {
          type: 'PodScheduled',
          status: 'True',
          lastProbeTime: null as unknown as string,
          lastTransitionTime: '2026-11-26T09:30:00Z',
        },
      ],
    },
  };
}

/** A Ready worker node as the kubelet registers it: 4 cpu, 8Gi, 110 pods unless overridden. */
export function newNode(
  name: string,
  overrides: { allocatable?: Record<string, string>; labels?: Record<string, string>; spec?: Node['spec'] } = {},
): Node {
  const allocatable = overrides.allocatable ?? { cpu: '4', memory: '8388608Ki', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `node-${name}`,
      resourceVersion: '2001',
      creationTimestamp: '2026-11-26T09:30:20Z',
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...overrides.labels },
    },
    spec: { ...overrides.spec },
    status: { allocatable, capacity: allocatable },
  };
}
