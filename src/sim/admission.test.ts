import { describe, expect, it } from 'vitest';
import { defaultCluster } from '@scenarios';
import { runPhase, type AdmissionAttributes } from './admission';
import { clusterViewOf } from './apiResources';
import { createRng } from './random';
import type { KubeObject } from './scenario';

const cluster = defaultCluster();
const pod = (spec: Record<string, unknown>, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'example-pod', namespace },
  spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', ...spec },
});
const attrs = (object: KubeObject): AdmissionAttributes => ({
  operation: 'CREATE',
  resource: { group: '', resource: 'pods' },
  subresource: '',
  namespace: object.metadata.namespace ?? 'default',
  name: object.metadata.name ?? '',
  user: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] },
  object,
});
const env = (objects: KubeObject[] = cluster, seed = 7) => ({ cluster: clusterViewOf(objects), rng: createRng(seed) });
const container = { name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'cache', mountPath: '/cache' }] };

describe('mutating admission on the example pod', () => {
  const outcomes = runPhase(
    'mutating',
    attrs(pod({ containers: [container], volumes: [{ name: 'cache', emptyDir: {} }] })),
    env(),
  );
  const final = outcomes.at(-1)!.object;
  const spec = final.spec as Record<string, unknown>;
  const volumeName = `kube-api-access-${createRng(7).kubeString(5)}`;

  it('runs the plugins in v1.33 order and says what each did', () => {
    expect(outcomes.map((o) => [o.record.plugin, o.record.verdict, o.record.note])).toEqual([
      ['NamespaceLifecycle', 'allowed', 'Namespace "default" exists and is Active.'],
      ['LimitRanger', 'allowed', 'No LimitRange in namespace default.'],
      [
        'ServiceAccount',
        'mutated',
        `serviceAccountName is default. Added the projected volume ${volumeName} (token, kube-root-ca.crt, namespace) and mounted it at /var/run/secrets/kubernetes.io/serviceaccount.`,
      ],
      ['NodeRestriction', 'skipped', 'The request is not from a node.'],
      ['TaintNodesByCondition', 'skipped', 'Only Nodes are tainted.'],
      [
        'Priority',
        'mutated',
        'No priorityClassName and no global default PriorityClass: priority 0, PreemptLowerPriority.',
      ],
      [
        'DefaultTolerationSeconds',
        'mutated',
        'Added node.kubernetes.io/not-ready:NoExecute for 300s and node.kubernetes.io/unreachable:NoExecute for 300s.',
      ],
    ]);
  });

  it('adds the service account token volume last, with the exact sources', () => {
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.volumes).toEqual([
      { name: 'cache', emptyDir: {} },
      {
        name: volumeName,
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            {
              downwardAPI: {
                items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
              },
            },
          ],
          defaultMode: 420,
        },
      },
    ]);
    expect((spec.containers as { volumeMounts: unknown[] }[])[0]!.volumeMounts).toEqual([
      { name: 'cache', mountPath: '/cache' },
      { name: volumeName, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
    ]);
  });

  it('sets priority and the two default tolerations, not-ready first', () => {
    expect(spec.priority).toBe(0);
    expect(spec.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('attributes every change to the plugin that made it', () => {
    const tolerations = outcomes.find((o) => o.record.plugin === 'DefaultTolerationSeconds')!.record.changes;
    expect(tolerations).toEqual([
      { path: 'spec.tolerations', op: 'add', after: spec.tolerations, by: 'DefaultTolerationSeconds' },
    ]);
    const sa = outcomes
      .find((o) => o.record.plugin === 'ServiceAccount')!
      .record.changes!.map((c) => `${c.op} ${c.path}`);
    expect(sa).toEqual([
      'add spec.containers[0].volumeMounts[1]',
      'add spec.volumes[1]',
      'add spec.serviceAccountName',
    ]);
  });
});

describe('admission decisions', () => {
  const deny = (o: ReturnType<typeof runPhase>) => o.find((x) => x.denied)?.denied;

  it('404s a pod in a namespace that does not exist, after the 50 ms wait', () => {
    const out = runPhase('mutating', attrs(pod({ containers: [container] }, 'foo')), env());
    expect(out[0]!.waitMs).toBe(50);
    expect(deny(out)).toMatchObject({
      code: 404,
      message: 'namespaces "foo" not found',
      details: { name: 'foo', kind: 'namespaces' },
    });
  });

  it('403s a pod in a terminating namespace with the NamespaceTerminating cause', () => {
    const ns: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'old' },
      status: { phase: 'Terminating' },
    };
    expect(deny(runPhase('mutating', attrs(pod({ containers: [container] }, 'old')), env([...cluster, ns])))).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'pods "example-pod" is forbidden: unable to create new content in namespace old because it is being terminated',
      reason: 'Forbidden',
      details: {
        name: 'example-pod',
        kind: 'pods',
        causes: [
          { reason: 'NamespaceTerminating', message: 'namespace old is being terminated', field: 'metadata.namespace' },
        ],
      },
      code: 403,
    });
  });

  it.each([
    [
      { serviceAccountName: 'builder' },
      'pods "example-pod" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found',
    ],
    [{ priorityClassName: 'gold' }, 'pods "example-pod" is forbidden: no PriorityClass with name gold was found'],
    [
      { priority: 5 },
      'pods "example-pod" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    ],
  ])('forbids %j', (spec, message) => {
    expect(deny(runPhase('mutating', attrs(pod({ containers: [container], ...spec })), env()))?.message).toBe(message);
  });

  it('gives system-node-critical pods their class priority', () => {
    const out = runPhase(
      'mutating',
      attrs(pod({ containers: [container], priorityClassName: 'system-node-critical' })),
      env(),
    );
    expect((out.at(-1)!.object.spec as { priority: number }).priority).toBe(2000001000);
  });

  it('leaves pods that opt out of the token alone', () => {
    const out = runPhase(
      'mutating',
      attrs(pod({ containers: [container], automountServiceAccountToken: false })),
      env(),
    );
    expect((out.at(-1)!.object.spec as { volumes?: unknown }).volumes).toBeUndefined();
  });

  it('fills LimitRange defaults and notes them in the annotation', () => {
    const lr: KubeObject = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'defaults', namespace: 'default' },
      spec: {
        limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' } }],
      },
    };
    const out = runPhase(
      'mutating',
      attrs(pod({ containers: [{ name: 'nginx', image: 'nginx:1.27' }] })),
      env([...cluster, lr]),
    );
    const result = out.find((o) => o.record.plugin === 'LimitRanger')!.object;
    expect(result.metadata.annotations).toEqual({
      'kubernetes.io/limit-ranger':
        'LimitRanger plugin set: cpu request for container nginx; cpu, memory limit for container nginx',
    });
    expect((result.spec as { containers: { resources: unknown }[] }).containers[0]!.resources).toEqual({
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '100m' },
    });
  });

  describe('validating', () => {
    it('allows the pod in a namespace without pod-security labels and without quota', () => {
      const out = runPhase('validating', attrs(pod({ containers: [container] })), env());
      expect(out.map((o) => [o.record.plugin, o.record.verdict, o.record.note])).toEqual([
        ['LimitRanger', 'allowed', 'No LimitRange in namespace default.'],
        [
          'PodSecurity',
          'allowed',
          'Namespace default has no pod-security labels, so the default: enforce level privileged:latest, which allows every pod.',
        ],
        ['ResourceQuota', 'allowed', 'No ResourceQuota in namespace default.'],
      ]);
    });

    const namespace = (labels: Record<string, string>): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'secure', labels },
      status: { phase: 'Active' },
    });

    it.each([
      [
        'restricted, plain nginx',
        { 'pod-security.kubernetes.io/enforce': 'restricted' },
        { name: 'nginx', image: 'nginx:1.27' },
        'pods "example-pod" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
      ],
      [
        'baseline, privileged container',
        { 'pod-security.kubernetes.io/enforce': 'baseline' },
        { name: 'nginx', image: 'nginx:1.27', securityContext: { privileged: true } },
        'pods "example-pod" is forbidden: violates PodSecurity "baseline:latest": privileged (container "nginx" must not set securityContext.privileged=true)',
      ],
    ])('enforces %s', (_name, labels, c, message) => {
      const out = runPhase(
        'validating',
        attrs(pod({ containers: [c] }, 'secure')),
        env([...cluster, namespace(labels)]),
      );
      expect(deny(out)?.message).toBe(message);
    });

    it('warns in warn mode and still allows', () => {
      const out = runPhase(
        'validating',
        attrs(
          pod({ containers: [{ name: 'nginx', image: 'nginx', securityContext: { privileged: true } }] }, 'secure'),
        ),
        env([...cluster, namespace({ 'pod-security.kubernetes.io/warn': 'baseline' })]),
      );
      expect(deny(out)).toBeUndefined();
      expect(out.flatMap((o) => o.warnings)).toEqual([
        'would violate PodSecurity "baseline:latest": privileged (container "nginx" must not set securityContext.privileged=true)',
      ]);
    });

    const quota = (hard: Record<string, string>, used: Record<string, string>): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute-quota', namespace: 'default' },
      spec: { hard },
      status: { hard, used },
    });

    it.each([
      [
        quota(
          { 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi' },
          { 'requests.cpu': '0', 'requests.memory': '0', 'limits.cpu': '0', 'limits.memory': '0' },
        ),
        { name: 'nginx', image: 'nginx' },
        'pods "example-pod" is forbidden: failed quota: compute-quota: must specify limits.cpu for: nginx; limits.memory for: nginx; requests.cpu for: nginx; requests.memory for: nginx',
      ],
      [
        quota({ 'requests.cpu': '2' }, { 'requests.cpu': '1' }),
        { name: 'nginx', image: 'nginx', resources: { requests: { cpu: '2' } } },
        'pods "example-pod" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=2, used: requests.cpu=1, limited: requests.cpu=2',
      ],
      [
        quota({ pods: '10' }, {}),
        { name: 'nginx', image: 'nginx' },
        'pods "example-pod" is forbidden: status unknown for quota: compute-quota, resources: pods',
      ],
    ])('charges ResourceQuota: %#', (q, c, message) => {
      expect(deny(runPhase('validating', attrs(pod({ containers: [c] })), env([...cluster, q])))?.message).toBe(
        message,
      );
    });
  });
});

describe('admission of the other kinds', () => {
  const node = (taints?: unknown[]): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'worker-3' },
    spec: taints ? { taints } : {},
  });
  const nodeAttrs = (object: KubeObject): AdmissionAttributes => ({
    ...attrs(object),
    resource: { group: '', resource: 'nodes' },
    namespace: '',
  });

  it('taints a new Node not-ready:NoSchedule (TaintNodesByCondition); the pod plugins skip it', () => {
    const outcomes = runPhase('mutating', nodeAttrs(node()), env());
    expect(outcomes.map((o) => `${o.record.plugin} ${o.record.verdict}`)).toEqual([
      'NamespaceLifecycle skipped',
      'LimitRanger skipped',
      'ServiceAccount skipped',
      'NodeRestriction skipped',
      'TaintNodesByCondition mutated',
      'Priority skipped',
      'DefaultTolerationSeconds skipped',
    ]);
    expect(outcomes.at(-1)!.object.spec).toEqual({
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    });
  });

  it('does not add the taint twice', () => {
    const t = [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }];
    const outcomes = runPhase('mutating', nodeAttrs(node(t)), env());
    expect(outcomes.find((o) => o.record.plugin === 'TaintNodesByCondition')!.record.verdict).toBe('allowed');
  });

  it('checks the namespace of a ConfigMap (NamespaceLifecycle)', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'nope' } };
    const outcomes = runPhase('mutating', { ...attrs(cm), resource: { group: '', resource: 'configmaps' } }, env());
    expect(outcomes.at(-1)!.denied?.message).toBe('namespaces "nope" not found');
  });

  it('counts ConfigMaps against a quota that names count/configmaps (object-count evaluator)', () => {
    const cm: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'default' },
    };
    const quota: KubeObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'objects', namespace: 'default' },
      status: { hard: { 'count/configmaps': '2', pods: '10' }, used: { 'count/configmaps': '2', pods: '3' } },
    };
    const outcomes = runPhase(
      'validating',
      { ...attrs(cm), resource: { group: '', resource: 'configmaps' } },
      env([...cluster, quota]),
    );
    expect(outcomes.at(-1)!.denied?.message).toBe(
      'configmaps "settings" is forbidden: exceeded quota: objects, requested: count/configmaps=1, used: count/configmaps=2, limited: count/configmaps=2',
    );
  });
});
