import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch } from './strategicMergePatch';

describe('applyStrategicMergePatch', () => {
  const pod = {
    metadata: { name: 'p', uid: 'u' },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'True' }],
      containerStatuses: [{ name: 'c', ready: false }],
      qosClass: 'BestEffort',
    },
  };

  it('merges conditions by type and follows $setElementOrder', () => {
    const out = applyStrategicMergePatch(pod, {
      metadata: { uid: 'u' },
      status: {
        '$setElementOrder/conditions': [{ type: 'Initialized' }, { type: 'PodScheduled' }],
        conditions: [
          { type: 'Initialized', status: 'True' },
          { type: 'PodScheduled', reason: 'x' },
        ],
        phase: 'Running',
      },
    });
    expect(out.status.conditions).toEqual([
      { type: 'Initialized', status: 'True' },
      { type: 'PodScheduled', status: 'True', reason: 'x' },
    ]);
    expect(out.status.phase).toBe('Running');
    expect(pod.status.conditions).toHaveLength(1); // inputs are untouched
  });

  it('replaces lists without a merge key, deletes fields set to null and items marked $patch: delete', () => {
    const out = applyStrategicMergePatch(pod, {
      status: {
        containerStatuses: [{ name: 'c', ready: true }],
        qosClass: null,
        conditions: [{ type: 'PodScheduled', $patch: 'delete' }],
      },
    });
    expect(out.status).toEqual({ phase: 'Pending', conditions: [], containerStatuses: [{ name: 'c', ready: true }] });
  });
});
