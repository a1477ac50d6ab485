import { describe, expect, it } from 'vitest';
import {
  addPod,
  backoffDurationMs,
  emptyQueue,
  flushBackoffCompleted,
  flushUnschedulableLeftover,
  hasPodToPop,
  leftoverRetryAt,
  isQueued,
  markUnschedulable,
  onClusterEvent,
  popPod,
  removePod,
  updatePod,
} from './queue';
import { newNode, storedPod } from './testPod';

const names = (q: { pod: { metadata?: { name?: string } } }[]) => q.map((p) => p.pod.metadata?.name);

describe('scheduling queue', () => {
  it('activeQ pops by priority, then by arrival (PrioritySort)', () => {
    let q = emptyQueue();
    q = addPod(q, storedPod({ name: 'low-early' }), 0);
    q = addPod(q, storedPod({ name: 'high', spec: { priority: 1000 } }), 5);
    q = addPod(q, storedPod({ name: 'low-late' }), 10);
    expect(names(q.activeQ)).toEqual(['high', 'low-early', 'low-late']);
    const { pod, queue } = popPod(q);
    expect(pod?.pod.metadata?.name).toBe('high');
    expect(pod?.attempts).toBe(1);
    expect(names(queue.activeQ)).toEqual(['low-early', 'low-late']);
  });

  it('a pod with scheduling gates never enters activeQ (SchedulingGates PreEnqueue)', () => {
    const q = addPod(emptyQueue(), storedPod({ spec: { schedulingGates: [{ name: 'example.com/wait' }] } }), 0);
    expect(q.activeQ).toEqual([]);
    expect(q.unschedulable).toHaveLength(1);
    expect(q.unschedulable[0]!.gated).toBe(true);
    expect(onClusterEvent(q, { kind: 'Node', node: newNode('worker-3') }, 1000).queue.unschedulable).toHaveLength(1);
  });

  it.each([
    [0, 0],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 10000],
    [9, 10000],
  ])('back-off after %i attempts is %i ms (1 s doubling, 10 s cap)', (attempts, ms) => {
    expect(backoffDurationMs(attempts)).toBe(ms);
  });

  it('an unschedulable pod moves on a cluster event: to backoffQ while backing off, then to activeQ', () => {
    const { pod, queue } = popPod(addPod(emptyQueue(), storedPod(), 0));
    let q = markUnschedulable(queue, pod!, 100, ['NodeResourcesFit']);
    q = onClusterEvent(q, { kind: 'Node', node: newNode('worker-3') }, 500).queue; // 1 s back-off until t = 1100
    expect(q.backoffQ).toHaveLength(1);
    expect(q.activeQ).toHaveLength(0);
    expect(flushBackoffCompleted(q, 1099).activeQ).toHaveLength(0);
    expect(flushBackoffCompleted(q, 1100).activeQ).toHaveLength(1);
  });

  it('pops from backoffQ when activeQ is empty (SchedulerPopFromBackoffQ), but activeQ first', () => {
    const { pod, queue } = popPod(addPod(emptyQueue(), storedPod({ name: 'waiting' }), 0));
    const q = onClusterEvent(
      markUnschedulable(queue, pod!, 100, ['NodeResourcesFit']),
      { kind: 'Node', node: newNode('worker-3') },
      500,
    ).queue;
    expect(hasPodToPop(q)).toBe(true);
    expect(popPod(q).pod).toMatchObject({ key: 'default/waiting', attempts: 2 });
    const busy = addPod(q, storedPod({ name: 'new' }), 600);
    expect(popPod(busy).pod?.key).toBe('default/new');
  });

  it('without cluster events it is retried by the 30-second flush once it has waited more than 5 minutes', () => {
    const { pod, queue } = popPod(addPod(emptyQueue(), storedPod(), 0));
    const q = markUnschedulable(queue, pod!, 140, ['NodeResourcesFit']);
    expect(flushUnschedulableLeftover(q, 300_140).activeQ).toHaveLength(0);
    expect(flushUnschedulableLeftover(q, 300_141).activeQ).toHaveLength(1);
    expect(leftoverRetryAt(q.unschedulable[0]!)).toBe(330_000);
  });

  it('a cluster event moves only the pods whose rejecting plugins answer Queue', () => {
    let q = emptyQueue();
    for (const name of ['hungry', 'picky']) {
      const spec = name === 'picky' ? { nodeSelector: { disktype: 'ssd' } } : {};
      const { pod, queue } = popPod(addPod(q, storedPod({ name, spec }), 0));
      q = markUnschedulable(queue, pod!, 100, name === 'hungry' ? ['NodeResourcesFit'] : ['NodeAffinity']);
    }
    const hungryNeeds = storedPod({ name: 'hungry', containers: [{ resources: { requests: { cpu: '3' } } }] });
    q = updatePod(q, hungryNeeds, 200).queue;
    const { queue, moves } = onClusterEvent(q, { kind: 'Node', node: newNode('worker-3') }, 5_000);
    expect(moves.map((m) => [m.pod.key, m.to, m.hints.map((h) => h.plugin)])).toEqual([
      ['default/hungry', 'activeQ', ['NodeResourcesFit']],
    ]);
    expect(names(queue.activeQ)).toEqual(['hungry']);
    expect(names(queue.unschedulable)).toEqual(['picky']);
  });

  it('updatePod keeps the newest copy; removing the last gate passes PreEnqueue and enters activeQ', () => {
    const gated = storedPod({ spec: { schedulingGates: [{ name: 'example.com/quota' }] } });
    const q = addPod(emptyQueue(), gated, 0);
    const stillGated = updatePod(q, gated, 1_000);
    expect(stillGated.ungated).toBe(false);
    expect(stillGated.queue.activeQ).toEqual([]);
    const { queue, ungated } = updatePod(q, storedPod(), 2_000);
    expect(ungated).toBe(true);
    expect(queue.unschedulable).toEqual([]);
    expect(queue.activeQ).toMatchObject([{ key: 'default/example-pod', gated: false, timestamp: 2_000 }]);
  });

  it('removePod takes a deleted pod out of every sub-queue', () => {
    const q = addPod(emptyQueue(), storedPod(), 0);
    expect(isQueued(q, 'default/example-pod')).toBe(true);
    expect(isQueued(removePod(q, 'default/example-pod'), 'default/example-pod')).toBe(false);
  });
});
