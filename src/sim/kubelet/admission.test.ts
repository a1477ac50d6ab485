import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { defaultCluster } from '@scenarios';
import { boundPod, storedPod } from '../scheduler/testPod';
import { admitPod } from './admission';

const cluster = defaultCluster();
const node = (name: string) => cluster.find((o) => o.kind === 'Node' && o.metadata.name === name) as unknown as Node;
const podsOn = (name: string) =>
  cluster.filter((o) => o.kind === 'Pod' && (o.spec as { nodeName?: string }).nodeName === name) as unknown as Pod[];
const taint = (n: Node, t: object): Node => ({ ...n, spec: { ...n.spec, taints: [t as never] } });

describe('kubelet admission (lifecycle/predicate.go)', () => {
  it.each<[string, Pod, Node, { admit: boolean; reason?: string; message?: string }]>([
    ['the story pod fits', boundPod('worker-1'), node('worker-1'), { admit: true }],
    [
      'too much cpu → OutOfcpu with the InsufficientResourceError text',
      boundPod('worker-1', storedPod({ containers: [{ resources: { requests: { cpu: '4' } } }] })),
      node('worker-1'),
      {
        admit: false,
        reason: 'OutOfcpu',
        message: "Node didn't have enough resource: cpu, requested: 4000, used: 100, capacity: 4000",
      },
    ],
    [
      'node selector mismatch',
      boundPod('worker-1', storedPod({ spec: { nodeSelector: { disktype: 'ssd' } } })),
      node('worker-1'),
      {
        admit: false,
        reason: 'NodeAffinity',
        message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
      },
    ],
    [
      'NoSchedule taints do not matter to the kubelet',
      boundPod('control-plane'),
      node('control-plane'),
      { admit: true },
    ],
    [
      'an untolerated NoExecute taint does',
      boundPod('worker-1'),
      taint(node('worker-1'), { key: 'evict', value: 'now', effect: 'NoExecute' }),
      {
        admit: false,
        reason: 'TaintToleration',
        message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate",
      },
    ],
  ])('%s', (_, pod, n, expected) => {
    expect(admitPod(pod, n, podsOn(n.metadata?.name ?? ''))).toEqual(expected);
  });
});
