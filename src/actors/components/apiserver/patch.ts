/**
 * `PATCH .../<resource>/<name>` with `application/strategic-merge-patch+json`, as `kubectl apply`
 * sends it for an object that exists: the patch handler (apiserver@v0.33.0
 * pkg/endpoints/handlers/patch.go) reads the live object (GuaranteedUpdate without a cached object
 * reads etcd), applies the patch, checks the result strictly, updates managedFields, runs mutating
 * admission with operation UPDATE, the strategy's PrepareForUpdate and ValidateUpdate (for pods
 * ValidatePodUpdate, k/k pkg/apis/core/validation/validation.go), validating admission, and writes
 * with an etcd transaction on the revision it read; 200 with the stored object.
 */
import {
  apiserverNarration,
  applyStrategicMergePatch,
  conflictStatus,
  defaultObject,
  defaultPod,
  diffObjects,
  prepareObjectForUpdate,
  pruneUnknownObjectFields,
  pruneUnknownPodFields,
  runPhase,
  unknownObjectFields,
  unknownPodFields,
  updateManagedFields,
  validateObjectCreate,
  validatePodCreate,
  validatePodUpdate,
  type AdmissionAttributes,
  type KubeObject,
} from '@sim';
import { objectLabel, requestResource, storedForm } from './createPod';
import {
  admissionEnv,
  checkFields,
  fieldErrorFacts,
  firstDenial,
  rejectAdmission,
  rejectInvalid,
  rejectUndecodable,
  validatingAdmissionOf,
} from './gates';
import { read } from './getPod';
import {
  GATE_MS,
  authenticate,
  authorize,
  manager,
  proceed,
  rejectNotFound,
  rejectWithStatus,
  respond,
  toEtcd,
  type RequestState,
  type Stage,
} from './pipeline';

interface PatchState extends RequestState {
  /** The object as read from etcd before the patch. */
  live?: KubeObject;
}

const live = (state: RequestState) => (state as PatchState).live!;
const kindOf = (state: RequestState) => live(state).kind;

function attributes(state: RequestState, object: KubeObject): AdmissionAttributes {
  return {
    operation: 'UPDATE',
    resource: requestResource(state),
    subresource: '',
    namespace: state.info.namespace,
    name: state.info.name,
    user: state.user!,
    object,
    oldObject: live(state),
  };
}

/** The patch applied to the live object, checked strictly, with the update's managedFields and strategy. */
const applyPatch: Stage = (state, { env }) => {
  const result = state.etcd!;
  if (!result.ok || !result.value) return rejectNotFound(state, requestResource(state), 'handler', 'fail');
  const current = result.value;
  const patch = state.exchange.request.body ?? {};
  const merged = applyStrategicMergePatch(current, patch);
  const isPod = current.kind === 'Pod';
  const { warnings, strictError } = checkFields(
    state,
    current.kind,
    isPod ? unknownPodFields(merged) : unknownObjectFields(merged),
  );
  const base: PatchState = { ...state, live: current };
  // patch.go: the strict decoding error of the patched object, 400
  if (strictError) return rejectUndecodable(base, strictError, '400 Bad Request: cannot decode the patch');
  // the patched JSON is decoded like a request body: unknown fields dropped, defaults applied
  const decoded = isPod
    ? defaultPod(pruneUnknownPodFields(merged)).pod
    : defaultObject(pruneUnknownObjectFields(merged)).object;
  const prepared = prepareObjectForUpdate(decoded, current);
  const updated: KubeObject = {
    ...prepared,
    metadata: {
      ...prepared.metadata,
      managedFields: updateManagedFields(current, prepared, manager(state), env.wallTime()),
    },
  };
  const changes = diffObjects(current, updated, manager(state));
  const next: PatchState = {
    ...base,
    object: updated,
    warnings: [...state.warnings, ...warnings],
  };
  return proceed(next, GATE_MS.decode, {
    place: 'decode',
    title: `Patch ${objectLabel(current)}: ${changes.length} change${changes.length === 1 ? '' : 's'}`.slice(0, 48),
    outcome: 'ok',
    narration: apiserverNarration.patched({ kind: current.kind, name: state.info.name, changes: changes.length }),
    changes,
    facts: [
      { label: 'patch type', value: state.exchange.request.headers['Content-Type'] ?? '' },
      { label: 'read at resourceVersion', value: String(current.metadata.resourceVersion) },
      { label: 'field manager', value: manager(state) },
    ],
  });
};

/** Mutating admission for the update (every plugin in order, one step). */
const mutating: Stage = (state, ctx) => {
  const outcomes = runPhase('mutating', attributes(state, state.object!), admissionEnv(ctx));
  const admission = [...state.admission, ...outcomes.map((o) => o.record)];
  const object = outcomes.at(-1)?.object ?? state.object!;
  const next = { ...state, object, admission, warnings: [...state.warnings, ...outcomes.flatMap((o) => o.warnings)] };
  const denial = firstDenial(outcomes);
  if (denial) {
    return rejectAdmission(next, denial, {
      place: 'mutating-admission',
      phase: 'mutating',
      kind: kindOf(state).toLowerCase(),
      admission,
      ms: GATE_MS.admission,
    });
  }
  const mutated = outcomes.filter((o) => o.record.verdict === 'mutated').map((o) => o.record.plugin);
  return proceed(next, GATE_MS.admission, {
    place: 'mutating-admission',
    title: mutated.length ? `Mutating admission: ${mutated.join(', ')}` : 'Mutating admission: no changes',
    outcome: 'ok',
    narration: mutated.length
      ? apiserverNarration.mutatingPlugin(outcomes.find((o) => o.record.verdict === 'mutated')!.record)
      : apiserverNarration.mutatingNone({ kind: kindOf(state), records: admission }),
    admission,
    changes: outcomes.flatMap((o) => o.record.changes ?? []),
  });
};

/** strategy.ValidateUpdate: the object as on create, then for pods the update rules. */
const validate: Stage = (state) => {
  const o = state.object!;
  const isPod = o.kind === 'Pod';
  const update = isPod ? validatePodUpdate(o, live(state)) : { errors: [], differing: [] };
  const errs = [...(isPod ? validatePodCreate(o) : validateObjectCreate(o)), ...update.errors];
  if (errs.length) {
    return rejectInvalid(state, o.kind, state.info.name, errs, {
      title: `422 Invalid: ${update.errors.length ? 'spec is immutable' : `${errs.length} field errors`}`,
      narration: update.errors.length
        ? apiserverNarration.updateForbidden({ fields: update.differing })
        : apiserverNarration.invalid({ count: errs.length }),
      facts: [
        ...fieldErrorFacts(errs),
        ...(update.differing.length ? [{ label: 'fields that differ', value: update.differing.join(', ') }] : []),
      ],
    });
  }
  return proceed(state, GATE_MS.validate, {
    place: 'validation',
    title: 'Update validation passed',
    outcome: 'ok',
    narration: apiserverNarration.updateValidated({ kind: o.kind }),
  });
};

/** Validating admission of the update: the plugins see the new object and the live one. */
const validating = validatingAdmissionOf((state) => attributes(state, state.object!), kindOf);

/** The etcd transaction: update only if the key is still at the revision that was read. */
const persist: Stage = (state) => {
  const revision = String(live(state).metadata.resourceVersion);
  return toEtcd(
    state,
    { kind: 'update', key: state.key!, value: storedForm(state.object!), expectedModRevision: Number(revision) },
    {
      place: 'persist',
      title: 'Write to etcd: Txn update',
      narration: apiserverNarration.persistUpdate({ key: state.key!, revision }),
      facts: [
        { label: 'key', value: state.key! },
        { label: 'expected revision', value: revision },
      ],
    },
  );
};

const answer: Stage = (state) => {
  const result = state.etcd!;
  if (result.error === 'revision mismatch') {
    // GuaranteedUpdate is not retried here: the conflict is answered (storage.OptimisticLockErrorMsg)
    const status = conflictStatus(
      requestResource(state),
      state.info.name,
      'the object has been modified; please apply your changes to the latest version and try again',
    );
    return rejectWithStatus(state, status, { place: 'persist', title: '409 Conflict: the object has been modified' });
  }
  if (!result.ok || !result.value) return rejectNotFound(state, requestResource(state), 'persist', 'fail');
  const stored = result.value;
  return respond(state, {
    code: 200,
    body: stored,
    object: stored,
    title: `200 OK: ${objectLabel(stored)} patched`,
    what: `${objectLabel(stored)} at resourceVersion ${stored.metadata.resourceVersion}`,
    facts: [{ label: 'resourceVersion', value: String(stored.metadata.resourceVersion) }],
  });
};

export const PATCH_OBJECT: readonly Stage[] = [
  authenticate,
  authorize,
  read,
  applyPatch,
  mutating,
  validate,
  validating,
  persist,
  answer,
];
