// The DER reader against certificates generated with openssl (the ones in the scenario kubeconfigs).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_YAML, KUBECONFIGS } from '@scenarios';
import { parseCluster } from './clusterYaml';
import { clientCAs } from './kubeconfig';
import {
  certificateIdentifier,
  decodeBase64,
  parseCertificate,
  parseCertificatesPem,
  verifyClientCertificate,
} from './x509';

const certOf = (kubeconfig: string) => {
  const data = /client-certificate-data: (\S+)/.exec(kubeconfig)![1]!;
  const pem = new TextDecoder().decode((decodeBase64(data) as { ok: true; value: Uint8Array }).value);
  return parseCertificatesPem(pem)[0]!;
};
const roots = clientCAs(parseCluster(DEFAULT_CLUSTER_YAML).objects);

describe('x509', () => {
  it('reads the cluster CA from the extension-apiserver-authentication ConfigMap', () => {
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({
      subject: { commonName: 'kubernetes', organizations: [] },
      issuer: { commonName: 'kubernetes' },
      isCA: true,
      notBefore: '2026-11-26T08:25:00Z',
      notAfter: '2036-11-24T08:25:00Z',
    });
  });

  it.each([
    ['admin', 'kubernetes-admin', ['kubeadm:cluster-admins'], 'kubernetes', '2036-11-24T08:25:00Z'],
    ['jane', 'jane', ['developers'], 'kubernetes', '2036-11-24T08:25:00Z'],
    ['foreignCa', 'kubernetes-admin', ['system:masters'], 'evil-ca', '2036-11-18T00:00:00Z'],
    ['expired', 'kubernetes-admin', ['kubeadm:cluster-admins'], 'kubernetes', '2026-11-26T09:25:00Z'],
  ] as const)('reads %s: CN, every O, issuer, validity', (file, cn, orgs, issuer, notAfter) => {
    const c = certOf(KUBECONFIGS[file]);
    expect([c.subject.commonName, c.subject.organizations, c.issuer.commonName, c.notAfter, c.isCA]).toEqual([
      cn,
      orgs,
      issuer,
      notAfter,
      false,
    ]);
    expect(c.extKeyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
  });

  it('identifies a certificate as kube-apiserver logs it', () => {
    expect(certificateIdentifier(certOf(KUBECONFIGS.admin))).toBe(
      'SN=5899940475183485602, SKID=65:5A:1E:43:40:99:19:C2:F8:A4:74:46:B5:06:E5:5B:79:6C:63:C4, AKID=F4:AB:69:EA:4D:7D:1E:7A:44:77:6E:8F:88:4C:D7:44:71:67:CE:AC',
    );
  });

  it.each([
    ['admin', '2026-11-26T09:30:00Z', true],
    ['admin', '2036-11-25T00:00:00Z', false],
    ['foreignCa', '2026-11-26T09:30:00Z', false],
    ['expired', '2026-11-26T09:25:00Z', true],
    ['expired', '2026-11-26T09:25:01Z', false],
  ] as const)('trusts %s at %s: %s', (file, at, trusted) => {
    expect(verifyClientCertificate(certOf(KUBECONFIGS[file]), roots, at).trusted).toBe(trusted);
  });

  it.each([
    ['not DER', new Uint8Array([1, 2, 3])],
    ['truncated', new Uint8Array([0x30, 0x82, 0x01, 0x00, 0x30])],
    ['empty', new Uint8Array([])],
  ])('refuses %s without throwing', (_, der) => {
    expect(parseCertificate(der)).toEqual({ ok: false, error: 'x509: malformed certificate' });
  });

  it.each([
    ['QUJD', true],
    ['QUJ', false],
    ['QU=D', false],
    ['QUJD\nRA==', true],
  ])('decodes base64 %j as Go does: %s', (s, ok) => {
    expect(decodeBase64(s).ok).toBe(ok);
  });
});
