/**
 * Field errors as the API server reports them (apimachinery@v0.33.0 pkg/util/validation/field/errors.go).
 * `Error()` is `<field>: <ErrorBody>`; an aggregate of several is `[e1, e2]` with duplicates removed
 * (apimachinery pkg/util/errors/errors.go aggregate.Error).
 */

/** The error types used here, with the reason they become in a Status cause (metav1.CauseType). */
export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueDuplicate'
  | 'FieldValueNotSupported'
  | 'FieldValueNotFound'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong';

export interface FieldError {
  type: FieldErrorType;
  /** `spec.containers[0].image` */
  field: string;
  /** The offending value; absent for Required/Forbidden/TooLong, which never print it. */
  badValue?: string | number | boolean | null;
  detail?: string;
  /** NotSupported only: the accepted values, printed after `supported values: `. */
  supported?: string[];
}

/** field/errors.go ErrorType.String(). */
const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueNotFound: 'Not found',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
};

export const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail });
export const invalid = (field: string, badValue: string | number | boolean | null, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  badValue,
  detail,
});
export const duplicate = (field: string, badValue: string | number): FieldError => ({
  type: 'FieldValueDuplicate',
  field,
  badValue,
});
export const notSupported = (field: string, badValue: string, supported: string[]): FieldError => ({
  type: 'FieldValueNotSupported',
  field,
  badValue,
  supported,
});
export const notFound = (field: string, badValue: string): FieldError => ({
  type: 'FieldValueNotFound',
  field,
  badValue,
});
export const forbidden = (field: string, detail: string): FieldError => ({
  type: 'FieldValueForbidden',
  field,
  detail,
});

/** Go's %q for the strings that appear in these messages (ASCII printable plus the usual escapes). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

/** field/errors.go Error.ErrorBody: strings are %q-quoted, numbers and booleans bare, nil is `null`. */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  const printsValue =
    e.type !== 'FieldValueRequired' && e.type !== 'FieldValueForbidden' && e.type !== 'FieldValueTooLong';
  if (printsValue && e.badValue !== undefined) {
    const v = e.badValue;
    s += `: ${typeof v === 'string' ? goQuote(v) : v === null ? 'null' : String(v)}`;
  }
  if (e.type === 'FieldValueNotSupported' && e.supported) {
    // field.NotSupported: "supported values: " + quoted values joined with ", "
    s += `: supported values: ${e.supported.map(goQuote).join(', ')}`;
  } else if (e.detail) {
    s += `: ${e.detail}`;
  }
  return s;
}

export const fieldErrorString = (e: FieldError): string => `${e.field}: ${errorBody(e)}`;

/** utilerrors aggregate.Error(): one error as itself, several as `[a, b]`, duplicates dropped. */
export function aggregateMessage(messages: readonly string[]): string {
  const seen = [...new Set(messages)];
  if (messages.length === 1 || seen.length === 1) return seen[0] ?? '';
  return `[${seen.join(', ')}]`;
}
