import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@sim';
import { fanOut, watcherFor, type Watcher } from './watchCache';

const node = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
});
const pod = (name: string, nodeName?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: nodeName ? { nodeName } : {},
});
const watcher = (path: string, id: 'kube-scheduler' | 'kubelet:worker-1' = 'kube-scheduler') =>
  watcherFor(id, path) as Watcher;

describe('the watch cache, one per resource', () => {
  it.each([
    ['/api/v1/nodes?watch=true', { kind: 'Node', namespace: '' }],
    ['/api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1&watch=true', { kind: 'Pod', namespace: '' }],
    ['/api/v1/namespaces/default/configmaps?watch=true', { kind: 'ConfigMap', namespace: 'default' }],
    ['/api/v1/nodes?fieldSelector=metadata.name%3Dworker-1&watch=true', { kind: 'Node', namespace: '' }],
  ])('serves %s', (path, expected) => {
    expect(watcherFor('kube-scheduler', path)).toMatchObject({ ...expected, path });
  });

  it.each([
    ['/api/v1/nodes?fieldSelector=spec.nodeName%3Dx&watch=true', 'field label not supported: spec.nodeName'],
    ['/api/v1/nodes', 'not a watch on a simulated resource: /api/v1/nodes'],
    [
      '/apis/apps/v1/deployments?watch=true',
      'not a watch on a simulated resource: /apis/apps/v1/deployments?watch=true',
    ],
  ])('refuses %s', (path, error) => {
    expect(watcherFor('kube-scheduler', path)).toEqual({ error });
  });

  it('sends node changes to node watchers only, pod changes to pod watchers only', () => {
    const watchers = [
      watcher('/api/v1/nodes?watch=true'),
      watcher('/api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1&watch=true', 'kubelet:worker-1'),
    ];
    expect(fanOut(watchers, undefined, node('worker-3'), 10).map((d) => `${d.watcher} ${d.watchType}`)).toEqual([
      'kube-scheduler ADDED',
    ]);
    expect(
      fanOut(watchers, node('worker-3'), node('worker-3', { a: 'b' }), 11).map((d) => `${d.watcher} ${d.watchType}`),
    ).toEqual(['kube-scheduler MODIFIED']);
    expect(fanOut(watchers, pod('p'), pod('p', 'worker-1'), 12).map((d) => `${d.watcher} ${d.watchType}`)).toEqual([
      'kubelet:worker-1 ADDED',
    ]);
  });
});
