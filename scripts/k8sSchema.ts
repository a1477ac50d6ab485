/**
 * The editor's JSON schema, generated from the upstream API definitions: the kubernetes-models 4.5.1
 * interfaces (Kubernetes 1.33 OpenAPI, field descriptions and enums in their doc comments) read by
 * ts-json-schema-generator. Node only: the Vite plugin (k8sSchemaPlugin.ts) and tests call it; the
 * browser receives the resulting JSON. See docs/decisions/0004-schema-from-upstream-types.md.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator, type Schema } from 'ts-json-schema-generator';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
export const K8S_KINDS_FILE = join(PROJECT, 'scripts/k8sSchemaKinds.ts');
/** The union type in K8S_KINDS_FILE: its `anyOf` holds one alternative per kind. */
const ROOT_TYPE = 'PodJourneyObject';

/** Generates the schema (about 2 s): every kind of k8sSchemaKinds.ts, with the upstream descriptions. */
export function generateK8sSchema(): Schema {
  return createGenerator({
    path: K8S_KINDS_FILE,
    type: ROOT_TYPE,
    tsconfig: join(PROJECT, 'tsconfig.json'),
    // The .d.ts files are type-checked by the project's own tsc; generation only reads them.
    skipTypeCheck: true,
  }).createSchema(ROOT_TYPE);
}

function packageVersion(name: string): string {
  const require = createRequire(join(PROJECT, 'package.json'));
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

/**
 * Where the generated schema is cached: keyed by the two package versions and the kinds list, so a
 * dev restart or a second build reads the file instead of paying the generation again.
 */
function k8sSchemaCacheFile(): string {
  const kinds = createHash('sha256').update(readFileSync(K8S_KINDS_FILE)).digest('hex').slice(0, 12);
  const key = `kubernetes-models@${packageVersion('kubernetes-models')}+ts-json-schema-generator@${packageVersion('ts-json-schema-generator')}+${kinds}`;
  return join(PROJECT, 'node_modules/.cache/pod-journey-k8s-schema', `${key}.json`);
}

/** The schema from the cache, generated (and cached) when missing. */
export function loadK8sSchema(): Schema {
  const file = k8sSchemaCacheFile();
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Schema;
  } catch {
    const schema = generateK8sSchema();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify(schema));
    return schema;
  }
}
