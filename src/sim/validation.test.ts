import { describe, expect, it } from 'vitest';
import { fieldErrorString } from './fieldErrors';
import type { KubeObject } from './scenario';
import { POD_UPDATE_FORBIDDEN, validateObjectCreate, validatePodCreate, validatePodUpdate } from './validation';

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

describe('validation of the other kinds', () => {
  const obj = (kind: string, name: string, extra: Record<string, unknown> = {}, namespace?: string): KubeObject => ({
    apiVersion: 'v1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    ...extra,
  });
  it.each([
    ['a valid ConfigMap', obj('ConfigMap', 'settings', { data: { 'app.conf': 'x' } }, 'default'), []],
    [
      'a ConfigMap key with a slash',
      obj('ConfigMap', 'settings', { data: { 'a/b': 'x' } }, 'default'),
      [
        "data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    ],
    [
      'a key in both data and binaryData',
      obj('ConfigMap', 'settings', { data: { k: 'x' }, binaryData: { k: 'eA==' } }, 'default'),
      ['data[k]: Invalid value: "k": duplicate of key present in binaryData'],
    ],
    [
      'a Secret key ".."',
      obj('Secret', 's', { data: { '..': 'eA==' } }, 'default'),
      ['data[..]: Invalid value: "..": must not be \'..\''],
    ],
    [
      'a Namespace name with a dot (a DNS label)',
      obj('Namespace', 'team.a'),
      ['metadata.name: Invalid value: "team.a": must not contain dots'],
    ],
    ['a Node without a name', obj('Node', ''), ['metadata.name: Required value: name or generateName is required']],
  ])('%s', (_name, o, expected) => {
    expect(validateObjectCreate(o).map(fieldErrorString)).toEqual(expected);
  });
});

describe('ValidatePodUpdate', () => {
  const old = pod('example-pod', [c('nginx', 'nginx:1.27', { ports: [{ containerPort: 80, protocol: 'TCP' }] })]);
  it('lets the image change', () => {
    const next = pod('example-pod', [c('nginx', 'nginx:1.28', { ports: [{ containerPort: 80, protocol: 'TCP' }] })]);
    expect(validatePodUpdate(next, old)).toEqual({ errors: [], differing: [] });
  });
  it('forbids a new port, with the v1.33 list of updatable fields', () => {
    const next = pod('example-pod', [
      c('nginx', 'nginx:1.27', {
        ports: [
          { containerPort: 80, protocol: 'TCP' },
          { containerPort: 81, protocol: 'TCP' },
        ],
      }),
    ]);
    const r = validatePodUpdate(next, old);
    expect(r.differing).toEqual(['spec.containers']);
    expect(r.errors.map(fieldErrorString)).toEqual([`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`]);
    expect(POD_UPDATE_FORBIDDEN).toBe(
      'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });
  it('lets tolerations be added, not removed', () => {
    const t = { key: 'k', operator: 'Exists', effect: 'NoSchedule' };
    const withT = pod('example-pod', old.spec ? (old.spec as { containers: unknown[] }).containers : [], {
      tolerations: [t],
    });
    expect(validatePodUpdate(withT, old).errors).toEqual([]);
    expect(validatePodUpdate(old, withT).differing).toEqual(['spec.tolerations']);
  });
});

describe('labels of the node selector and the size of the annotations', () => {
  it('validates spec.nodeSelector as labels, after the metadata', () => {
    const p = pod('web', [c('web')], { nodeSelector: { 'disk type': 'ssd' } });
    expect(messages(p)).toEqual([
      "spec.nodeSelector: Invalid value: \"disk type\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it('refuses annotations over 256 KiB together (UTF-8 bytes of keys and values), without printing them', () => {
    const annotated = (value: string): KubeObject => {
      const p = pod('web', [c('web')]);
      return { ...p, metadata: { ...p.metadata, annotations: { a: value } } };
    };
    expect(messages(annotated('x'.repeat(262143)))).toEqual([]);
    expect(messages(annotated('x'.repeat(262144)))).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
    expect(messages(annotated('é'.repeat(131072)))).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
  });

  it('checks annotation keys as qualified names once lower-cased', () => {
    const p = pod('web', [c('web')]);
    const keyed = { ...p, metadata: { ...p.metadata, annotations: { 'Example.COM/Team': 'a', 'a b': 'c' } } };
    expect(messages(keyed)).toEqual([
      "metadata.annotations: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });
});
