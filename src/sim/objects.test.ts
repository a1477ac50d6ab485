import { describe, expect, it } from 'vitest';
import {
  base64ErrorOffset,
  defaultObject,
  prepareObjectForCreate,
  prepareObjectForUpdate,
  unknownObjectFields,
} from './objects';
import type { KubeObject } from './scenario';

const obj = (kind: string, extra: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'x' }) =>
  ({ apiVersion: 'v1', kind, metadata, ...extra }) as KubeObject;

describe('the other kinds through the API server', () => {
  it.each([
    [
      'a Secret: stringData becomes base64 data, type Opaque',
      obj('Secret', { data: { a: 'YQ==' }, stringData: { b: 'héllo' } }),
      obj('Secret', { data: { a: 'YQ==', b: 'aMOpbGxv' }, type: 'Opaque' }),
    ],
    [
      'a Namespace: the kubernetes.io/metadata.name label',
      obj('Namespace', {}, { name: 'team-a' }),
      obj('Namespace', {}, { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'team-a' } }),
    ],
    [
      'a Node: allocatable defaults to capacity',
      obj('Node', { status: { capacity: { cpu: '8' } } }),
      obj('Node', { status: { capacity: { cpu: '8' }, allocatable: { cpu: '8' } } }),
    ],
    ['a ConfigMap: as sent', obj('ConfigMap', { data: { k: 'v' } }), obj('ConfigMap', { data: { k: 'v' } })],
  ])('defaults %s', (_name, input, output) => {
    expect(defaultObject(input).object).toEqual(output);
  });

  it('starts a Namespace Active with the kubernetes finalizer, metadata in ObjectMeta order', () => {
    const { object } = prepareObjectForCreate(obj('Namespace', {}, { labels: { a: 'b' }, name: 'team-a' }), 'u-1', 'T');
    expect(object).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a', uid: 'u-1', creationTimestamp: 'T', labels: { a: 'b' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    expect(Object.keys(object.metadata)).toEqual(['name', 'uid', 'creationTimestamp', 'labels']);
  });

  it('finds unknown top-level and metadata fields', () => {
    expect(unknownObjectFields(obj('ConfigMap', { dta: {} }, { name: 'x', labells: {} }))).toEqual([
      'metadata.labells',
      'dta',
    ]);
  });

  it("keeps a pod's system fields and status on update and bumps generation when the spec changes", () => {
    const live = obj(
      'Pod',
      { spec: { a: 1 }, status: { phase: 'Running' } },
      { name: 'p', uid: 'u', generation: 1, resourceVersion: '5' },
    );
    const patched = obj('Pod', { spec: { a: 2 }, status: {} }, { name: 'p', uid: 'other', generation: 7 });
    expect(prepareObjectForUpdate(patched, live)).toEqual(
      obj(
        'Pod',
        { spec: { a: 2 }, status: { phase: 'Running' } },
        { name: 'p', uid: 'u', generation: 2, resourceVersion: '5' },
      ),
    );
  });
});

describe("a Secret's data must be base64 (encoding/base64 as encoding/json uses it)", () => {
  it.each([
    ['aGVsbG8=', undefined],
    ['aGVs\nbG8=', undefined],
    ['', undefined],
    ['hello', 4],
    ['abc', 0],
    ['ab!d', 2],
    ['a===', 1],
    ['aGVsbG8=x', 8],
    ['aGVsbA=', 7],
  ])('%j → %s', (value, offset) => {
    expect(base64ErrorOffset(value)).toBe(offset);
  });
});
