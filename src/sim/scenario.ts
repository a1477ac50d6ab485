/**
 * The input of a run: what the person typed, the cluster as it exists before they press Apply, and
 * who they are. Plain data; the cluster is a list of Kubernetes objects as they are stored, so a later
 * Cluster tab can edit it as multi-document YAML.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** Any stored Kubernetes object. Specific kinds are narrowed where they are read. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** The credential in the person's kubeconfig (its `users[].user`). */
export type Credential =
  | { type: 'x509'; commonName: string; organizations: string[]; trusted: boolean }
  | { type: 'token'; token: string }
  | { type: 'none' };

export interface Identity {
  /** The kubeconfig user name, e.g. `kubernetes-admin`. */
  user: string;
  credential: Credential;
  /** Namespace of the current context; kubectl uses it when the manifest has none. */
  namespace: string;
}

/** What the kubelet's container runtime knows about images (the simulated registry and node caches). */
export interface ImageFacts {
  /** Images that exist in registries: reference as written → size in bytes and digest. */
  registry: Record<string, { size: number; digest: string }>;
  /** Per node: image references already present in the node's image store. */
  presentOnNode: Record<string, string[]>;
}

export interface ScenarioInput {
  id: string;
  title: string;
  /** The manifest text exactly as in the editor. */
  manifest: string;
  /** The file name kubectl is given (`kubectl apply -f pod.yaml`). */
  fileName: string;
  command: 'apply' | 'create';
  /** Existing cluster objects: Nodes, Namespaces, ServiceAccounts, RBAC, ConfigMaps, PriorityClasses, ... */
  cluster: KubeObject[];
  identity: Identity;
  images: ImageFacts;
  /** Seeds every id, uid, IP, random suffix and tie-break. */
  seed: number;
  /** Wall-clock time (RFC 3339, whole seconds) at which Apply is pressed: creationTimestamp etc. derive from it. */
  startTime: string;
  /** Stop simulating at this simulated ms even if work is pending (back-off loops). */
  horizonMs: number;
}
