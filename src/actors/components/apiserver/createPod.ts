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
  canonicalPod,
  defaultPod,
  decodeErrorMessage,
  diffObjects,
  podDecodeError,
  podStorageKey,
  prepareForCreate,
  pruneUnknownPodFields,
  runPlugin,
  unknownPodFields,
  validatePodCreate,
  wipeSystemFields,
  type AdmissionAttributes,
  type AdmissionPlugin,
  type KubeObject,
} from '@sim';
import {
  admissionEnv,
  checkFields,
  decodedForCreate,
  rejectAdmission,
  rejectInvalid,
  rejectUndecodable,
  validatingAdmissionOf,
} from './gates';
import {
  GATE_MS,
  apiStep,
  manager,
  authenticate,
  authorize,
  proceed,
  rejectWithStatus,
  respond,
  toEtcd,
  type Effect,
  type RequestState,
  type Stage,
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
  const check = checkFields(state, 'Pod', unknownPodFields(body));
  const { directive, errors, strictError } = check;
  const facts = [{ label: 'fieldValidation', value: directive }];
  const fail = (message: string) => rejectUndecodable(state, message, '400 Bad Request: cannot decode the pod', facts);
  // rest.go transformDecodeError: the JSON decoder's own error comes before field validation
  const undecodable = podDecodeError(body);
  if (undecodable) {
    const message = decodeErrorMessage('Pod', undecodable.message);
    const at = [...facts, { label: 'field', value: undecodable.path }];
    return rejectUndecodable(
      state,
      message,
      '400 Bad Request: cannot decode the pod',
      at,
      apiserverNarration.decodeTypeFailed({ message }),
    );
  }
  if (strictError) return fail(strictError);
  const decoded = wipeSystemFields(pruneUnknownPodFields(body));
  const ns = state.info.namespace;
  if (decoded.metadata.namespace && decoded.metadata.namespace !== ns) {
    // rest.EnsureObjectNamespaceMatchesRequestNamespace
    return fail('the namespace of the provided object does not match the namespace sent on the request');
  }
  const withNamespace: KubeObject = { ...decoded, metadata: { ...decoded.metadata, namespace: ns } };
  const { pod: defaulted, changes } = defaultPod(withNamespace);
  const keyOf = (o: KubeObject) => podStorageKey(ns, o.metadata.name ?? '');
  const next = decodedForCreate(state, defaulted, keyOf, check, env.wallTime());
  const allChanges = [
    ...diffObjects(body, withNamespace, 'kube-apiserver'),
    ...changes,
    ...diffObjects(defaulted, next.object, 'kube-apiserver'),
  ];
  return proceed(next, GATE_MS.decode, {
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
  });
};

function admissionAttributes(state: RequestState): AdmissionAttributes {
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

/**
 * One mutating plugin. A step is recorded when it changes the pod or rejects it (and for the last
 * plugin when none did), carrying every record so far.
 */
const mutate =
  (plugin: AdmissionPlugin, last: boolean): Stage =>
  (state, ctx) => {
    const o = runPlugin(plugin, 'mutating', admissionAttributes(state), admissionEnv(ctx));
    const admission = [...state.admission, o.record];
    const next: RequestState = { ...state, object: o.object, admission, warnings: [...state.warnings, ...o.warnings] };
    const ms = GATE_MS.admission + o.waitMs;
    if (o.denied) {
      return rejectAdmission(
        next,
        { record: o.record, denied: o.denied },
        { place: 'mutating-admission', phase: 'mutating', kind: pod(state).kind.toLowerCase(), admission, ms },
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
  return proceed(next, GATE_MS.prepare, {
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
  });
};

/** strategy.Validate: every field error at once, 422. */
const validate: Stage = (state) => {
  const errs = validatePodCreate(pod(state));
  if (errs.length) return rejectInvalid(state, 'Pod', podName(state), errs);
  return proceed(state, GATE_MS.validate, {
    place: 'validation',
    title: 'Validation passed',
    outcome: 'ok',
    narration: apiserverNarration.validated(),
  });
};

/** Validating admission of a create: the plugins see the object as mutated, prepared and validated. */
const validatingAdmission = validatingAdmissionOf(admissionAttributes, (state) => pod(state).kind);

const persist: Stage = (state) =>
  toEtcd(
    state,
    { kind: 'create', key: state.key!, value: storedForm(pod(state)) },
    {
      place: 'persist',
      title: 'Write to etcd: Txn create',
      narration: apiserverNarration.persistCreate({ key: state.key!, kind: pod(state).kind }),
      facts: [{ label: 'key', value: state.key! }],
    },
  );

const created: Stage = (state) => {
  const result = state.etcd!;
  if (!result.ok) {
    return rejectWithStatus(state, alreadyExistsStatus(requestResource(state), podName(state)), {
      place: 'handler',
      title: '409 AlreadyExists',
    });
  }
  const stored = result.value!;
  return respond(state, {
    code: 201,
    body: stored,
    object: stored,
    title: `201 Created: ${objectLabel(stored)}`,
    what: `${objectLabel(stored)} at resourceVersion ${stored.metadata.resourceVersion}`,
    facts: [
      { label: 'resourceVersion', value: String(stored.metadata.resourceVersion) },
      ...state.warnings.map((w) => ({ label: 'warning', value: w })),
    ],
    before: stored.kind === 'Pod' ? [{ kind: 'podCard', card: { at: 'etcd', status: 'Pending' } }] : [],
  });
};

/**
 * The create handler's order for any kind, with the kind's own authentication step (the pod card
 * moves for a Pod), decoding, PrepareForCreate and validation; admission, etcd and the answer are shared.
 */
export function createStages(kind: { authenticate: Stage; decode: Stage; prepare: Stage; validate: Stage }): Stage[] {
  return [
    kind.authenticate,
    authorize,
    kind.decode,
    ...MUTATING_PLUGINS.map((p, i) => mutate(p, i === MUTATING_PLUGINS.length - 1)),
    kind.prepare,
    kind.validate,
    validatingAdmission,
    persist,
    created,
  ];
}

export const CREATE_POD: readonly Stage[] = createStages({ authenticate: arrive, decode, prepare, validate });
