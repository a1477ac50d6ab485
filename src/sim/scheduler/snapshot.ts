/**
 * The scheduler's view of the cluster for one scheduling cycle (k/k pkg/scheduler/framework/types.go
 * NodeInfo, pkg/scheduler/backend/cache/snapshot.go): per node, the pods assigned to it, their summed
 * requests (real and "non-zero") and the images the node reports.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ImageFacts, KubeObject } from '../scenario';
import { normalizeImageRef, registryImage } from '../kubelet/images';
import { nodeAllocatable, sumRequests, type ResourceAmounts } from './resources';

export interface NodeInfo {
  name: string;
  node: Node;
  /** Pods assigned to the node that are not terminated (Succeeded/Failed). */
  pods: Pod[];
  allocatable: ResourceAmounts;
  /** Sum of the pods' requests (NodeInfo.Requested). */
  requested: ResourceAmounts;
  /** Same with the default cpu/memory for containers that request none (NodeInfo.NonZeroRequested). */
  nonZeroRequested: ResourceAmounts;
  /** Images the kubelet reports in `status.images`, by containerd name (`docker.io/library/nginx:1.27`) → size. */
  images: Record<string, number>;
}

export interface Snapshot {
  nodes: NodeInfo[];
  /** Every object of the cluster (PVCs, Services, ... are looked up here). */
  objects: readonly KubeObject[];
}

const isTerminated = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

export function podKey(p: { metadata?: { namespace?: string; name?: string } }): string {
  return `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`;
}

/**
 * The images a node reports: `status.images` (every name of an image → its sizeBytes, as the cache's
 * imageStates are keyed) when the Node object carries them, else what the scenario says is present.
 */
function nodeImages(node: Node, images: ImageFacts): Record<string, number> {
  const out: Record<string, number> = {};
  if (node.status?.images) {
    for (const i of node.status.images) for (const n of i.names ?? []) out[n] = i.sizeBytes ?? 0;
    return out;
  }
  for (const image of images.presentOnNode[node.metadata?.name ?? ''] ?? []) {
    out[normalizeImageRef(image).name] = registryImage(images, image)?.size ?? 0;
  }
  return out;
}

/**
 * Builds the snapshot from the cluster's objects and the pods the scheduler knows to be assigned
 * (its informer cache plus pods it has assumed). Node order is the order of the cluster list.
 */
export function buildSnapshot(
  objects: readonly KubeObject[],
  images: ImageFacts,
  extraPods: readonly Pod[] = [],
): Snapshot {
  const byKey = new Map<string, Pod>();
  for (const o of objects) if (o.kind === 'Pod') byKey.set(podKey(o as Pod), o as Pod);
  for (const p of extraPods) byKey.set(podKey(p), p);
  const pods = [...byKey.values()].filter((p) => p.spec?.nodeName && !isTerminated(p));
  const nodes = objects
    .filter((o) => o.kind === 'Node')
    .map((o): NodeInfo => {
      const node = o as unknown as Node;
      const name = node.metadata?.name ?? '';
      const onNode = pods.filter((p) => p.spec?.nodeName === name);
      const reported = nodeImages(node, images);
      return {
        name,
        node,
        pods: onNode,
        allocatable: nodeAllocatable(node as never),
        requested: sumRequests(onNode),
        nonZeroRequested: sumRequests(onNode, { nonZero: true }),
        images: reported,
      };
    });
  return { nodes, objects };
}
