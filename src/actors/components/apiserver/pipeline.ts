/**
 * A request inside kube-apiserver as a sequence of stages (the filter chain, then the handler). Each
 * stage is a pure function of the request's state and the API server's caches; it returns the next
 * state, what to record, how long it took, and what happens next: the next stage, a call to etcd, or
 * the response. The request machine (request.ts) runs them.
 */
import {
  PODS,
  apiserverNarration,
  authenticate as runAuthenticators,
  authorize as runAuthorizers,
  canonicalPod,
  clientCredential,
  forbiddenError,
  forbiddenStatus,
  notFoundStatus,
  statusText,
  unauthorizedStatus,
  warningHeader,
  type AdmissionRecord,
  type ComponentId,
  type Fact,
  type HttpExchange,
  type HttpResponse,
  type KubeEvent,
  type KubeObject,
  type PodCard,
  type RequestAttributes,
  type Status,
  type UserInfo,
} from '@sim';
import type { SimEnv } from '../../env';
import type { EtcdOp, EtcdResult } from '../../protocol';
import type { StepDraft } from '../../recorder';
import type { ApiCache } from './cache';
import type { RequestInfo } from './requestInfo';

/** How much of a request the trace shows: every gate (the person's requests), one step per phase (components), or nothing (Events). */
export type Recording = 'full' | 'compact' | 'silent';

export interface RequestState {
  exchange: HttpExchange;
  info: RequestInfo;
  recording: Recording;
  auditId: string;
  user?: UserInfo;
  /** The etcd key the request is about. */
  key?: string;
  /** The object being built or updated. */
  object?: KubeObject;
  admission: AdmissionRecord[];
  warnings: string[];
  /** Whether a mutating-admission step was recorded yet. */
  mutationRecorded: boolean;
  /** The last answer from etcd. */
  etcd?: EtcdResult;
  /** Attempts of an optimistic update (GuaranteedUpdate retries on a revision conflict). */
  attempts: number;
}

export type Effect =
  | { kind: 'step'; draft: StepDraft }
  | { kind: 'event'; event: Omit<KubeEvent, 'firstT' | 'lastT' | 'count'> }
  | { kind: 'podCard'; card: Partial<PodCard> };

export type StageResult = { state: RequestState; effects?: Effect[]; ms?: number } & (
  | { next: 'continue' }
  | { next: 'etcd'; op: EtcdOp; retryOnConflict?: boolean }
  | { next: 'respond'; response: HttpResponse }
);

export interface StageContext {
  env: SimEnv;
  cache: ApiCache;
}

export type Stage = (state: RequestState, ctx: StageContext) => StageResult;

/** Processing time of each gate: a few ms on an idle local API server. */
export const GATE_MS = {
  authn: 1,
  authz: 1,
  decode: 2,
  admission: 1,
  prepare: 1,
  validate: 2,
  validatingAdmission: 2,
  handler: 1,
} as const;

/** The response kube-apiserver writes: JSON (or protobuf when the client prefers it), with the audit id. */
export function response(state: RequestState, status: number, body: unknown): HttpResponse {
  const accept = state.exchange.request.headers.Accept ?? 'application/json';
  return {
    status,
    statusText: statusText(status),
    headers: {
      'Audit-Id': state.auditId,
      'Cache-Control': 'no-cache, private',
      'Content-Type': accept.startsWith('application/vnd.kubernetes.protobuf')
        ? 'application/vnd.kubernetes.protobuf'
        : 'application/json',
      ...(state.warnings.length ? { Warning: warningHeader(state.warnings) } : {}),
    },
    body,
  };
}

export const client = (state: RequestState): ComponentId => state.exchange.client;

/** create.go managerOrUserAgent: the fieldManager parameter, else the User-Agent up to the first `/`. */
export const manager = (state: RequestState): string =>
  state.info.query.fieldManager || (state.exchange.request.headers['User-Agent'] ?? '').split('/')[0] || '';

/** The label of a response packet. */
export const responsePacket = (state: RequestState, code: number) => ({
  from: 'kube-apiserver' as const,
  to: client(state),
  kind: 'response' as const,
  label: String(code),
  status: code,
});

/** What a stage says about a step of kube-apiserver; the request fills in the rest. */
export type ApiStepDraft = Omit<StepDraft, 'component' | 'http' | 'objectKey' | 'object'> & { object?: unknown };

/** The pod as the steps show it, in kube-apiserver's field order (canonicalPod remembers what it ordered). */
const shown = (o: KubeObject): KubeObject => (o.kind === 'Pod' ? canonicalPod(o) : o);

/** A step of kube-apiserver about this request (the exchange, key and current object attached). */
export function apiStep(state: RequestState, draft: ApiStepDraft): Effect {
  return {
    kind: 'step',
    draft: {
      component: 'kube-apiserver',
      http: state.exchange,
      ...(state.key ? { objectKey: state.key } : {}),
      ...(state.object ? { object: shown(state.object) } : {}),
      ...draft,
    },
  };
}

/** The request passes this gate on to the next stage, recording the step. */
export function proceed(state: RequestState, ms: number, step: ApiStepDraft): StageResult {
  return { state, ms, next: 'continue', effects: [apiStep(state, step)] };
}

/**
 * The handler hands the request to etcd: one operation, recorded with the packet that carries it
 * (`Range` for a read, `Txn create` / `Txn update` for a write).
 */
export function toEtcd(
  state: RequestState,
  op: EtcdOp,
  step: Pick<StepDraft, 'place' | 'title' | 'narration' | 'changes'> & { facts: Fact[] },
  retryOnConflict?: true,
): StageResult {
  const label = op.kind === 'get' ? 'Range' : `Txn ${op.kind}`;
  const { changes, facts } = step;
  return {
    state,
    ms: GATE_MS.handler,
    next: 'etcd',
    ...(retryOnConflict ? { retryOnConflict } : {}),
    op,
    effects: [
      apiStep(state, {
        place: step.place,
        title: step.title,
        outcome: 'info',
        narration: step.narration,
        ...(changes ? { changes } : {}),
        packets: [{ from: 'kube-apiserver', to: 'etcd', kind: 'etcd', label }],
        facts,
      }),
    ],
  };
}

/**
 * The handler's success: the response with its body, the object it answers about, and the step
 * that carries the answer back to the client (`what` completes the narration's sentence).
 */
export function respond(
  state: RequestState,
  answer: {
    code: number;
    body: unknown;
    object: KubeObject | undefined;
    title: string;
    what: string;
    facts?: Fact[];
    /** Effects recorded before the answer's step (the pod card moving). */
    before?: Effect[];
  },
): StageResult {
  const { code, title, what, facts } = answer;
  const res = response(state, code, answer.body);
  const next = { ...state, object: answer.object, exchange: { ...state.exchange, response: res } };
  return {
    state: next,
    ms: GATE_MS.handler,
    next: 'respond',
    response: res,
    effects: [
      ...(answer.before ?? []),
      apiStep(next, {
        place: 'handler',
        title: title.slice(0, 48),
        outcome: 'ok',
        narration: apiserverNarration.responded({ code, statusText: statusText(code), what }),
        packets: [responsePacket(state, code)],
        ...(facts ? { facts } : {}),
      }),
    ],
  };
}

/** Ends the request with an error Status, recording the failing gate (silent requests record nothing). */
export function reject(
  state: RequestState,
  status: Status,
  step: Omit<StepDraft, 'component' | 'http' | 'packets'> | undefined,
  ms: number,
): StageResult {
  const res = response(state, status.code, status);
  const exchange = { ...state.exchange, response: res };
  const effects: Effect[] =
    state.recording === 'silent' || !step
      ? []
      : [apiStep({ ...state, exchange }, { ...step, packets: [responsePacket(state, status.code)] })];
  return { state: { ...state, exchange }, effects, ms, next: 'respond', response: res };
}

/**
 * Ends the request with the handler's error Status (404, 409): the step narrates the answer the
 * client gets, `<code> <reason phrase>: <message>`.
 */
export function rejectWithStatus(
  state: RequestState,
  status: Status,
  step: { place: StepDraft['place']; title: string; outcome?: 'fail' | 'info' },
): StageResult {
  return reject(
    state,
    status,
    {
      place: step.place,
      title: step.title,
      outcome: step.outcome ?? 'fail',
      narration: apiserverNarration.responded({
        code: status.code,
        statusText: statusText(status.code),
        what: status.message ?? '',
      }),
    },
    GATE_MS.handler,
  );
}

/** Ends a request on a pod that is not there: 404 `pods "<name>" not found`. */
export function rejectPodNotFound(
  state: RequestState,
  place: 'persist' | 'handler',
  outcome: 'fail' | 'info',
): StageResult {
  return rejectNotFound(state, PODS, place, outcome);
}

/** Ends a request on an object that is not there: 404 `<resource> "<name>" not found`. */
export function rejectNotFound(
  state: RequestState,
  resource: { group: string; resource: string },
  place: 'persist' | 'handler',
  outcome: 'fail' | 'info',
): StageResult {
  return rejectWithStatus(state, notFoundStatus(resource, state.info.name), {
    place,
    title: `404 Not Found: ${resource.resource} "${state.info.name}"`.slice(0, 48),
    outcome,
  });
}

/** The Authentication filter: the chain of authenticators, 401 on a bad credential. */
export const authenticate: Stage = (state, { env, cache }) => {
  const credential = state.exchange.credential ?? clientCredential(client(state), env.input.identity);
  const result = runAuthenticators(credential, cache.all());
  if (!result.ok) {
    return reject(
      state,
      unauthorizedStatus(),
      {
        place: 'authentication',
        title: '401 Unauthorized: bad credentials',
        outcome: 'fail',
        narration: apiserverNarration.authnFailed({ reason: result.reason }),
        facts: [{ label: 'reason (server log)', value: result.reason }],
      },
      GATE_MS.authn,
    );
  }
  const next = { ...state, user: result.user };
  const effects: Effect[] = [];
  if (state.recording === 'full') {
    const how = {
      x509: 'x509 client certificate',
      'serviceaccount-token': 'service account token',
      anonymous: 'anonymous',
    }[result.authenticator];
    effects.push(
      apiStep(next, {
        place: 'authentication',
        title: `Authenticated: ${result.user.username}`.slice(0, 48),
        outcome: 'ok',
        narration: apiserverNarration.authenticated({
          username: result.user.username,
          groups: result.user.groups,
          authenticator: result.authenticator,
        }),
        facts: [
          { label: 'authenticator', value: how },
          { label: 'user', value: result.user.username },
          { label: 'groups', value: result.user.groups.join(', ') },
        ],
      }),
    );
  }
  return { state: next, effects, ms: GATE_MS.authn, next: 'continue' };
};

export function attributes(state: RequestState): RequestAttributes {
  const i = state.info;
  return {
    user: state.user!,
    verb: i.verb,
    apiGroup: i.apiGroup,
    apiVersion: i.apiVersion,
    resource: i.resource,
    subresource: i.subresource,
    namespace: i.namespace,
    name: i.name,
    resourceRequest: i.resourceRequest,
    path: i.path,
    fieldSelector: i.fieldSelector,
  };
}

/** The Authorization filter: privileged groups, Node, RBAC; 403 when none allows. */
export const authorize: Stage = (state, { cache }) => {
  const attrs = attributes(state);
  const decision = runAuthorizers(attrs, cache.all(), (node) => cache.podsOn(node));
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  if (!decision.allowed) {
    const message = forbiddenError(attrs, decision.reason);
    return reject(
      state,
      forbiddenStatus({ group: attrs.apiGroup, resource: attrs.resource }, attrs.name, message),
      {
        place: 'authorization',
        title: `403 Forbidden: ${attrs.verb} ${resource}`.slice(0, 48),
        outcome: 'fail',
        narration: apiserverNarration.forbidden({ message }),
        facts: [{ label: 'user', value: attrs.user.username }],
      },
      GATE_MS.authz,
    );
  }
  if (state.recording === 'silent') return { state, ms: GATE_MS.authz, next: 'continue' };
  const by = decision.by ?? 'RBAC';
  const facts = [
    { label: 'request', value: `${attrs.verb} ${resource}${attrs.namespace ? ` in ${attrs.namespace}` : ''}` },
    { label: 'authorizer', value: by === 'privileged-group' ? 'system:masters' : by },
    ...(decision.rbac?.binding
      ? [{ label: 'binding', value: `${decision.rbac.binding.kind} ${decision.rbac.binding.name}` }]
      : []),
    ...(decision.rbac?.role ? [{ label: 'role', value: `${decision.rbac.role.kind} ${decision.rbac.role.name}` }] : []),
    ...(decision.rbac?.rule ? [{ label: 'rule', value: JSON.stringify(decision.rbac.rule) }] : []),
    ...(decision.reason ? [{ label: 'reason (audit)', value: decision.reason }] : []),
  ];
  if (state.recording === 'compact') {
    const user = state.user!;
    return proceed(state, GATE_MS.authz, {
      place: 'authorization',
      title: `${client(state)}: ${attrs.verb} ${resource} allowed`.slice(0, 48),
      outcome: 'ok',
      narration: apiserverNarration.componentRequest({
        client: client(state),
        username: user.username,
        verb: attrs.verb,
        resource,
        by,
      }),
      facts: [{ label: 'user', value: user.username }, { label: 'groups', value: user.groups.join(', ') }, ...facts],
    });
  }
  return proceed(state, GATE_MS.authz, {
    place: 'authorization',
    title: `Authorized: ${attrs.verb} ${resource} (${by === 'privileged-group' ? 'system:masters' : by})`.slice(0, 48),
    outcome: 'ok',
    narration: apiserverNarration.authorized({
      verb: attrs.verb,
      resource,
      namespace: attrs.namespace,
      by,
      reason: decision.reason,
    }),
    facts,
  });
};
