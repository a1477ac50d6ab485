import { beforeAll, describe, expect, it } from 'vitest';
import type { JSONSchema } from 'monaco-yaml';
import { loadK8sSchema } from '../../../../scripts/k8sSchema';
import { expandPath, withJourney, type JourneySchema } from './journeySchema';
import { READERS } from './readers';

let generated: JSONSchema;
let journey: JourneySchema;

beforeAll(() => {
  generated = loadK8sSchema() as JSONSchema;
  journey = withJourney(generated);
}, 60_000);

const def = (name: string): JSONSchema => journey.schema.definitions?.[name] ?? {};
const prop = (owner: string, name: string): JSONSchema => {
  const p = def(owner).properties?.[name];
  return typeof p === 'object' ? p : {};
};

describe('expandPath', () => {
  it('expands each {a,b} into the concrete paths', () => {
    expect(expandPath('spec.{containers,initContainers}[].env[].valueFrom.{configMapKeyRef,secretKeyRef}')).toEqual([
      'spec.containers[].env[].valueFrom.configMapKeyRef',
      'spec.containers[].env[].valueFrom.secretKeyRef',
      'spec.initContainers[].env[].valueFrom.configMapKeyRef',
      'spec.initContainers[].env[].valueFrom.secretKeyRef',
    ]);
    expect(expandPath('spec.nodeName')).toEqual(['spec.nodeName']);
  });
});

describe('the journey in the schema', () => {
  it('resolves every path of the readers table to a field of the generated schema', () => {
    expect(journey.unresolved).toEqual([]);
  });

  it('covers at least 25 Pod fields', () => {
    expect(READERS.flatMap((r) => expandPath(r.path)).length).toBeGreaterThanOrEqual(25);
  });

  it('adds who reads spec.containers[].resources under the upstream description', () => {
    const resources = prop('Pod.spec.containers[]', 'resources');
    expect(resources.description).toBe(
      'Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
    );
    expect(resources.markdownDescription).toBe(
      `${resources.description}\n\n**In the journey:** kube-scheduler: NodeResourcesFit filter and score; kubelet admission (node allocatable); ResourceQuota and LimitRanger admission; the QoS class`,
    );
  });

  it("points the Pod at its own copies, leaving the other kinds' definitions as generated", () => {
    expect(journey.schema.definitions?.PodJourneyObject?.anyOf?.[0]).toEqual({ $ref: '#/definitions/Pod' });
    expect(prop('Pod', 'spec').$ref).toBe('#/definitions/Pod.spec');
    expect(prop('Pod.spec', 'nodeSelector').markdownDescription).toMatch(
      /\*\*In the journey:\*\* kube-scheduler: NodeAffinity filter; kubelet admission checks it again$/,
    );
    expect(prop('Pod.spec.initContainers[]', 'image').markdownDescription).toContain('kubelet: image pull');
    expect(journey.schema.definitions?.IPodSpec).toEqual(generated.definitions?.IPodSpec);
    expect(journey.schema.definitions?.IContainer).toEqual(generated.definitions?.IContainer);
    expect(journey.schema.definitions?.IObjectMeta).toEqual(generated.definitions?.IObjectMeta);
  });

  it('keeps the upstream enums and leaves the generated schema untouched', () => {
    expect(prop('Pod.spec', 'restartPolicy').enum).toEqual(['Always', 'Never', 'OnFailure']);
    expect(generated.definitions?.Pod).toBeUndefined();
  });
});
