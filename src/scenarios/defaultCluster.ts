/**
 * The default cluster and who applies, as the texts a learner sees and edits: the Cluster tab
 * (`clusters/default.yaml`, a three-node kind cluster running Kubernetes v1.33) and the kubeconfig
 * tab (`kubeconfigs/*.yaml`, real kubeconfigs with real certificates from the cluster's CA). The
 * objects, images and identity used everywhere are read from these texts, so they are the one source.
 */
import { parseCluster, parseKubeconfig, type ImageFacts, type Identity, type KubeObject } from '@sim';
import DEFAULT_CLUSTER_YAML from './clusters/default.yaml?raw';
import admin from './kubeconfigs/admin.yaml?raw';
import anonymous from './kubeconfigs/anonymous.yaml?raw';
import badToken from './kubeconfigs/bad-token.yaml?raw';
import expired from './kubeconfigs/expired.yaml?raw';
import foreignCa from './kubeconfigs/foreign-ca.yaml?raw';
import jane from './kubeconfigs/jane.yaml?raw';
import saToken from './kubeconfigs/sa-token.yaml?raw';

export { DEFAULT_CLUSTER_YAML };

/** When the person presses Apply in the default scenario: an hour after the cluster was created. */
export const DEFAULT_START_TIME = '2026-11-26T09:30:00Z';

/** Every kubeconfig text, by the identity it gives (see each file's header comment). */
export const KUBECONFIGS = {
  /** kubeadm's admin.conf: CN=kubernetes-admin, O=kubeadm:cluster-admins → allowed everything. */
  admin,
  /** CN=jane, O=developers from the cluster CA → authenticated, 403 Forbidden. */
  jane,
  /** The admin certificate, expired at 09:25 → 401 Unauthorized. */
  expired,
  /** CN=kubernetes-admin, O=system:masters from another CA (CN=evil-ca) → 401 Unauthorized. */
  foreignCa,
  /** ServiceAccount default/ci-bot's legacy token → allowed by RoleBinding ci-bot-pod-creator. */
  saToken,
  /** A token whose Secret no longer exists → 401 Unauthorized. */
  badToken,
  /** No credentials → system:anonymous, 403 Forbidden. */
  anonymous,
} as const;

export const DEFAULT_KUBECONFIG = KUBECONFIGS.admin;

/** The cluster's objects before Apply, in document order (a fresh copy each call). */
export function defaultCluster(): KubeObject[] {
  return parseCluster(DEFAULT_CLUSTER_YAML).objects;
}

/** What the simulated registries serve and which images each node already has. */
export function defaultImages(): ImageFacts {
  return parseCluster(DEFAULT_CLUSTER_YAML).images;
}

/** The identity of the default kubeconfig (kubeadm's admin.conf). */
export function defaultIdentity(): Identity {
  return parseKubeconfig(DEFAULT_KUBECONFIG, defaultCluster(), DEFAULT_START_TIME).identity;
}
