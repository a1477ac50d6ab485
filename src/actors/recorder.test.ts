import { describe, expect, it } from 'vitest';
import { createRecorder } from './recorder';

const narration = { summary: 's', detail: 'd', docs: [] };

describe('recorder', () => {
  it('stamps steps with time and the snapshots taken after the reported changes', () => {
    let now = 0;
    const r = createRecorder(() => now);
    r.terminal({ terminal: 'apply', stream: 'command', text: 'kubectl apply -f pod.yaml' });
    r.step({ component: 'kubectl', place: 'read-manifest', title: 'read', outcome: 'info', narration });
    now = 12;
    r.store('/registry/pods/default/p', { metadata: { name: 'p' } });
    r.podCard({ at: 'etcd', status: 'Pending' });
    r.step({ component: 'etcd', place: 'storage', title: 'write', outcome: 'ok', narration });
    const [a, b] = r.steps;
    expect(a).toMatchObject({
      index: 0,
      t: 0,
      stored: {},
      pod: { at: 'kubectl', status: 'manifest' },
      packets: [],
      changes: [],
    });
    expect(a!.terminal).toHaveLength(1);
    expect(b).toMatchObject({ index: 1, t: 12, pod: { at: 'etcd', status: 'Pending' } });
    expect(Object.keys(b!.stored)).toEqual(['/registry/pods/default/p']);
    // earlier snapshots are never mutated by later changes
    expect(a!.stored).toEqual({});
  });

  it('counts repeated events like the event recorder does (same object, reason and message)', () => {
    let now = 0;
    const r = createRecorder(() => now);
    const e = {
      type: 'Normal' as const,
      reason: 'BackOff',
      message: 'Back-off pulling image "x"',
      from: 'kubelet',
      object: 'pod/p',
    };
    r.event(e);
    now = 10_000;
    r.event(e);
    r.step({ component: 'kubelet:worker-1', place: 'image', title: 'x', outcome: 'warn', narration });
    expect(r.steps[0]!.events).toEqual([{ ...e, firstT: 0, lastT: 10_000, count: 2 }]);
  });

  it('bounds the number of steps so a runaway loop cannot exhaust memory', () => {
    const r = createRecorder(() => 0, 3);
    for (let i = 0; i < 10; i++)
      r.step({ component: 'kubectl', place: 'output', title: `${i}`, outcome: 'info', narration });
    expect(r.steps).toHaveLength(3);
  });
});
