/**
 * What kube-apiserver knows without asking etcd: its informer caches (namespaces, service accounts,
 * RBAC, priority classes, ...) and the watch cache of pods. It starts with the scenario's objects and
 * follows every write through etcd's watch. Requests read it; only the kube-apiserver actor writes it,
 * as the informers do in a real API server.
 */
import { objectKey, type ClusterView, type KubeObject } from '@sim';

export class ApiCache {
  private readonly objects = new Map<string, KubeObject>();
  /** `all()` as last listed: every request's authentication and authorization read it, writes are rarer. */
  private listed: readonly KubeObject[] | undefined;

  constructor(initial: readonly KubeObject[]) {
    for (const o of initial) {
      const key = objectKey(o);
      if (key) this.objects.set(key, o);
    }
  }

  get(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  /** Records a change reported by etcd's watch; returns the previous value. */
  apply(key: string, value: KubeObject | undefined): KubeObject | undefined {
    const prev = this.objects.get(key);
    if (value) this.objects.set(key, value);
    else this.objects.delete(key);
    this.listed = undefined;
    return prev;
  }

  /** Every object, in a stable order (insertion: the scenario's order, then new objects). */
  all(): readonly KubeObject[] {
    return (this.listed ??= [...this.objects.values()]);
  }

  /**
   * The objects that satisfy `keep`, in the order of `all()`. Requests read the cache many times each
   * (admission, authorization), so the lookups walk the map instead of copying it first.
   */
  private select(keep: (o: KubeObject) => boolean): KubeObject[] {
    const out: KubeObject[] = [];
    for (const o of this.objects.values()) if (keep(o)) out.push(o);
    return out;
  }

  /** Pods bound to a node (the Node authorizer's graph). */
  podsOn(node: string): KubeObject[] {
    return this.select((o) => o.kind === 'Pod' && (o.spec as { nodeName?: string } | undefined)?.nodeName === node);
  }

  view(): ClusterView {
    return {
      get: (kind, namespace, name) => {
        for (const o of this.objects.values())
          if (
            o.kind === kind &&
            o.metadata.name === name &&
            (o.metadata.namespace || undefined) === (namespace || undefined)
          )
            return o;
        return undefined;
      },
      list: (kind, namespace) =>
        this.select((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)),
    };
  }
}
