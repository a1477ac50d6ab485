import { describe, expect, it } from 'vitest';
import { defaultCluster, defaultIdentity } from '@scenarios';
import { authenticate, clientCredential, nodeIdentity, type AuthnResult } from './authn';
import type { Credential, KubeObject } from './scenario';

const saSecret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  type: 'kubernetes.io/service-account-token',
  metadata: {
    name: 'ci-token',
    namespace: 'default',
    annotations: { 'kubernetes.io/service-account.name': 'ci', 'kubernetes.io/service-account.uid': 'u-1' },
  },
  data: { token: btoa('secret-token') },
};

describe('authentication', () => {
  it.each([
    [
      'the kubeadm admin certificate',
      defaultIdentity().credential,
      {
        ok: true,
        authenticator: 'x509',
        user: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] },
      },
    ],
    [
      'a system:masters certificate',
      { type: 'x509', commonName: 'root', organizations: ['system:masters'], trusted: true },
      {
        ok: true,
        authenticator: 'x509',
        user: { username: 'root', groups: ['system:masters', 'system:authenticated'] },
      },
    ],
    [
      'a certificate from another CA',
      { type: 'x509', commonName: 'eve', organizations: [], trusted: false },
      { ok: false, reason: 'x509: certificate signed by unknown authority' },
    ],
    [
      'a legacy service account token',
      { type: 'token', token: 'secret-token' },
      {
        ok: true,
        authenticator: 'serviceaccount-token',
        user: {
          username: 'system:serviceaccount:default:ci',
          uid: 'u-1',
          groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
        },
      },
    ],
    ['an unknown token', { type: 'token', token: 'nope' }, { ok: false, reason: 'invalid bearer token' }],
    [
      'no credentials',
      { type: 'none' },
      {
        ok: true,
        authenticator: 'anonymous',
        user: { username: 'system:anonymous', groups: ['system:unauthenticated'] },
      },
    ],
  ] satisfies [string, Credential, AuthnResult][])('%s', (_name, credential, expected) => {
    expect(authenticate(credential, [...defaultCluster(), saSecret])).toEqual(expected);
  });

  it('gives each component its kubeadm client certificate', () => {
    const identity = defaultIdentity();
    expect(clientCredential('kubelet:worker-1', identity)).toEqual({
      type: 'x509',
      commonName: 'system:node:worker-1',
      organizations: ['system:nodes'],
      trusted: true,
    });
    expect(clientCredential('kube-scheduler', identity)).toEqual({
      type: 'x509',
      commonName: 'system:kube-scheduler',
      organizations: [],
      trusted: true,
    });
    expect(clientCredential('kubectl', identity)).toBe(identity.credential);
  });

  it('recognises node users', () => {
    expect(
      nodeIdentity({ username: 'system:node:worker-2', groups: ['system:nodes', 'system:authenticated'] }),
    ).toEqual({ isNode: true, nodeName: 'worker-2' });
    expect(nodeIdentity({ username: 'system:node:worker-2', groups: ['system:authenticated'] })).toEqual({
      isNode: false,
      nodeName: '',
    });
  });
});
