/**
 * The gates the create handler (createPod.ts, objects.ts) and the patch handler (patch.ts) share:
 * the strict field check of decoding (apiserver@v0.33.0 pkg/endpoints/handlers/create.go and
 * patch.go, fieldValidation), the 422 of strategy validation, and the admission chain's verdicts.
 */
import {
  apiserverNarration,
  badRequestStatus,
  createManagedFields,
  fieldErrorString,
  invalidStatus,
  runPhase,
  strictDecodingMessage,
  unknownFieldError,
  type AdmissionAttributes,
  type AdmissionRecord,
  type Fact,
  type FieldError,
  type KubeObject,
  type Narration,
  type PluginOutcome,
} from '@sim';
import {
  GATE_MS,
  manager,
  proceed,
  reject,
  type RequestState,
  type Stage,
  type StageContext,
  type StageResult,
} from './pipeline';

/** What the decoder's field check found, under the request's fieldValidation directive. */
export interface FieldCheck {
  /** `Strict`, `Warn` (create.go's default when the client names none) or `Ignore`. */
  directive: string;
  /** `unknown field "<path>"` for each unknown field, in document order (none with Ignore). */
  errors: string[];
  /** What the response's Warning header gains: the errors, with Warn. */
  warnings: string[];
  /** With Strict and an unknown field: the 400 message, and the request ends. */
  strictError?: string;
}

/** The fieldValidation directive applied to the unknown fields of a body of the given kind. */
export function checkFields(state: RequestState, kind: string, unknownFields: readonly string[]): FieldCheck {
  const directive = state.info.query.fieldValidation ?? 'Warn';
  const errors = directive === 'Ignore' ? [] : unknownFields.map(unknownFieldError);
  return {
    directive,
    errors,
    warnings: directive === 'Warn' ? errors : [],
    ...(errors.length && directive === 'Strict' ? { strictError: strictDecodingMessage(kind, errors) } : {}),
  };
}

/**
 * The decoded, defaulted object of a create becomes the request's object, with its first
 * managedFields entry for the request's manager (create.go, fieldmanager) and its etcd key.
 */
export function decodedForCreate(
  state: RequestState,
  defaulted: KubeObject,
  keyOf: (o: KubeObject) => string,
  check: FieldCheck,
  now: string,
): RequestState & { object: KubeObject } {
  const managedFields = createManagedFields(defaulted, manager(state), now);
  const object: KubeObject = { ...defaulted, metadata: { ...defaulted.metadata, managedFields } };
  return { ...state, object, key: keyOf(object), warnings: [...state.warnings, ...check.warnings] };
}

/** The decoder refuses the body: 400 BadRequest with its message (rest.go transformDecodeError). */
export function rejectUndecodable(
  state: RequestState,
  message: string,
  title: string,
  facts?: Fact[],
  narration: Narration = apiserverNarration.decodeFailed({ message }),
): StageResult {
  return reject(
    state,
    badRequestStatus(message),
    {
      place: 'decode',
      title,
      outcome: 'fail',
      narration,
      ...(facts ? { facts } : {}),
    },
    GATE_MS.decode,
  );
}

/** One fact per field error: the path, and the error as the aggregate message words it. */
export const fieldErrorFacts = (errs: readonly FieldError[]): Fact[] =>
  errs.map((e) => ({ label: e.field, value: fieldErrorString(e) }));

/**
 * strategy.Validate failed: 422 Invalid with every field error at once (errors.go NewInvalid). The
 * step tells the count unless the caller words it (the patch handler's immutable spec).
 */
export function rejectInvalid(
  state: RequestState,
  kind: string,
  name: string,
  errs: readonly FieldError[],
  step: { title: string; narration: Narration; facts: Fact[] } = {
    title: `422 Invalid: ${errs.length} field error${errs.length === 1 ? '' : 's'}`,
    narration: apiserverNarration.invalid({ count: errs.length }),
    facts: fieldErrorFacts(errs),
  },
): StageResult {
  return reject(
    state,
    invalidStatus({ group: '', kind }, name, errs),
    { place: 'validation', title: step.title, outcome: 'fail', narration: step.narration, facts: step.facts },
    GATE_MS.validate,
  );
}

/** What admission plugins read of the cluster: the API server's caches, and the seeded randomness. */
export const admissionEnv = ({ env, cache }: StageContext) => ({ cluster: cache.view(), rng: env.rng });

/** A plugin that said no, the verdict its phase ends on. */
type Denial = Pick<PluginOutcome, 'record'> & { denied: NonNullable<PluginOutcome['denied']> };

/**
 * An admission plugin denies the request: its Status is the answer (admission.go), and the step
 * carries every admission record so far. `kind` names the object in the narration, lower case.
 */
export function rejectAdmission(
  state: RequestState,
  denial: Denial,
  at: {
    place: 'mutating-admission' | 'validating-admission' | 'persist';
    phase: 'mutating' | 'validating';
    kind?: string;
    admission: AdmissionRecord[];
    ms: number;
  },
): StageResult {
  const { denied, record } = denial;
  return reject(
    state,
    denied,
    {
      place: at.place,
      title: `${denied.code} ${denied.reason}: ${record.plugin}`,
      outcome: 'fail',
      narration: apiserverNarration.admissionDenied({
        ...(at.kind !== undefined ? { kind: at.kind } : {}),
        plugin: record.plugin,
        phase: at.phase,
        code: denied.code,
        message: denied.message ?? '',
      }),
      admission: at.admission,
    },
    at.ms,
  );
}

/** The first denial among a phase's outcomes, if any plugin said no. */
export function firstDenial(outcomes: readonly PluginOutcome[]): Denial | undefined {
  const o = outcomes.find((x) => x.denied);
  return o?.denied ? { record: o.record, denied: o.denied } : undefined;
}

/**
 * The validating admission phase of a create or an update: every validating plugin in order, one
 * step; the first denial ends the request. `kind` names the object in the narration.
 */
export const validatingAdmissionOf =
  (attributes: (state: RequestState) => AdmissionAttributes, kind: (state: RequestState) => string): Stage =>
  (state, ctx) => {
    const outcomes = runPhase('validating', attributes(state), admissionEnv(ctx));
    const admission = [...state.admission, ...outcomes.map((o) => o.record)];
    const next = { ...state, admission, warnings: [...state.warnings, ...outcomes.flatMap((o) => o.warnings)] };
    const denial = firstDenial(outcomes);
    if (denial) {
      return rejectAdmission(next, denial, {
        place: 'validating-admission',
        phase: 'validating',
        kind: kind(state).toLowerCase(),
        admission,
        ms: GATE_MS.validatingAdmission,
      });
    }
    return proceed(next, GATE_MS.validatingAdmission, {
      place: 'validating-admission',
      title: 'Validating admission: allowed',
      outcome: 'ok',
      narration: apiserverNarration.validatingAdmission({
        records: outcomes.map((o) => o.record),
        kind: kind(state).toLowerCase(),
      }),
      admission,
    });
  };
