/**
 * Field order as kube-apiserver writes a Pod. Go's encoding/json writes a struct's fields in their
 * declaration order (k8s.io/api@v0.33.0 core/v1 types.go: kind before apiVersion, metadata's name
 * before namespace, uid, resourceVersion, ...) and a map's keys sorted (encoding/json encode.go
 * mapEncoder). Both come from the Pod's Go shape (podFields.ts), the table the decoders read too.
 * Only the order changes, never the content; fields not in the struct keep their relative order
 * after its own.
 */
import { byteOrder, setJsonKey } from './diff';
import { type GoType, POD_GO_TYPE } from './podFields';
type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Shape {
  /**
   * How two of the object's keys compare. A struct: by each field's place, fields not listed after
   * all of them (every stored and shown pod is reordered, so an object is ordered by its own few keys,
   * not by the struct's long list). A map: its keys sorted.
   */
  compare: (a: string, b: string) => number;
  /** A struct's fields with an order of their own (lists: the order of their items). */
  children?: Readonly<Record<string, Shape>>;
  /** A map's values, when they are structs with an order of their own. */
  values?: Shape;
  /**
   * Each object ordered by this shape so far, and the result (itself when it was in order). Objects
   * of a run are never changed in place (each gate builds a new one, sharing the parts it keeps), so
   * only the parts a gate built are walked again.
   */
  done: WeakMap<object, Obj>;
}

/** The order a Go type is written in; undefined for types written as they are (scalars, quantities, ...). */
function shapeOf(type: GoType, made = new Map<GoType, Shape | undefined>()): Shape | undefined {
  if (typeof type === 'string' || 'scalar' in type) return undefined;
  if ('slice' in type) return shapeOf(type.slice, made);
  if (made.has(type)) return made.get(type);
  if ('map' in type) {
    const values = shapeOf(type.map, made);
    const shape: Shape = { compare: byteOrder, ...(values ? { values } : {}), done: new WeakMap() };
    made.set(type, shape);
    return shape;
  }
  const children: Record<string, Shape> = {};
  const rank = new Map(Object.keys(type.fields).map((k, i) => [k, i]));
  const unlisted = rank.size;
  const compare = (a: string, b: string) => (rank.get(a) ?? unlisted) - (rank.get(b) ?? unlisted);
  const shape: Shape = { compare, children, done: new WeakMap() };
  made.set(type, shape);
  for (const [k, t] of Object.entries(type.fields)) {
    const child = shapeOf(t, made);
    if (child) children[k] = child;
  }
  return shape;
}

const POD = shapeOf(POD_GO_TYPE)!;

function order(v: unknown, s: Shape): unknown {
  if (Array.isArray(v)) {
    let items: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const item = order(v[i], s);
      if (item !== v[i]) (items ??= v.slice())[i] = item;
    }
    return items ?? v;
  }
  if (!isRecord(v)) return v;
  const known = s.done.get(v);
  if (known) return known;
  const keys = Object.keys(v);
  // most objects are in order already (they were built from ordered ones); the others get a stable
  // sort, so the fields not listed keep their relative order
  let sorted = false;
  for (let i = 1; i < keys.length; i++)
    if (s.compare(keys[i - 1]!, keys[i]!) > 0) {
      keys.sort(s.compare);
      sorted = true;
      break;
    }
  // the values, in the keys' order, once one of them changes
  let values: unknown[] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const child = s.values ?? (s.children && Object.hasOwn(s.children, k) ? s.children[k] : undefined);
    if (!child) continue;
    const value = order(v[k], child);
    if (value !== v[k]) (values ??= keys.map((key) => v[key]))[i] = value;
  }
  let out: Obj = v;
  if (sorted || values) {
    out = {};
    for (let i = 0; i < keys.length; i++) setJsonKey(out, keys[i]!, values ? values[i] : v[keys[i]!]);
  }
  s.done.set(v, out);
  if (out !== v) s.done.set(out, out);
  return out;
}

/** The pod with its fields in the order kube-apiserver serialises them. */
export function canonicalPod<T>(pod: T): T {
  return order(pod, POD) as T;
}
