/**
 * The places drawn inside each component, in the order a request meets them. The API server's gates
 * follow its handler chain (k8s.io/apiserver pkg/server/config.go DefaultBuildHandlerChain:
 * authentication, then authorization; then the REST handler decodes and defaults, runs mutating
 * admission, validation, validating admission, and writes to etcd).
 */
import type { Place } from '@sim';

export interface PlaceChip {
  place: Place;
  label: string;
}

export const APISERVER_GATES: readonly PlaceChip[] = [
  { place: 'authentication', label: 'authentication' },
  { place: 'authorization', label: 'authorization' },
  { place: 'decode', label: 'decode & default' },
  { place: 'mutating-admission', label: 'mutating admission' },
  { place: 'validation', label: 'validation' },
  { place: 'validating-admission', label: 'validating admission' },
  { place: 'persist', label: 'etcd write' },
];

export const APISERVER_SERVING: readonly PlaceChip[] = [
  { place: 'handler', label: 'handler' },
  { place: 'watch-cache', label: 'watch cache' },
];

export const SCHEDULER_PHASES: readonly PlaceChip[] = [
  { place: 'queue', label: 'queue' },
  { place: 'filter', label: 'filter' },
  { place: 'score', label: 'score' },
  { place: 'bind', label: 'bind' },
];

export const KUBELET_PLACES: readonly PlaceChip[] = [
  { place: 'kubelet-admission', label: 'admit' },
  { place: 'sync', label: 'sync' },
  { place: 'status', label: 'status' },
];

/** What the kubelet asks the container runtime (CRI) and the CNI plugin to do. */
export const RUNTIME_PLACES: readonly PlaceChip[] = [
  { place: 'sandbox', label: 'sandbox' },
  { place: 'network', label: 'CNI' },
  { place: 'image', label: 'image' },
  { place: 'container', label: 'container' },
];
