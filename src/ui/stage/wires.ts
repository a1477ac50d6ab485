import type { ComponentId, Packet, TraceNode } from '@sim';

/**
 * The wires of the cluster. Every one ends at kube-apiserver: clients and kubelets talk only to the
 * API server, and only the API server talks to etcd (the topology invariant of ARCHITECTURE.md).
 */
export function wiresOf(
  nodes: readonly TraceNode[],
  kubeletId: (node: string) => ComponentId,
): [ComponentId, ComponentId][] {
  return [
    ['kubectl', 'kube-apiserver'],
    ['kubectl-watch', 'kube-apiserver'],
    ['kube-apiserver', 'etcd'],
    ['kube-apiserver', 'kube-scheduler'],
    ...nodes.map((n): [ComponentId, ComponentId] => ['kube-apiserver', kubeletId(n.name)]),
  ];
}

/** The same key for both directions of a wire. */
export const wireKey = (a: ComponentId, b: ComponentId): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Packets sharing a wire in one step leave one after another, this fraction of the step apart. */
const STAGGER = 0.18;

/** How far (0..1) packet number `lane` of the `lanes` on one wire has travelled at step progress `progress`. */
export function travelled(progress: number, lane: number, lanes: number): number {
  const span = Math.max(1 - STAGGER * (lanes - 1), STAGGER);
  return Math.min(Math.max((progress - lane * STAGGER) / span, 0), 1);
}

/** A packet's face: its label, and for an HTTP response ✓ or ✕ before it (never colour alone). */
export const packetText = (p: Packet): string =>
  p.kind === 'response' && p.status !== undefined ? `${p.status >= 400 ? '✕' : '✓'} ${p.label}` : p.label;
