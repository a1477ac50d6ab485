// The stress scenario (100 pods in one file, 20 workers) runs to its end: every pod that fits is
// Running on a worker, and each pod asking for 6 CPUs is Pending with the scheduler's v1.33 words.
import { describe, expect, it } from 'vitest';
import { stressScenario } from '@scenarios';
import { simulate } from './system';

interface StoredPod {
  metadata: { name: string };
  spec: { nodeName?: string };
  status: { phase: string; conditions?: { type: string; status: string; reason?: string; message?: string }[] };
}

const trace = simulate(stressScenario());
const last = trace.steps.at(-1)!;
const pods = Object.entries(last.stored)
  .filter(([k]) => k.startsWith('/registry/pods/default/stress-'))
  .map(([, v]) => v as StoredPod);
const tooBig = (name: string) => Number(name.slice('stress-'.length)) % 25 === 24;

// k/k pkg/scheduler/schedule_one.go (FitError.Error) and framework/preemption (PostFilter's message)
const UNSCHEDULABLE =
  '0/21 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, ' +
  '20 Insufficient cpu. preemption: 0/21 nodes are available: 1 Preemption is not helpful for scheduling, ' +
  '20 No preemption victims found for incoming pod.';

describe('the stress scenario', () => {
  it('draws 21 nodes and records every step of the run (the count pins the whole run)', () => {
    expect(trace.nodes).toHaveLength(21);
    expect(trace.steps).toHaveLength(5797);
  });

  it('creates all 100 pods, one line each', () => {
    const apply = last.terminal.filter((l) => l.terminal === 'apply' && l.stream === 'stdout').map((l) => l.text);
    expect(apply).toEqual(Array.from({ length: 100 }, (_, i) => `pod/stress-${String(i).padStart(3, '0')} created`));
    expect(pods).toHaveLength(100);
  });

  it('runs every pod that fits on a worker', () => {
    const running = pods.filter((p) => !tooBig(p.metadata.name));
    expect(running).toHaveLength(96);
    for (const p of running) {
      expect(p.status.phase).toBe('Running');
      expect(p.spec.nodeName).toMatch(/^worker-\d+$/);
    }
    expect(new Set(running.map((p) => p.spec.nodeName)).size).toBe(20);
  });

  it('leaves each pod asking for 6 CPUs Pending, Unschedulable', () => {
    const pending = pods.filter((p) => tooBig(p.metadata.name));
    expect(pending.map((p) => p.metadata.name)).toEqual(['stress-024', 'stress-049', 'stress-074', 'stress-099']);
    for (const p of pending) {
      expect(p.status.phase).toBe('Pending');
      expect(p.spec.nodeName).toBeUndefined();
      expect(p.status.conditions).toEqual([
        expect.objectContaining({
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: UNSCHEDULABLE,
        }),
      ]);
    }
  });
});
