/**
 * `GET .../<resource>/<name>` (pods, configmaps, nodes, ...): without a resourceVersion the registry
 * reads etcd (a consistent read, apiserver@v0.33.0 pkg/storage/cacher Cacher.Get delegates to
 * storage) and answers 200 with the object or 404 `<resource> "<name>" not found`
 * (apiserver pkg/endpoints/handlers/get.go, store.Get).
 */
import { apiserverNarration, mappingOfResource, storageKey } from '@sim';
import { objectLabel, requestResource } from './createPod';
import { authenticate, authorize, rejectNotFound, respond, toEtcd, type RequestState, type Stage } from './pipeline';

/** The etcd key of the object a request names, e.g. `/registry/minions/worker-1` for a Node. */
export function requestKey(state: RequestState): string {
  const m = mappingOfResource(state.info.apiGroup, state.info.resource);
  return (m && storageKey(m.kind, state.info.namespace, state.info.name)) ?? '';
}

/** The Range read of the object named in the URL, recorded as the packet to etcd. */
export const read: Stage = (state) => {
  const key = requestKey(state);
  return toEtcd(
    { ...state, key },
    { kind: 'get', key },
    {
      place: 'handler',
      title: 'Read from etcd: Range',
      narration: apiserverNarration.readFromStorage({ key }),
      facts: [{ label: 'key', value: key }],
    },
  );
};

const answer: Stage = (state) => {
  const result = state.etcd!;
  if (!result.ok || !result.value) return rejectNotFound(state, requestResource(state), 'handler', 'info');
  return respond(state, {
    code: 200,
    body: result.value,
    object: result.value,
    title: `200 OK: ${objectLabel(result.value)}`,
    what: '',
  });
};

export const GET_OBJECT: readonly Stage[] = [authenticate, authorize, read, answer];
