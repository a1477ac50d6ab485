import { describe, expect, it } from 'vitest';
import { fieldErrorString } from './fieldErrors';
import type { KubeObject } from './scenario';
import { validatePodCreate } from './validation';

const pod = (name: string, containers: unknown[], extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers, restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', ...extra },
});
const c = (name: string, image = 'nginx:1.27', more: Record<string, unknown> = {}) => ({
  name,
  image,
  imagePullPolicy: 'IfNotPresent',
  ...more,
});
const messages = (p: KubeObject) => validatePodCreate(p).map(fieldErrorString);

describe('validatePodCreate', () => {
  it('accepts the example pod', () => {
    expect(
      messages(pod('example-pod', [c('nginx', 'nginx:1.27', { ports: [{ containerPort: 80, protocol: 'TCP' }] })])),
    ).toEqual([]);
  });

  it.each([
    [
      'a name that is not a DNS subdomain',
      pod('Example_Pod', [c('nginx')]),
      [
        "metadata.name: Invalid value: \"Example_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    ],
    ['a missing image', pod('example-pod', [c('nginx', '')]), ['spec.containers[0].image: Required value']],
    ['no containers', pod('example-pod', []), ['spec.containers: Required value']],
    [
      'a container name that is not a DNS label (two spaces before "or")',
      pod('example-pod', [c('Nginx')]),
      [
        "spec.containers[0].name: Invalid value: \"Nginx\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    [
      'a container name with dots',
      pod('example-pod', [c('web.app')]),
      ['spec.containers[0].name: Invalid value: "web.app": must not contain dots'],
    ],
    [
      'duplicate container names',
      pod('example-pod', [c('nginx'), c('nginx')]),
      ['spec.containers[1].name: Duplicate value: "nginx"'],
    ],
    [
      'ports out of range and missing',
      pod('example-pod', [
        c('nginx', 'nginx', {
          ports: [
            { containerPort: 70000, protocol: 'TCP' },
            { containerPort: 0, protocol: 'TCP' },
          ],
        }),
      ]),
      [
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[1].containerPort: Required value',
      ],
    ],
    [
      'an unsupported restartPolicy',
      pod('example-pod', [c('nginx')], { restartPolicy: 'Sometimes' }),
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'a mount of a volume that does not exist',
      pod('example-pod', [c('nginx', 'nginx', { volumeMounts: [{ name: 'data', mountPath: '/data' }] })]),
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'several problems, metadata first, then containers in order',
      pod('Bad_Name', [c('nginx', ''), c('nginx')]),
      [
        "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        'spec.containers[0].image: Required value',
        'spec.containers[1].name: Duplicate value: "nginx"',
      ],
    ],
  ])('rejects %s', (_name, p, expected) => {
    expect(messages(p)).toEqual(expected);
  });

  it('checks label values', () => {
    const p = pod('example-pod', [c('nginx')]);
    expect(messages({ ...p, metadata: { ...p.metadata, labels: { env: 'story telling' } } })).toEqual([
      "metadata.labels: Invalid value: \"story telling\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
});
