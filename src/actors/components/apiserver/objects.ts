/**
 * `POST` of the kinds other than Pod (ConfigMap, Secret, ServiceAccount, Namespace, Node): the same
 * create handler as pods (apiserver@v0.33.0 pkg/endpoints/handlers/create.go, store.create) with the
 * kind's own decoding, strategy and validation. Every admission plugin runs and decides by the
 * resource: NamespaceLifecycle checks the namespace of namespaced kinds, TaintNodesByCondition taints
 * new Nodes, the pod plugins skip. One step per gate.
 */
import {
  apiserverNarration,
  decodeErrorMessage,
  defaultObject,
  diffObjects,
  objectKey,
  prepareObjectForCreate,
  pruneUnknownObjectFields,
  secretDecodeError,
  unknownObjectFields,
  validateObjectCreate,
  wipeSystemFields,
  type KubeObject,
} from '@sim';
import { createStages } from './createPod';
import { checkFields, decodedForCreate, rejectInvalid, rejectUndecodable } from './gates';
import { GATE_MS, authenticate, manager, proceed, type RequestState, type Stage } from './pipeline';

const obj = (state: RequestState) => state.object!;

/** Decoding with the strict field check, the kind's defaults, the namespace of the URL, managedFields. */
const decode: Stage = (state, { env }) => {
  const body = (state.exchange.request.body ?? {}) as KubeObject;
  const check = checkFields(state, body.kind, unknownObjectFields(body));
  const { directive, errors, strictError } = check;
  const fail = (message: string) =>
    rejectUndecodable(state, message, `400 Bad Request: cannot decode the ${body.kind}`.slice(0, 48), [
      { label: 'fieldValidation', value: directive },
    ]);
  const undecodable = secretDecodeError(body);
  // rest.go transformDecodeError: the JSON decoder's own error comes before field validation
  if (undecodable) return fail(decodeErrorMessage('Secret', undecodable));
  if (strictError) return fail(strictError);
  const decoded = wipeSystemFields(pruneUnknownObjectFields(body));
  const ns = state.info.namespace;
  if (ns && decoded.metadata.namespace && decoded.metadata.namespace !== ns) {
    // rest.EnsureObjectNamespaceMatchesRequestNamespace
    return fail('the namespace of the provided object does not match the namespace sent on the request');
  }
  const { namespace: _ignored, ...clusterMeta } = decoded.metadata;
  const placed: KubeObject = { ...decoded, metadata: ns ? { ...decoded.metadata, namespace: ns } : clusterMeta };
  const { object: defaulted, changes } = defaultObject(placed);
  const next = decodedForCreate(state, defaulted, (o) => objectKey(o) ?? '', check, env.wallTime());
  return proceed(next, GATE_MS.decode, {
    place: 'decode',
    title: `Decode: ${body.kind}, fields checked`.slice(0, 48),
    outcome: 'ok',
    narration: apiserverNarration.decodedObject({ kind: body.kind, defaults: changes.length, manager: manager(state) }),
    changes: [
      ...diffObjects(body, placed, 'kube-apiserver'),
      ...changes,
      ...diffObjects(defaulted, next.object, 'kube-apiserver'),
    ],
    facts: [
      { label: 'fieldValidation', value: directive },
      { label: 'field manager', value: manager(state) },
      ...errors.map((e) => ({ label: 'warning', value: e })),
    ],
  });
};

/** BeforeCreate: uid, creationTimestamp and the strategy's PrepareForCreate. */
const prepare: Stage = (state, { env }) => {
  const { object, changes } = prepareObjectForCreate(obj(state), env.rng.uuid(), env.wallTime());
  return proceed({ ...state, object }, GATE_MS.prepare, {
    place: 'validation',
    title: `Prepare: uid, creationTimestamp`,
    outcome: 'ok',
    narration: apiserverNarration.preparedObject({ kind: object.kind, uid: object.metadata.uid ?? '' }),
    changes,
    facts: [
      { label: 'uid', value: object.metadata.uid ?? '' },
      { label: 'creationTimestamp', value: String(object.metadata.creationTimestamp) },
    ],
  });
};

/** strategy.Validate: every field error at once, 422. */
const validate: Stage = (state) => {
  const o = obj(state);
  const errs = validateObjectCreate(o);
  if (errs.length) return rejectInvalid(state, o.kind, o.metadata.name ?? '', errs);
  return proceed(state, GATE_MS.validate, {
    place: 'validation',
    title: 'Validation passed',
    outcome: 'ok',
    narration: apiserverNarration.validatedObject({ kind: o.kind }),
  });
};

export const CREATE_OBJECT: readonly Stage[] = createStages({ authenticate, decode, prepare, validate });
