import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { defaultCluster, defaultImages } from '@scenarios';
import { createRng } from '../random';
import type { KubeObject } from '../scenario';
import { fitErrorMessage, truncateMessage } from './fitError';
import { schedulePod } from './schedule';
import { buildSnapshot } from './snapshot';
import { storedPod } from './testPod';

const snapshot = (extra: KubeObject[] = [], objects = defaultCluster()) =>
  buildSnapshot([...objects, ...extra], defaultImages());
const cpuHungry = (cpu: string, spec: Partial<NonNullable<Pod['spec']>> = {}) =>
  storedPod({ containers: [{ resources: { requests: { cpu } } }], spec });

describe('schedulePod', () => {
  it('default cluster: control-plane is filtered out by its taint, both workers score 393, the seeded Rng breaks the tie', () => {
    const out = schedulePod(storedPod(), snapshot(), createRng(20250423));
    expect(out.feasible).toEqual(['worker-1', 'worker-2']);
    expect(out.result.nodes[0]!.filters.at(-1)).toEqual({
      plugin: 'TaintToleration',
      status: 'UnschedulableAndUnresolvable',
      reason: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    });
    expect(out.result.selected).toMatch(/^worker-[12]$/);
    expect(out.scoringSkipped).toBe(false);
    // Same input, same choice; across seeds, both tied workers get picked (reservoir sampling).
    expect(schedulePod(storedPod(), snapshot(), createRng(20250423)).result.selected).toBe(out.result.selected);
    const picks = new Set(
      Array.from({ length: 20 }, (_, seed) => schedulePod(storedPod(), snapshot(), createRng(seed)).result.selected),
    );
    expect([...picks].sort()).toEqual(['worker-1', 'worker-2']);
  });

  it('golden check 17: tainted control plane, two workers short of cpu → the exact FailedScheduling message', () => {
    const out = schedulePod(cpuHungry('3950m'), snapshot(), createRng(1));
    expect(out.fitError).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(out.result.failureMessage).toBe(out.fitError);
    expect(out.result.selected).toBeUndefined();
    expect(out.result.nodes.map((n) => n.filters.at(-1)?.reason)).toEqual([
      'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
      'Insufficient cpu',
      'Insufficient cpu',
    ]);
  });

  it('preemptionPolicy: Never makes the pod ineligible to preempt', () => {
    const out = schedulePod(cpuHungry('3950m', { preemptionPolicy: 'Never' }), snapshot(), createRng(1));
    expect(out.fitError).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });

  it('preemption that would help nominates a node and adds no PostFilter message', () => {
    const running = (name: string, node: string, priority: number) =>
      ({
        ...cpuHungry('1'),
        metadata: { name, namespace: 'default' },
        spec: { ...cpuHungry('1').spec!, nodeName: node, priority },
      }) as unknown as KubeObject;
    // Both workers have 2900m free; only worker-1's extra pod has a lower priority than the newcomer.
    const out = schedulePod(
      cpuHungry('3800m', { priority: 1000 }),
      snapshot([running('batch', 'worker-1', 0), running('db', 'worker-2', 2000)]),
      createRng(1),
    );
    expect(out.preemption).toEqual({ message: '', nominated: { node: 'worker-1', victims: ['default/batch'] } });
    expect(out.fitError).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.',
    );
  });

  it('a PreFilter rejection applies to every node and replaces the histogram', () => {
    const pod = storedPod({ spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } });
    const out = schedulePod(pod, snapshot(), createRng(1));
    expect(out.fitError).toBe(
      '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(out.result.nodes.every((n) => n.filters.length === 1 && n.filters[0]!.plugin === 'VolumeBinding')).toBe(
      true,
    );
  });

  it('with exactly one feasible node the pod goes there without scoring', () => {
    const objects = defaultCluster().map((o) =>
      o.kind === 'Node' && o.metadata.name === 'worker-1'
        ? { ...o, spec: { ...(o.spec as object), taints: [{ key: 'maintenance', effect: 'NoSchedule' }] } }
        : o,
    );
    const out = schedulePod(storedPod(), snapshot([], objects), createRng(1));
    expect(out).toMatchObject({ feasible: ['worker-2'], scoringSkipped: true, result: { selected: 'worker-2' } });
    expect(out.result.nodes.some((n) => n.scores)).toBe(false);
  });

  it('the FailedScheduling histogram sorts "<count> <reason>" strings byte-wise', () => {
    const s = (...reasons: string[]) => ({ code: 'Unschedulable' as const, reasons });
    expect(
      fitErrorMessage({
        numAllNodes: 4,
        nodeStatuses: [
          s('Insufficient memory'),
          s('Insufficient cpu', 'Insufficient memory'),
          s('Too many pods'),
          s('Insufficient memory'),
        ],
      }),
    ).toBe('0/4 nodes are available: 1 Insufficient cpu, 1 Too many pods, 3 Insufficient memory.');
  });

  it('event notes are cut at 1024 characters with " ..."', () => {
    const long = 'x'.repeat(2000);
    expect(truncateMessage(long)).toHaveLength(1024);
    expect(truncateMessage(long).endsWith('x ...')).toBe(true);
    expect(truncateMessage('short')).toBe('short');
  });
});
