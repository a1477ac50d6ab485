import { describe, expect, it } from 'vitest';
import { QUANTITY_FORMAT_ERROR } from './quantity';
import { podDecodeError } from './podDecode';

const body = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata,
  spec,
});
const container = (more: Record<string, unknown>) => ({ image: 'nginx:1.27', name: 'web', ...more });

describe('podDecodeError', () => {
  it('accepts a well-typed pod, nulls and unknown fields (the strict check reports those)', () => {
    expect(
      podDecodeError(
        body({
          containers: [container({ ports: [{ containerPort: 80 }], resources: { requests: { cpu: 0.5 } } })],
          nodeSelector: null,
          affinity: { anything: [1, true] },
        }),
      ),
    ).toBeUndefined();
  });

  it.each([
    [
      'an object where a list is',
      body({ containers: { name: 'web' } }),
      'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
      'spec.containers',
    ],
    [
      'a number where a string is',
      body({ containers: [container({ image: 1 })] }),
      'json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
      'spec.containers[0].image',
    ],
    [
      'a boolean label value',
      body({ containers: [container({})] }, { labels: { canary: true }, name: 'web' }),
      'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
      'metadata.labels.canary',
    ],
    [
      'a string where an int32 is',
      body({ containers: [container({ ports: [{ containerPort: '80' }] })] }),
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
      'spec.containers[0].ports[0].containerPort',
    ],
    [
      'a number beyond int32 (its literal is named)',
      body({ containers: [container({ ports: [{ containerPort: 1e20 }] })] }),
      'json: cannot unmarshal number 100000000000000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
      'spec.containers[0].ports[0].containerPort',
    ],
    [
      'a fraction where an int64 is',
      body({ containers: [container({})], terminationGracePeriodSeconds: 1.5 }),
      'json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
      'spec.terminationGracePeriodSeconds',
    ],
    [
      'a list where a struct is',
      body({ containers: [container({ resources: [] })] }),
      'json: cannot unmarshal array into Go struct field Container.spec.containers.resources of type v1.ResourceRequirements',
      'spec.containers[0].resources',
    ],
    [
      'a number where a named string type is',
      body({ containers: [container({ imagePullPolicy: 1 })] }),
      'json: cannot unmarshal number into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy',
      'spec.containers[0].imagePullPolicy',
    ],
    [
      'a quantity that does not parse',
      body({ containers: [container({ resources: { requests: { cpu: 'lots' } } })] }),
      QUANTITY_FORMAT_ERROR,
      'spec.containers[0].resources.requests.cpu',
    ],
    // Newly typed fields (k8s.io/api@v0.33.0 core/v1 types.go); before, these were accepted as written.
    [
      "a string where a probe's int32 is",
      body({ containers: [container({ readinessProbe: { periodSeconds: '5' } })] }),
      'json: cannot unmarshal string into Go struct field Probe.spec.containers.readinessProbe.periodSeconds of type int32',
      'spec.containers[0].readinessProbe.periodSeconds',
    ],
    [
      'a string where a securityContext bool is',
      body({ containers: [container({ securityContext: { privileged: 'yes' } })] }),
      'json: cannot unmarshal string into Go struct field SecurityContext.spec.containers.securityContext.privileged of type bool',
      'spec.containers[0].securityContext.privileged',
    ],
    [
      'a number where a named capability is',
      body({ containers: [container({ securityContext: { capabilities: { add: [1] } } })] }),
      'json: cannot unmarshal number into Go struct field Capabilities.spec.containers.securityContext.capabilities.add of type v1.Capability',
      'spec.containers[0].securityContext.capabilities.add[0]',
    ],
    [
      'a string where the pod securityContext int64 is',
      body({ containers: [container({})], securityContext: { runAsUser: '1000' } }),
      'json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.runAsUser of type int64',
      'spec.securityContext.runAsUser',
    ],
    [
      'an emptyDir sizeLimit that does not parse',
      body({ containers: [container({})], volumes: [{ name: 'scratch', emptyDir: { sizeLimit: 'lots' } }] }),
      QUANTITY_FORMAT_ERROR,
      'spec.volumes[0].emptyDir.sizeLimit',
    ],
    [
      'a volume source that is not an object (VolumeSource is inlined: the struct is Volume)',
      body({ containers: [container({})], volumes: [{ name: 'data', hostPath: '/data' }] }),
      'json: cannot unmarshal string into Go struct field Volume.spec.volumes.hostPath of type v1.HostPathVolumeSource',
      'spec.volumes[0].hostPath',
    ],
    [
      'a string where a volume mode int32 is',
      body({ containers: [container({})], volumes: [{ name: 's', secret: { secretName: 's', defaultMode: '0644' } }] }),
      'json: cannot unmarshal string into Go struct field SecretVolumeSource.spec.volumes.secret.defaultMode of type int32',
      'spec.volumes[0].secret.defaultMode',
    ],
    [
      'a list where the affinity struct is',
      body({ containers: [container({})], affinity: [] }),
      'json: cannot unmarshal array into Go struct field PodSpec.spec.affinity of type v1.Affinity',
      'spec.affinity',
    ],
    // The structs typed since (affinity, topology spread, ephemeral containers, status, meta/v1 ...).
    [
      'a string where a topology spread constraint int32 is',
      body({ containers: [container({})], topologySpreadConstraints: [{ maxSkew: '1', topologyKey: 'zone' }] }),
      'json: cannot unmarshal string into Go struct field TopologySpreadConstraint.spec.topologySpreadConstraints.maxSkew of type int32',
      'spec.topologySpreadConstraints[0].maxSkew',
    ],
    [
      'a number as a label selector value (the map key is not named)',
      body({
        containers: [container({})],
        topologySpreadConstraints: [{ maxSkew: 1, labelSelector: { matchLabels: { app: 7 } } }],
      }),
      'json: cannot unmarshal number into Go struct field LabelSelector.spec.topologySpreadConstraints.labelSelector.matchLabels of type string',
      'spec.topologySpreadConstraints[0].labelSelector.matchLabels.app',
    ],
    [
      'a string where a preferred scheduling weight is',
      body({
        containers: [container({})],
        affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: '10' }] } },
      }),
      'json: cannot unmarshal string into Go struct field PreferredSchedulingTerm.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution.weight of type int32',
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight',
    ],
    [
      'a number where a node selector operator is',
      body({
        containers: [container({})],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 1 }] }],
            },
          },
        },
      }),
      'json: cannot unmarshal number into Go struct field NodeSelectorRequirement.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.matchExpressions.operator of type v1.NodeSelectorOperator',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator',
    ],
    [
      "an ephemeral container's field (EphemeralContainerCommon is inlined: the struct is EphemeralContainer)",
      body({ containers: [container({})], ephemeralContainers: [{ name: 'debug', image: 1 }] }),
      'json: cannot unmarshal number into Go struct field EphemeralContainer.spec.ephemeralContainers.image of type string',
      'spec.ephemeralContainers[0].image',
    ],
    [
      "a string where an owner reference's bool is",
      body({ containers: [container({})] }, { name: 'web', ownerReferences: [{ name: 'n', controller: 'yes' }] }),
      'json: cannot unmarshal string into Go struct field OwnerReference.metadata.ownerReferences.controller of type bool',
      'metadata.ownerReferences[0].controller',
    ],
    [
      "a string where a container status's restart count is",
      { ...body({ containers: [container({})] }), status: { containerStatuses: [{ name: 'web', restartCount: '1' }] } },
      'json: cannot unmarshal string into Go struct field ContainerStatus.status.containerStatuses.restartCount of type int32',
      'status.containerStatuses[0].restartCount',
    ],
    [
      "a number as an ephemeral volume claim template's label",
      body({
        containers: [container({})],
        volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { metadata: { labels: { tier: 1 } } } } }],
      }),
      'json: cannot unmarshal number into Go struct field ObjectMeta.spec.volumes.ephemeral.volumeClaimTemplate.metadata.labels of type string',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.labels.tier',
    ],
    [
      "an ephemeral volume claim's storage request that does not parse",
      body({
        containers: [container({})],
        volumes: [
          {
            name: 'scratch',
            ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: 'big' } } } } },
          },
        ],
      }),
      QUANTITY_FORMAT_ERROR,
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests.storage',
    ],
    [
      'an IntOrString port that is a bool (its own json.Unmarshal: no struct context)',
      body({ containers: [container({ livenessProbe: { httpGet: { port: true } } })] }),
      'json: cannot unmarshal bool into Go value of type int32',
      'spec.containers[0].livenessProbe.httpGet.port',
    ],
    [
      'an IntOrString port beyond int32',
      body({ containers: [container({ livenessProbe: { tcpSocket: { port: 1e10 } } })] }),
      'json: cannot unmarshal number 10000000000 into Go value of type int32',
      'spec.containers[0].livenessProbe.tcpSocket.port',
    ],
    [
      'a creationTimestamp that is a number (metav1.Time wants a string)',
      body({ containers: [container({})] }, { name: 'web', creationTimestamp: 5 }),
      'json: cannot unmarshal number into Go value of type string',
      'metadata.creationTimestamp',
    ],
    [
      "a creationTimestamp that is not RFC 3339 (time.Parse's error, as it is)",
      body({ containers: [container({})] }, { name: 'web', creationTimestamp: 'yesterday' }),
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
      'metadata.creationTimestamp',
    ],
    [
      'a status startTime without its time of day',
      { ...body({ containers: [container({})] }), status: { startTime: '2024-05-01' } },
      'parsing time "2024-05-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"',
      'status.startTime',
    ],
  ])('%s', (_, b, message, path) => {
    expect(podDecodeError(b)).toEqual({ message, path });
  });

  it('reports the first type error in body order', () => {
    const b = body({ containers: [container({ image: 1, name: 2 })] }, { labels: { a: false }, name: 'web' });
    expect(podDecodeError(b)?.path).toBe('metadata.labels.a');
  });

  it('accepts an IntOrString as a name or an int32, and null timestamps', () => {
    const probe = { httpGet: { port: 'http', path: '/' }, tcpSocket: { port: 8080 }, periodSeconds: 5 };
    const b = body({ containers: [container({ livenessProbe: probe })] }, { name: 'web', creationTimestamp: null });
    expect(podDecodeError(b)).toBeUndefined();
  });

  it("lets an IntOrString's own error win over a type error met before it", () => {
    const b = body({ containers: [container({ image: 1, readinessProbe: { tcpSocket: { port: [80] } } })] });
    expect(podDecodeError(b)).toEqual({
      message: 'json: cannot unmarshal array into Go value of type int32',
      path: 'spec.containers[0].readinessProbe.tcpSocket.port',
    });
  });

  it("lets a timestamp's parse error win over a type error met before it", () => {
    const b = body({ containers: [container({ image: 1 })] }, { name: 'web', labels: { a: false } });
    const pod = { ...b, status: { conditions: [{ type: 'Ready', lastTransitionTime: '2024-05-01T25:00:00Z' }] } };
    expect(podDecodeError(pod)).toEqual({
      message: 'parsing time "2024-05-01T25:00:00Z": hour out of range',
      path: 'status.conditions[0].lastTransitionTime',
    });
  });

  it('accepts RFC 3339 timestamps and any JSON as a managed fields entry fieldsV1', () => {
    const managedFields = [
      { manager: 'kubectl', time: '2024-05-01T10:00:00Z', fieldsV1: 5 },
      { manager: 'kubelet', time: '2024-05-01T12:00:00+02:00', fieldsV1: { 'f:status': { '.': {} } } },
    ];
    const b = body({ containers: [container({})] }, { name: 'web', managedFields });
    expect(podDecodeError(b)).toBeUndefined();
  });

  it("lets a quantity's own error win over a type error met before it (it ends decoding at once)", () => {
    const b = body({ containers: [container({ image: 1, resources: { limits: { memory: true } } })] });
    expect(podDecodeError(b)).toEqual({
      message: QUANTITY_FORMAT_ERROR,
      path: 'spec.containers[0].resources.limits.memory',
    });
  });
});
