/**
 * Event writes: `POST /api/v1/namespaces/<ns>/events` (core/v1, the kubelet), `POST
 * /apis/events.k8s.io/v1/namespaces/<ns>/events` (kube-scheduler) and `PATCH .../events/<name>` for a
 * repeated event. Both APIs store core/v1 Events under /registry/events/<ns>/<name> (the events.k8s.io
 * form is converted, k/k pkg/apis/events/v1/conversion.go). They are handled fully but recorded as no
 * step of their own: the step of the component that emitted the event shows it.
 */
import { applyStrategicMergePatch, alreadyExistsStatus, notFoundStatus, storageKey, type KubeObject } from '@sim';
import {
  GATE_MS,
  authenticate,
  authorize,
  reject,
  response,
  type Effect,
  type RequestState,
  type Stage,
} from './pipeline';

type Obj = Record<string, unknown>;
const EVENTS = { group: '', resource: 'events' };

/** Convert_v1_Event_To_core_Event, serialised as core/v1. */
function toCoreEvent(e: Obj): Obj {
  const series = e.series as { count?: number; lastObservedTime?: string } | undefined;
  const out: Obj = {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: e.metadata,
    involvedObject: e.regarding,
    reason: e.reason,
    message: e.note,
    source: e.deprecatedSource ?? {},
    firstTimestamp: e.deprecatedFirstTimestamp ?? null,
    lastTimestamp: e.deprecatedLastTimestamp ?? null,
    ...(e.deprecatedCount !== undefined ? { count: e.deprecatedCount } : {}),
    type: e.type,
    eventTime: e.eventTime ?? null,
    ...(series ? { series } : {}),
    action: e.action,
    ...(e.related ? { related: e.related } : {}),
    reportingComponent: e.reportingController ?? '',
    reportingInstance: e.reportingInstance ?? '',
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** The Event as `kubectl describe` shows it: From is source.component, else reportingComponent. */
function recorded(e: KubeObject): Effect {
  const o = e as unknown as {
    type?: string;
    reason?: string;
    message?: string;
    source?: { component?: string };
    reportingComponent?: string;
    involvedObject?: { kind?: string; name?: string };
  };
  return {
    kind: 'event',
    event: {
      type: o.type === 'Warning' ? 'Warning' : 'Normal',
      reason: o.reason ?? '',
      message: o.message ?? '',
      from: o.source?.component || o.reportingComponent || '',
      object: `${(o.involvedObject?.kind ?? '').toLowerCase()}/${o.involvedObject?.name ?? ''}`,
    },
  };
}

const create: Stage = (state, { env }) => {
  const body = (state.exchange.request.body ?? {}) as Obj;
  const core =
    state.info.apiGroup === 'events.k8s.io' ? toCoreEvent(body) : { ...body, kind: 'Event', apiVersion: 'v1' };
  const meta = (core.metadata ?? {}) as KubeObject['metadata'];
  const name = meta.name ?? '';
  const event = {
    ...core,
    metadata: { ...meta, namespace: state.info.namespace, uid: env.rng.uuid(), creationTimestamp: env.wallTime() },
  } as KubeObject;
  const key = storageKey('Event', state.info.namespace, name)!;
  return {
    state: { ...state, key, object: event },
    ms: GATE_MS.handler,
    next: 'etcd',
    op: { kind: 'create', key, value: event },
  };
};

const patch: Stage = (state, { cache }) => {
  const key = storageKey('Event', state.info.namespace, state.info.name)!;
  const current = cache.get(key);
  if (!current) return reject({ ...state, key }, notFoundStatus(EVENTS, state.info.name), undefined, GATE_MS.handler);
  const updated = applyStrategicMergePatch(current, state.exchange.request.body);
  return {
    state: { ...state, key, object: updated },
    ms: GATE_MS.handler,
    next: 'etcd',
    op: { kind: 'update', key, value: updated },
  };
};

const stored =
  (code: 200 | 201): Stage =>
  (state: RequestState) => {
    const result = state.etcd!;
    if (!result.ok || !result.value) {
      const status =
        code === 201
          ? alreadyExistsStatus(EVENTS, state.object?.metadata.name ?? '')
          : notFoundStatus(EVENTS, state.info.name);
      return reject(state, status, undefined, GATE_MS.handler);
    }
    const res = response(state, code, result.value);
    return {
      state: { ...state, exchange: { ...state.exchange, response: res } },
      ms: GATE_MS.handler,
      next: 'respond',
      response: res,
      effects: [recorded(result.value)],
    };
  };

export const CREATE_EVENT: readonly Stage[] = [authenticate, authorize, create, stored(201)];
export const PATCH_EVENT: readonly Stage[] = [authenticate, authorize, patch, stored(200)];
