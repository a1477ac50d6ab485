/**
 * etcd: the key-value store behind kube-apiserver, and only kube-apiserver's. One cluster-wide
 * revision counter; every write gets the next revision, which becomes the object's resourceVersion.
 * A create is a transaction that succeeds only if the key does not exist (`mod_revision == 0`), an
 * update only if the key still has the expected revision. After each write etcd answers and notifies
 * its watcher (kube-apiserver's watch on the /registry prefix).
 *
 * The store starts with the scenario's objects at their resourceVersions; only new writes are
 * reported to the recorder. Event writes are stored but not recorded as steps: the step of the
 * component that emitted the Event shows it.
 */
import { fromTransition, type AnyActorScope } from 'xstate';
import { ETCD_PREFIX, etcdNarration, objectKey, type KubeObject, type Packet } from '@sim';
import type { ComponentInput, SimEnv } from '../env';
import type { ClusterEvent, EtcdOp, EtcdResult } from '../protocol';
import { Outbox } from './outbox';
import type { StepDraft } from '../recorder';

/** Time etcd takes to commit a transaction (raft round and fsync on a local SSD). */
export const ETCD_COMMIT_MS = 2;
/** How kube-apiserver stores objects (k/k cmd/kube-apiserver/app/options: DefaultStorageMediaType). */
const STORAGE_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
/** Keys whose writes are not steps of their own. */
const QUIET_PREFIX = `${ETCD_PREFIX}/events/`;

export interface KvEntry {
  value: KubeObject;
  createRevision: number;
  modRevision: number;
  version: number;
}

/**
 * etcd's one store, changed in place by each operation: copying every key on every write made a run
 * with many objects quadratic.
 */
export interface EtcdStore {
  kv: Map<string, KvEntry>;
  revision: number;
}

/** The store before Apply: the scenario's objects under their keys, the revision above the highest resourceVersion. */
export function initialStore(cluster: readonly KubeObject[]): EtcdStore {
  const kv = new Map<string, KvEntry>();
  let revision = 1;
  for (const o of cluster) {
    const key = objectKey(o);
    const rv = Number(o.metadata.resourceVersion ?? 0);
    if (Number.isFinite(rv)) revision = Math.max(revision, rv);
    if (key) kv.set(key, { value: o, createRevision: rv, modRevision: rv, version: 1 });
  }
  return { kv, revision };
}

export interface Applied {
  result: EtcdResult;
  /** Present when the operation wrote (or deleted) a key. */
  write?: { key: string; value?: KubeObject; created: boolean };
}

/** The stored value carries its revision as resourceVersion, in ObjectMeta's place for it (after uid). */
function withResourceVersion(o: KubeObject, revision: number): KubeObject {
  const rv = String(revision);
  const entries = Object.entries(o.metadata).filter(([k]) => k !== 'resourceVersion');
  const at = entries.findIndex(([k]) => k === 'uid');
  entries.splice(at < 0 ? entries.length : at + 1, 0, ['resourceVersion', rv]);
  return { ...o, metadata: Object.fromEntries(entries) };
}

/** Applies one KV operation to the store (in place: a failed one leaves it as it was). */
export function applyOp(store: EtcdStore, op: EtcdOp): Applied {
  const entry = store.kv.get(op.key);
  const fail = (error: EtcdResult['error'], value?: KubeObject): Applied => ({
    result: { ok: false, revision: store.revision, ...(value ? { value } : {}), error },
  });
  const put = (value: KubeObject, created: boolean): Applied => {
    const revision = store.revision + 1;
    const stored = withResourceVersion(value, revision);
    store.kv.set(op.key, {
      value: stored,
      createRevision: created ? revision : entry!.createRevision,
      modRevision: revision,
      version: created ? 1 : entry!.version + 1,
    });
    store.revision = revision;
    return {
      result: { ok: true, revision, value: stored },
      write: { key: op.key, value: stored, created },
    };
  };
  switch (op.kind) {
    case 'get':
      return entry ? { result: { ok: true, revision: store.revision, value: entry.value } } : fail('key not found');
    case 'create':
      return entry ? fail('key exists') : put(op.value, true);
    case 'update':
      if (!entry) return fail('key not found');
      if (op.expectedModRevision !== undefined && op.expectedModRevision !== entry.modRevision)
        return fail('revision mismatch', entry.value);
      return put(op.value, false);
    case 'delete': {
      if (!entry) return fail('key not found');
      const revision = store.revision + 1;
      store.kv.delete(op.key);
      store.revision = revision;
      return {
        result: { ok: true, revision, value: entry.value },
        write: { key: op.key, created: false },
      };
    }
  }
}

/** The label of the request on the wire (etcd's gRPC calls: Range for reads, Txn for writes). */
const opLabel = (op: EtcdOp) => (op.kind === 'get' ? 'Range' : `Txn ${op.kind}`);

/** The step of an operation: `entry` is the key's entry after it, `revisionBefore` the store's revision before it. */
function stepFor(op: EtcdOp, applied: Applied, entry: KvEntry | undefined, revisionBefore: number): StepDraft {
  const { result } = applied;
  const packets: Packet[] = [
    {
      from: 'etcd',
      to: 'kube-apiserver',
      kind: 'etcd',
      label: result.ok ? `${opLabel(op)} OK` : `${opLabel(op)} failed`,
    },
  ];
  if (applied.write)
    packets.push({
      from: 'etcd',
      to: 'kube-apiserver',
      kind: 'etcd',
      label: `watch ${applied.write.value ? 'PUT' : 'DELETE'}`,
    });
  const facts = [
    { label: 'key', value: op.key },
    { label: 'revision', value: String(result.revision) },
    ...(entry && applied.write
      ? [
          { label: 'create_revision', value: String(entry.createRevision) },
          { label: 'version', value: String(entry.version) },
        ]
      : []),
    ...(applied.write?.value
      ? [{ label: 'value encoding', value: `${STORAGE_MEDIA_TYPE} (starts with k8s\\x00)` }]
      : []),
  ];
  if (op.kind === 'get') {
    return {
      component: 'etcd',
      place: 'storage',
      title: result.ok ? 'Range: key found' : 'Range: no such key',
      outcome: 'info',
      narration: etcdNarration.rangeRead({ key: op.key, found: result.ok, revision: result.revision }),
      facts,
      packets,
      objectKey: op.key,
      ...(result.value ? { object: result.value } : {}),
    };
  }
  if (!result.ok) {
    const reason =
      result.error === 'key exists'
        ? 'the key already exists'
        : result.error === 'revision mismatch'
          ? 'the key has a newer revision'
          : 'no such key';
    return {
      component: 'etcd',
      place: 'storage',
      title: `${opLabel(op)} rejected: ${result.error}`,
      outcome: 'fail',
      narration: etcdNarration.writeRejected({ key: op.key, reason }),
      facts: [...facts, { label: 'store revision', value: String(revisionBefore) }],
      packets,
      objectKey: op.key,
    };
  }
  return {
    component: 'etcd',
    place: 'storage',
    title: `Stored at revision ${result.revision}`,
    outcome: 'ok',
    narration: etcdNarration.stored({
      key: op.key,
      revision: result.revision,
      created: applied.write?.created ?? false,
    }),
    facts,
    packets,
    objectKey: op.key,
    ...(result.value ? { object: result.value } : {}),
  };
}

interface EtcdContext {
  env: SimEnv;
  store: EtcdStore;
}
type EtcdEvent = ClusterEvent | { type: 'etcd.commit'; id: string; op: EtcdOp };

/** A request's commit: the store changes, the step is recorded, the answer and the watch event go out. */
function commit({ env, store }: EtcdContext, id: string, op: EtcdOp, out: Outbox<EtcdEvent>): void {
  const revisionBefore = store.revision;
  const applied = applyOp(store, op);
  const entry = store.kv.get(op.key);
  if (applied.write) env.recorder.store(applied.write.key, applied.write.value);
  if (!op.key.startsWith(QUIET_PREFIX)) env.recorder.step(stepFor(op, applied, entry, revisionBefore));
  const delay = env.latency('etcd', 'kube-apiserver');
  out.send('kube-apiserver', { type: 'etcd.response', id, result: applied.result }, delay, `response ${id}`);
  if (applied.write) {
    const { key, value, created } = applied.write;
    const watch: ClusterEvent = {
      type: 'etcd.watch',
      watchType: value ? 'PUT' : 'DELETE',
      key,
      ...(value ? { value } : {}),
      revision: applied.result.revision,
      created,
    };
    out.send('kube-apiserver', watch, delay, `watch ${id}`);
  }
}

/**
 * etcd holds no control state of its own (only the store), so it is an XState transition actor: each
 * event is one call, with no state chart to walk.
 */
export const etcdLogic = fromTransition(
  (context: EtcdContext, event: EtcdEvent, scope: AnyActorScope) => {
    const out = new Outbox<EtcdEvent>(scope);
    // requests are committed in arrival order, each after the commit time
    if (event.type === 'etcd.request')
      out.raise({ type: 'etcd.commit', id: event.id, op: event.op }, ETCD_COMMIT_MS, `commit ${event.id}`);
    else if (event.type === 'etcd.commit') commit(context, event.id, event.op, out);
    return context;
  },
  ({ input }: { input: ComponentInput }): EtcdContext => ({
    env: input.env,
    store: initialStore(input.env.input.cluster),
  }),
);
