/**
 * `GET /api/v1/namespaces/<ns>/pods/<name>`: without a resourceVersion the registry reads etcd (a
 * consistent read, apiserver@v0.33.0 pkg/storage/cacher Cacher.Get delegates to storage) and answers
 * 200 with the object or 404 `pods "<name>" not found`.
 */
import { apiserverNarration, podStorageKey } from '@sim';
import {
  GATE_MS,
  apiStep,
  authenticate,
  authorize,
  rejectPodNotFound,
  response,
  responsePacket,
  type Stage,
} from './pipeline';

const read: Stage = (state) => {
  const key = podStorageKey(state.info.namespace, state.info.name);
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
  if (!result.ok || !result.value) {
    return rejectPodNotFound(state, 'handler', 'info');
  }
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
        title: `200 OK: pod/${state.info.name}`.slice(0, 48),
        outcome: 'ok',
        narration: apiserverNarration.responded({ code: 200, statusText: 'OK', what: '' }),
        packets: [responsePacket(state, 200)],
      }),
    ],
  };
};

export const GET_POD: readonly Stage[] = [authenticate, authorize, read, answer];
