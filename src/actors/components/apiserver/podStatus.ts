/**
 * `PATCH /api/v1/namespaces/<ns>/pods/<name>/status` (kubelets, and kube-scheduler for
 * PodScheduled=False): the patch handler (apiserver@v0.33.0 pkg/endpoints/handlers/patch.go) applies
 * the strategic merge patch to the current pod, the status strategy keeps everything but status
 * (k/k pkg/registry/core/pod/strategy.go podStatusStrategy.PrepareForUpdate), NodeRestriction checks
 * a kubelet's pod is bound to it, and the update is an etcd transaction on the pod's revision.
 */
import {
  PODS,
  apiserverNarration,
  applyStrategicMergePatch,
  canonicalPod,
  conflictStatus,
  diffObjects,
  nodeIdentity,
  podStorageKey,
  runPhase,
  type KubeObject,
} from '@sim';
import { firstDenial, rejectAdmission } from './gates';
import {
  GATE_MS,
  authenticate,
  authorize,
  client,
  rejectPodNotFound,
  rejectWithStatus,
  respond,
  toEtcd,
  type RequestState,
  type Stage,
} from './pipeline';

type Obj = Record<string, unknown>;

/** Who the trace credits with the change: the component, as the managedFields manager would read. */
function changedBy(state: RequestState): string {
  if (nodeIdentity(state.user!).isNode) return 'kubelet';
  return client(state) === 'kube-scheduler' ? 'kube-scheduler' : state.user!.username;
}

/** podStatusStrategy.PrepareForUpdate: only status (and labels/annotations) can change; QoS class is kept. */
function statusUpdate(current: KubeObject, patched: KubeObject): KubeObject {
  const status = { ...((patched.status ?? {}) as Obj) };
  if (!status.qosClass) status.qosClass = ((current.status ?? {}) as Obj).qosClass;
  const { labels, annotations } = patched.metadata;
  return {
    ...current,
    metadata: { ...current.metadata, ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) },
    status,
  };
}

const notFound = (state: RequestState) => {
  return rejectPodNotFound(state, 'persist', 'fail');
};

const patch: Stage = (state, ctx) => {
  const key = podStorageKey(state.info.namespace, state.info.name);
  const keyed = { ...state, key };
  const current = state.etcd?.error === 'revision mismatch' ? state.etcd.value : ctx.cache.get(key);
  if (!current) return notFound(keyed);
  const body = (state.exchange.request.body ?? {}) as { metadata?: { uid?: string } };
  const uid = body.metadata?.uid;
  if (uid && uid !== current.metadata.uid) {
    const status = conflictStatus(
      PODS,
      state.info.name,
      `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
    );
    return rejectWithStatus(keyed, status, { place: 'persist', title: '409 Conflict: UID precondition' });
  }
  const updated = statusUpdate(current, applyStrategicMergePatch(current, body));
  const attrs = {
    operation: 'UPDATE' as const,
    resource: PODS,
    subresource: 'status',
    namespace: state.info.namespace,
    name: state.info.name,
    user: state.user!,
    object: updated,
    oldObject: current,
  };
  const admission = [...runPhase('mutating', attrs, { cluster: ctx.cache.view(), rng: ctx.env.rng })];
  const denial = firstDenial(admission);
  if (denial) {
    return rejectAdmission(keyed, denial, {
      place: 'persist',
      phase: 'mutating',
      admission: admission.map((o) => o.record),
      ms: GATE_MS.handler,
    });
  }
  const next = { ...keyed, object: updated, attempts: state.attempts + 1 };
  return toEtcd(
    next,
    {
      kind: 'update',
      key,
      value: canonicalPod(updated),
      expectedModRevision: Number(current.metadata.resourceVersion),
    },
    {
      place: 'persist',
      title: `Status from ${client(state)}: Txn update`.slice(0, 48),
      narration: apiserverNarration.persistStatus({ client: client(state), key }),
      changes: diffObjects(current, updated, changedBy(state)),
      facts: [
        { label: 'key', value: key },
        { label: 'patch type', value: state.exchange.request.headers['Content-Type'] ?? '' },
        { label: 'expected revision', value: String(current.metadata.resourceVersion) },
      ],
    },
    true,
  );
};

const patched: Stage = (state) => {
  const result = state.etcd!;
  if (!result.ok || !result.value) return notFound(state);
  return respond(state, {
    code: 200,
    body: result.value,
    object: result.value,
    title: `200 OK: status of pod/${state.info.name}`,
    what: `status stored at resourceVersion ${result.value.metadata.resourceVersion}`,
    facts: [{ label: 'resourceVersion', value: String(result.value.metadata.resourceVersion) }],
  });
};

export const PATCH_POD_STATUS: readonly Stage[] = [authenticate, authorize, patch, patched];
