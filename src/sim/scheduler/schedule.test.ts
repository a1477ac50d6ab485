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

  /** Required node affinity on metadata.name, as the DaemonSet controller writes it. */
  const pinnedTo = (names: string[], cpu?: string, alsoIn?: string[]) =>
    storedPod({
      containers: [{ resources: { requests: cpu ? { cpu } : {} } }],
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchFields: [
                    { key: 'metadata.name', operator: 'In', values: names },
                    ...(alsoIn ? [{ key: 'metadata.name', operator: 'In', values: alsoIn }] : []),
                  ],
                },
              ],
            },
          },
        },
      },
    });
  const nodeWith = (name: string, change: (spec: Record<string, unknown>) => Record<string, unknown>) =>
    defaultCluster().map((o) =>
      o.kind === 'Node' && o.metadata.name === name
        ? { ...o, spec: change((o.spec ?? {}) as Record<string, unknown>) }
        : o,
    );
  const bothWorkers = (taint: object) =>
    nodeWith('worker-1', (sp) => ({ ...sp, taints: [taint] })).map((o) =>
      o.kind === 'Node' && o.metadata.name === 'worker-2'
        ? { ...o, spec: { ...(o.spec as object), taints: [taint] } }
        : o,
    );

  it.each<[string, Pod, KubeObject[], string]>([
    [
      'insufficient CPU',
      cpuHungry('3950m'),
      defaultCluster(),
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ],
    [
      'nodeSelector mismatch',
      storedPod({ spec: { nodeSelector: { disktype: 'ssd' } } }),
      defaultCluster(),
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ],
    [
      'untolerated taint on every node',
      storedPod(),
      bothWorkers({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }),
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {dedicated: gpu}. ' +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ],
    [
      'missing PVC (a PreFilter rejection replaces the per-node histogram)',
      storedPod({ spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } }),
      defaultCluster(),
      '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ],
    [
      'a cordoned worker and a worker short of memory',
      storedPod({ containers: [{ resources: { requests: { memory: '9Gi' } } }] }),
      nodeWith('worker-1', (sp) => ({ ...sp, unschedulable: true })),
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. ' +
        'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    ],
    [
      'a host port taken on both workers (NodePorts is Unschedulable: preemption is tried)',
      storedPod({ containers: [{ ports: [{ containerPort: 8000, hostPort: 10250 }] }] }),
      [
        ...defaultCluster(),
        ...['worker-1', 'worker-2'].map(
          (node) =>
            ({
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: { name: `exporter-${node}`, namespace: 'monitoring' },
              spec: {
                nodeName: node,
                priority: 1000,
                containers: [{ name: 'c', image: 'exporter:1', ports: [{ containerPort: 10250, hostPort: 10250 }] }],
              },
            }) as KubeObject,
        ),
      ],
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't have free ports for the requested pod ports. " +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ],
    [
      'pinned by metadata.name like a DaemonSet pod, too little cpu there (PreFilterResult)',
      pinnedTo(['worker-1'], '3950m'),
      defaultCluster(),
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
        'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    ],
    [
      'pinned to a node that does not exist',
      pinnedTo(['worker-9']),
      defaultCluster(),
      "0/3 nodes are available: 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ],
    [
      'a term whose name requirements exclude each other',
      pinnedTo(['worker-1'], undefined, ['worker-2']),
      defaultCluster(),
      '0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ],
  ])('FailedScheduling message: %s', (_, pod, objects, message) => {
    expect(schedulePod(pod, snapshot([], objects), createRng(1)).fitError).toBe(message);
  });

  it.each<[string, number, [string, string[]][], string]>([
    // counts before reasons, compared as strings: "10 …" sorts before "2 …" ('1' < '2')
    [
      'two-digit counts sort as text',
      12,
      [
        ...Array.from({ length: 10 }, (): [string, string[]] => ['Unschedulable', ['Too many pods']]),
        ['Unschedulable', ['Insufficient cpu']],
        ['Unschedulable', ['Insufficient cpu']],
      ],
      '0/12 nodes are available: 10 Too many pods, 2 Insufficient cpu.',
    ],
    // equal counts: byte order of the reason, capitals before lower case ("I" < "n")
    [
      'equal counts sort by reason, upper case first',
      3,
      [
        ['UnschedulableAndUnresolvable', ['node(s) were unschedulable']],
        ['Unschedulable', ['Insufficient memory']],
        ['UnschedulableAndUnresolvable', ["node(s) didn't match Pod's node affinity/selector"]],
      ],
      "0/3 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable.",
    ],
    // one node with several reasons counts each of them
    [
      'several reasons of one node each count',
      2,
      [
        ['Unschedulable', ['Too many pods', 'Insufficient cpu', 'Insufficient memory']],
        ['Unschedulable', ['Insufficient cpu']],
      ],
      '0/2 nodes are available: 1 Insufficient memory, 1 Too many pods, 2 Insufficient cpu.',
    ],
  ])('FitError histogram: %s', (_, n, statuses, message) => {
    const nodeStatuses = statuses.map(([code, reasons]) => ({ code: code as 'Unschedulable', reasons }));
    expect(fitErrorMessage({ numAllNodes: n, nodeStatuses })).toBe(message);
  });

  it('the outcome names the plugins that rejected the pod (their QueueingHints decide the retry)', () => {
    expect(schedulePod(cpuHungry('3950m'), snapshot(), createRng(1)).unschedulablePlugins).toEqual([
      'TaintToleration',
      'NodeResourcesFit',
    ]);
    const pvc = storedPod({ spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } });
    expect(schedulePod(pvc, snapshot(), createRng(1)).unschedulablePlugins).toEqual(['VolumeBinding']);
    expect(schedulePod(storedPod(), snapshot(), createRng(1)).unschedulablePlugins).toEqual([]);
  });

  it('a PreFilterResult limits Filter to the named nodes; one fits, so it is chosen without scoring', () => {
    const out = schedulePod(pinnedTo(['worker-2']), snapshot(), createRng(1));
    expect(out).toMatchObject({ feasible: ['worker-2'], scoringSkipped: true, result: { selected: 'worker-2' } });
    expect(out.result.nodes[0]).toEqual({
      node: 'control-plane',
      filters: [
        {
          plugin: 'NodeAffinity',
          status: 'UnschedulableAndUnresolvable',
          reason: "node(s) didn't satisfy plugin(s) [NodeAffinity]",
        },
      ],
    });
  });
});
