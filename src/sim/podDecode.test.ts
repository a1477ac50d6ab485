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
  it('accepts a well-typed pod, nulls and fields it does not type', () => {
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
  ])('%s', (_, b, message, path) => {
    expect(podDecodeError(b)).toEqual({ message, path });
  });

  it('reports the first type error in body order', () => {
    const b = body({ containers: [container({ image: 1, name: 2 })] }, { labels: { a: false }, name: 'web' });
    expect(podDecodeError(b)?.path).toBe('metadata.labels.a');
  });

  it("lets a quantity's own error win over a type error met before it (it ends decoding at once)", () => {
    const b = body({ containers: [container({ image: 1, resources: { limits: { memory: true } } })] });
    expect(podDecodeError(b)).toEqual({
      message: QUANTITY_FORMAT_ERROR,
      path: 'spec.containers[0].resources.limits.memory',
    });
  });
});
