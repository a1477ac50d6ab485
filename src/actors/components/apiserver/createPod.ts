/**
 * `POST /api/v1/namespaces/<ns>/pods`: the create handler of apiserver@v0.33.0
 * pkg/endpoints/handlers/create.go and the generic registry's store.create. Order: decode with
 * defaults and the strict field check, wipe system fields, namespace check, managedFields; mutating
 * admission; uid, creationTimestamp and status (BeforeCreate); validation; validating admission;
 * the etcd transaction; 201 with the stored pod. The admission, etcd and response stages are the
 * generic handler's and serve the other kinds too (objects.ts).
 */
import {
  MUTATING_PLUGINS,
  alreadyExistsStatus,
  apiserverNarration,
  badRequestStatus,
  canonicalPod,
  createManagedFields,
  defaultPod,
  diffObjects,
  fieldErrorString,
  invalidStatus,
  podStorageKey,
  prepareForCreate,
  pruneUnknownPodFields,
  runPhase,
  runPlugin,
  unknownPodFields,
  validatePodCreate,
  wipeSystemFields,
  type AdmissionAttributes,
  type AdmissionPlugin,
  type KubeObject,
} from '@sim';
import {
  GATE_MS,
  apiStep,
  manager,
  authenticate,
  authorize,
  reject,
  response,
  responsePacket,
  type Effect,
  type RequestState,
  type Stage,
  type StageContext,
} from './pipeline';

const pod = (state: RequestState) => state.object!;
const podName = (state: RequestState) => pod(state).metadata.name ?? '';
/** The resource of the request (pods, configmaps, nodes, ...). */
export const requestResource = (state: RequestState) => ({ group: state.info.apiGroup, resource: state.info.resource });
/** `pod/example-pod`, `configmap/settings`: how the trace names the object. */
export const objectLabel = (o: KubeObject) => `${o.kind.toLowerCase()}/${o.metadata.name ?? ''}`;
/** Pods are stored in their canonical field order; other kinds as decoded. */
export const storedForm = (o: KubeObject) => (o.kind === 'Pod' ? canonicalPod(o) : o);

/** The person's create moves the pod card onto the API server. */
const arrive: Stage = (state, ctx) => {
  const result = authenticate(state, ctx);
  return { ...result, effects: [{ kind: 'podCard', card: { at: 'kube-apiserver' } }, ...(result.effects ?? [])] };
};

/** Decoding, with the default field validation `Warn` when the client names none (create.go fieldValidation). */
const decode: Stage = (state, { env }) => {
  const body = (state.exchange.request.body ?? {}) as KubeObject;
  const directive = state.info.query.fieldValidation ?? 'Warn';
  const unknown = directive === 'Ignore' ? [] : unknownPodFields(body);
  const errors = unknown.map((f) => `unknown field "${f}"`);
  const fail = (message: string) =>
    reject(
      state,
      badRequestStatus(message),
      {
        place: 'decode',
        title: '400 Bad Request: cannot decode the pod',
        outcome: 'fail',
        narration: apiserverNarration.decodeFailed({ message }),
        facts: [{ label: 'fieldValidation', value: directive }],
      },
      GATE_MS.decode,
    );
  if (errors.length && directive === 'Strict') {
    // rest.go transformDecodeError around runtime.NewStrictDecodingError
    return fail(`Pod in version "v1" cannot be handled as a Pod: strict decoding error: ${errors.join(', ')}`);
  }
  const decoded = wipeSystemFields(pruneUnknownPodFields(body));
  const ns = state.info.namespace;
  if (decoded.metadata.namespace && decoded.metadata.namespace !== ns) {
    // rest.EnsureObjectNamespaceMatchesRequestNamespace
    return fail('the namespace of the provided object does not match the namespace sent on the request');
  }
  const withNamespace: KubeObject = { ...decoded, metadata: { ...decoded.metadata, namespace: ns } };
  const { pod: defaulted, changes } = defaultPod(withNamespace);
  const managed: KubeObject = {
    ...defaulted,
    metadata: { ...defaulted.metadata, managedFields: createManagedFields(defaulted, manager(state), env.wallTime()) },
  };
  const next: RequestState = {
    ...state,
    object: managed,
    key: podStorageKey(ns, managed.metadata.name ?? ''),
    warnings: directive === 'Warn' ? [...state.warnings, ...errors] : state.warnings,
  };
  const allChanges = [
    ...diffObjects(body, withNamespace, 'kube-apiserver'),
    ...changes,
    ...diffObjects(defaulted, managed, 'kube-apiserver'),
  ];
  return {
    state: next,
    ms: GATE_MS.decode,
    next: 'continue',
    effects: [
      apiStep(next, {
        place: 'decode',
        title: `Decode: ${changes.length} defaults, fields checked`,
        outcome: 'ok',
        narration: apiserverNarration.decoded({ defaults: changes.length, manager: manager(state) }),
        changes: allChanges,
        facts: [
          { label: 'fieldValidation', value: directive },
          { label: 'defaults set', value: String(changes.length) },
          { label: 'field manager', value: manager(state) },
          ...errors.map((e) => ({ label: 'warning', value: e })),
        ],
      }),
    ],
  };
};

export function admissionAttributes(state: RequestState): AdmissionAttributes {
  return {
    operation: 'CREATE',
    resource: requestResource(state),
    subresource: '',
    namespace: state.info.namespace,
    name: podName(state),
    user: state.user!,
    object: pod(state),
  };
}
export const admissionEnv = ({ env, cache }: StageContext) => ({ cluster: cache.view(), rng: env.rng });

/**
 * One mutating plugin. A step is recorded when it changes the pod or rejects it (and for the last
 * plugin when none did), carrying every record so far.
 */
export const mutate =
  (plugin: AdmissionPlugin, last: boolean): Stage =>
  (state, ctx) => {
    const o = runPlugin(plugin, 'mutating', admissionAttributes(state), admissionEnv(ctx));
    const admission = [...state.admission, o.record];
    const next: RequestState = { ...state, object: o.object, admission, warnings: [...state.warnings, ...o.warnings] };
    const ms = GATE_MS.admission + o.waitMs;
    if (o.denied) {
      const message = o.denied.message ?? '';
      return reject(
        next,
        o.denied,
        {
          place: 'mutating-admission',
          title: `${o.denied.code} ${o.denied.reason}: ${plugin.name}`,
          outcome: 'fail',
          narration: apiserverNarration.admissionDenied({
            kind: pod(state).kind.toLowerCase(),
            plugin: plugin.name,
            phase: 'mutating',
            code: o.denied.code,
            message,
          }),
          admission,
        },
        ms,
      );
    }
    const record = o.record.verdict === 'mutated' || (last && !state.mutationRecorded);
    const effects: Effect[] = record
      ? [
          apiStep(next, {
            place: 'mutating-admission',
            title:
              o.record.verdict === 'mutated' ? `Mutating admission: ${plugin.name}` : 'Mutating admission: no changes',
            outcome: 'ok',
            narration:
              o.record.verdict === 'mutated'
                ? apiserverNarration.mutatingPlugin(o.record)
                : apiserverNarration.mutatingNone({ kind: pod(state).kind, records: admission }),
            changes: o.record.changes ?? [],
            admission,
          }),
        ]
      : [];
    return { state: { ...next, mutationRecorded: state.mutationRecorded || record }, effects, ms, next: 'continue' };
  };

/** BeforeCreate: FillObjectMetaSystemFields and PrepareForCreate. */
const prepare: Stage = (state, { env }) => {
  const { pod: prepared, changes } = prepareForCreate(pod(state), env.rng.uuid(), env.wallTime());
  const next = { ...state, object: prepared };
  const status = prepared.status as { qosClass: string };
  return {
    state: next,
    ms: GATE_MS.prepare,
    next: 'continue',
    effects: [
      apiStep(next, {
        place: 'validation',
        title: 'Prepare: uid, creationTimestamp, status',
        outcome: 'ok',
        narration: apiserverNarration.prepared({ uid: prepared.metadata.uid ?? '', qosClass: status.qosClass }),
        changes,
        facts: [
          { label: 'uid', value: prepared.metadata.uid ?? '' },
          { label: 'creationTimestamp', value: String(prepared.metadata.creationTimestamp) },
          { label: 'qosClass', value: status.qosClass },
        ],
      }),
    ],
  };
};

/** strategy.Validate: every field error at once, 422. */
const validate: Stage = (state) => {
  const errs = validatePodCreate(pod(state));
  if (errs.length) {
    return reject(
      state,
      invalidStatus({ group: '', kind: 'Pod' }, podName(state), errs),
      {
        place: 'validation',
        title: `422 Invalid: ${errs.length} field error${errs.length === 1 ? '' : 's'}`,
        outcome: 'fail',
        narration: apiserverNarration.invalid({ count: errs.length }),
        facts: errs.map((e) => ({ label: e.field, value: fieldErrorString(e) })),
      },
      GATE_MS.validate,
    );
  }
  return {
    state,
    ms: GATE_MS.validate,
    next: 'continue',
    effects: [
      apiStep(state, {
        place: 'validation',
        title: 'Validation passed',
        outcome: 'ok',
        narration: apiserverNarration.validated(),
      }),
    ],
  };
};

export const validatingAdmission: Stage = (state, ctx) => {
  const outcomes = runPhase('validating', admissionAttributes(state), admissionEnv(ctx));
  const admission = [...state.admission, ...outcomes.map((o) => o.record)];
  const next = { ...state, admission, warnings: [...state.warnings, ...outcomes.flatMap((o) => o.warnings)] };
  const denied = outcomes.find((o) => o.denied);
  if (denied?.denied) {
    const message = denied.denied.message ?? '';
    return reject(
      next,
      denied.denied,
      {
        place: 'validating-admission',
        title: `${denied.denied.code} ${denied.denied.reason}: ${denied.record.plugin}`,
        outcome: 'fail',
        narration: apiserverNarration.admissionDenied({
          kind: pod(state).kind.toLowerCase(),
          plugin: denied.record.plugin,
          phase: 'validating',
          code: denied.denied.code,
          message,
        }),
        admission,
      },
      GATE_MS.validatingAdmission,
    );
  }
  return {
    state: next,
    ms: GATE_MS.validatingAdmission,
    next: 'continue',
    effects: [
      apiStep(next, {
        place: 'validating-admission',
        title: 'Validating admission: allowed',
        outcome: 'ok',
        narration: apiserverNarration.validatingAdmission({
          records: outcomes.map((o) => o.record),
          kind: pod(state).kind.toLowerCase(),
        }),
        admission,
      }),
    ],
  };
};

export const persist: Stage = (state) => ({
  state,
  ms: GATE_MS.handler,
  next: 'etcd',
  op: { kind: 'create', key: state.key!, value: storedForm(pod(state)) },
  effects: [
    apiStep(state, {
      place: 'persist',
      title: 'Write to etcd: Txn create',
      outcome: 'info',
      narration: apiserverNarration.persistCreate({ key: state.key!, kind: pod(state).kind }),
      packets: [{ from: 'kube-apiserver', to: 'etcd', kind: 'etcd', label: 'Txn create' }],
      facts: [{ label: 'key', value: state.key! }],
    }),
  ],
});

export const created: Stage = (state) => {
  const result = state.etcd!;
  if (!result.ok) {
    const status = alreadyExistsStatus(requestResource(state), podName(state));
    return reject(
      state,
      status,
      {
        place: 'handler',
        title: '409 AlreadyExists',
        outcome: 'fail',
        narration: apiserverNarration.responded({ code: 409, statusText: 'Conflict', what: status.message ?? '' }),
      },
      GATE_MS.handler,
    );
  }
  const stored = result.value!;
  const res = response(state, 201, stored);
  const next = { ...state, object: stored, exchange: { ...state.exchange, response: res } };
  return {
    state: next,
    ms: GATE_MS.handler,
    next: 'respond',
    response: res,
    effects: [
      ...(stored.kind === 'Pod'
        ? [{ kind: 'podCard' as const, card: { at: 'etcd' as const, status: 'Pending' } }]
        : []),
      apiStep(next, {
        place: 'handler',
        title: `201 Created: ${objectLabel(stored)}`.slice(0, 48),
        outcome: 'ok',
        narration: apiserverNarration.responded({
          code: 201,
          statusText: 'Created',
          what: `${objectLabel(stored)} at resourceVersion ${stored.metadata.resourceVersion}`,
        }),
        packets: [responsePacket(state, 201)],
        facts: [
          { label: 'resourceVersion', value: String(stored.metadata.resourceVersion) },
          ...state.warnings.map((w) => ({ label: 'warning', value: w })),
        ],
      }),
    ],
  };
};

export const CREATE_POD: readonly Stage[] = [
  arrive,
  authorize,
  decode,
  ...MUTATING_PLUGINS.map((p, i) => mutate(p, i === MUTATING_PLUGINS.length - 1)),
  prepare,
  validate,
  validatingAdmission,
  persist,
  created,
];
