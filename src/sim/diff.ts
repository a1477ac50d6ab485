/**
 * Field paths and the difference between two versions of an object, as the Object tab highlights it.
 *
 * Paths use the notation of the API server's field errors (apimachinery pkg/util/validation/field
 * Path.String): `spec.containers[0].image`; map keys that are not plain identifiers are written in
 * brackets, `metadata.annotations[kubectl.kubernetes.io/last-applied-configuration]`.
 */
import type { FieldChange } from './trace';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of a child: `childPath('spec', 'containers')` → `spec.containers`, `childPath('spec.containers', 0)` → `spec.containers[0]`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!IDENTIFIER.test(key)) return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * How Go orders strings (sort.Strings, encoding/json's map keys): by bytes. For the ASCII keys and names
 * compared here that is JavaScript's code-unit order.
 */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Structural equality in which a field whose value `absent` accepts counts as not there. */
function equalityWith(absent: (v: unknown) => boolean): (a: unknown, b: unknown) => boolean {
  const equal = (a: unknown, b: unknown): boolean => {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
    if (isRecord(a) && isRecord(b)) {
      const ka = Object.keys(a).filter((k) => !absent(a[k]));
      const kb = Object.keys(b).filter((k) => !absent(b[k]));
      return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
    }
    return false;
  };
  return equal;
}

/** Structural equality of JSON values (key order is irrelevant, as it is for the API server). */
export const jsonEqual = equalityWith((v) => v === undefined);

/**
 * The same with a null field equal to an absent one: they are the same Go value (a zero metav1.Time
 * marshals as null), as a strategic merge patch compares them.
 */
export const goValueEqual = equalityWith((v) => v === undefined || v === null);

/**
 * The changes that turn `before` into `after`, attributed to `by`, in a stable order: fields in the
 * order of `after` (removed fields after them), depth first. A field that appears or disappears as a
 * whole is one change (adding `spec.tolerations` is one `add`, not one per element); arrays are
 * compared element by element, so an appended volume is `spec.volumes[1]` add.
 */
export function diffObjects(before: unknown, after: unknown, by: string, path = ''): FieldChange[] {
  const out: FieldChange[] = [];
  diffInto(before, after, by, path, out);
  return out;
}

/**
 * diffObjects in one walk: equal values add nothing, so no subtree is compared before it is walked
 * (comparing first, at every level, walked each subtree once per level above it).
 */
function diffInto(before: unknown, after: unknown, by: string, path: string, out: FieldChange[]): void {
  if (before === after) return;
  if (isRecord(before) && isRecord(after)) {
    for (const k of Object.keys(after)) {
      const v = after[k];
      if (v === undefined || v === before[k]) continue;
      const p = childPath(path, k);
      if (before[k] === undefined) out.push({ path: p, op: 'add', after: v, by });
      else diffInto(before[k], v, by, p, out);
    }
    for (const k of Object.keys(before)) {
      const v = before[k];
      if (v !== undefined && after[k] === undefined)
        out.push({ path: childPath(path, k), op: 'remove', before: v, by });
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      if (i < before.length && i < after.length && before[i] === after[i]) continue;
      const p = childPath(path, i);
      if (i >= before.length) out.push({ path: p, op: 'add', after: after[i], by });
      else if (i >= after.length) out.push({ path: p, op: 'remove', before: before[i], by });
      else diffInto(before[i], after[i], by, p, out);
    }
    return;
  }
  out.push({ path, op: 'replace', before, after, by });
}

/**
 * Sets a field of a JSON object being built. A `__proto__` key is data, as JSON.parse makes it:
 * plain assignment would replace the object's prototype instead (and lose the field).
 */
export function setJsonKey(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

/**
 * A deep copy of a JSON value (objects in a run are plain data; steps must never share mutable state).
 * It gives what a JSON round trip gives — fields holding `undefined` or a function are dropped, and in
 * arrays they become `null`, as do non-finite numbers — without printing and re-parsing the text,
 * which was the run's single largest cost.
 */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (copyJson(v) as T);
}

function copyJson(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      out[i] = x === undefined || typeof x === 'function' ? null : copyJson(x);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined && typeof x !== 'function') setJsonKey(out, k, copyJson(x));
  }
  return out;
}
