import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@sim';
import { applyOp, initialStore } from './etcd';

const ns: KubeObject = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'default', uid: 'n', resourceVersion: '20' },
};
const pod = (name: string): KubeObject => ({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name, namespace: 'default', uid: 'u' },
});
const KEY = '/registry/pods/default/p';

describe('etcd store', () => {
  // operations change the store in place: each case starts from its own
  const initial = () => initialStore([ns]);

  it('starts above the highest resourceVersion, with the objects under their keys', () => {
    const store = initial();
    expect(store.revision).toBe(20);
    expect([...store.kv.keys()]).toEqual(['/registry/namespaces/default']);
  });

  it('creates with the next revision as resourceVersion (after uid) and refuses an existing key', () => {
    const store = initial();
    const created = applyOp(store, { kind: 'create', key: KEY, value: pod('p') });
    expect(created.result).toEqual({
      ok: true,
      revision: 21,
      value: {
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '21' },
      },
    });
    expect(Object.keys(created.result.value!.metadata)).toEqual(['name', 'namespace', 'uid', 'resourceVersion']);
    expect(created.write).toEqual({ key: KEY, value: created.result.value, created: true });
    expect(applyOp(store, { kind: 'create', key: KEY, value: pod('p') }).result).toEqual({
      ok: false,
      revision: 21,
      error: 'key exists',
    });
  });

  it('updates only at the expected revision', () => {
    const store = initial();
    applyOp(store, { kind: 'create', key: KEY, value: pod('p') });
    const stale = applyOp(store, { kind: 'update', key: KEY, value: pod('p'), expectedModRevision: 7 });
    expect(stale.result).toMatchObject({
      ok: false,
      error: 'revision mismatch',
      value: { metadata: { resourceVersion: '21' } },
    });
    const fresh = applyOp(store, { kind: 'update', key: KEY, value: pod('p'), expectedModRevision: 21 });
    expect(fresh.result.revision).toBe(22);
    expect(store.kv.get(KEY)).toMatchObject({ createRevision: 21, modRevision: 22, version: 2 });
  });

  it('reads a key or reports it missing', () => {
    const store = initial();
    expect(applyOp(store, { kind: 'get', key: KEY }).result).toEqual({
      ok: false,
      revision: 20,
      error: 'key not found',
    });
    expect(applyOp(store, { kind: 'get', key: '/registry/namespaces/default' }).result).toEqual({
      ok: true,
      revision: 20,
      value: ns,
    });
  });
});
