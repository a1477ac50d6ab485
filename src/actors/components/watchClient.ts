/**
 * What kube-scheduler, the kubelets and `kubectl get pods -w` share as clients of kube-apiserver:
 * they open a watch at start-up, learn existing objects from their informer's initial list, and send
 * HTTP requests that arrive after the network latency.
 */
import type { AnyActorRef } from 'xstate';
import type { ComponentId, HttpExchange, HttpRequest, KubeObject } from '@sim';
import type { SimEnv } from '../env';
import { SYSTEM_IDS, type ClusterEvent } from '../protocol';

/** A message for kube-apiserver, with the delay of the hop there. */
export interface Outgoing {
  event: ClusterEvent;
  delay: number;
  /**
   * The delayed send's id, unique among the sender's messages in flight. Without one XState draws a
   * random id (Math.random, printed in base 36) for every delayed send, a cost paid on every hop.
   */
  id: string;
}

/** The target of every client message: kube-apiserver, by its systemId. */
export const toApiserver = ({ system }: { system: { get(id: string): unknown } }): AnyActorRef =>
  system.get(SYSTEM_IDS.apiserver) as AnyActorRef;

/** Opens the component's watch on kube-apiserver (not recorded as a step). */
export const watchStart = (env: SimEnv, watcher: ComponentId, path: string): Outgoing => ({
  event: { type: 'watch.start', watcher, path },
  delay: env.latency(watcher, SYSTEM_IDS.apiserver),
  id: `watch ${path}`,
});

/** An exchange with a per-client id (`kube-scheduler#3`), request only. */
export const newExchange = (client: ComponentId, seq: number, request: HttpRequest): HttpExchange => ({
  id: `${client}#${seq}`,
  client,
  request,
});

/** An HTTP request to kube-apiserver. */
export const httpRequest = (env: SimEnv, exchange: HttpExchange): Outgoing => ({
  event: { type: 'http.request', exchange },
  delay: env.latency(exchange.client, SYSTEM_IDS.apiserver),
  id: exchange.id,
});

/** The informer's initial list: the pods of the cluster that match `keep`. */
export const listPods = (env: SimEnv, keep: (pod: KubeObject) => boolean): KubeObject[] =>
  env.input.cluster.filter((o) => o.kind === 'Pod' && keep(o));

/**
 * The node informer's initial list: the Nodes that exist when the journey starts. Nodes added later
 * (interventions) arrive through the watch, as ADDED events.
 */
export const listNodes = (env: SimEnv): KubeObject[] => env.input.cluster.filter((o) => o.kind === 'Node');

/** Wall-clock epoch ms of the simulated now (for ages printed by kubectl). */
export const epochNow = (env: SimEnv): number => Date.parse(env.wallTimeMicro());

/** The etcd key of a pod, the `objectKey` of the steps about it. */
export const podObjectKey = (pod: { metadata?: { namespace?: string; name?: string } }): string =>
  `/registry/pods/${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
