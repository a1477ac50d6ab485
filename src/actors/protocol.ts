/**
 * The messages the component actors exchange. Kubernetes topology is an invariant here: clients
 * (kubectl, kube-scheduler, kubelets, `kubectl get -w`) talk only to kube-apiserver, and only
 * kube-apiserver talks to etcd. Every message is delivered by XState (`sendTo` with a delay = network
 * latency) to the actor whose systemId is the ComponentId.
 */
import type { ComponentId, HttpExchange, KubeObject } from '@sim';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

export type EtcdOp =
  | { kind: 'create'; key: string; value: KubeObject }
  | { kind: 'update'; key: string; value: KubeObject; expectedModRevision?: number }
  | { kind: 'get'; key: string }
  | { kind: 'delete'; key: string };

export interface EtcdResult {
  ok: boolean;
  /** Cluster-wide revision after the operation (the resourceVersion of a write). */
  revision: number;
  /** For get, create and update: the value as stored, with metadata.resourceVersion set. */
  value?: KubeObject;
  error?: 'key exists' | 'key not found' | 'revision mismatch';
}

export type ClusterEvent =
  /** Sent by the runner to every component at t = 0, before anything else (watches are established then). */
  | { type: 'sim.start' }
  /** Starts the person's command (kubectl apply/create) at t = 0. */
  | { type: 'kubectl.run' }
  /** A client sends a request to kube-apiserver. `exchange.client` is the sender. */
  | { type: 'http.request'; exchange: HttpExchange }
  /** kube-apiserver answers a request; delivered to `exchange.client`. */
  | { type: 'http.response'; exchange: HttpExchange }
  /**
   * A watch that already exists when the person presses Apply (informers list+watch at start-up).
   * `path` is the real watch request, e.g. `/api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1&watch=true`.
   */
  | { type: 'watch.start'; watcher: ComponentId; path: string }
  /** kube-apiserver's watch cache sends an event to a watcher whose selector matches. */
  | { type: 'watch.event'; watchType: WatchType; object: KubeObject }
  /** kube-apiserver → etcd: a KV request (gRPC in reality). */
  | { type: 'etcd.request'; id: string; op: EtcdOp }
  /** etcd → kube-apiserver: the result. */
  | { type: 'etcd.response'; id: string; result: EtcdResult }
  /** etcd → kube-apiserver: its watch on the /registry prefix reports a change (feeds the watch cache). */
  | {
      type: 'etcd.watch';
      watchType: 'PUT' | 'DELETE';
      key: string;
      value?: KubeObject;
      revision: number;
      created: boolean;
    };

export const SYSTEM_IDS = {
  kubectl: 'kubectl',
  kubectlWatch: 'kubectl-watch',
  apiserver: 'kube-apiserver',
  etcd: 'etcd',
  scheduler: 'kube-scheduler',
} as const satisfies Record<string, ComponentId>;
