import { describe, expect, it } from 'vitest';
import { changedLines, objectYaml, parseFieldPath } from './objectYaml';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'example-pod',
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Pod"}\n' },
    managedFields: [{ manager: 'kubectl-client-side-apply' }],
  },
  spec: {
    containers: [{ name: 'example-pod', image: 'nginx', ports: [{ containerPort: 8000, protocol: 'TCP' }] }],
    restartPolicy: 'Always',
  },
};

describe('objectYaml', () => {
  it('prints like kubectl get -o yaml: sorted keys, unindented sequences, no managedFields', () => {
    expect(objectYaml(pod, false)).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  annotations:',
        '    kubectl.kubernetes.io/last-applied-configuration: |',
        '      {"kind":"Pod"}',
        '  name: example-pod',
        'spec:',
        '  containers:',
        '  - image: nginx',
        '    name: example-pod',
        '    ports:',
        '    - containerPort: 8000',
        '      protocol: TCP',
        '  restartPolicy: Always',
        '',
      ].join('\n'),
    );
  });

  it('shows managedFields when asked', () => {
    expect(objectYaml(pod, true)).toContain('  managedFields:\n  - manager: kubectl-client-side-apply\n');
  });
});

describe('parseFieldPath', () => {
  it.each([
    ['spec.containers[0].image', ['spec', 'containers', '0', 'image']],
    [
      'metadata.annotations[kubectl.kubernetes.io/last-applied-configuration]',
      ['metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration'],
    ],
    ['status.containerStatuses[0].state.running', ['status', 'containerStatuses', '0', 'state', 'running']],
    ['spec', ['spec']],
  ])('%s', (path, segments) => {
    expect(parseFieldPath(path)).toEqual(segments);
  });
});

describe('changedLines', () => {
  const text = objectYaml(pod, false);
  it.each<[string[], number[]]>([
    [['spec.restartPolicy'], [15]],
    [['spec.containers[0].ports[0].protocol'], [14]],
    [['spec.containers[0].ports'], [12, 13, 14]],
    [['spec.containers[0]'], [10, 11, 12, 13, 14]],
    [['metadata.annotations[kubectl.kubernetes.io/last-applied-configuration]'], [5, 6]],
    [['metadata.managedFields', 'spec.nodeName'], []],
  ])('%j → lines %j', (paths, lines) => {
    expect([...changedLines(text, paths)].sort((a, b) => a - b)).toEqual(lines);
  });
});
