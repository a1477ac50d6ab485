/**
 * The typed half of kube-apiserver's JSON decoding of a Pod: a value whose JSON type the Go field
 * cannot hold (`containers` as an object, `image: 1.0`, a label value `true`, `containerPort: "80"`, a
 * number beyond int32) or a resource quantity that does not parse. Either refuses the whole body before
 * any strict field check (rest.go transformDecodeError then words it as a 400).
 *
 * The decoder is sigs.k8s.io/json's fork of encoding/json (vendored in k/k under
 * sigs.k8s.io/json/internal/golang/encoding/json decode.go): a type mismatch is an UnmarshalTypeError,
 * saved while decoding goes on, the first one reported: `json: cannot unmarshal <value> into Go struct
 * field <Struct>.<json path without indices> of type <Go type>` (addErrorContext: the innermost struct
 * type's name and the JSON names of the fields on the way, list indices and map keys left out). A
 * resource.Quantity decodes itself (apimachinery@v0.33.0 pkg/api/resource/quantity.go UnmarshalJSON →
 * ParseQuantity): its error ends decoding at once, as it is, and wins over a saved type error.
 *
 * Its own UnmarshalJSON decodes intstr.IntOrString (a string, else an int32) and metav1.Time (a
 * string) with the standard library's json.Unmarshal: that error carries no struct context (the
 * fork's addErrorContext only completes its own UnmarshalTypeError), `json: cannot unmarshal bool into
 * Go value of type int32`, and like a quantity's it ends decoding. So does a metav1.Time string that
 * is not RFC 3339, with time.Parse's error as it is (goTime.ts). metav1.FieldsV1 keeps any JSON value.
 *
 * The Go types are the one table of podFields.ts; pointers (`*int64`) are decoded as what they point
 * to, so errors name `int64`.
 */
import { childPath } from './diff';
import { rfc3339ParseError } from './goTime';
import { goJson } from './kubectl';
import { type GoType, POD_GO_TYPE, structField } from './podFields';
import { parseQuantity } from './quantity';

/** Type.String() of the types that decode themselves. */
const SELF_DECODING = {
  quantity: 'resource.Quantity',
  intOrString: 'intstr.IntOrString',
  time: 'v1.Time',
  fieldsV1: 'v1.FieldsV1',
} as const;

/** Type.String() of a decoded type: `[]v1.Container`, `v1.ObjectMeta`, `map[string]string`. */
function typeName(t: GoType): string {
  if (typeof t === 'string') return SELF_DECODING[t];
  if ('scalar' in t || 'map' in t) return t.name;
  if ('struct' in t) return `v1.${t.struct}`;
  return `[]${typeName(t.slice)}`;
}

/** What UnmarshalTypeError.Value says of a JSON value (decode.go literalStore, array, object). */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const INT_RANGE = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
} as const;

/** decode.go literalStore for an int kind: strconv.ParseInt of the literal, then OverflowInt. */
function fitsInt(literal: string, kind: 'int32' | 'int64'): boolean {
  if (!/^-?[0-9]+$/.test(literal)) return false;
  const n = BigInt(literal);
  const [min, max] = INT_RANGE[kind];
  return n >= min && n <= max;
}

/** The error context while decoding: the innermost struct's name and the JSON field names on the way. */
interface Context {
  struct: string;
  fields: string[];
}

export interface PodDecodeError {
  /** The decoder's error, as transformDecodeError quotes it after `Pod in version "v1" cannot be handled as a Pod: `. */
  message: string;
  /** The field in the manifest (with list indices and map keys), for the editor. */
  path: string;
}

class Decoding {
  saved?: PodDecodeError;
  hard?: PodDecodeError;

  /** Saves the first type error (decode.go saveError with addErrorContext) and goes on. */
  mismatch(value: string, t: GoType, ctx: Context, path: string): void {
    const into = ctx.fields.length ? `Go struct field ${ctx.struct}.${ctx.fields.join('.')}` : 'Go value';
    this.saved ??= { message: `json: cannot unmarshal ${value} into ${into} of type ${typeName(t)}`, path };
  }

  /**
   * An UnmarshalJSON that hands a non-string to the standard library's json.Unmarshal into `goType`:
   * its error has no struct context and ends decoding (intstr.go, apimachinery meta/v1 time.go).
   */
  standalone(v: unknown, goType: 'int32' | 'string', path: string): boolean {
    if (typeof v === 'string') return true;
    const literal = goJson(v);
    if (goType === 'int32' && typeof v === 'number' && fitsInt(literal, 'int32')) return true;
    const value = goType === 'int32' && typeof v === 'number' ? `number ${literal}` : jsonKind(v);
    this.hard = { message: `json: cannot unmarshal ${value} into Go value of type ${goType}`, path };
    return false;
  }

  /** metav1.Time.UnmarshalJSON's time.Parse: its *time.ParseError ends decoding as it is. */
  timestamp(v: string, path: string): boolean {
    const error = rfc3339ParseError(v);
    if (error !== undefined) this.hard = { message: error, path };
    return error === undefined;
  }

  /** Decodes `v` into `t`; false when an UnmarshalJSON's own error (a quantity's, ...) ended decoding. */
  value(v: unknown, t: GoType, ctx: Context, path: string): boolean {
    if (v === null || v === undefined) return true; // null leaves any Go value as it is
    if (t === 'quantity') {
      // UnmarshalJSON gets the raw JSON text: a string without its quotes, anything else as written
      const raw = typeof v === 'string' ? goJson(v).slice(1, -1) : goJson(v);
      const q = parseQuantity(raw.trim());
      if (!q.ok) this.hard = { message: q.error, path };
      return q.ok;
    }
    // IntOrString: a JSON string is its string, anything else its int32
    if (t === 'intOrString') return this.standalone(v, 'int32', path);
    // metav1.Time: a JSON string, then time.Parse(time.RFC3339, ...)
    if (t === 'time') return typeof v === 'string' ? this.timestamp(v, path) : this.standalone(v, 'string', path);
    if (t === 'fieldsV1') return true; // its UnmarshalJSON keeps the raw JSON
    if ('scalar' in t) {
      if (t.scalar === 'string' ? typeof v === 'string' : t.scalar === 'bool' ? typeof v === 'boolean' : false)
        return true;
      if (typeof v === 'number' && (t.scalar === 'int32' || t.scalar === 'int64')) {
        const literal = goJson(v);
        if (!fitsInt(literal, t.scalar)) this.mismatch(`number ${literal}`, t, ctx, path);
        return true;
      }
      this.mismatch(jsonKind(v), t, ctx, path);
      return true;
    }
    if ('slice' in t) {
      if (!Array.isArray(v)) {
        this.mismatch(jsonKind(v), t, ctx, path);
        return true;
      }
      return v.every((item, i) => this.value(item, t.slice, ctx, childPath(path, i)));
    }
    if (!isRecord(v)) {
      this.mismatch(jsonKind(v), t, ctx, path);
      return true;
    }
    if ('map' in t) return Object.entries(v).every(([k, item]) => this.value(item, t.map, ctx, childPath(path, k)));
    for (const [k, item] of Object.entries(v)) {
      const field = structField(t.fields, k);
      if (!field) continue; // unknown fields are the strict check's, after decoding
      const inner = { struct: t.struct, fields: [...ctx.fields, k] };
      if (!this.value(item, field, inner, childPath(path, k))) return false;
    }
    return true;
  }
}

/**
 * The decode error of a Pod body as kubectl sends it (keys in the body's order), or undefined when
 * every field decodes into its Go type.
 */
export function podDecodeError(body: unknown): PodDecodeError | undefined {
  const d = new Decoding();
  d.value(body, POD_GO_TYPE, { struct: '', fields: [] }, '');
  return d.hard ?? d.saved;
}
