/**
 * The watch cache's fan-out, one cacher per resource (pods, nodes, configmaps, ...)
 * (apiserver@v0.33.0 pkg/storage/cacher/cache_watcher.go
 * convertToWatchEvent): for each watcher, the change is ADDED when the object starts matching its
 * namespace and field selector, MODIFIED while it keeps matching, DELETED (with the previous object at
 * the new resourceVersion) when it stops matching or is deleted, and nothing when it never matched.
 */
import {
  mappingOfResource,
  matchesFieldSelector,
  unsupportedPodField,
  type ComponentId,
  type FieldRequirement,
  type KubeObject,
} from '@sim';
import type { WatchType } from '../../protocol';
import { parseRequestInfo } from './requestInfo';

export interface Watcher {
  watcher: ComponentId;
  path: string;
  /** The kind the watched resource holds (Pod for `pods`, Node for `nodes`). */
  kind: string;
  /** Empty for a cluster-wide watch. */
  namespace: string;
  fieldSelector: FieldRequirement[];
}

/** Fields every resource can be selected by (generic registry DefaultClusterScopedAttr / DefaultNamespaceScopedAttr). */
const OBJECT_META_FIELDS = ['metadata.name', 'metadata.namespace'];

/**
 * A watch on a resource this simulator stores, from its request path
 * (`/api/v1/pods?fieldSelector=...&watch=true`, `/api/v1/nodes?watch=true`).
 */
export function watcherFor(watcher: ComponentId, path: string): Watcher | { error: string } {
  const info = parseRequestInfo('GET', path);
  const mapping = info.verb === 'watch' ? mappingOfResource(info.apiGroup, info.resource) : undefined;
  if (!mapping) return { error: `not a watch on a simulated resource: ${path}` };
  const unsupported =
    mapping.kind === 'Pod'
      ? unsupportedPodField(info.fieldSelector)
      : info.fieldSelector.find((r) => !OBJECT_META_FIELDS.includes(r.field))?.field;
  // the field selector conversion func: `field label not supported: <field>`
  if (unsupported) return { error: `field label not supported: ${unsupported}` };
  return { watcher, path, kind: mapping.kind, namespace: info.namespace, fieldSelector: info.fieldSelector };
}

/** Whether an object satisfies a non-pod watch's selector on metadata.name / metadata.namespace. */
function matchesMetaSelector(o: KubeObject, w: Watcher): boolean {
  const fields: Record<string, string> = {
    'metadata.name': o.metadata.name ?? '',
    'metadata.namespace': o.metadata.namespace ?? '',
  };
  return w.fieldSelector.every((r) => (fields[r.field] === r.value) === (r.operator !== '!='));
}

const matches = (w: Watcher, o: KubeObject | undefined): o is KubeObject =>
  !!o &&
  o.kind === w.kind &&
  (w.namespace === '' || o.metadata.namespace === w.namespace) &&
  (o.kind === 'Pod' ? matchesFieldSelector(o, w.fieldSelector) : matchesMetaSelector(o, w));

export interface Delivery {
  watcher: ComponentId;
  watchType: WatchType;
  object: KubeObject;
}

/** The events one change produces, watcher by watcher, in registration order. */
export function fanOut(
  watchers: readonly Watcher[],
  prev: KubeObject | undefined,
  next: KubeObject | undefined,
  revision: number,
): Delivery[] {
  const out: Delivery[] = [];
  for (const w of watchers) {
    const was = matches(w, prev);
    const is = matches(w, next);
    if (is && !was) out.push({ watcher: w.watcher, watchType: 'ADDED', object: next });
    else if (is && was) out.push({ watcher: w.watcher, watchType: 'MODIFIED', object: next });
    else if (was && !is)
      out.push({
        watcher: w.watcher,
        watchType: 'DELETED',
        object: { ...prev, metadata: { ...prev.metadata, resourceVersion: String(revision) } },
      });
  }
  return out;
}
