// The kubeconfig texts of @scenarios, read as kubectl reads them, and what kube-apiserver makes of each credential.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_YAML, DEFAULT_START_TIME, KUBECONFIGS } from '@scenarios';
import { parseCluster } from './clusterYaml';
import { EMPTY_KUBECONFIG, clientCAs, parseKubeconfig } from './kubeconfig';

const cluster = parseCluster(DEFAULT_CLUSTER_YAML).objects;
const read = (text: string, at = DEFAULT_START_TIME) => parseKubeconfig(text, cluster, at);

describe('parseKubeconfig: the scenario kubeconfigs', () => {
  it.each([
    ['admin', 'kubernetes-admin', 'kubernetes-admin', ['kubeadm:cluster-admins', 'system:authenticated']],
    ['jane', 'jane', 'jane', ['developers', 'system:authenticated']],
    [
      'saToken',
      'ci-bot',
      'system:serviceaccount:default:ci-bot',
      ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
    ],
    ['anonymous', 'anonymous', 'system:anonymous', ['system:unauthenticated']],
  ] as const)('%s authenticates as %s → %s', (file, kubeconfigUser, username, groups) => {
    const r = read(KUBECONFIGS[file]);
    expect(r.diagnostics).toEqual([]);
    expect(r.identity.user).toBe(kubeconfigUser);
    expect(r.identity.namespace).toBe('default');
    expect(r.summary.authentication).toMatchObject({ ok: true, user: { username, groups } });
  });

  it('gives the default identity exactly as the TypeScript cluster did', () => {
    expect(read(KUBECONFIGS.admin).identity).toEqual({
      user: 'kubernetes-admin',
      credential: {
        type: 'x509',
        commonName: 'kubernetes-admin',
        organizations: ['kubeadm:cluster-admins'],
        trusted: true,
      },
      namespace: 'default',
    });
    expect(read(KUBECONFIGS.admin).summary).toMatchObject({
      context: 'kubernetes-admin@kubernetes',
      cluster: 'kubernetes',
      server: 'https://control-plane:6443',
      credential: 'x509',
      certificate: { issuer: { commonName: 'kubernetes' }, notAfter: '2036-11-24T08:25:00Z' },
    });
  });

  it.each([
    [
      'expired',
      'verifying certificate SN=7457434105062592250, SKID=35:B5:68:92:74:D8:15:BF:A4:B7:CC:8F:E3:01:6E:C0:AF:58:82:20, AKID=F4:AB:69:EA:4D:7D:1E:7A:44:77:6E:8F:88:4C:D7:44:71:67:CE:AC failed: x509: certificate has expired or is not yet valid: current time 2026-11-26T09:30:00Z is after 2026-11-26T09:25:00Z',
    ],
    [
      'foreignCa',
      'verifying certificate SN=4343730110215195945, SKID=08:DB:5B:DF:8A:0F:86:F8:41:D8:5A:DB:8E:D0:3B:E8:B4:3B:C3:8D, AKID=14:24:30:F4:B4:4B:8D:28:8C:80:A2:E5:59:95:1C:B7:20:CD:C8:15 failed: x509: certificate signed by unknown authority',
    ],
    ['badToken', 'invalid bearer token'],
  ] as const)('%s is refused (401) with the reason kube-apiserver logs', (file, reason) => {
    const r = read(KUBECONFIGS[file]);
    expect(r.diagnostics).toEqual([]);
    expect(r.summary.authentication).toEqual({ ok: false, reason });
  });

  it('reads the names of a foreign certificate even though nobody trusts them', () => {
    expect(read(KUBECONFIGS.foreignCa).identity.credential).toMatchObject({
      commonName: 'kubernetes-admin',
      organizations: ['system:masters'],
      trusted: false,
    });
  });

  it('trusts the expired certificate while it was still valid', () => {
    expect(read(KUBECONFIGS.expired, '2026-11-26T09:00:00Z').summary.authentication.ok).toBe(true);
    expect(read(KUBECONFIGS.admin, '2026-11-26T08:00:00Z').summary.authentication).toMatchObject({
      ok: false,
      reason: expect.stringContaining('current time 2026-11-26T08:00:00Z is before 2026-11-26T08:25:00Z'),
    });
  });

  it('trusts no certificate when the cluster publishes no client CA', () => {
    const without = cluster.filter((o) => o.metadata.name !== 'extension-apiserver-authentication');
    expect(clientCAs(without)).toEqual([]);
    expect(parseKubeconfig(KUBECONFIGS.admin, without, DEFAULT_START_TIME).identity.credential).toMatchObject({
      trusted: false,
    });
  });
});

describe('parseKubeconfig: diagnostics at the right line', () => {
  const admin = KUBECONFIGS.admin;
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  it.each([
    [
      'unknown current-context',
      admin.replace('current-context: kubernetes-admin@kubernetes', 'current-context: prod'),
      'current-context: prod',
      'context was not found for specified context: prod',
      'error',
    ],
    [
      'user not found',
      admin.replace('    user: kubernetes-admin', '    user: root'),
      '    user: root',
      'user "root" was not found for context "kubernetes-admin@kubernetes"; kubectl sends no credentials (anonymous)',
      'warning',
    ],
    [
      'cluster not found',
      admin.replace('    cluster: kubernetes', '    cluster: staging'),
      '    cluster: staging',
      'cluster "staging" was not found for context "kubernetes-admin@kubernetes"',
      'error',
    ],
    [
      'bad base64',
      admin.replace('client-certificate-data: LS0t', 'client-certificate-data: LS0t!'),
      'client-certificate-data:',
      'illegal base64 data at input byte 4',
      'error',
    ],
    [
      'not a certificate',
      admin.replace(/client-certificate-data: \S+/, `client-certificate-data: ${btoa('hello')}`),
      'client-certificate-data:',
      'tls: failed to find any PEM data in certificate input',
      'error',
    ],
    [
      'key of another certificate',
      admin.replace(/client-key-data: \S+/, /client-key-data: \S+/.exec(KUBECONFIGS.jane)![0]),
      'client-key-data:',
      'tls: private key does not match public key',
      'error',
    ],
    [
      'bad namespace',
      admin.replace('    user: kubernetes-admin', '    user: kubernetes-admin\n    namespace: Team_A'),
      'namespace: Team_A',
      'namespace "Team_A" for context "kubernetes-admin@kubernetes" does not conform to the kubernetes DNS_LABEL rules',
      'error',
    ],
  ])('%s', (_, text, needle, message, severity) => {
    const r = read(text);
    expect(r.diagnostics.map((d) => [d.range.startLine, d.severity, d.message])).toEqual([
      [lineOf(text, needle), severity, message],
    ]);
  });

  it('says where kubectl would go without a current-context', () => {
    const r = read(admin.replace(/current-context: .*\n/, ''));
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'current-context is not set: kubectl would fall back to http://localhost:8080 and fail to connect',
    ]);
    expect(r.identity.credential).toEqual({ type: 'none' });
  });
});

describe('an empty kubeconfig', () => {
  it.each([[''], ['# nothing here\n']])('%j has no server: refused at line 1', (text) => {
    const r = read(text);
    expect(r.diagnostics.map((d) => [d.range.startLine, d.severity, d.message])).toEqual([
      [1, 'error', EMPTY_KUBECONFIG],
    ]);
    expect(r.identity.credential).toEqual({ type: 'none' });
  });
});
