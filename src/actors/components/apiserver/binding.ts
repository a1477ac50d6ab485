/**
 * `POST /api/v1/namespaces/<ns>/pods/<name>/binding` from kube-scheduler: BindingREST
 * (k/k pkg/registry/core/pod/storage/storage.go assignPod/setPodNodeAndMetadata). A GuaranteedUpdate
 * of the pod from the watch cache: refuse a pod being deleted or already bound (409), check the UID
 * precondition, set spec.nodeName, copy the binding's annotations and upsert PodScheduled=True.
 * The answer is a Status Success with code 201.
 */
import {
  PODS,
  apiserverNarration,
  canonicalPod,
  conflictStatus,
  diffObjects,
  podStorageKey,
  successStatus,
  type KubeObject,
} from '@sim';
import {
  authenticate,
  authorize,
  rejectPodNotFound,
  rejectWithStatus,
  respond,
  toEtcd,
  type RequestState,
  type Stage,
} from './pipeline';

type Obj = Record<string, unknown>;
interface Binding {
  metadata?: { name?: string; uid?: string; annotations?: Record<string, string> };
  target?: { kind?: string; name?: string };
}

/** podutil.UpdatePodCondition: replace or append; lastTransitionTime moves only when the status changes. */
export function upsertCondition(status: Obj, condition: { type: string; status: string }, now: string): Obj {
  const conditions = Array.isArray(status.conditions) ? (status.conditions as Obj[]) : [];
  const i = conditions.findIndex((c) => c.type === condition.type);
  const old = i >= 0 ? conditions[i] : undefined;
  const lastTransitionTime = old && old.status === condition.status ? old.lastTransitionTime : now;
  // metav1.Time lastProbeTime is not a pointer: unset, it serialises as null
  const next = { type: condition.type, status: condition.status, lastProbeTime: null, lastTransitionTime };
  return { ...status, conditions: i >= 0 ? conditions.map((c, j) => (j === i ? next : c)) : [...conditions, next] };
}

function bindingError(state: RequestState, message: string, conflictOn: 'pods' | 'pods/binding') {
  const status = conflictStatus(
    conflictOn === 'pods' ? PODS : { group: '', resource: 'pods/binding' },
    state.info.name,
    message,
  );
  return rejectWithStatus(state, status, { place: 'persist', title: '409 Conflict: binding refused' });
}

const bind: Stage = (state, { cache, env }) => {
  const key = podStorageKey(state.info.namespace, state.info.name);
  const keyed = { ...state, key };
  // GuaranteedUpdate starts from the cached object; after a revision conflict, from etcd's current one
  const current = state.etcd?.error === 'revision mismatch' ? state.etcd.value : cache.get(key);
  if (!current) {
    return rejectPodNotFound(keyed, 'persist', 'fail');
  }
  const binding = (state.exchange.request.body ?? {}) as Binding;
  const node = binding.target?.name ?? '';
  const spec = (current.spec ?? {}) as Obj;
  const uid = binding.metadata?.uid;
  if (uid && uid !== current.metadata.uid) {
    return bindingError(
      keyed,
      `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
      'pods',
    );
  }
  if (current.metadata.deletionTimestamp)
    return bindingError(keyed, `pod ${state.info.name} is being deleted, cannot be assigned to a host`, 'pods/binding');
  if (spec.nodeName)
    return bindingError(
      keyed,
      `pod ${state.info.name} is already assigned to node "${String(spec.nodeName)}"`,
      'pods/binding',
    );
  const annotations = { ...current.metadata.annotations, ...binding.metadata?.annotations };
  const bound: KubeObject = {
    ...current,
    metadata: { ...current.metadata, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: { ...spec, nodeName: node },
    status: upsertCondition((current.status ?? {}) as Obj, { type: 'PodScheduled', status: 'True' }, env.wallTime()),
  };
  const next = { ...keyed, object: bound, attempts: state.attempts + 1 };
  return toEtcd(
    next,
    { kind: 'update', key, value: canonicalPod(bound), expectedModRevision: Number(current.metadata.resourceVersion) },
    {
      place: 'persist',
      title: `Bind to ${node}: Txn update`.slice(0, 48),
      narration: apiserverNarration.persistBinding({ node, key }),
      changes: diffObjects(current, bound, 'kube-scheduler'),
      facts: [
        { label: 'key', value: key },
        { label: 'expected revision', value: String(current.metadata.resourceVersion) },
        ...(state.attempts > 0 ? [{ label: 'attempt', value: String(state.attempts + 1) }] : []),
      ],
    },
    true,
  );
};

const bound: Stage = (state) => {
  const result = state.etcd!;
  if (!result.ok) {
    return rejectPodNotFound(state, 'handler', 'fail');
  }
  const node = ((result.value?.spec ?? {}) as Obj).nodeName;
  return respond(state, {
    code: 201,
    body: successStatus(201),
    object: result.value,
    title: `201: pod bound to ${String(node)}`,
    what: `Status Success, pod bound at resourceVersion ${result.value?.metadata.resourceVersion}`,
    facts: [{ label: 'resourceVersion', value: String(result.value?.metadata.resourceVersion) }],
  });
};

export const BIND_POD: readonly Stage[] = [authenticate, authorize, bind, bound];
