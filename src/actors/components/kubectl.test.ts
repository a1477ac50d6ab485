import { describe, expect, it } from 'vitest';
import { defaultCluster, defaultScenario, DEFAULT_MANIFEST } from '@scenarios';
import type { KubeObject, ScenarioInput, Step } from '@sim';
import { runCluster } from './testHarness';

const WATCH = [{ id: 'kubectl-watch' as const, watchPath: '/api/v1/namespaces/default/pods?watch=true' }];
const scenario = (over: Partial<ScenarioInput> = {}): ScenarioInput => ({ ...defaultScenario(), ...over });
const POD_KEY = '/registry/pods/default/example-pod';

/** The HTTP exchanges kubectl sent, with the status it got back. */
const http = (steps: readonly Step[]) =>
  steps
    .filter((s) => s.component === 'kube-apiserver' && s.http?.response && s.http.client === 'kubectl')
    .map((s) => `${s.http!.request.method} ${s.http!.request.path} → ${s.http!.response!.status}`);
const terminal = (steps: readonly Step[]) =>
  steps
    .at(-1)!
    .terminal.filter((l) => l.terminal === 'apply')
    .map((l) => `${l.stream}: ${l.text}`);
const maxClusterRV = Math.max(...defaultCluster().map((o) => Number(o.metadata.resourceVersion)));

describe('kubectl apply → kube-apiserver → etcd, default scenario', () => {
  const run = runCluster(scenario(), WATCH);
  const stored = run.stored[POD_KEY] as KubeObject & { spec: Record<string, unknown>; status: Record<string, unknown> };

  it('GETs (404) and then POSTs (201) and prints pod/example-pod created (golden check 1)', () => {
    expect(http(run.steps)).toEqual([
      'GET /api/v1/namespaces/default/pods/example-pod → 404',
      'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict → 201',
    ]);
    expect(terminal(run.steps)).toEqual(['command: kubectl apply -f pod.yaml', 'stdout: pod/example-pod created']);
  });

  it('records every gate of the request, in order', () => {
    expect(run.steps.map((s) => `${s.t} ${s.component} ${s.place}: ${s.title}`)).toEqual([
      '12 kubectl read-manifest: Read pod.yaml: 1 object',
      '12 kubectl output: GET pods/example-pod',
      '17 kube-apiserver authentication: Authenticated: kubernetes-admin',
      '18 kube-apiserver authorization: Authorized: get pods (RBAC)',
      '19 kube-apiserver handler: Read from etcd: Range',
      '22 etcd storage: Range: no such key',
      '24 kube-apiserver handler: 404 Not Found: pods "example-pod"',
      '28 kubectl output: POST pods (create example-pod)',
      '33 kube-apiserver authentication: Authenticated: kubernetes-admin',
      '34 kube-apiserver authorization: Authorized: create pods (RBAC)',
      '36 kube-apiserver decode: Decode: 11 defaults, fields checked',
      '39 kube-apiserver mutating-admission: Mutating admission: ServiceAccount',
      '42 kube-apiserver mutating-admission: Mutating admission: Priority',
      '43 kube-apiserver mutating-admission: Mutating admission: DefaultTolerationSeconds',
      '44 kube-apiserver validation: Prepare: uid, creationTimestamp, status',
      '46 kube-apiserver validation: Validation passed',
      '48 kube-apiserver validating-admission: Validating admission: allowed',
      '49 kube-apiserver persist: Write to etcd: Txn create',
      `52 etcd storage: Stored at revision ${maxClusterRV + 1}`,
      '54 kube-apiserver handler: 201 Created: pod/example-pod',
      '54 kube-apiserver watch-cache: Watch: ADDED to 1 watcher',
      '58 kubectl output: pod/example-pod created',
    ]);
  });

  it('sends the packets along the real topology', () => {
    const packets = run.steps.flatMap((s) => s.packets.map((p) => `${p.from}→${p.to} ${p.kind} ${p.label}`));
    expect(packets).toEqual([
      'kubectl→kube-apiserver request GET pod',
      'kube-apiserver→etcd etcd Range',
      'etcd→kube-apiserver etcd Range failed',
      'kube-apiserver→kubectl response 404',
      'kubectl→kube-apiserver request POST pods',
      'kube-apiserver→etcd etcd Txn create',
      'etcd→kube-apiserver etcd Txn create OK',
      'etcd→kube-apiserver etcd watch PUT',
      'kube-apiserver→kubectl response 201',
      'kube-apiserver→kubectl-watch watch ADDED',
    ]);
  });

  it('answers the GET with the 404 Status body', () => {
    const res = run.steps.find((s) => s.http?.response?.status === 404)!.http!.response!;
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "example-pod" not found',
      reason: 'NotFound',
      details: { name: 'example-pod', kind: 'pods' },
      code: 404,
    });
    expect(res.headers['Content-Type']).toBe('application/json');
  });

  it('stores the pod under its key at the next cluster revision, protobuf-encoded (golden check 15)', () => {
    expect(Object.keys(run.stored)).toEqual([POD_KEY]);
    expect(stored.metadata.resourceVersion).toBe(String(maxClusterRV + 1));
    const etcdStep = run.steps.find((s) => s.component === 'etcd' && s.outcome === 'ok')!;
    expect(etcdStep.facts).toEqual([
      { label: 'key', value: POD_KEY },
      { label: 'revision', value: String(maxClusterRV + 1) },
      { label: 'create_revision', value: String(maxClusterRV + 1) },
      { label: 'version', value: '1' },
      { label: 'value encoding', value: 'application/vnd.kubernetes.protobuf (starts with k8s\\x00)' },
    ]);
    expect(run.steps.find((s) => s.http?.response?.status === 201)!.http!.response!.body).toEqual(stored);
  });

  it('stores the defaults and admission fields of golden check 14', () => {
    const [c] = stored.spec.containers as Record<string, unknown>[];
    expect(stored.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      enableServiceLinks: true,
      securityContext: {},
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(c).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
      ports: [{ containerPort: 8000, protocol: 'TCP' }],
    });
    const volume = (stored.spec.volumes as { name: string }[])[0]!.name;
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(c!.volumeMounts).toEqual([
      { name: volume, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
    ]);
    expect(stored.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(stored.metadata).toMatchObject({
      generation: 1,
      creationTimestamp: '2026-11-26T09:30:00Z',
      labels: { env: 'story-telling' },
    });
    expect(Object.keys(stored.metadata)).toEqual([
      'name',
      'namespace',
      'uid',
      'resourceVersion',
      'generation',
      'creationTimestamp',
      'labels',
      'annotations',
      'managedFields',
    ]);
    expect(
      (stored.metadata.managedFields as { manager: string; operation: string }[]).map(
        (m) => `${m.manager} ${m.operation}`,
      ),
    ).toEqual(['kubectl-client-side-apply Update']);
  });

  it('shows each admission change with the plugin that made it', () => {
    const by = [...new Set(run.steps.flatMap((s) => s.changes.map((c) => c.by)))];
    expect(by).toEqual(['defaulting', 'kube-apiserver', 'ServiceAccount', 'Priority', 'DefaultTolerationSeconds']);
    // from decoding on, every step of the create carries the key and the pod as it stands
    const create = run.steps.filter(
      (s) =>
        s.component === 'kube-apiserver' &&
        s.http?.request.method === 'POST' &&
        !['authentication', 'authorization'].includes(s.place),
    );
    expect(create.map((s) => [s.objectKey, s.object !== undefined])).toEqual(create.map(() => [POD_KEY, true]));
  });

  it('moves the pod card onto the API server, then into etcd as Pending on the 201', () => {
    expect(run.steps.find((s) => s.place === 'authentication' && s.http?.request.method === 'POST')!.pod).toEqual({
      at: 'kube-apiserver',
      status: 'manifest',
    });
    expect(run.steps.at(-1)!.pod).toEqual({ at: 'etcd', status: 'Pending' });
  });

  it('delivers ADDED to the watch of kubectl get -w', () => {
    expect(run.received.watch.map((w) => `${w.watcher} ${w.watchType} ${w.object.metadata.resourceVersion}`)).toEqual([
      `kubectl-watch ADDED ${maxClusterRV + 1}`,
    ]);
  });
});

describe('kubectl and kube-apiserver when something is wrong', () => {
  const outcome = (over: Partial<ScenarioInput>) => {
    const run = runCluster(scenario(over));
    return { http: http(run.steps), terminal: terminal(run.steps), stored: Object.keys(run.stored), steps: run.steps };
  };
  const jane = {
    user: 'jane',
    credential: { type: 'x509' as const, commonName: 'jane', organizations: [], trusted: true },
    namespace: 'default',
  };

  it('stops at a YAML error without any request (golden check 4)', () => {
    const o = outcome({
      manifest: DEFAULT_MANIFEST.replace(
        'image: sonasingh46/node-web-app:latest',
        'image: sonasingh46/node-web-app: latest',
      ),
    });
    expect(o.http).toEqual([]);
    expect(o.terminal).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stderr: error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 10: mapping values are not allowed in this context',
    ]);
    expect(o.steps.map((s) => `${s.component} ${s.outcome}`)).toEqual(['kubectl fail']);
  });

  it('rejects bad credentials with 401 on the first request', () => {
    const o = outcome({ identity: { ...jane, credential: { ...jane.credential, trusted: false } } });
    expect(o.http).toEqual(['GET /api/v1/namespaces/default/pods/example-pod → 401']);
    expect(o.terminal.slice(1)).toEqual([
      'stderr: error: You must be logged in to the server (error when retrieving current configuration of:',
      'stderr: Resource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"',
      'stderr: Name: "example-pod", Namespace: "default"',
      'stderr: from server for: "pod.yaml": Unauthorized)',
    ]);
  });

  it('forbids a user without RBAC permissions (golden check 9, kubectl create)', () => {
    const o = outcome({ identity: jane, command: 'create' });
    expect(o.http).toEqual([
      'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-create&fieldValidation=Strict → 403',
    ]);
    expect(o.terminal).toEqual([
      'command: kubectl create -f pod.yaml',
      'stderr: Error from server (Forbidden): error when creating "pod.yaml": pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default"',
    ]);
  });

  it('answers 404 for a namespace that does not exist (golden check 10)', () => {
    const o = outcome({
      manifest: DEFAULT_MANIFEST.replace('  name: example-pod\n', '  name: example-pod\n  namespace: foo\n'),
    });
    expect(o.http).toEqual([
      'GET /api/v1/namespaces/foo/pods/example-pod → 404',
      'POST /api/v1/namespaces/foo/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict → 404',
    ]);
    expect(o.terminal.at(-1)).toBe(
      'stderr: Error from server (NotFound): error when creating "pod.yaml": namespaces "foo" not found',
    );
    const denial = o.steps.find((s) => s.place === 'mutating-admission')!;
    expect(denial.t - o.steps.find((s) => s.place === 'decode')!.t).toBe(51); // 1 ms gate + the 50 ms missingNamespaceWait
  });

  it('rejects an unknown field with 400 (golden check 5)', () => {
    const o = outcome({ manifest: DEFAULT_MANIFEST.replace('    image:', '    imagee:') });
    expect(o.http.at(-1)).toBe(
      'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict → 400',
    );
    expect(o.terminal.at(-1)).toBe(
      'stderr: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
    expect(o.stored).toEqual([]);
  });

  it('rejects an invalid name with 422, printed without "Error from server" (golden check 6)', () => {
    const o = outcome({
      manifest: DEFAULT_MANIFEST.replace('name: example-pod\n  labels', 'name: Example_Pod\n  labels'),
    });
    expect(o.http.at(-1)).toMatch(/→ 422$/);
    expect(o.terminal.at(-1)).toBe(
      "stderr: The Pod \"Example_Pod\" is invalid: metadata.name: Invalid value: \"Example_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });

  it('lists several invalid fields one per line', () => {
    const o = outcome({
      manifest: DEFAULT_MANIFEST.replace('    image: sonasingh46/node-web-app:latest\n', '').replace(
        'containerPort: 8000',
        'containerPort: 70000',
      ),
    });
    expect(o.terminal.slice(1)).toEqual([
      'stderr: The Pod "example-pod" is invalid: ',
      'stderr: * spec.containers[0].image: Required value',
      'stderr: * spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });

  it('answers 409 when kubectl create finds the pod (golden check 3) and apply says unchanged', () => {
    const first = runCluster(scenario());
    const existing = first.stored[POD_KEY] as KubeObject;
    const create = outcome({ command: 'create', cluster: [...defaultCluster(), existing] });
    expect(create.http).toEqual([
      'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-create&fieldValidation=Strict → 409',
    ]);
    expect(create.terminal.at(-1)).toBe(
      'stderr: Error from server (AlreadyExists): error when creating "pod.yaml": pods "example-pod" already exists',
    );
    const apply = outcome({ cluster: [...defaultCluster(), existing] });
    expect(apply.http).toEqual(['GET /api/v1/namespaces/default/pods/example-pod → 200']);
    expect(apply.terminal.at(-1)).toBe('stdout: pod/example-pod unchanged');
  });
});
