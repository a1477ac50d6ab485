import { describe, expect, it } from 'vitest';
import { pruneUnknownPodFields, unknownPodFields } from './podFields';

describe('strict field validation', () => {
  const body = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', lables: {} },
    spec: {
      containers: [{ name: 'c', imagee: 'nginx', ports: [{ containerPort: 80, hostport: 1 }] }],
      nodeSelector: { anything: 'x' },
    },
  };
  it('names every unknown field by its path, in document order', () => {
    expect(unknownPodFields(body)).toEqual([
      'metadata.lables',
      'spec.containers[0].imagee',
      'spec.containers[0].ports[0].hostport',
    ]);
  });
  it('looks into probes, security contexts and volume sources, not into structs it does not list', () => {
    const deep = {
      spec: {
        containers: [
          { name: 'c', livenessProbe: { httpGet: { port: 80, pth: '/' } }, securityContext: { privilged: true } },
        ],
        volumes: [{ name: 'v', emptyDir: { sizelimit: '1Gi' } }],
        affinity: { anything: {} },
      },
    };
    expect(unknownPodFields(deep)).toEqual([
      'spec.containers[0].livenessProbe.httpGet.pth',
      'spec.containers[0].securityContext.privilged',
      'spec.volumes[0].emptyDir.sizelimit',
    ]);
  });
  it('drops them when validation is not strict', () => {
    expect(unknownPodFields(pruneUnknownPodFields(body))).toEqual([]);
  });
  it('decodes a null list item as an empty object, as encoding/json does for a struct element', () => {
    const decoded = pruneUnknownPodFields({ spec: { containers: [{ name: 'c' }], tolerations: [null] } });
    expect(decoded).toEqual({ spec: { containers: [{ name: 'c' }], tolerations: [{}] } });
  });
});
