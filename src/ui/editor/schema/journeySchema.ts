/**
 * The editor's schema with the journey in its hovers: every field of the READERS table gets, as its
 * `markdownDescription`, the upstream description plus a line naming who reads it. Only the Pod's own
 * fields change: each definition on the way to an annotated field is copied for the Pod (a Deployment's
 * pod template and the other kinds keep the plain upstream text, which the journey does not narrate).
 */
import type { JSONSchema } from 'monaco-yaml';
import { READERS } from './readers';

const DEFINITIONS = '#/definitions/';

/** `spec.{containers,initContainers}[].image` → the two concrete paths. */
export function expandPath(pattern: string): string[] {
  const m = /\{([^}]*)\}/.exec(pattern);
  if (!m) return [pattern];
  const [before, after] = [pattern.slice(0, m.index), pattern.slice(m.index + m[0].length)];
  return (m[1] ?? '').split(',').flatMap((name) => expandPath(`${before}${name}${after}`));
}

const isSchema = (s: unknown): s is JSONSchema => typeof s === 'object' && s !== null && !Array.isArray(s);

/** The `$ref` of the Pod alternative of the root `anyOf` (the one whose `kind` is the const `Pod`). */
function podRef(schema: JSONSchema): JSONSchema | undefined {
  const defs = schema.definitions ?? {};
  const root = schema.$ref?.startsWith(DEFINITIONS) ? defs[schema.$ref.slice(DEFINITIONS.length)] : schema;
  return root?.anyOf?.filter(isSchema).find((alt) => {
    const target = alt.$ref ? defs[alt.$ref.slice(DEFINITIONS.length)] : alt;
    const kind = target?.properties?.kind;
    return isSchema(kind) && kind.const === 'Pod';
  });
}

/**
 * The schema a node stands for, the Pod's own copy: a `$ref` on the way is pointed at a copy of its
 * definition named after the path (`Pod.spec.containers[]`), made once and shared by later entries.
 */
function ownedTarget(defs: Record<string, JSONSchema>, node: JSONSchema, path: string): JSONSchema | undefined {
  if (!node.$ref?.startsWith(DEFINITIONS)) return node;
  const name = path ? `Pod.${path}` : 'Pod';
  if (!defs[name]) {
    const original = defs[node.$ref.slice(DEFINITIONS.length)];
    if (!original) return undefined;
    defs[name] = structuredClone(original);
  }
  node.$ref = `${DEFINITIONS}${name}`;
  return defs[name];
}

/** Walks one concrete path from the Pod; returns the property's schema node, or undefined. */
function resolve(defs: Record<string, JSONSchema>, pod: JSONSchema, path: string): JSONSchema | undefined {
  let node: JSONSchema | undefined = pod;
  let walked = '';
  for (const segment of path.split('.')) {
    const [, name = '', items] = /^([^[]+)(\[\])?$/.exec(segment) ?? [];
    const owner: JSONSchema | undefined = node && ownedTarget(defs, node, walked);
    const property: unknown = owner?.properties?.[name];
    walked = walked ? `${walked}.${name}` : name;
    node = isSchema(property) ? property : undefined;
    if (items) {
      node = node && isSchema(node.items) ? node.items : undefined;
      walked += '[]';
    }
    if (!node) return undefined;
  }
  return node;
}

export interface JourneySchema {
  schema: JSONSchema;
  /** Concrete paths of the table that name no field of the schema (the tests keep this empty). */
  unresolved: string[];
}

/** A copy of the generated schema whose Pod fields tell who reads them. */
export function withJourney(generated: JSONSchema): JourneySchema {
  const schema = structuredClone(generated);
  const defs = (schema.definitions ??= {});
  const ref = podRef(schema);
  const unresolved: string[] = [];
  for (const { path: pattern, reads } of READERS) {
    for (const path of expandPath(pattern)) {
      const node = ref && resolve(defs, ref, path);
      if (!node) {
        unresolved.push(path);
        continue;
      }
      const upstream = node.description ? `${node.description}\n\n` : '';
      node.markdownDescription = `${upstream}**In the journey:** ${reads}`;
    }
  }
  return { schema, unresolved };
}
