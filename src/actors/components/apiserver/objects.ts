/**
 * `POST` of the kinds other than Pod (ConfigMap, Secret, ServiceAccount, Namespace, Node): the same
 * create handler as pods (apiserver@v0.33.0 pkg/endpoints/handlers/create.go, store.create) with the
 * kind's own decoding, strategy and validation. Every admission plugin runs and decides by the
 * resource: NamespaceLifecycle checks the namespace of namespaced kinds, TaintNodesByCondition taints
 * new Nodes, the pod plugins skip. One step per gate.
 */
import {
  MUTATING_PLUGINS,
  apiserverNarration,
  badRequestStatus,
  createManagedFields,
  defaultObject,
  diffObjects,
  fieldErrorString,
  invalidStatus,
  objectKey,
  prepareObjectForCreate,
  pruneUnknownObjectFields,
  secretDecodeError,
  unknownObjectFields,
  validateObjectCreate,
  wipeSystemFields,
  type KubeObject,
} from '@sim';
import { created, mutate, persist, validatingAdmission } from './createPod';
import { GATE_MS, apiStep, authenticate, authorize, manager, reject, type RequestState, type Stage } from './pipeline';

const obj = (state: RequestState) => state.object!;

/** Decoding with the strict field check, the kind's defaults, the namespace of the URL, managedFields. */
const decode: Stage = (state, { env }) => {
  const body = (state.exchange.request.body ?? {}) as KubeObject;
  const directive = state.info.query.fieldValidation ?? 'Warn';
  const errors = (directive === 'Ignore' ? [] : unknownObjectFields(body)).map((f) => `unknown field "${f}"`);
  const fail = (message: string) =>
    reject(
      state,
      badRequestStatus(message),
      {
        place: 'decode',
        title: `400 Bad Request: cannot decode the ${body.kind}`.slice(0, 48),
        outcome: 'fail',
        narration: apiserverNarration.decodeFailed({ message }),
        facts: [{ label: 'fieldValidation', value: directive }],
      },
      GATE_MS.decode,
    );
  const undecodable = secretDecodeError(body);
  // rest.go transformDecodeError: the JSON decoder's own error comes before field validation
  if (undecodable) return fail(`Secret in version "v1" cannot be handled as a Secret: ${undecodable}`);
  if (errors.length && directive === 'Strict') {
    // rest.go transformDecodeError around runtime.NewStrictDecodingError
    return fail(
      `${body.kind} in version "v1" cannot be handled as a ${body.kind}: strict decoding error: ${errors.join(', ')}`,
    );
  }
  const decoded = wipeSystemFields(pruneUnknownObjectFields(body));
  const ns = state.info.namespace;
  if (ns && decoded.metadata.namespace && decoded.metadata.namespace !== ns) {
    // rest.EnsureObjectNamespaceMatchesRequestNamespace
    return fail('the namespace of the provided object does not match the namespace sent on the request');
  }
  const { namespace: _ignored, ...clusterMeta } = decoded.metadata;
  const placed: KubeObject = { ...decoded, metadata: ns ? { ...decoded.metadata, namespace: ns } : clusterMeta };
  const { object: defaulted, changes } = defaultObject(placed);
  const managed: KubeObject = {
    ...defaulted,
    metadata: { ...defaulted.metadata, managedFields: createManagedFields(defaulted, manager(state), env.wallTime()) },
  };
  const next: RequestState = {
    ...state,
    object: managed,
    key: objectKey(managed) ?? '',
    warnings: directive === 'Warn' ? [...state.warnings, ...errors] : state.warnings,
  };
  return {
    state: next,
    ms: GATE_MS.decode,
    next: 'continue',
    effects: [
      apiStep(next, {
        place: 'decode',
        title: `Decode: ${body.kind}, fields checked`.slice(0, 48),
        outcome: 'ok',
        narration: apiserverNarration.decodedObject({
          kind: body.kind,
          defaults: changes.length,
          manager: manager(state),
        }),
        changes: [
          ...diffObjects(body, placed, 'kube-apiserver'),
          ...changes,
          ...diffObjects(defaulted, managed, 'kube-apiserver'),
        ],
        facts: [
          { label: 'fieldValidation', value: directive },
          { label: 'field manager', value: manager(state) },
          ...errors.map((e) => ({ label: 'warning', value: e })),
        ],
      }),
    ],
  };
};

/** BeforeCreate: uid, creationTimestamp and the strategy's PrepareForCreate. */
const prepare: Stage = (state, { env }) => {
  const { object, changes } = prepareObjectForCreate(obj(state), env.rng.uuid(), env.wallTime());
  const next = { ...state, object };
  return {
    state: next,
    ms: GATE_MS.prepare,
    next: 'continue',
    effects: [
      apiStep(next, {
        place: 'validation',
        title: `Prepare: uid, creationTimestamp`,
        outcome: 'ok',
        narration: apiserverNarration.preparedObject({ kind: object.kind, uid: object.metadata.uid ?? '' }),
        changes,
        facts: [
          { label: 'uid', value: object.metadata.uid ?? '' },
          { label: 'creationTimestamp', value: String(object.metadata.creationTimestamp) },
        ],
      }),
    ],
  };
};

/** strategy.Validate: every field error at once, 422. */
const validate: Stage = (state) => {
  const o = obj(state);
  const errs = validateObjectCreate(o);
  if (errs.length)
    return reject(
      state,
      invalidStatus({ group: '', kind: o.kind }, o.metadata.name ?? '', errs),
      {
        place: 'validation',
        title: `422 Invalid: ${errs.length} field error${errs.length === 1 ? '' : 's'}`,
        outcome: 'fail',
        narration: apiserverNarration.invalid({ count: errs.length }),
        facts: errs.map((e) => ({ label: e.field, value: fieldErrorString(e) })),
      },
      GATE_MS.validate,
    );
  return {
    state,
    ms: GATE_MS.validate,
    next: 'continue',
    effects: [
      apiStep(state, {
        place: 'validation',
        title: 'Validation passed',
        outcome: 'ok',
        narration: apiserverNarration.validatedObject({ kind: o.kind }),
      }),
    ],
  };
};

export const CREATE_OBJECT: readonly Stage[] = [
  authenticate,
  authorize,
  decode,
  ...MUTATING_PLUGINS.map((p, i) => mutate(p, i === MUTATING_PLUGINS.length - 1)),
  prepare,
  validate,
  validatingAdmission,
  persist,
  created,
];
