/**
 * The watch cache's fan-out (apiserver@v0.33.0 pkg/storage/cacher/cache_watcher.go
 * convertToWatchEvent): for each watcher, the change is ADDED when the object starts matching its
 * namespace and field selector, MODIFIED while it keeps matching, DELETED (with the previous object at
 * the new resourceVersion) when it stops matching or is deleted, and nothing when it never matched.
 */
import {
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
  /** Empty for a cluster-wide watch. */
  namespace: string;
  fieldSelector: FieldRequirement[];
}

/** A watch on pods, from its request path (`/api/v1/pods?fieldSelector=...&watch=true`). */
export function watcherFor(watcher: ComponentId, path: string): Watcher | { error: string } {
  const info = parseRequestInfo('GET', path);
  if (info.verb !== 'watch' || info.apiGroup !== '' || info.resource !== 'pods')
    return { error: `not a pod watch: ${path}` };
  const unsupported = unsupportedPodField(info.fieldSelector);
  // the field selector conversion func: `field label not supported: <field>`
  if (unsupported) return { error: `field label not supported: ${unsupported}` };
  return { watcher, path, namespace: info.namespace, fieldSelector: info.fieldSelector };
}

const matches = (w: Watcher, o: KubeObject | undefined): o is KubeObject =>
  !!o &&
  o.kind === 'Pod' &&
  (w.namespace === '' || o.metadata.namespace === w.namespace) &&
  matchesFieldSelector(o, w.fieldSelector);

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
