/**
 * `GET .../<resource>/<name>` (pods, configmaps, nodes, ...): without a resourceVersion the registry
 * reads etcd (a consistent read, apiserver@v0.33.0 pkg/storage/cacher Cacher.Get delegates to
 * storage) and answers 200 with the object or 404 `<resource> "<name>" not found`
 * (apiserver pkg/endpoints/handlers/get.go, store.Get).
 */
import { apiserverNarration, mappingOfResource, storageKey } from '@sim';
import { objectLabel, requestResource } from './createPod';
import {
  GATE_MS,
  apiStep,
  authenticate,
  authorize,
  rejectNotFound,
  response,
  responsePacket,
  type RequestState,
  type Stage,
} from './pipeline';

/** The etcd key of the object a request names, e.g. `/registry/minions/worker-1` for a Node. */
export function requestKey(state: RequestState): string {
  const m = mappingOfResource(state.info.apiGroup, state.info.resource);
  return (m && storageKey(m.kind, state.info.namespace, state.info.name)) ?? '';
}

/** The Range read of the object named in the URL, recorded as the packet to etcd. */
export const read: Stage = (state) => {
  const key = requestKey(state);
  const next = { ...state, key };
  return {
    state: next,
    ms: GATE_MS.handler,
    next: 'etcd',
    op: { kind: 'get', key },
    effects: [
      apiStep(next, {
        place: 'handler',
        title: 'Read from etcd: Range',
        outcome: 'info',
        narration: apiserverNarration.readFromStorage({ key }),
        packets: [{ from: 'kube-apiserver', to: 'etcd', kind: 'etcd', label: 'Range' }],
        facts: [{ label: 'key', value: key }],
      }),
    ],
  };
};

const answer: Stage = (state) => {
  const result = state.etcd!;
  if (!result.ok || !result.value) return rejectNotFound(state, requestResource(state), 'handler', 'info');
  const res = response(state, 200, result.value);
  const next = { ...state, object: result.value, exchange: { ...state.exchange, response: res } };
  return {
    state: next,
    ms: GATE_MS.handler,
    next: 'respond',
    response: res,
    effects: [
      apiStep(next, {
        place: 'handler',
        title: `200 OK: ${objectLabel(result.value)}`.slice(0, 48),
        outcome: 'ok',
        narration: apiserverNarration.responded({ code: 200, statusText: 'OK', what: '' }),
        packets: [responsePacket(state, 200)],
      }),
    ],
  };
};

export const GET_OBJECT: readonly Stage[] = [authenticate, authorize, read, answer];
