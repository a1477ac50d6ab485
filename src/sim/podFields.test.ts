import { describe, expect, it } from 'vitest';
import { pruneUnknownPodFields, unknownPodFields } from './podFields';

describe('strict field validation', () => {
  const body = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', lables: {} },
    spec: {
      containers: [{ name: 'c', imagee: 'nginx', ports: [{ containerPort: 80, hostport: 1 }] }],
      nodeSelector: { anything: 'x' },
    },
  };
  it('names every unknown field by its path, in document order', () => {
    expect(unknownPodFields(body)).toEqual([
      'metadata.lables',
      'spec.containers[0].imagee',
      'spec.containers[0].ports[0].hostport',
    ]);
  });
  it('looks into probes, security contexts and volume sources', () => {
    const deep = {
      spec: {
        containers: [
          { name: 'c', livenessProbe: { httpGet: { port: 80, pth: '/' } }, securityContext: { privilged: true } },
        ],
        volumes: [{ name: 'v', emptyDir: { sizelimit: '1Gi' } }],
      },
    };
    expect(unknownPodFields(deep)).toEqual([
      'spec.containers[0].livenessProbe.httpGet.pth',
      'spec.containers[0].securityContext.privilged',
      'spec.volumes[0].emptyDir.sizelimit',
    ]);
  });
  it('looks into affinity down to a node selector term, with every list index on the way', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] },
            { matchExpression: [{ key: 'zone', operator: 'Exists' }] },
          ],
        },
      },
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, podAffinityTerm: { topologyKey: 'zone', labelSelector: { matchLabel: { app: 'web' } } } },
        ],
      },
    };
    expect(unknownPodFields({ spec: { affinity } })).toEqual([
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[1].matchExpression',
      'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabel',
    ]);
  });
  it('looks into every other struct a client can write, status and claim templates included', () => {
    const pod = {
      metadata: {
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'u', controler: true }],
        managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:metadata': { anything: 1 } }, field: 'x' }],
      },
      spec: {
        ephemeralContainers: [{ name: 'debug', targetContainerName: 'c', target: 'c' }],
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', skew: 1 }],
        hostAliases: [{ ip: '10.0.0.1', hostname: 'db' }],
        dnsConfig: { options: [{ name: 'ndots', val: '2' }] },
        readinessGates: [{ conditionType: 'x', type: 'x' }],
        os: { name: 'linux', arch: 'amd64' },
        schedulingGates: [{ name: 'g', reason: 'r' }],
        resourceClaims: [{ name: 'gpu', claimName: 'c' }],
        volumes: [
          { name: 'd', downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: 'metadata.labels', api: 'v1' } }] } },
          { name: 'i', image: { reference: 'r', policy: 'Always' } },
          {
            name: 'e',
            ephemeral: {
              volumeClaimTemplate: {
                metadata: { label: {} },
                spec: { resources: { requests: {} }, storageClass: 's' },
              },
            },
          },
          { name: 'p', projected: { sources: [{ downwardAPI: { item: [] } }] } },
        ],
      },
      status: {
        phase: 'Running',
        podIp: '10.0.0.2',
        conditions: [{ type: 'Ready', status: 'True', lastProbe: null }],
        containerStatuses: [{ name: 'c', state: { running: { startedAt: null, since: 1 } } }],
      },
    };
    expect(unknownPodFields(pod)).toEqual([
      'metadata.ownerReferences[0].controler',
      'metadata.managedFields[0].field',
      'spec.ephemeralContainers[0].target',
      'spec.topologySpreadConstraints[0].skew',
      'spec.hostAliases[0].hostname',
      'spec.dnsConfig.options[0].val',
      'spec.readinessGates[0].type',
      'spec.os.arch',
      'spec.schedulingGates[0].reason',
      'spec.resourceClaims[0].claimName',
      'spec.volumes[0].downwardAPI.items[0].fieldRef.api',
      'spec.volumes[1].image.policy',
      'spec.volumes[2].ephemeral.volumeClaimTemplate.metadata.label',
      'spec.volumes[2].ephemeral.volumeClaimTemplate.spec.storageClass',
      'spec.volumes[3].projected.sources[0].downwardAPI.item',
      'status.podIp',
      'status.conditions[0].lastProbe',
      'status.containerStatuses[0].state.running.since',
    ]);
  });
  it('drops them when validation is not strict', () => {
    expect(unknownPodFields(pruneUnknownPodFields(body))).toEqual([]);
  });
  it('decodes a null list item as an empty object, as encoding/json does for a struct element', () => {
    const decoded = pruneUnknownPodFields({ spec: { containers: [{ name: 'c' }], tolerations: [null] } });
    expect(decoded).toEqual({ spec: { containers: [{ name: 'c' }], tolerations: [{}] } });
  });
});
