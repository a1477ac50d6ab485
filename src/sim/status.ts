/**
 * metav1.Status bodies, exactly as kube-apiserver writes them (apimachinery@v0.33.0
 * pkg/api/errors/errors.go). JSON field order follows the Go structs: kind, apiVersion, metadata,
 * status, message, reason, details {name, group, kind, causes}, code.
 */
import { aggregateMessage, errorBody, fieldErrorString, goQuote, type FieldError } from './fieldErrors';

export type StatusReason =
  'Unauthorized' | 'Forbidden' | 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest';

export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

/** A resource with its API group, e.g. pods in the core group ``. */
export interface GroupResource {
  group: string;
  resource: string;
}

/** schema.GroupResource.String(): `pods`, or `deployments.apps` outside the core group. */
export const groupResourceString = (gr: GroupResource): string =>
  gr.group ? `${gr.resource}.${gr.group}` : gr.resource;

function failure(code: number, reason: StatusReason | undefined, message: string, details?: StatusDetails): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    ...(reason ? { reason } : {}),
    ...(details ? { details } : {}),
    code,
  };
}

const details = (gr: GroupResource, name: string): StatusDetails => ({
  ...(name ? { name } : {}),
  ...(gr.group ? { group: gr.group } : {}),
  kind: gr.resource,
});

/** apiserver pkg/endpoints/filters/authentication.go: `apierrors.NewUnauthorized("Unauthorized")`. */
export const unauthorizedStatus = (): Status => failure(401, 'Unauthorized', 'Unauthorized');

/** errors.go NewForbidden: `pods is forbidden: <err>` without a name, `pods "x" is forbidden: <err>` with one. */
export function forbiddenStatus(gr: GroupResource, name: string, err: string): Status {
  const subject = name ? `${groupResourceString(gr)} ${goQuote(name)}` : groupResourceString(gr);
  return failure(403, 'Forbidden', `${subject} is forbidden: ${err}`, details(gr, name));
}

/** errors.go NewNotFound: `pods "example-pod" not found`. */
export const notFoundStatus = (gr: GroupResource, name: string): Status =>
  failure(404, 'NotFound', `${groupResourceString(gr)} ${goQuote(name)} not found`, details(gr, name));

/** errors.go NewAlreadyExists: `pods "example-pod" already exists`. */
export const alreadyExistsStatus = (gr: GroupResource, name: string): Status =>
  failure(409, 'AlreadyExists', `${groupResourceString(gr)} ${goQuote(name)} already exists`, details(gr, name));

/** errors.go NewConflict: `Operation cannot be fulfilled on pods/binding "x": <err>`. */
export const conflictStatus = (gr: GroupResource, name: string, err: string): Status =>
  failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${groupResourceString(gr)} ${goQuote(name)}: ${err}`,
    details(gr, name),
  );

/** errors.go NewBadRequest: no details. */
export const badRequestStatus = (message: string): Status => failure(400, 'BadRequest', message);

/**
 * rest.go transformDecodeError: the message of a body the decoder refuses,
 * `Secret in version "v1" cannot be handled as a Secret: <err>` (400 BadRequest).
 */
export const decodeErrorMessage = (kind: string, err: string): string =>
  `${kind} in version "v1" cannot be handled as a ${kind}: ${err}`;

/** The strict JSON decoder's complaint about one field it does not know (sigs.k8s.io/json strict mode). */
export const unknownFieldError = (field: string): string => `unknown field ${goQuote(field)}`;

/**
 * transformDecodeError around runtime.NewStrictDecodingError (apimachinery@v0.33.0
 * pkg/runtime/serializer/json): `Pod in version "v1" cannot be handled as a Pod: strict decoding error:
 * unknown field "spec.containers[0].imagee"`, every unknown field joined with `, `.
 */
export const strictDecodingMessage = (kind: string, errors: readonly string[]): string =>
  decodeErrorMessage(kind, `strict decoding error: ${errors.join(', ')}`);

/**
 * errors.go NewInvalid: `Pod "x" is invalid: <aggregate>` with one cause per field error (reason =
 * the error type, message = ErrorBody, field = the path).
 */
export function invalidStatus(
  kind: { group: string; kind: string },
  name: string,
  errs: readonly FieldError[],
): Status {
  const qualified = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const aggregate = aggregateMessage(errs.map(fieldErrorString));
  return failure(
    422,
    'Invalid',
    errs.length ? `${qualified} ${goQuote(name)} is invalid: ${aggregate}` : `${qualified} ${goQuote(name)} is invalid`,
    {
      name,
      ...(kind.group ? { group: kind.group } : {}),
      kind: kind.kind,
      causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
    },
  );
}

/** The body of a successful subresource create such as pods/binding: BindingREST returns Success, create.go sets code 201. */
export const successStatus = (code: number): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Success',
  code,
});

/** The HTTP reason phrase for the codes a run produces (Go net/http StatusText). */
export function statusText(code: number): string {
  const texts: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Unprocessable Entity',
    500: 'Internal Server Error',
  };
  return texts[code] ?? '';
}

/** Narrowing for bodies read back from a response. */
export function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status';
}
