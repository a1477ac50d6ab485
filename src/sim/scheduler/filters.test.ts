import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { defaultCluster, defaultImages } from '@scenarios';
import type { KubeObject } from '../scenario';
import { FILTER_PLUGINS, insufficientResources } from './filters';
import { buildSnapshot, type NodeInfo } from './snapshot';
import { storedPod } from './testPod';

const plugin = (name: string) => FILTER_PLUGINS.find((p) => p.name === name)!;

/** The default cluster with one node changed. */
function clusterWith(node: string, change: (n: KubeObject) => KubeObject, extra: KubeObject[] = []): KubeObject[] {
  return [...defaultCluster().map((o) => (o.kind === 'Node' && o.metadata.name === node ? change(o) : o)), ...extra];
}
const snapshotOf = (objects: KubeObject[]) => buildSnapshot(objects, defaultImages());
const nodeInfo = (objects: KubeObject[], name: string): NodeInfo =>
  snapshotOf(objects).nodes.find((n) => n.name === name)!;
const spec = (o: KubeObject) => (o.spec ?? {}) as Record<string, unknown>;

describe('filter plugins: verdicts and reason strings', () => {
  const cluster = defaultCluster();
  it.each<[string, Pod, KubeObject[], string, { code: string; reasons: string[] }]>([
    // TaintToleration: key and value, not effect; the control plane's taint has an empty value.
    [
      'TaintToleration',
      storedPod(),
      cluster,
      'control-plane',
      {
        code: 'UnschedulableAndUnresolvable',
        reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
      },
    ],
    ['TaintToleration', storedPod(), cluster, 'worker-1', { code: 'Success', reasons: [] }],
    [
      'TaintToleration',
      storedPod({
        spec: {
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
        },
      }),
      cluster,
      'control-plane',
      { code: 'Success', reasons: [] },
    ],
    [
      'TaintToleration',
      storedPod(),
      clusterWith('worker-1', (n) => ({
        ...n,
        spec: { ...spec(n), taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] },
      })),
      'worker-1',
      { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {dedicated: gpu}'] },
    ],
    [
      'TaintToleration',
      storedPod(),
      clusterWith('worker-1', (n) => ({
        ...n,
        spec: { ...spec(n), taints: [{ key: 'soft', value: 'x', effect: 'PreferNoSchedule' }] },
      })),
      'worker-1',
      { code: 'Success', reasons: [] },
    ],
    [
      'NodeUnschedulable',
      storedPod(),
      clusterWith('worker-1', (n) => ({ ...n, spec: { ...spec(n), unschedulable: true } })),
      'worker-1',
      { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] },
    ],
    [
      'NodeUnschedulable',
      storedPod({
        spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] },
      }),
      clusterWith('worker-1', (n) => ({ ...n, spec: { ...spec(n), unschedulable: true } })),
      'worker-1',
      { code: 'Success', reasons: [] },
    ],
    [
      'NodeName',
      storedPod({ spec: { nodeName: 'worker-2' } }),
      cluster,
      'worker-1',
      { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match the requested node name"] },
    ],
    ['NodeName', storedPod({ spec: { nodeName: 'worker-2' } }), cluster, 'worker-2', { code: 'Success', reasons: [] }],
    [
      'NodeAffinity',
      storedPod({ spec: { nodeSelector: { disktype: 'ssd' } } }),
      cluster,
      'worker-1',
      { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] },
    ],
    [
      'NodeAffinity',
      storedPod({ spec: { nodeSelector: { 'kubernetes.io/hostname': 'worker-2' } } }),
      cluster,
      'worker-2',
      { code: 'Success', reasons: [] },
    ],
    [
      'NodeAffinity',
      storedPod({
        spec: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['worker-1'] }] },
                ],
              },
            },
          },
        },
      }),
      cluster,
      'worker-1',
      { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] },
    ],
    // worker-1 already requests 100m (kindnet; kube-proxy requests nothing): 3900m is free.
    [
      'NodeResourcesFit',
      storedPod({ containers: [{ resources: { requests: { cpu: '3901m' } } }] }),
      cluster,
      'worker-1',
      { code: 'Unschedulable', reasons: ['Insufficient cpu'] },
    ],
    [
      'NodeResourcesFit',
      storedPod({ containers: [{ resources: { requests: { cpu: '3900m' } } }] }),
      cluster,
      'worker-1',
      { code: 'Success', reasons: [] },
    ],
    [
      'NodeResourcesFit',
      storedPod({ containers: [{ resources: { requests: { cpu: '5', memory: '9Gi', 'example.com/gpu': '1' } } }] }),
      cluster,
      'worker-1',
      { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory', 'Insufficient example.com/gpu'] },
    ],
    [
      'NodeResourcesFit',
      storedPod(),
      clusterWith('worker-1', (n) => ({
        ...n,
        status: { ...(n.status as object), allocatable: { cpu: '4', memory: '8Gi', pods: '2' } },
      })),
      'worker-1',
      { code: 'Unschedulable', reasons: ['Too many pods'] },
    ],
  ])('%s, case %#', (name, pod, objects, node, expected) => {
    expect(plugin(name).filter(pod, nodeInfo(objects, node), snapshotOf(objects))).toEqual(expected);
  });

  it('NodePorts: a host port already used on the node is a conflict (Unschedulable, preemption may help)', () => {
    const withHostPort = (name: string): Pod =>
      storedPod({ name, containers: [{ ports: [{ containerPort: 8000, hostPort: 8080, protocol: 'TCP' }] }] });
    const running = {
      ...withHostPort('other'),
      spec: { ...withHostPort('other').spec!, nodeName: 'worker-1' },
    } as unknown as KubeObject;
    const objects = [...cluster, running];
    const pod = withHostPort('example-pod');
    expect(plugin('NodePorts').preFilter!(pod, snapshotOf(objects)).code).toBe('Success');
    expect(plugin('NodePorts').filter(pod, nodeInfo(objects, 'worker-1'), snapshotOf(objects))).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't have free ports for the requested pod ports"],
    });
    expect(plugin('NodePorts').filter(pod, nodeInfo(objects, 'worker-2'), snapshotOf(objects)).code).toBe('Success');
  });

  it.each([
    ['NodeAffinity', 'no nodeSelector and no required node affinity'],
    ['NodePorts', 'containerPort 8000 claims no host port'],
    ['VolumeRestrictions', 'only a projected volume'],
    ['NodeVolumeLimits', 'only a projected volume'],
    ['VolumeBinding', 'no PersistentVolumeClaim'],
    ['VolumeZone', 'no PersistentVolumeClaim'],
    ['PodTopologySpread', 'no DoNotSchedule constraint'],
    ['InterPodAffinity', 'no required (anti-)affinity anywhere'],
  ])('PreFilter of %s returns Skip for the story pod (%s)', (name) => {
    expect(plugin(name).preFilter!(storedPod(), snapshotOf(cluster)).code).toBe('Skip');
  });

  it.each([
    [{ persistentVolumeClaim: { claimName: 'data' } }, 'persistentvolumeclaim "data" not found'],
    [
      { ephemeral: { volumeClaimTemplate: { spec: {} } } },
      'waiting for ephemeral volume controller to create the persistentvolumeclaim "example-pod-scratch"',
    ],
  ])('VolumeBinding PreFilter rejects a missing claim: %s', (source, reason) => {
    const pod = storedPod({ spec: { volumes: [{ name: 'scratch', ...source }] } });
    expect(plugin('VolumeBinding').preFilter!(pod, snapshotOf(cluster))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: [reason],
    });
  });

  it('counts requests the way NodeResourcesFit does (init containers are the max, not the sum)', () => {
    const pod = storedPod({
      containers: [{ resources: { requests: { cpu: '1' } } }],
      spec: { initContainers: [{ name: 'init', image: 'busybox:1.36', resources: { requests: { cpu: '3950m' } } }] },
    });
    expect(insufficientResources(pod, nodeInfo(cluster, 'worker-1'))).toEqual([
      { resource: 'cpu', reason: 'Insufficient cpu', requested: 3950, used: 100, capacity: 4000 },
    ]);
    const small = storedPod({
      containers: [{ resources: { requests: { cpu: '1' } } }],
      spec: { initContainers: [{ name: 'init', image: 'busybox:1.36', resources: { requests: { cpu: '2' } } }] },
    });
    expect(insufficientResources(small, nodeInfo(cluster, 'worker-1'))).toEqual([]);
  });

  it.each<[string, Record<string, string>, Record<string, string>, { code: string; reasons: string[] }]>([
    // extended resources are compared with the node's allocatable like cpu (fit.go ScalarResources)
    [
      'no GPU on the node',
      { 'nvidia.com/gpu': '1' },
      {},
      { code: 'Unschedulable', reasons: ['Insufficient nvidia.com/gpu'] },
    ],
    [
      'two wanted, one there',
      { 'nvidia.com/gpu': '2' },
      { 'nvidia.com/gpu': '1' },
      { code: 'Unschedulable', reasons: ['Insufficient nvidia.com/gpu'] },
    ],
    ['one wanted, one there', { 'nvidia.com/gpu': '1' }, { 'nvidia.com/gpu': '1' }, { code: 'Success', reasons: [] }],
    [
      'ephemeral-storage',
      { 'ephemeral-storage': '200Gi' },
      {},
      { code: 'Unschedulable', reasons: ['Insufficient ephemeral-storage'] },
    ],
  ])('NodeResourcesFit: %s', (_, requests, extra, expected) => {
    const objects = clusterWith('worker-1', (n) => {
      const status = n.status as { allocatable: Record<string, string> };
      return { ...n, status: { ...status, allocatable: { ...status.allocatable, ...extra } } };
    });
    const pod = storedPod({ containers: [{ resources: { requests, limits: requests } }] });
    expect(plugin('NodeResourcesFit').filter(pod, nodeInfo(objects, 'worker-1'), snapshotOf(objects))).toEqual(
      expected,
    );
  });
});

describe('VolumeBinding (volumebinding/volume_binding.go, binder.go)', () => {
  const meta = (name: string, extra: object = {}) => ({ name, namespace: 'default', uid: `uid-${name}`, ...extra });
  const claim = (
    name: string,
    spec: object,
    extra: object = {},
    status: object = { phase: 'Pending' },
  ): KubeObject => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta(name, extra),
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
    status,
  });
  const bound = (name: string, volume: string) =>
    claim(
      name,
      { volumeName: volume, storageClassName: 'standard' },
      { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } },
      { phase: 'Bound' },
    );
  const hostOnly = (host: string) => ({
    required: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }],
    },
  });
  const volume = (name: string, spec: object): KubeObject => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, uid: `uid-${name}` },
    spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], ...spec },
  });
  const storageClass = (name: string, provisioner: string, mode: string): KubeObject => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner,
    volumeBindingMode: mode,
  });
  const podUsing = (claimName: string) =>
    storedPod({ spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] } });
  const run = (objects: KubeObject[], node = 'worker-1') => {
    const all = [...cluster, ...objects];
    const pod = podUsing('data');
    const pre = plugin('VolumeBinding').preFilter!(pod, snapshotOf(all));
    return pre.code !== 'Success'
      ? { at: 'PreFilter', ...pre }
      : { at: 'Filter', ...plugin('VolumeBinding').filter(pod, nodeInfo(all, node), snapshotOf(all)) };
  };
  const cluster = defaultCluster();

  it.each<[string, KubeObject[], object]>([
    [
      'claim lost its volume',
      [claim('data', { volumeName: 'pv-gone' }, {}, { phase: 'Lost' })],
      {
        at: 'PreFilter',
        code: 'UnschedulableAndUnresolvable',
        reasons: ['persistentvolumeclaim "data" bound to non-existent persistentvolume "pv-gone"'],
      },
    ],
    [
      'claim being deleted',
      [claim('data', {}, { deletionTimestamp: '2026-11-26T09:29:00Z' })],
      {
        at: 'PreFilter',
        code: 'UnschedulableAndUnresolvable',
        reasons: ['persistentvolumeclaim "data" is being deleted'],
      },
    ],
    [
      'unbound claim without a StorageClass (Immediate binding)',
      [claim('data', { storageClassName: '' })],
      {
        at: 'PreFilter',
        code: 'UnschedulableAndUnresolvable',
        reasons: ['pod has unbound immediate PersistentVolumeClaims'],
      },
    ],
    [
      'unbound claim of an Immediate class',
      [claim('data', { storageClassName: 'fast' }), storageClass('fast', 'ebs.csi.aws.com', 'Immediate')],
      {
        at: 'PreFilter',
        code: 'UnschedulableAndUnresolvable',
        reasons: ['pod has unbound immediate PersistentVolumeClaims'],
      },
    ],
    [
      'WaitForFirstConsumer with a provisioner: it will be provisioned for the chosen node',
      [
        claim('data', { storageClassName: 'standard' }),
        storageClass('standard', 'rancher.io/local-path', 'WaitForFirstConsumer'),
      ],
      { at: 'Filter', code: 'Success', reasons: [] },
    ],
    [
      'WaitForFirstConsumer, no provisioner, local PV on another node',
      [
        claim('data', { storageClassName: 'local' }),
        storageClass('local', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer'),
        volume('pv-w2', { storageClassName: 'local', nodeAffinity: hostOnly('worker-2') }),
      ],
      {
        at: 'Filter',
        code: 'UnschedulableAndUnresolvable',
        reasons: ["node(s) didn't find available persistent volumes to bind"],
      },
    ],
    [
      'WaitForFirstConsumer, no provisioner, local PV on this node',
      [
        claim('data', { storageClassName: 'local' }),
        storageClass('local', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer'),
        volume('pv-w1', { storageClassName: 'local', nodeAffinity: hostOnly('worker-1') }),
      ],
      { at: 'Filter', code: 'Success', reasons: [] },
    ],
    [
      'bound to a PV pinned to another node',
      [bound('data', 'pv-w2'), volume('pv-w2', { storageClassName: 'standard', nodeAffinity: hostOnly('worker-2') })],
      { at: 'Filter', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had volume node affinity conflict'] },
    ],
    [
      'bound to a PV that does not exist',
      [bound('data', 'pv-missing')],
      {
        at: 'Filter',
        code: 'UnschedulableAndUnresolvable',
        reasons: ['node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)'],
      },
    ],
  ])('%s', (_, objects, expected) => {
    expect(run(objects)).toEqual(expected);
  });
});
