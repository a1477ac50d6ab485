import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { eventsOf, firedHints, type ClusterChange } from './hints';
import { newNode, storedPod } from './testPod';

const cpuPod = (cpu: string, spec: Partial<NonNullable<Pod['spec']>> = {}) =>
  storedPod({ containers: [{ resources: { requests: { cpu } } }], spec });
const withSpec = (node: Node, spec: Node['spec']): Node => ({ ...node, spec: { ...node.spec, ...spec } });
const assignedPod = (name: string, node: string, ports: { hostPort: number }[] = []): Pod => {
  const p = storedPod({ name, containers: [{ ports: ports.map((p) => ({ containerPort: 80, ...p })) }] });
  return { ...p, spec: { ...p.spec!, nodeName: node } };
};

const small = newNode('worker-3', { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } });
const big = newNode('worker-3');
const tainted = newNode('gpu-1', { spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } });

describe('cluster events (NodeSchedulingPropertiesChange)', () => {
  it.each<[string, ClusterChange, string[]]>([
    ['a new node', { kind: 'Node', node: big }, ['NodeAdd']],
    ['allocatable grows', { kind: 'Node', old: small, node: big }, ['NodeAllocatableChange']],
    [
      'a label is added',
      { kind: 'Node', old: big, node: newNode('worker-3', { labels: { disktype: 'ssd' } }) },
      ['NodeLabelChange'],
    ],
    ['a taint goes away', { kind: 'Node', old: tainted, node: withSpec(tainted, { taints: [] }) }, ['NodeTaintChange']],
    [
      'uncordon',
      { kind: 'Node', old: withSpec(big, { unschedulable: true }), node: big },
      ['NodeSpecUnschedulableChange'],
    ],
    // cordoning cannot help a waiting pod: extractNodeSpecUnschedulableChange ignores it
    ['cordon', { kind: 'Node', old: big, node: withSpec(big, { unschedulable: true }) }, []],
    ['nothing the scheduler looks at', { kind: 'Node', old: big, node: { ...big } }, []],
    ['an assigned pod deleted', { kind: 'PodDelete', pod: assignedPod('web', 'worker-1') }, ['AssignedPodDelete']],
    ['a pending pod deleted', { kind: 'PodDelete', pod: storedPod({ name: 'other' }) }, ['UnscheduledPodDelete']],
  ])('%s', (_, change, events) => {
    expect(eventsOf(change)).toEqual(events);
  });
});

describe('QueueingHints: which plugin says Queue for which event', () => {
  it.each<[string, Pod, string[], ClusterChange, string[]]>([
    // NodeResourcesFit: the new node must hold the pod on its own (isFit against an empty node).
    ['fit: big node added', cpuPod('3950m'), ['NodeResourcesFit'], { kind: 'Node', node: big }, ['NodeResourcesFit']],
    ['fit: small node added', cpuPod('3950m'), ['NodeResourcesFit'], { kind: 'Node', node: small }, []],
    [
      'fit: allocatable of a node grows',
      cpuPod('3950m'),
      ['NodeResourcesFit'],
      { kind: 'Node', old: small, node: big },
      ['NodeResourcesFit'],
    ],
    [
      'fit: assigned pod deleted',
      cpuPod('3950m'),
      ['NodeResourcesFit'],
      { kind: 'PodDelete', pod: assignedPod('web', 'worker-1') },
      ['NodeResourcesFit'],
    ],
    [
      'fit: pending pod deleted frees nothing',
      cpuPod('3950m'),
      ['NodeResourcesFit'],
      { kind: 'PodDelete', pod: storedPod({ name: 'other' }) },
      [],
    ],
    // TaintToleration: wasUntolerated && !isUntolerated
    ['taint: untainted node added', storedPod(), ['TaintToleration'], { kind: 'Node', node: big }, ['TaintToleration']],
    ['taint: tainted node added', storedPod(), ['TaintToleration'], { kind: 'Node', node: tainted }, []],
    [
      'taint: the taint is removed',
      storedPod(),
      ['TaintToleration'],
      { kind: 'Node', old: tainted, node: withSpec(tainted, { taints: [] }) },
      ['TaintToleration'],
    ],
    [
      'taint: tolerated by the pod',
      storedPod({ spec: { tolerations: [{ key: 'dedicated', operator: 'Exists' }] } }),
      ['TaintToleration'],
      { kind: 'Node', node: tainted },
      ['TaintToleration'],
    ],
    // NodeAffinity: matches now, did not before
    [
      'affinity: label added',
      storedPod({ spec: { nodeSelector: { disktype: 'ssd' } } }),
      ['NodeAffinity'],
      { kind: 'Node', old: big, node: newNode('worker-3', { labels: { disktype: 'ssd' } }) },
      ['NodeAffinity'],
    ],
    [
      'affinity: node without the label added',
      storedPod({ spec: { nodeSelector: { disktype: 'ssd' } } }),
      ['NodeAffinity'],
      { kind: 'Node', node: big },
      [],
    ],
    // NodeUnschedulable: added schedulable, or uncordoned
    [
      'unschedulable: uncordon',
      storedPod(),
      ['NodeUnschedulable'],
      { kind: 'Node', old: withSpec(big, { unschedulable: true }), node: big },
      ['NodeUnschedulable'],
    ],
    [
      'unschedulable: cordoned node added',
      storedPod(),
      ['NodeUnschedulable'],
      { kind: 'Node', node: withSpec(big, { unschedulable: true }) },
      [],
    ],
    // NodePorts: a deleted pod that held the wanted host port; any new node
    [
      'ports: holder of the port deleted',
      storedPod({ containers: [{ ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
      ['NodePorts'],
      { kind: 'PodDelete', pod: assignedPod('web', 'worker-1', [{ hostPort: 8080 }]) },
      ['NodePorts'],
    ],
    [
      'ports: other port deleted',
      storedPod({ containers: [{ ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
      ['NodePorts'],
      { kind: 'PodDelete', pod: assignedPod('web', 'worker-1', [{ hostPort: 9090 }]) },
      [],
    ],
    [
      'ports: node added',
      storedPod({ containers: [{ ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
      ['NodePorts'],
      { kind: 'Node', node: tainted },
      ['NodePorts'],
    ],
    // VolumeBinding: node events without a hint
    ['volumes: node added', storedPod(), ['VolumeBinding'], { kind: 'Node', node: tainted }, ['VolumeBinding']],
    // only the plugins that rejected the pod are asked
    [
      'not a rejector',
      cpuPod('3950m'),
      ['TaintToleration'],
      { kind: 'PodDelete', pod: assignedPod('w', 'worker-1') },
      [],
    ],
    // a pod that failed without a rejecting plugin is requeued on any event
    ['no rejector', storedPod(), [], { kind: 'Node', node: tainted }, ['']],
  ])('%s', (_, pod, rejectors, change, fired) => {
    expect(firedHints(pod, rejectors, change).map((h) => h.plugin)).toEqual(fired);
  });

  it('both rejectors of the story pod answer Queue for an 8-cpu worker, each with its reason', () => {
    expect(firedHints(cpuPod('3950m'), ['TaintToleration', 'NodeResourcesFit'], { kind: 'Node', node: big })).toEqual([
      {
        plugin: 'TaintToleration',
        event: 'NodeAdd',
        why: 'the pod tolerates every NoSchedule/NoExecute taint of the node',
      },
      { plugin: 'NodeResourcesFit', event: 'NodeAdd', why: "the pod's requests fit the node's allocatable" },
    ]);
  });
});
