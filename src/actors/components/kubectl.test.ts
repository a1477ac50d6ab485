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

describe('kubectl apply with several documents, other kinds and existing objects', () => {
  const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue\n';
  const titles = (steps: readonly Step[]) => steps.map((s) => `${s.t} ${s.component} ${s.place}: ${s.title}`);
  const applied = () => runCluster(scenario()).stored[POD_KEY] as KubeObject;

  it('sends each document in file order, one line each (ConfigMap + Pod)', () => {
    const run = runCluster(scenario({ manifest: `${CONFIG_MAP}---\n${DEFAULT_MANIFEST}` }));
    expect(http(run.steps)).toEqual([
      'GET /api/v1/namespaces/default/configmaps/settings → 404',
      'POST /api/v1/namespaces/default/configmaps?fieldManager=kubectl-client-side-apply&fieldValidation=Strict → 201',
      'GET /api/v1/namespaces/default/pods/example-pod → 404',
      'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict → 201',
    ]);
    expect(terminal(run.steps)).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stdout: configmap/settings created',
      'stdout: pod/example-pod created',
    ]);
    expect(titles(run.steps).slice(0, 20)).toEqual([
      '12 kubectl read-manifest: Read pod.yaml: 2 objects',
      '12 kubectl output: GET configmaps/settings',
      '17 kube-apiserver authentication: Authenticated: kubernetes-admin',
      '18 kube-apiserver authorization: Authorized: get configmaps (RBAC)',
      '19 kube-apiserver handler: Read from etcd: Range',
      '22 etcd storage: Range: no such key',
      '24 kube-apiserver handler: 404 Not Found: configmaps "settings"',
      '28 kubectl output: POST configmaps (create settings)',
      '33 kube-apiserver authentication: Authenticated: kubernetes-admin',
      '34 kube-apiserver authorization: Authorized: create configmaps (RBAC)',
      '36 kube-apiserver decode: Decode: ConfigMap, fields checked',
      '43 kube-apiserver mutating-admission: Mutating admission: no changes',
      '44 kube-apiserver validation: Prepare: uid, creationTimestamp',
      '46 kube-apiserver validation: Validation passed',
      '48 kube-apiserver validating-admission: Validating admission: allowed',
      '49 kube-apiserver persist: Write to etcd: Txn create',
      `52 etcd storage: Stored at revision ${maxClusterRV + 1}`,
      '54 kube-apiserver handler: 201 Created: configmap/settings',
      '58 kubectl output: configmap/settings created',
      '58 kubectl output: GET pods/example-pod',
    ]);
    const cm = run.stored['/registry/configmaps/default/settings'] as KubeObject;
    expect(cm.data).toEqual({ color: 'blue' });
    expect(Object.keys(cm.metadata)).toEqual([
      'name',
      'namespace',
      'uid',
      'resourceVersion',
      'creationTimestamp',
      'annotations',
      'managedFields',
    ]);
    expect((cm.metadata.managedFields as { fieldsV1: unknown }[])[0]!.fieldsV1).toEqual({
      'f:data': { '.': {}, 'f:color': {} },
      'f:metadata': { 'f:annotations': { '.': {}, 'f:kubectl.kubernetes.io/last-applied-configuration': {} } },
    });
  });

  it('goes on after a document the server rejects and prints the error at the end', () => {
    const badKey = CONFIG_MAP.replace('color: blue', 'a/b: blue');
    const run = runCluster(scenario({ manifest: `${badKey}---\n${DEFAULT_MANIFEST}` }));
    expect(terminal(run.steps)).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stdout: pod/example-pod created',
      "stderr: The ConfigMap \"settings\" is invalid: data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });

  it('reports a kind the server does not know and applies the rest', () => {
    const run = runCluster(
      scenario({ manifest: `apiVersion: apps/v1\nkind: Deplyment\nmetadata:\n  name: web\n---\n${DEFAULT_MANIFEST}` }),
    );
    expect(terminal(run.steps)).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stdout: pod/example-pod created',
      'stderr: error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Deplyment" in version "apps/v1"',
      'stderr: ensure CRDs are installed first',
    ]);
  });

  it('stops reading at a document without apiVersion and kind, before any request', () => {
    const run = runCluster(scenario({ manifest: `metadata:\n  name: x\n---\n${DEFAULT_MANIFEST}` }));
    expect(http(run.steps)).toEqual([]);
    expect(terminal(run.steps)).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stderr: error: error validating "pod.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
  });

  it('skips empty documents', () => {
    const run = runCluster(scenario({ manifest: `---\n---\n${DEFAULT_MANIFEST}---\n` }));
    expect(terminal(run.steps)).toEqual(['command: kubectl apply -f pod.yaml', 'stdout: pod/example-pod created']);
  });

  it('re-applies a changed image: GET 200, PATCH 200, pod/example-pod configured', () => {
    const run = runCluster(
      scenario({ cluster: [...defaultCluster(), applied()], manifest: DEFAULT_MANIFEST.replace(':latest', ':v2') }),
    );
    expect(http(run.steps)).toEqual([
      'GET /api/v1/namespaces/default/pods/example-pod → 200',
      'PATCH /api/v1/namespaces/default/pods/example-pod?fieldManager=kubectl-client-side-apply&fieldValidation=Strict → 200',
    ]);
    expect(terminal(run.steps)).toEqual(['command: kubectl apply -f pod.yaml', 'stdout: pod/example-pod configured']);
    expect(titles(run.steps)).toEqual([
      '12 kubectl read-manifest: Read pod.yaml: 1 object',
      '12 kubectl output: GET pods/example-pod',
      '17 kube-apiserver authentication: Authenticated: kubernetes-admin',
      '18 kube-apiserver authorization: Authorized: get pods (RBAC)',
      '19 kube-apiserver handler: Read from etcd: Range',
      '22 etcd storage: Range: key found',
      '24 kube-apiserver handler: 200 OK: pod/example-pod',
      '28 kubectl output: PATCH pods/example-pod',
      '33 kube-apiserver authentication: Authenticated: kubernetes-admin',
      '34 kube-apiserver authorization: Authorized: patch pods (RBAC)',
      '35 kube-apiserver handler: Read from etcd: Range',
      '38 etcd storage: Range: key found',
      '41 kube-apiserver decode: Patch pod/example-pod: 3 changes',
      '42 kube-apiserver mutating-admission: Mutating admission: no changes',
      '44 kube-apiserver validation: Update validation passed',
      '46 kube-apiserver validating-admission: Validating admission: allowed',
      '47 kube-apiserver persist: Write to etcd: Txn update',
      `50 etcd storage: Stored at revision ${maxClusterRV + 2}`,
      '52 kube-apiserver handler: 200 OK: pod/example-pod patched',
      '56 kubectl output: pod/example-pod configured',
    ]);
    const stored = run.stored[POD_KEY] as KubeObject & { spec: { containers: { image: string }[] } };
    expect(stored.spec.containers[0]!.image).toBe('sonasingh46/node-web-app:v2');
    expect(stored.metadata.generation).toBe(2);
    const patch = run.steps.find((s) => s.http?.request.method === 'PATCH')!;
    expect(patch.http!.request.headers['Content-Type']).toBe('application/strategic-merge-patch+json');
  });

  it('rejects a new port with 422 and the v1.33 Forbidden text', () => {
    const run = runCluster(
      scenario({
        cluster: [...defaultCluster(), applied()],
        manifest: DEFAULT_MANIFEST.replace(
          '    - containerPort: 8000\n',
          '    - containerPort: 8000\n    - containerPort: 9000\n',
        ),
      }),
    );
    expect(http(run.steps).at(-1)).toMatch(/^PATCH .* → 422$/);
    expect(terminal(run.steps).at(-1)).toBe(
      'stderr: The Pod "example-pod" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(Object.keys(run.stored)).toEqual([]);
  });

  it('warns about a missing last-applied annotation, then patches it in', () => {
    const live = applied();
    const { annotations: _dropped, ...metadata } = live.metadata;
    const run = runCluster(scenario({ cluster: [...defaultCluster(), { ...live, metadata }] }));
    expect(terminal(run.steps)).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stderr: Warning: resource pods/example-pod is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
      'stdout: pod/example-pod configured',
    ]);
  });

  it('needs get for apply but not for create (a Role that grants only create)', () => {
    const rbac: KubeObject[] = [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'pod-creator', namespace: 'default', uid: 'r1', resourceVersion: '2' },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'jane-creates', namespace: 'default', uid: 'r2', resourceVersion: '3' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-creator' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' }],
      },
    ];
    const jane = {
      user: 'jane',
      credential: { type: 'x509' as const, commonName: 'jane', organizations: [], trusted: true },
      namespace: 'default',
    };
    const apply = runCluster(scenario({ identity: jane, cluster: [...defaultCluster(), ...rbac] }));
    expect(http(apply.steps)).toEqual(['GET /api/v1/namespaces/default/pods/example-pod → 403']);
    expect(terminal(apply.steps).slice(1)).toEqual([
      'stderr: Error from server (Forbidden): error when retrieving current configuration of:',
      'stderr: Resource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"',
      'stderr: Name: "example-pod", Namespace: "default"',
      'stderr: from server for: "pod.yaml": pods "example-pod" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"',
    ]);
    const create = runCluster(scenario({ identity: jane, command: 'create', cluster: [...defaultCluster(), ...rbac] }));
    expect(http(create.steps)).toEqual([
      'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-create&fieldValidation=Strict → 201',
    ]);
    expect(terminal(create.steps)).toEqual(['command: kubectl create -f pod.yaml', 'stdout: pod/example-pod created']);
  });
});

describe('an administrator changes the cluster during the run (interventions)', () => {
  const worker3: KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'worker-3', labels: { 'kubernetes.io/hostname': 'worker-3' } },
    spec: { podCIDR: '10.244.3.0/24' },
    status: { capacity: { cpu: '8', memory: '8Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
  };
  const run = runCluster(
    scenario({ interventions: [{ atMs: 500, title: 'Add node worker-3 (8 CPU)', objects: [worker3] }] }),
    [{ id: 'kube-scheduler', watchPath: '/api/v1/nodes?watch=true' }],
  );

  it('runs kubectl apply -f what-if.yaml in the same terminal, as kubernetes-admin', () => {
    expect(terminal(run.steps)).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stdout: pod/example-pod created',
      'command: kubectl apply -f what-if.yaml   # administrator (kubernetes-admin): Add node worker-3 (8 CPU)',
      'stdout: node/worker-3 created',
    ]);
    expect(http(run.steps).slice(2)).toEqual([
      'GET /api/v1/nodes/worker-3 → 404',
      'POST /api/v1/nodes?fieldManager=kubectl-client-side-apply&fieldValidation=Strict → 201',
    ]);
    const admin = run.steps.find((s) => s.title.startsWith('Administrator'))!;
    expect(admin.t).toBe(512);
    expect(admin.narration.summary).toBe(
      'An administrator changes the cluster while the journey runs: Add node worker-3 (8 CPU).',
    );
  });

  it('stores the node under /registry/minions with the not-ready taint of TaintNodesByCondition', () => {
    const node = run.stored['/registry/minions/worker-3'] as KubeObject & { spec: Record<string, unknown> };
    expect(node.spec.taints).toEqual([{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }]);
    expect((node.status as { allocatable: unknown }).allocatable).toEqual({ cpu: '8', memory: '8Gi', pods: '110' });
  });

  it('delivers ADDED to a watch on nodes', () => {
    expect(
      run.received.watch.map((w) => `${w.watcher} ${w.watchType} ${w.object.kind}/${w.object.metadata.name}`),
    ).toEqual(['kube-scheduler ADDED Node/worker-3']);
  });
});

describe('an intervention on an object that exists', () => {
  const worker2 = defaultCluster().find((o) => o.kind === 'Node' && o.metadata.name === 'worker-2')!;
  const labelled = {
    ...worker2,
    metadata: { ...worker2.metadata, labels: { ...worker2.metadata.labels, disktype: 'ssd' } },
  };
  const run = runCluster(
    scenario({ interventions: [{ atMs: 300, title: 'Label worker-2 disktype=ssd', objects: [labelled] }] }),
    [{ id: 'kube-scheduler', watchPath: '/api/v1/nodes?watch=true' }],
  );

  it('is patched like any apply: the missing-annotation warning, then configured', () => {
    expect(terminal(run.steps).slice(2)).toEqual([
      'command: kubectl apply -f what-if.yaml   # administrator (kubernetes-admin): Label worker-2 disktype=ssd',
      'stderr: Warning: resource nodes/worker-2 is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
      'stdout: node/worker-2 configured',
    ]);
    const node = run.stored['/registry/minions/worker-2'] as KubeObject;
    expect(node.metadata.labels?.disktype).toBe('ssd');
    expect(node.status).toEqual(worker2.status);
  });

  it('reaches the node watchers as MODIFIED', () => {
    expect(run.received.watch.map((w) => `${w.watchType} ${w.object.metadata.name}`)).toEqual(['MODIFIED worker-2']);
  });
});

describe('how apply and create order their errors', () => {
  const file = `apiVersion: apps/v1\nkind: Deplyment\nmetadata:\n  name: web\n---\n${DEFAULT_MANIFEST}`;
  const existing = () => runCluster(scenario()).stored[POD_KEY] as KubeObject;
  const mapping =
    'resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Deplyment" in version "apps/v1"';

  it('create: the create errors first, then what it could not read (ContinueOnErrorVisitor)', () => {
    const run = runCluster(scenario({ command: 'create', cluster: [...defaultCluster(), existing()], manifest: file }));
    expect(terminal(run.steps).slice(1)).toEqual([
      'stderr: Error from server (AlreadyExists): error when creating "pod.yaml": pods "example-pod" already exists',
      `stderr: ${mapping}`,
      'stderr: ensure CRDs are installed first',
    ]);
  });

  it('apply: what it could not read first (it reads the whole file before applying)', () => {
    const run = runCluster(
      scenario({
        cluster: [...defaultCluster(), existing()],
        manifest: file.replace(':latest', ':v2').replace('8000', '9000'),
      }),
    );
    expect(terminal(run.steps).slice(1, 3)).toEqual([`stderr: ${mapping}`, 'stderr: ensure CRDs are installed first']);
    expect(terminal(run.steps)[3]).toMatch(/^stderr: Error from server \(Invalid\): error when applying patch:$/);
    expect(terminal(run.steps)[4]).toMatch(/^stderr: \{"metadata":\{"annotations":/);
  });
});

describe('Secrets', () => {
  const secret = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n${data}`;

  it('refuses data that is not base64 (400, the JSON decoder of []byte)', () => {
    const run = runCluster(scenario({ manifest: secret('data:\n  password: hello\n') }));
    expect(terminal(run.steps).at(-1)).toBe(
      'stderr: Error from server (BadRequest): error when creating "pod.yaml": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    );
  });

  it('stores stringData as base64 data with type Opaque', () => {
    const run = runCluster(scenario({ manifest: secret('stringData:\n  password: hello\n') }));
    expect(terminal(run.steps).at(-1)).toBe('stdout: secret/db created');
    const stored = run.stored['/registry/secrets/default/db'] as KubeObject;
    expect([stored.data, stored.type, stored.stringData]).toEqual([{ password: 'aGVsbG8=' }, 'Opaque', undefined]);
  });
});
