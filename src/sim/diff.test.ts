import { describe, expect, it } from 'vitest';
import { childPath, diffObjects } from './diff';

describe('diffObjects', () => {
  it('lists changes in the order of the new object, whole additions as one change', () => {
    const before = {
      metadata: { name: 'p', labels: { a: '1' } },
      spec: { containers: [{ name: 'c' }], tolerations: [{ key: 'x' }] },
    };
    const after = {
      metadata: { name: 'p', labels: { a: '2' }, uid: 'u' },
      spec: { containers: [{ name: 'c', volumeMounts: [{ name: 'v' }] }], volumes: [{ name: 'v' }] },
    };
    expect(diffObjects(before, after, 'test')).toEqual([
      { path: 'metadata.labels.a', op: 'replace', before: '1', after: '2', by: 'test' },
      { path: 'metadata.uid', op: 'add', after: 'u', by: 'test' },
      { path: 'spec.containers[0].volumeMounts', op: 'add', after: [{ name: 'v' }], by: 'test' },
      { path: 'spec.volumes', op: 'add', after: [{ name: 'v' }], by: 'test' },
      { path: 'spec.tolerations', op: 'remove', before: [{ key: 'x' }], by: 'test' },
    ]);
  });

  it('compares lists item by item', () => {
    expect(diffObjects({ l: [1, 2] }, { l: [1, 3, 4] }, 'b')).toEqual([
      { path: 'l[1]', op: 'replace', before: 2, after: 3, by: 'b' },
      { path: 'l[2]', op: 'add', after: 4, by: 'b' },
    ]);
  });

  it('writes keys that are not identifiers in brackets', () => {
    expect(childPath('metadata.annotations', 'kubectl.kubernetes.io/last-applied-configuration')).toBe(
      'metadata.annotations[kubectl.kubernetes.io/last-applied-configuration]',
    );
    expect(diffObjects({}, {}, 'x')).toEqual([]);
  });
});
