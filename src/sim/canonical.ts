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
   * A struct: each field's place; fields not listed rank after all of them. Every stored and shown pod
   * is reordered, so an object is ordered by its own few keys, not by the struct's long list.
   */
  rank?: ReadonlyMap<string, number>;
  /** A struct's fields with an order of their own (lists: the order of their items). */
  children?: Readonly<Record<string, Shape>>;
  /** A map: its keys are written sorted, its values (when they are structs) in their own order. */
  map?: { values?: Shape };
}

/** The order a Go type is written in; undefined for types written as they are (scalars, quantities, ...). */
function shapeOf(type: GoType, made = new Map<GoType, Shape | undefined>()): Shape | undefined {
  if (typeof type === 'string' || 'scalar' in type) return undefined;
  if ('slice' in type) return shapeOf(type.slice, made);
  if (made.has(type)) return made.get(type);
  if ('map' in type) {
    const values = shapeOf(type.map, made);
    const shape: Shape = { map: values ? { values } : {} };
    made.set(type, shape);
    return shape;
  }
  const children: Record<string, Shape> = {};
  const shape: Shape = { rank: new Map(Object.keys(type.fields).map((k, i) => [k, i])), children };
  made.set(type, shape);
  for (const [k, t] of Object.entries(type.fields)) {
    const child = shapeOf(t, made);
    if (child) children[k] = child;
  }
  return shape;
}

const POD = shapeOf(POD_GO_TYPE)!;

/**
 * Each object ordered so far, with the shape it was ordered by and the result (itself when it was in
 * order). Objects of a run are never changed in place (each gate builds a new one, sharing the parts
 * it keeps), so only the parts a gate built are walked again.
 */
const ordered = new WeakMap<object, { shape: Shape; value: Obj }>();

function order(v: unknown, s: Shape): unknown {
  if (Array.isArray(v)) {
    const items = v.map((item) => order(item, s));
    return items.every((item, i) => item === v[i]) ? v : items;
  }
  if (!isRecord(v)) return v;
  const known = ordered.get(v);
  if (known?.shape === s) return known.value;
  const keys = Object.keys(v);
  const rank = s.rank;
  const unlisted = rank?.size ?? 0;
  const compare = rank ? (a: string, b: string) => (rank.get(a) ?? unlisted) - (rank.get(b) ?? unlisted) : byteOrder;
  // most objects are in order already (they were built from ordered ones); the others get a stable
  // sort, so the fields not listed keep their relative order
  let changed = false;
  for (let i = 1; i < keys.length; i++)
    if (compare(keys[i - 1]!, keys[i]!) > 0) {
      keys.sort(compare);
      changed = true;
      break;
    }
  const values = keys.map((k) => {
    const child = s.map ? s.map.values : s.children && Object.hasOwn(s.children, k) ? s.children[k] : undefined;
    const value = child ? order(v[k], child) : v[k];
    if (value !== v[k]) changed = true;
    return value;
  });
  let out: Obj = v;
  if (changed) {
    out = {};
    keys.forEach((k, i) => setJsonKey(out, k, values[i]));
  }
  ordered.set(v, { shape: s, value: out });
  if (out !== v) ordered.set(out, { shape: s, value: out });
  return out;
}

/** The pod with its fields in the order kube-apiserver serialises them. */
export function canonicalPod<T>(pod: T): T {
  return order(pod, POD) as T;
}
