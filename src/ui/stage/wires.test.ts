import { describe, expect, it } from 'vitest';
import { kubeletId } from '@sim';
import { travelled, wireKey, wiresOf } from './wires';

describe('wiresOf', () => {
  it('connects every component to kube-apiserver and nothing else', () => {
    const wires = wiresOf(
      [
        { name: 'control-plane', role: 'control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24' },
        { name: 'worker-1', role: 'worker', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' },
      ],
      kubeletId,
    );
    expect(wires).toEqual([
      ['kubectl', 'kube-apiserver'],
      ['kubectl-watch', 'kube-apiserver'],
      ['kube-apiserver', 'etcd'],
      ['kube-apiserver', 'kube-scheduler'],
      ['kube-apiserver', 'kubelet:control-plane'],
      ['kube-apiserver', 'kubelet:worker-1'],
    ]);
    expect(wires.every((w) => w.includes('kube-apiserver'))).toBe(true);
  });

  it('keys a wire the same in both directions', () => {
    expect(wireKey('etcd', 'kube-apiserver')).toBe(wireKey('kube-apiserver', 'etcd'));
  });
});

describe('travelled', () => {
  it.each([
    [0.5, 0, 1, 0.5],
    [0, 0, 2, 0],
    [0.82, 0, 2, 1],
    [0.18, 1, 2, 0],
    [1, 1, 2, 1],
    [0.59, 1, 2, 0.5],
  ])('progress %d, lane %d of %d → %d', (progress, lane, lanes, t) => {
    expect(travelled(progress, lane, lanes)).toBeCloseTo(t, 10);
  });
});
