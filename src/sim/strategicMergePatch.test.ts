import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch, threeWayMergePatch } from './strategicMergePatch';

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

describe('threeWayMergePatch (kubectl apply)', () => {
  const containers = (image: string, extra: Record<string, unknown> = {}) => [{ name: 'c', image, ...extra }];
  it.each([
    [
      'nothing changed: the live defaults are not deletions',
      { spec: { containers: containers('a') } },
      { spec: { containers: containers('a') } },
      { spec: { containers: containers('a', { imagePullPolicy: 'Always' }) }, status: { phase: 'Running' } },
      {},
    ],
    [
      'a changed image: the item with its merge key, and $setElementOrder',
      { spec: { containers: containers('a') } },
      { spec: { containers: containers('b') } },
      { spec: { containers: containers('a', { imagePullPolicy: 'Always' }) } },
      { spec: { containers: [{ name: 'c', image: 'b' }], '$setElementOrder/containers': [{ name: 'c' }] } },
    ],
    [
      'a field dropped from the manifest is deleted (null)',
      { metadata: { labels: { a: '1', b: '2' } } },
      { metadata: { labels: { a: '1' } } },
      { metadata: { labels: { a: '1', b: '2', c: 'set-by-someone-else' } } },
      { metadata: { labels: { b: null } } },
    ],
    [
      'a container dropped from the manifest: $patch delete',
      {
        spec: {
          containers: [
            { name: 'x', image: 'i' },
            { name: 'y', image: 'j' },
          ],
        },
      },
      { spec: { containers: [{ name: 'x', image: 'i' }] } },
      {
        spec: {
          containers: [
            { name: 'x', image: 'i' },
            { name: 'y', image: 'j' },
          ],
        },
      },
      {
        spec: {
          containers: [{ name: 'y', $patch: 'delete' }],
          '$setElementOrder/containers': [{ name: 'x' }],
        },
      },
    ],
    [
      'no last-applied configuration: additions only',
      undefined,
      { data: { k: 'v' } },
      { data: { k: 'old', other: 'x' } },
      { data: { k: 'v' } },
    ],
  ])('%s', (_name, original, modified, current, patch) => {
    expect(threeWayMergePatch(original, modified, current)).toEqual(patch);
  });

  it('round-trips: the patch applied to the live object gives the manifest plus what others set', () => {
    const current = {
      spec: { containers: containers('a', { imagePullPolicy: 'Always' }) },
      status: { phase: 'Running' },
    };
    const patch = threeWayMergePatch(
      { spec: { containers: containers('a') } },
      { spec: { containers: containers('b') } },
      current,
    );
    expect(applyStrategicMergePatch(current, patch)).toEqual({
      spec: { containers: containers('b', { imagePullPolicy: 'Always' }) },
      status: { phase: 'Running' },
    });
  });
});
