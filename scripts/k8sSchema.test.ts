import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from 'ts-json-schema-generator';
import { loadK8sSchema } from './k8sSchema';

const NODE_MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url));

/** The properties an interface of kubernetes-models declares, read from its .d.ts with the TypeScript parser. */
function declaredProperties(module: string, iface: string): string[] {
  const file = `${NODE_MODULES}${module}.d.ts`;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const decl = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === iface,
  );
  if (!decl) throw new Error(`${iface} not in ${file}`);
  return decl.members.flatMap((m) => (m.name && ts.isStringLiteral(m.name) ? [m.name.text] : []));
}

type Def = { properties?: Record<string, { description?: string; enum?: string[]; const?: string }> };
let defs: Record<string, Def>;

beforeAll(() => {
  const schema: Schema = loadK8sSchema();
  defs = schema.definitions as Record<string, Def>;
}, 60_000);

describe('the generated Kubernetes 1.33 schema', () => {
  it.each([
    ['kubernetes-models/v1/PodSpec', 'IPodSpec'],
    ['kubernetes-models/v1/Container', 'IContainer'],
    ['@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta', 'IObjectMeta'],
  ])('%s: every declared property, each with its upstream description', (module, iface) => {
    const declared = declaredProperties(module, iface);
    expect(declared.length).toBeGreaterThan(10);
    const props = defs[iface]?.properties ?? {};
    expect(Object.keys(props).sort()).toEqual([...declared].sort());
    for (const name of declared) expect(props[name]?.description, name).toBeTruthy();
  });

  it('carries the upstream enums', () => {
    expect(defs.IPodSpec?.properties?.restartPolicy?.enum).toEqual(['Always', 'Never', 'OnFailure']);
    expect(defs.IContainer?.properties?.imagePullPolicy?.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
  });

  it('is 1.33: lifecycle.stopSignal (added in 1.33) is there, hostnameOverride (1.34) is not', () => {
    expect(defs.ILifecycle?.properties?.stopSignal?.enum).toContain('SIGTERM');
    expect(defs.IPodSpec?.properties).not.toHaveProperty('hostnameOverride');
  });

  it('tells the kinds apart by their apiVersion and kind consts', () => {
    const alternatives = (defs.PodJourneyObject as { anyOf: { $ref: string }[] }).anyOf;
    const kinds = alternatives.map(({ $ref }) => {
      const p = defs[$ref.replace('#/definitions/', '')]?.properties;
      return `${p?.apiVersion?.const}/${p?.kind?.const}`;
    });
    expect(kinds).toEqual([
      'v1/Pod',
      'v1/Node',
      'v1/Namespace',
      'v1/ServiceAccount',
      'v1/ConfigMap',
      'v1/Secret',
      'v1/ResourceQuota',
      'v1/LimitRange',
      'v1/PersistentVolumeClaim',
      'v1/PersistentVolume',
      'rbac.authorization.k8s.io/v1/Role',
      'rbac.authorization.k8s.io/v1/ClusterRole',
      'rbac.authorization.k8s.io/v1/RoleBinding',
      'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
      'scheduling.k8s.io/v1/PriorityClass',
      'apps/v1/Deployment',
      'apps/v1/ReplicaSet',
      'batch/v1/Job',
    ]);
  });
});
