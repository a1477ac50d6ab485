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
/**
 * field.TooLong (apimachinery pkg/util/validation/field/errors.go): `may not be more than <n> bytes`,
 * the value never printed. The older `must have at most <n> bytes` went with v1.32 (kubernetes#128553).
 */
export const tooLong = (field: string, maxLength: number): FieldError => ({
  type: 'FieldValueTooLong',
  field,
  detail: `may not be more than ${maxLength} bytes`,
});
export const forbidden = (field: string, detail: string): FieldError => ({
  type: 'FieldValueForbidden',
  field,
  detail,
});

/**
 * Go's %q (strconv.Quote): printable characters as they are, `\"` and `\\`, the short escapes,
 * `\xHH` for other ASCII controls, `\uHHHH`/`\UHHHHHHHH` for other unprintable characters (a
 * zero-width space prints as `\u200b`).
 */
export function goQuote(s: string): string {
  // names and paths are printable ASCII: quoted as they are, without the per-character Unicode tests
  if (PLAIN_ASCII.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (GO_ESCAPES[ch]) out += GO_ESCAPES[ch];
    else if (ch === ' ' || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (r < 0x20 || r === 0x7f) out += `\\x${hex(r, 2)}`;
    else out += r < 0x10000 ? `\\u${hex(r, 4)}` : `\\U${hex(r, 8)}`;
  }
  return `${out}"`;
}

/** strconv.Quote's short escapes. */
const GO_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};
/** Printable ASCII but the double quote and the backslash: what strconv.Quote writes unchanged. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** What strconv.IsPrint rejects: control, format, private-use, unassigned characters and every space but U+0020. */
const NOT_PRINTABLE = /[\p{C}\p{Z}]/u;
const hex = (r: number, width: number) => r.toString(16).padStart(width, '0');

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
