/**
 * kube-apiserver authentication: the authenticator chain of k/k pkg/kubeapiserver/authenticator/config.go
 * (x509 client certificates, then bearer tokens, first success wins; union.go), the group adder that
 * gives every authenticated user `system:authenticated`, and the anonymous fallback that only applies
 * when the request carries no credentials at all (a bad credential is a 401, never anonymous).
 */
import type { ComponentId } from './trace';
import type { Credential, Identity, KubeObject } from './scenario';
import { nodeOfComponent } from './trace';

export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
}

export type AuthnResult =
  | {
      ok: true;
      user: UserInfo;
      /** Which authenticator accepted the request. */
      authenticator: 'x509' | 'serviceaccount-token' | 'anonymous';
    }
  | {
      ok: false;
      /** Why every authenticator refused (the API server only logs this; the client sees 401 Unauthorized). */
      reason: string;
    };

/** apiserver pkg/authentication/user/user.go */
export const AUTHENTICATED_GROUP = 'system:authenticated';
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';
export const ANONYMOUS_USER = 'system:anonymous';
export const NODES_GROUP = 'system:nodes';
export const NODE_USER_PREFIX = 'system:node:';

/**
 * The credential each client presents. The person's kubectl uses their kubeconfig; kubeadm gives
 * kube-scheduler a client certificate CN=system:kube-scheduler (scheduler.conf) and each kubelet
 * CN=system:node:<node>, O=system:nodes (kubelet.conf, rotated client certificate).
 */
export function clientCredential(client: ComponentId, identity: Identity): Credential {
  const node = nodeOfComponent(client);
  if (node !== undefined)
    return { type: 'x509', commonName: `${NODE_USER_PREFIX}${node}`, organizations: [NODES_GROUP], trusted: true };
  if (client === 'kube-scheduler')
    return { type: 'x509', commonName: 'system:kube-scheduler', organizations: [], trusted: true };
  return identity.credential;
}

/** group.NewAuthenticatedGroupAdder: adds system:authenticated unless it or system:unauthenticated is there. */
function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.groups.includes(AUTHENTICATED_GROUP) || user.groups.includes(UNAUTHENTICATED_GROUP)) return user;
  return { ...user, groups: [...user.groups, AUTHENTICATED_GROUP] };
}

/** A legacy service-account token Secret holding this token (k/k pkg/serviceaccount/legacy.go). */
function serviceAccountForToken(
  token: string,
  cluster: readonly KubeObject[],
): { namespace: string; name: string; uid?: string } | undefined {
  for (const o of cluster) {
    if (o.kind !== 'Secret' || o.type !== 'kubernetes.io/service-account-token') continue;
    const data = (o.data ?? {}) as Record<string, string>;
    const stored = data.token !== undefined ? safeBase64Decode(data.token) : undefined;
    const annotations = o.metadata.annotations ?? {};
    const name = annotations['kubernetes.io/service-account.name'];
    if (stored === token && name && o.metadata.namespace) {
      const uid = annotations['kubernetes.io/service-account.uid'];
      return { namespace: o.metadata.namespace, name, ...(uid ? { uid } : {}) };
    }
  }
  return undefined;
}

function safeBase64Decode(s: string): string | undefined {
  try {
    return atob(s);
  } catch {
    return undefined;
  }
}

/** Runs the chain for one request. */
export function authenticate(credential: Credential, cluster: readonly KubeObject[]): AuthnResult {
  switch (credential.type) {
    case 'x509':
      // x509.CommonNameUserConversion: username = CN, groups = O
      if (!credential.trusted)
        return { ok: false, reason: credential.reason ?? 'x509: certificate signed by unknown authority' };
      return {
        ok: true,
        authenticator: 'x509',
        user: withAuthenticatedGroup({ username: credential.commonName, groups: [...credential.organizations] }),
      };
    case 'token': {
      const sa = serviceAccountForToken(credential.token, cluster);
      // bearertoken.go: a token no authenticator recognises is errInvalidToken
      if (!sa) return { ok: false, reason: 'invalid bearer token' };
      // pkg/serviceaccount/util.go UserInfo: system:serviceaccount:<ns>:<name>, the two SA groups
      const user: UserInfo = {
        username: `system:serviceaccount:${sa.namespace}:${sa.name}`,
        ...(sa.uid ? { uid: sa.uid } : {}),
        groups: ['system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`],
      };
      return { ok: true, authenticator: 'serviceaccount-token', user: withAuthenticatedGroup(user) };
    }
    case 'none':
      // anonymous.go: only when no authenticator had anything to check
      return {
        ok: true,
        authenticator: 'anonymous',
        user: { username: ANONYMOUS_USER, groups: [UNAUTHENTICATED_GROUP] },
      };
  }
}

/** nodeidentifier.NewDefaultNodeIdentifier: a user in system:nodes named system:node:<name>. */
export function nodeIdentity(user: UserInfo): { isNode: boolean; nodeName: string } {
  if (!user.groups.includes(NODES_GROUP)) return { isNode: false, nodeName: '' };
  const isNode = user.username.startsWith(NODE_USER_PREFIX);
  return { isNode, nodeName: isNode ? user.username.slice(NODE_USER_PREFIX.length) : '' };
}
