/**
 * The kubeconfig tab: who applies. Reads a real kubeconfig (apiVersion v1, kind Config) the way
 * kubectl's client-go does (tools/clientcmd: the current context picks a cluster, a user and a
 * namespace) and turns the user's credential into the Identity the simulated kubectl presents.
 *
 * A client certificate is read for real (x509.ts) and checked against the CA kube-apiserver trusts
 * for client certificates, which it publishes in ConfigMap kube-system/extension-apiserver-authentication
 * (key client-ca-file). Tokens are checked later, by kube-apiserver's authenticators (authn.ts).
 */
import { authenticate, type AuthnResult } from './authn';
import { childPath } from './diff';
import { firstLineOf, parseManifest, rangeOf, type Diagnostic, type ManifestDocument } from './manifest';
import type { Credential, Identity, KubeObject } from './scenario';
import {
  decodeBase64,
  ecPublicKeyOfPrivateKey,
  parseCertificate,
  parseCertificatesPem,
  pemBlocks,
  verifyClientCertificate,
  type Certificate,
} from './x509';

export interface KubeconfigSummary {
  /** The current context and what it points at ('' when missing). */
  context: string;
  cluster: string;
  server: string;
  user: string;
  namespace: string;
  credential: Credential['type'];
  /** The client certificate, when the user has one that could be read. */
  certificate?: Pick<Certificate, 'subject' | 'issuer' | 'notBefore' | 'notAfter' | 'serialNumber'>;
  /** What kube-apiserver's authenticators make of the credential. */
  authentication: AuthnResult;
}

export interface ParsedKubeconfig {
  identity: Identity;
  diagnostics: Diagnostic[];
  summary: KubeconfigSummary;
}

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The CA bundle kube-apiserver verifies client certificates with (its --client-ca-file). */
export function clientCAs(cluster: readonly KubeObject[]): Certificate[] {
  const cm = cluster.find(
    (o) =>
      o.kind === 'ConfigMap' &&
      o.metadata.namespace === 'kube-system' &&
      o.metadata.name === 'extension-apiserver-authentication',
  );
  const data = isRecord(cm?.data) ? cm.data : {};
  return parseCertificatesPem(str(data['client-ca-file']));
}

/** A named entry of `clusters`, `contexts` or `users`, with its path for diagnostics. */
function named(
  doc: ManifestDocument,
  field: string,
  name: string,
  inner: string,
): { path: string; value: Obj } | undefined {
  const items = (doc.value as Obj)[field];
  if (!Array.isArray(items)) return undefined;
  const i = items.findIndex((x) => isRecord(x) && x.name === name);
  const item = items[i] as Obj | undefined;
  return item
    ? { path: childPath(childPath(field, i), inner), value: isRecord(item[inner]) ? item[inner] : {} }
    : undefined;
}

/**
 * An empty kubeconfig: what kubectl does with it, quoting the error its validation step returns (the
 * address is where Go dials `localhost` first on a dual-stack host; 127.0.0.1 on an IPv4-only one).
 */
export const EMPTY_KUBECONFIG =
  'the kubeconfig is empty: kubectl has no server, falls back to http://localhost:8080 where no API server listens, and its first request fails: error validating data: failed to download openapi: Get "http://localhost:8080/openapi/v2?timeout=32s": dial tcp [::1]:8080: connect: connection refused';

/** Parses the kubeconfig; `at` is when kubectl runs (certificate validity is checked against it). */
export function parseKubeconfig(text: string, cluster: readonly KubeObject[], at: string): ParsedKubeconfig {
  const parsed = parseManifest(text, 'kubeconfig');
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const doc = parsed.documents[0];
  const report = (
    path: string,
    message: string,
    severity: Diagnostic['severity'] = 'error',
    source: Diagnostic['source'] = 'kubectl',
  ) => {
    if (doc) diagnostics.push({ severity, message, source, range: firstLineOf(rangeOf(doc, path), text), path });
  };
  const summary: KubeconfigSummary = {
    context: '',
    cluster: '',
    server: '',
    user: '',
    namespace: 'default',
    credential: 'none',
    authentication: authenticate({ type: 'none' }, cluster),
  };
  const identityOf = (credential: Credential): ParsedKubeconfig => {
    summary.credential = credential.type;
    summary.authentication = authenticate(credential, cluster);
    return { identity: { user: summary.user, credential, namespace: summary.namespace }, diagnostics, summary };
  };
  if (!doc && parsed.kubectlError === undefined && parsed.limitError === undefined) {
    // client-go clientcmd: an empty config merges with ClusterDefaults (http://localhost:8080), so kubectl
    // dials that; the first request is apply's OpenAPI download for --validate (kubectl's
    // factory_client_access.go Validator, cli-runtime query_param_verifier.go "failed to download openapi")
    diagnostics.push({
      severity: 'error',
      message: EMPTY_KUBECONFIG,
      source: 'kubectl',
      range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: (text.split('\n', 1)[0] ?? '').length + 1 },
    });
    return identityOf({ type: 'none' });
  }
  if (!doc || !isRecord(doc.value)) {
    if (doc) report('', 'a kubeconfig is a mapping: apiVersion, kind, clusters, contexts, users, current-context');
    return identityOf({ type: 'none' });
  }
  const config = doc.value;
  if (config.kind !== undefined && config.kind !== 'Config')
    report('kind', `kind must be Config, not "${str(config.kind)}"`);
  if (config.apiVersion !== undefined && config.apiVersion !== 'v1')
    report('apiVersion', `apiVersion must be v1, not "${str(config.apiVersion)}"`);

  // client-go tools/clientcmd/validation.go (ConfirmUsable and validateContext) for the messages
  const contextName = str(config['current-context']);
  summary.context = contextName;
  if (!contextName) {
    report('', 'current-context is not set: kubectl would fall back to http://localhost:8080 and fail to connect');
    return identityOf({ type: 'none' });
  }
  const context = named(doc, 'contexts', contextName, 'context');
  if (!context) {
    report(childPath('', 'current-context'), `context was not found for specified context: ${contextName}`);
    return identityOf({ type: 'none' });
  }
  summary.cluster = str(context.value.cluster);
  summary.user = str(context.value.user);
  const ns = str(context.value.namespace);
  if (ns && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns))
    report(
      `${context.path}.namespace`,
      `namespace "${ns}" for context "${contextName}" does not conform to the kubernetes DNS_LABEL rules`,
    );
  else if (ns) summary.namespace = ns;

  const clusterEntry = summary.cluster ? named(doc, 'clusters', summary.cluster, 'cluster') : undefined;
  if (!clusterEntry)
    report(
      `${context.path}.cluster`,
      summary.cluster
        ? `cluster "${summary.cluster}" was not found for context "${contextName}"`
        : `cluster was not specified for context "${contextName}"`,
    );
  else {
    summary.server = str(clusterEntry.value.server);
    if (!summary.server) report(clusterEntry.path, `no server found for cluster "${summary.cluster}"`);
    const caData = clusterEntry.value['certificate-authority-data'];
    const ca = typeof caData === 'string' ? decodeBase64(caData) : undefined;
    if (ca && !ca.ok) report(childPath(clusterEntry.path, 'certificate-authority-data'), ca.error);
  }

  const userEntry = summary.user ? named(doc, 'users', summary.user, 'user') : undefined;
  if (!userEntry) {
    // DirectClientConfig.getAuthInfo: a missing user is an empty one, so kubectl sends no credentials
    report(
      `${context.path}.user`,
      summary.user
        ? `user "${summary.user}" was not found for context "${contextName}"; kubectl sends no credentials (anonymous)`
        : `user was not specified for context "${contextName}"; kubectl sends no credentials (anonymous)`,
      'warning',
    );
    return identityOf({ type: 'none' });
  }
  return identityOf(readCredential(userEntry, summary, at, cluster, report));
}

type Report = (path: string, message: string, severity?: Diagnostic['severity'], source?: Diagnostic['source']) => void;

/** The user's credential: a client certificate, a bearer token, or nothing. */
function readCredential(
  entry: { path: string; value: Obj },
  summary: KubeconfigSummary,
  at: string,
  cluster: readonly KubeObject[],
  report: Report,
): Credential {
  const u = entry.value;
  const field = (name: string) => childPath(entry.path, name);
  for (const unsupported of [
    'client-certificate',
    'client-key',
    'tokenFile',
    'exec',
    'auth-provider',
    'username',
    'password',
  ])
    if (u[unsupported] !== undefined)
      report(
        field(unsupported),
        `${unsupported} is not simulated: embed the credential as client-certificate-data/client-key-data or token`,
        'error',
        'simulator',
      );

  const certData = u['client-certificate-data'];
  if (certData !== undefined) {
    if (u.token !== undefined)
      report(
        field('token'),
        'this simulator sends only the client certificate when both are set',
        'warning',
        'simulator',
      );
    const keyData = u['client-key-data'];
    if (keyData === undefined) {
      report(
        entry.path,
        `client-key-data or client-key must be specified for ${summary.user} to use the clientCert authentication method.`,
      );
    }
    const certPem = readData(field('client-certificate-data'), certData, report);
    const keyPem = keyData === undefined ? undefined : readData(field('client-key-data'), keyData, report);
    if (certPem === undefined) return { type: 'none' };
    // crypto/tls X509KeyPair, which client-go uses to load the pair
    const [der] = pemBlocks(certPem, /^CERTIFICATE$/);
    if (!der) {
      report(field('client-certificate-data'), 'tls: failed to find any PEM data in certificate input');
      return { type: 'none' };
    }
    const cert = parseCertificate(der);
    if (!cert.ok) {
      report(field('client-certificate-data'), cert.error);
      return { type: 'none' };
    }
    if (keyPem !== undefined) {
      if (pemBlocks(keyPem, /PRIVATE KEY$/).length === 0)
        report(field('client-key-data'), 'tls: failed to find any PEM data in key input');
      else {
        const pub = ecPublicKeyOfPrivateKey(keyPem);
        if (pub !== undefined && pub !== cert.value.publicKey)
          report(field('client-key-data'), 'tls: private key does not match public key');
      }
    }
    const c = cert.value;
    summary.certificate = {
      subject: c.subject,
      issuer: c.issuer,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      serialNumber: c.serialNumber,
    };
    const verdict = verifyClientCertificate(c, clientCAs(cluster), at);
    return {
      type: 'x509',
      commonName: c.subject.commonName,
      organizations: [...c.subject.organizations],
      trusted: verdict.trusted,
      ...(verdict.trusted ? {} : { reason: verdict.reason }),
    };
  }
  if (u['client-key-data'] !== undefined)
    report(field('client-key-data'), 'client-key-data is set without client-certificate-data', 'warning');
  if (typeof u.token === 'string' && u.token !== '') return { type: 'token', token: u.token };
  return { type: 'none' };
}

/** A `*-data` field: base64 of PEM text (Go decodes []byte fields with base64.StdEncoding). */
function readData(path: string, value: unknown, report: Report): string | undefined {
  const d = typeof value === 'string' ? decodeBase64(value) : undefined;
  if (!d?.ok) {
    report(path, d ? d.error : 'must be a base64 string');
    return undefined;
  }
  return new TextDecoder().decode(d.value);
}
