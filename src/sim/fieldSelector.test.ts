import { describe, expect, it } from 'vitest';
import { matchesFieldSelector, parseFieldSelector, unsupportedPodField } from './fieldSelector';
import type { KubeObject } from './scenario';

const pod = (nodeName: string | undefined, phase: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec: nodeName ? { nodeName } : {},
  status: { phase },
});
const reqs = (s: string) => {
  const p = parseFieldSelector(s);
  if (!p.ok) throw new Error(p.error);
  return p.requirements;
};

describe('field selectors', () => {
  it('parses terms, operators and escapes', () => {
    expect(parseFieldSelector('status.phase!=Succeeded,status.phase!=Failed')).toEqual({
      ok: true,
      requirements: [
        { field: 'status.phase', operator: '!=', value: 'Succeeded' },
        { field: 'status.phase', operator: '!=', value: 'Failed' },
      ],
    });
    expect(reqs('metadata.name==a\\,b')).toEqual([{ field: 'metadata.name', operator: '=', value: 'a,b' }]);
    expect(parseFieldSelector('spec.nodeName')).toEqual({
      ok: false,
      error: "invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'",
    });
  });

  it.each([
    ['spec.nodeName=worker-1', pod('worker-1', 'Pending'), true],
    ['spec.nodeName=worker-1', pod(undefined, 'Pending'), false],
    ['spec.nodeName=', pod(undefined, 'Pending'), true],
    ['status.phase!=Succeeded,status.phase!=Failed', pod(undefined, 'Pending'), true],
    ['status.phase!=Succeeded,status.phase!=Failed', pod('worker-1', 'Failed'), false],
    ['metadata.namespace=default,metadata.name=p', pod(undefined, 'Pending'), true],
  ])('%s on a pod', (selector, p, matches) => {
    expect(matchesFieldSelector(p, reqs(selector))).toBe(matches);
  });

  it('knows which fields pods can be selected by', () => {
    expect(unsupportedPodField(reqs('spec.nodeName=x,spec.containers=y'))).toBe('spec.containers');
    expect(unsupportedPodField(reqs('spec.hostNetwork=true'))).toBeUndefined();
  });
});
