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
  | {
      type: 'x509';
      commonName: string;
      organizations: string[];
      trusted: boolean;
      /** Why kube-apiserver rejects an untrusted certificate (what it logs before the 401). */
      reason?: string;
    }
  | { type: 'token'; token: string }
  | { type: 'none' };

export interface Identity {
  /** The kubeconfig user name, e.g. `kubernetes-admin`. */
  user: string;
  credential: Credential;
  /** Namespace of the current context; kubectl uses it when the manifest has none. */
  namespace: string;
}

/**
 * How a container started from an image behaves. A real cluster runs real programs; the simulation
 * needs this said out loud, so it is written in the cluster definition (the `ImageRegistry` document of
 * the Cluster tab) where the learner can read and change it. Absent fields mean: runs forever, small
 * memory, serves nothing over HTTP.
 */
export interface ImageBehavior {
  /** The main process exits with this code this long after it starts (0 = completes successfully). */
  exit?: { code: number; afterMs: number };
  /** Memory the process grows to; above the container's memory limit the kernel OOM-kills it (exit 137). */
  memoryBytes?: number;
  /** HTTP servers the process runs: port → the paths that answer 200 (other paths answer 404). */
  http?: { port: number; paths: string[] }[];
  /** TCP ports the process listens on (HTTP ports count too). */
  tcpPorts?: number[];
}

export interface RegistryImage {
  size: number;
  digest: string;
  behavior?: ImageBehavior;
}

/** What the kubelet's container runtime knows about images (the simulated registry and node caches). */
export interface ImageFacts {
  /** Images that exist in registries: reference as written → size in bytes, digest and behaviour. */
  registry: Record<string, RegistryImage>;
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
  /**
   * Changes an administrator makes to the cluster while the journey runs ("what if a node is added
   * now?"). Each is written through kube-apiserver at `atMs`, so watchers (the scheduler's queue) react.
   */
  interventions?: Intervention[];
}

export interface Intervention {
  /** Simulated ms after Apply. */
  atMs: number;
  /** One line for the timeline, e.g. `Add node worker-3 (8 CPU)`. */
  title: string;
  /** Objects created, or replaced when one with the same kind/namespace/name exists. */
  objects: KubeObject[];
}

/** The three texts the person edits, as tabs beside each other. */
export type ScenarioFile = 'manifest' | 'cluster' | 'kubeconfig';

/**
 * A scenario as the person sees and edits it: the manifest, the cluster's existing objects as
 * multi-document YAML, and the kubeconfig that says who applies — plus the run settings. The engine
 * turns it into a ScenarioInput (`buildScenario`); presets and share links carry this form.
 */
export interface ScenarioSource {
  id: string;
  title: string;
  manifest: string;
  fileName: string;
  command: 'apply' | 'create';
  cluster: string;
  kubeconfig: string;
  seed: number;
  startTime: string;
  horizonMs: number;
  /** Administrator changes during the run; `yaml` is applied like a manifest (see Intervention). */
  interventions?: { atMs: number; title: string; yaml: string }[];
}
