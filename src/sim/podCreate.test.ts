import { describe, expect, it } from 'vitest';
import { canonicalPod } from './canonical';
import { createManagedFields } from './managedFields';
import { podQOSClass, prepareForCreate, wipeSystemFields } from './podCreate';
import type { KubeObject } from './scenario';

const pod = (containers: unknown[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers, serviceAccountName: 'default' },
});
const res = (requests?: Record<string, string>, limits?: Record<string, string>) => ({
  name: 'c',
  image: 'x',
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
});

describe('create-time fields', () => {
  it.each([
    [[res()], 'BestEffort'],
    [[res({ cpu: '100m' })], 'Burstable'],
    [[res({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })], 'Guaranteed'],
    [[res({ cpu: '1', memory: '1Gi' }, { cpu: '2', memory: '1Gi' })], 'Burstable'],
    [[res({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' }), res()], 'Burstable'],
    [[res({ cpu: '0' })], 'BestEffort'],
  ])('QoS of %j is %s', (containers, qos) => {
    expect(podQOSClass(pod(containers))).toBe(qos);
  });

  it('sets uid, generation, creationTimestamp, the deprecated serviceAccount and status', () => {
    const { pod: out, changes } = prepareForCreate(pod([res()]), 'uid-1', '2026-11-26T09:30:00Z');
    expect(out.metadata).toEqual({
      name: 'p',
      namespace: 'default',
      uid: 'uid-1',
      generation: 1,
      creationTimestamp: '2026-11-26T09:30:00Z',
    });
    expect(out.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect((out.spec as { serviceAccount: string }).serviceAccount).toBe('default');
    expect(changes.map((c) => c.path)).toEqual([
      'metadata.uid',
      'metadata.generation',
      'metadata.creationTimestamp',
      'spec.serviceAccount',
      'status',
    ]);
  });

  it('a pod with scheduling gates starts with PodScheduled=False, SchedulingGated (strategy.go)', () => {
    const gated = { ...pod([res()]), spec: { containers: [res()], schedulingGates: [{ name: 'example.com/quota' }] } };
    const { pod: out } = prepareForCreate(gated, 'uid-1', '2026-11-26T09:30:00Z');
    expect(out.status).toEqual({
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: null,
          reason: 'SchedulingGated',
          message: 'Scheduling is blocked due to non-empty scheduling gates',
        },
      ],
      qosClass: 'BestEffort',
    });
  });

  it('drops system fields the client sent', () => {
    const p = pod([res()]);
    expect(
      wipeSystemFields({ ...p, metadata: { ...p.metadata, uid: 'x', resourceVersion: '5', creationTimestamp: 'y' } })
        .metadata,
    ).toEqual({ name: 'p', namespace: 'default' });
  });

  it('records the fields the client set and the defaults as its managed fields', () => {
    const p: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }],
        dnsPolicy: 'ClusterFirst',
      },
      status: {},
    };
    expect(createManagedFields(p, 'kubectl-create', 't')).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: 't',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:run': {} } },
          'f:spec': {
            'f:containers': {
              'k:{"name":"nginx"}': {
                '.': {},
                'f:image': {},
                'f:name': {},
                'f:ports': {
                  '.': {},
                  'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} },
                },
                'f:resources': {},
              },
            },
            'f:dnsPolicy': {},
          },
        },
      },
    ]);
  });

  it('orders fields as the API server serialises them', () => {
    const p = {
      status: { qosClass: 'BestEffort', phase: 'Pending' },
      spec: { schedulerName: 'x', containers: [{ image: 'i', name: 'n' }] },
      metadata: { uid: 'u', name: 'p' },
      apiVersion: 'v1',
      kind: 'Pod',
    };
    expect(JSON.stringify(canonicalPod(p))).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","uid":"u"},"spec":{"containers":[{"name":"n","image":"i"}],"schedulerName":"x"},"status":{"phase":"Pending","qosClass":"BestEffort"}}',
    );
  });
});
