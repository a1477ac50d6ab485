import { describe, expect, it } from 'vitest';
import { DEFAULT_MANIFEST } from '@scenarios';
import { invalid, required } from './fieldErrors';
import {
  KUBECTL_USER_AGENT,
  addSource,
  applyPatch,
  checkDocument,
  flattenLists,
  infoString,
  missingAnnotationWarning,
  nameLine,
  patchRequest,
  createRequest,
  getRequest,
  goJson,
  lastAppliedConfiguration,
  renderErrors,
  responseWarnings,
  warningHeader,
  type ResourceInfo,
} from './kubectl';
import { parseManifest } from './manifest';
import { dns1123Subdomain } from './validation';
import { alreadyExistsStatus, forbiddenStatus, invalidStatus, notFoundStatus, unauthorizedStatus } from './status';

const info = (): ResourceInfo => {
  const c = checkDocument(parseManifest(DEFAULT_MANIFEST, 'pod.yaml').documents[0]!.value, 'pod.yaml', 'default');
  if (!c.ok) throw new Error('default manifest must be valid');
  return c.info;
};
const ctx = { command: 'apply' as const, session: '7d7b2c1e-0000-4000-8000-000000000001' };
const invalidName =
  "metadata.name: Invalid value: \"Example_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('kubectl client', () => {
  it('writes the last-applied configuration as compact JSON with sorted keys and a newline', () => {
    expect(lastAppliedConfiguration(info().object)).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"env":"story-telling"},"name":"example-pod","namespace":"default"},"spec":{"containers":[{"image":"sonasingh46/node-web-app:latest","name":"example-pod","ports":[{"containerPort":8000}]}]}}\n',
    );
  });

  it('escapes like encoding/json', () => {
    expect(goJson({ b: 'a<b>&c', a: [1, true, null] })).toBe('{"a":[1,true,null],"b":"a\\u003cb\\u003e\\u0026c"}');
  });

  it('GETs the live object first when applying', () => {
    expect(getRequest(info(), ctx)).toEqual({
      method: 'GET',
      path: '/api/v1/namespaces/default/pods/example-pod',
      headers: {
        Accept: 'application/json',
        'User-Agent': 'kubectl/v1.33.0 (linux/amd64) kubernetes/60a317e',
        'Kubectl-Command': 'kubectl apply',
        'Kubectl-Session': ctx.session,
      },
    });
  });

  it.each([
    ['apply', '/api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict', true],
    ['create', '/api/v1/namespaces/default/pods?fieldManager=kubectl-create&fieldValidation=Strict', false],
  ] as const)('POSTs the pod (%s)', (command, path, annotated) => {
    const r = createRequest(info(), { ...ctx, command });
    expect(r.path).toBe(path);
    expect(r.headers).toMatchObject({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'User-Agent': KUBECTL_USER_AGENT,
      'Kubectl-Command': `kubectl ${command}`,
    });
    const body = r.body as { metadata: { namespace: string; annotations?: Record<string, string> } };
    expect(body.metadata.namespace).toBe('default');
    expect(Object.keys(body)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(body.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] !== undefined).toBe(
      annotated,
    );
  });

  const STOP = 'if you choose to ignore these errors, turn validation off with --validate=false';
  it.each([
    [
      'no apiVersion and no kind',
      { metadata: { name: 'x' } },
      {
        ok: false,
        stop: `error validating "pod.yaml": error validating data: [apiVersion not set, kind not set]; ${STOP}`,
      },
    ],
    [
      'no kind',
      { apiVersion: 'v1', metadata: { name: 'x' } },
      { ok: false, stop: `error validating "pod.yaml": error validating data: kind not set; ${STOP}` },
    ],
    [
      'a kind that is not a string',
      { apiVersion: 'v1', kind: 5 },
      { ok: false, stop: `error validating "pod.yaml": error validating data: kind isn't string type; ${STOP}` },
    ],
    [
      'a scalar',
      'hello',
      { ok: false, stop: `error validating "pod.yaml": error validating data: invalid object to validate; ${STOP}` },
    ],
    [
      'an empty kind (the decoder, not the validator, refuses it)',
      { apiVersion: 'v1', kind: '', metadata: { name: 'x' } },
      {
        ok: false,
        error: `unable to decode "pod.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","kind":"","metadata":{"name":"x"}}'`,
      },
    ],
    [
      'a misspelt kind',
      { apiVersion: 'apps/v1', kind: 'Deplyment', metadata: { name: 'x' } },
      {
        ok: false,
        error:
          'resource mapping not found for name: "x" namespace: "" from "pod.yaml": no matches for kind "Deplyment" in version "apps/v1"\nensure CRDs are installed first',
      },
    ],
    [
      'a Pod in the wrong group',
      { apiVersion: 'apps/v1', kind: 'Pod', metadata: { name: 'x' } },
      {
        ok: false,
        error:
          'resource mapping not found for name: "x" namespace: "" from "pod.yaml": no matches for kind "Pod" in version "apps/v1"\nensure CRDs are installed first',
      },
    ],
    [
      'a real kind this simulator does not follow',
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } },
      {
        ok: false,
        unsupported:
          'This simulator follows Pods, ConfigMaps, Secrets, ServiceAccounts, Namespaces and Nodes; kubectl would send this Deployment to the API server.',
      },
    ],
  ])('refuses %s before any request', (_name, value, result) => {
    expect(checkDocument(value, 'pod.yaml', 'default')).toEqual(result);
  });

  it.each([
    [
      'a ConfigMap (namespaced: the context namespace is filled in)',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: 'b' } },
      '/api/v1/namespaces/default/configmaps/settings',
      'configmap/settings created',
      'Resource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "settings", Namespace: "default"',
    ],
    [
      'a Node (cluster-scoped: the namespace is dropped)',
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-3', namespace: 'x' } },
      '/api/v1/nodes/worker-3',
      'node/worker-3 created',
      'Resource: "/v1, Resource=nodes", GroupVersionKind: "/v1, Kind=Node"\nName: "worker-3", Namespace: ""',
    ],
  ])('maps %s to its resource', (_name, value, path, line, infoText) => {
    const c = checkDocument(value, 'pod.yaml', 'default');
    if (!c.ok) throw new Error('expected a mapping');
    expect(getRequest(c.info, ctx).path).toBe(path);
    expect(nameLine(c.info, 'created')).toBe(line);
    expect(infoString(c.info)).toBe(infoText);
    expect((c.info.object.metadata as Record<string, unknown>).namespace).toBe(c.info.namespace || undefined);
  });

  it.each([
    [
      'Forbidden on create',
      [
        addSource(
          forbiddenStatus(
            { group: '', resource: 'pods' },
            '',
            'User "jane" cannot create resource "pods" in API group "" in the namespace "default"',
          ),
          'creating',
          info(),
          'pod.yaml',
        ),
      ],
      'Error from server (Forbidden): error when creating "pod.yaml": pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default"',
    ],
    [
      'a missing namespace',
      [addSource(notFoundStatus({ group: '', resource: 'namespaces' }, 'foo'), 'creating', info(), 'pod.yaml')],
      'Error from server (NotFound): error when creating "pod.yaml": namespaces "foo" not found',
    ],
    [
      'AlreadyExists',
      [addSource(alreadyExistsStatus({ group: '', resource: 'pods' }, 'example-pod'), 'creating', info(), 'pod.yaml')],
      'Error from server (AlreadyExists): error when creating "pod.yaml": pods "example-pod" already exists',
    ],
    [
      'the apply GET failure block',
      [
        addSource(
          forbiddenStatus(
            { group: '', resource: 'pods' },
            'example-pod',
            'User "jane" cannot get resource "pods" in API group "" in the namespace "default"',
          ),
          'retrieving',
          info(),
          'pod.yaml',
        ),
      ],
      'Error from server (Forbidden): error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "example-pod", Namespace: "default"\nfrom server for: "pod.yaml": pods "example-pod" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"',
    ],
    ['Unauthorized', [{ status: unauthorizedStatus() }], 'error: You must be logged in to the server (Unauthorized)'],
    [
      'Invalid with one cause',
      [
        addSource(
          invalidStatus(
            { group: '', kind: 'Pod' },
            'Example_Pod',
            dns1123Subdomain('Example_Pod').map((m) => invalid('metadata.name', 'Example_Pod', m)),
          ),
          'creating',
          info(),
          'pod.yaml',
        ),
      ],
      `The Pod "Example_Pod" is invalid: ${invalidName}`,
    ],
    [
      'Invalid with several causes (the prefix keeps its trailing space)',
      [
        addSource(
          invalidStatus({ group: '', kind: 'Pod' }, 'example-pod', [
            required('spec.containers[0].image'),
            { type: 'FieldValueDuplicate', field: 'spec.containers[1].name', badValue: 'nginx' },
          ]),
          'creating',
          info(),
          'pod.yaml',
        ),
      ],
      'The Pod "example-pod" is invalid: \n* spec.containers[0].image: Required value\n* spec.containers[1].name: Duplicate value: "nginx"',
    ],
    [
      'two errors (an aggregate: Invalid is not special-cased)',
      [
        addSource(
          invalidStatus({ group: '', kind: 'Pod' }, 'a', [required('spec.containers[0].image')]),
          'creating',
          info(),
          'pod.yaml',
        ),
        addSource(alreadyExistsStatus({ group: '', resource: 'pods' }, 'b'), 'creating', info(), 'pod.yaml'),
      ],
      'Error from server (Invalid): error when creating "pod.yaml": Pod "a" is invalid: spec.containers[0].image: Required value\nError from server (AlreadyExists): error when creating "pod.yaml": pods "b" already exists',
    ],
  ])('prints %s', (_name, errors, text) => {
    expect(renderErrors(errors)).toBe(text);
  });

  it.each([
    [
      'a read error alone (an aggregate of one is unwrapped, CheckErr adds error:)',
      [
        {
          aggregate: [
            'resource mapping not found for name: "x" namespace: "" from "pod.yaml": no matches for kind "Deplyment" in version "apps/v1"\nensure CRDs are installed first',
          ],
        },
      ],
      'error: resource mapping not found for name: "x" namespace: "" from "pod.yaml": no matches for kind "Deplyment" in version "apps/v1"\nensure CRDs are installed first',
    ],
    [
      'two read errors and a server error (MultipleErrors: one line per error, the read aggregate bracketed)',
      [
        { aggregate: ['kind A', 'kind B'] },
        addSource(alreadyExistsStatus({ group: '', resource: 'pods' }, 'b'), 'creating', info(), 'pod.yaml'),
      ],
      '[kind A, kind B]\nError from server (AlreadyExists): error when creating "pod.yaml": pods "b" already exists',
    ],
    [
      'a read error and a server error',
      [
        { aggregate: ['kind A'] },
        addSource(alreadyExistsStatus({ group: '', resource: 'pods' }, 'b'), 'creating', info(), 'pod.yaml'),
      ],
      'kind A\nError from server (AlreadyExists): error when creating "pod.yaml": pods "b" already exists',
    ],
  ] as const)('aggregates %s', (_name, errors, text) => {
    expect(renderErrors(errors as never)).toBe(text);
  });

  describe('apply on an existing object (three-way patch)', () => {
    const live = (image: string, annotated: boolean) => {
      const applied: Record<string, unknown> = {
        ...info().object,
        spec: { containers: [{ name: 'example-pod', image, ports: [{ containerPort: 8000 }] }] },
      };
      return {
        ...applied,
        metadata: {
          ...(applied.metadata as object),
          uid: 'u',
          ...(annotated
            ? { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastAppliedConfiguration(applied) } }
            : {}),
        },
        spec: {
          containers: [
            {
              name: 'example-pod',
              image,
              imagePullPolicy: 'Always',
              ports: [{ containerPort: 8000, protocol: 'TCP' }],
            },
          ],
          restartPolicy: 'Always',
        },
        status: { phase: 'Running' },
      };
    };

    it('is empty when the manifest equals the last-applied configuration: nothing is sent', () => {
      expect(applyPatch(info(), live('sonasingh46/node-web-app:latest', true))).toEqual({
        patch: {},
        missingAnnotation: false,
      });
    });

    it('changes the image and the annotation, with $setElementOrder for the merged list', () => {
      const { patch } = applyPatch(info(), live('nginx:1.27', true));
      const r = patchRequest(info(), ctx, patch);
      expect(r.method).toBe('PATCH');
      expect(r.path).toBe(
        '/api/v1/namespaces/default/pods/example-pod?fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
      );
      expect(r.headers['Content-Type']).toBe('application/strategic-merge-patch+json');
      expect(goJson(r.body)).toBe(
        `{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":${JSON.stringify(lastAppliedConfiguration(info().object))}}},"spec":{"$setElementOrder/containers":[{"name":"example-pod"}],"containers":[{"image":"sonasingh46/node-web-app:latest","name":"example-pod"}]}}`,
      );
    });

    it('only adds the annotation (and warns) when the live object has none', () => {
      const { patch, missingAnnotation } = applyPatch(info(), live('sonasingh46/node-web-app:latest', false));
      expect(missingAnnotation).toBe(true);
      expect(patch).toEqual({
        metadata: {
          annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastAppliedConfiguration(info().object) },
        },
      });
      expect(missingAnnotationWarning(info())).toBe(
        'Warning: resource pods/example-pod is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
      );
    });

    it('removes a label the manifest dropped (null from the last-applied side)', () => {
      const withLabel = live('sonasingh46/node-web-app:latest', true);
      const dropped = {
        ...info(),
        object: { ...info().object, metadata: { name: 'example-pod', namespace: 'default' } },
      };
      const { patch } = applyPatch(dropped, withLabel);
      expect((patch.metadata as Record<string, unknown>).labels).toBeNull();
    });
  });

  it('reads warnings back from the Warning header', () => {
    expect(
      responseWarnings({
        Warning: warningHeader(['unknown field "spec.x"', 'would violate PodSecurity "restricted:latest": a']),
      }),
    ).toEqual(['unknown field "spec.x"', 'would violate PodSecurity "restricted:latest": a']);
  });
});

describe('flattenLists', () => {
  const list = (items: string) => `apiVersion: v1\nkind: List\nitems:\n${items}`;
  const pod = (name: string) =>
    `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: ${name}\n  spec:\n    containers:\n    - name: web\n      image: nginx:1.27\n`;

  it('replaces a v1 List by its items, each pointing at its own lines', () => {
    const docs = flattenLists(parseManifest(list(pod('web') + pod('api')), 'pod.yaml').documents);
    expect(docs.map((d) => [d.index, (d.value as { metadata: { name: string } }).metadata.name])).toEqual([
      [0, 'web'],
      [1, 'api'],
    ]);
    expect(docs[1]!.range.startLine).toBe(12);
    expect(docs[1]!.ranges['spec.containers[0].image']?.startLine).toBe(19);
  });

  it('leaves a List whose items it cannot follow whole, and kubectl reading it says why', () => {
    const docs = flattenLists(parseManifest(list('- apiVersion: v1\n  kind: Service\n'), 'pod.yaml').documents);
    expect(docs).toHaveLength(1);
    expect(checkDocument(docs[0]!.value, 'pod.yaml', 'default')).toEqual({
      ok: false,
      unsupported:
        'kubectl applies the items of a v1 List one by one; this simulator does so when every item has the apiVersion and kind of a Pod, ConfigMap, Secret, ServiceAccount, Namespace or Node.',
    });
  });
});
