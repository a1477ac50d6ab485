import { describe, expect, it } from 'vitest';
import { canonicalPod } from './canonical';

describe('canonicalPod: the order kube-apiserver writes a Pod in', () => {
  it('writes every struct in its Go field order, however deep', () => {
    const pod = {
      spec: {
        containers: [
          {
            readinessProbe: { failureThreshold: 3, periodSeconds: 5, httpGet: { port: 80, path: '/' } },
            securityContext: { runAsUser: 1000, capabilities: { drop: ['ALL'] } },
            image: 'nginx',
            name: 'web',
          },
        ],
      },
      metadata: { namespace: 'default', name: 'p' },
      apiVersion: 'v1',
      kind: 'Pod',
    };
    expect(JSON.stringify(canonicalPod(pod))).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","namespace":"default"},"spec":{"containers":[{"name":"web","image":"nginx","readinessProbe":{"httpGet":{"path":"/","port":80},"periodSeconds":5,"failureThreshold":3},"securityContext":{"capabilities":{"drop":["ALL"]},"runAsUser":1000}}]}}',
    );
  });

  it("writes a map's keys sorted, as Go's encoding/json does", () => {
    const pod = { metadata: { labels: { tier: 'web', app: 'shop', 'app.kubernetes.io/name': 'shop' } } };
    expect(Object.keys(canonicalPod(pod).metadata.labels)).toEqual(['app', 'app.kubernetes.io/name', 'tier']);
  });

  it('keeps fields the struct does not have after its own, in the order they came', () => {
    const pod = { spec: { zeta: 1, containers: [], alpha: 2, restartPolicy: 'Always' } };
    expect(Object.keys(canonicalPod(pod).spec)).toEqual(['containers', 'restartPolicy', 'zeta', 'alpha']);
  });

  it('returns a pod already in order as it is', () => {
    const pod = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p', labels: { a: '1', b: '2' } }, spec: {} };
    expect(canonicalPod(pod)).toBe(pod);
  });
});
