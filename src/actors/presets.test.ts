// Every preset of the gallery, run whole: where its journey stops and the exact words a v1.33
// cluster prints there (kubectl output, event reasons and messages, STATUS, conditions).
import { describe, expect, it } from 'vitest';
import { PRESETS } from '@scenarios';
import { buildScenario, type Trace } from '@sim';
import { simulate } from './system';

interface StoredPod {
  spec?: { nodeName?: string };
  status?: { phase?: string; conditions?: { type: string; status: string; reason?: string; message?: string }[] };
}

function run(id: string) {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  const built = buildScenario(preset.source);
  if (!built.ok) throw new Error(built.error);
  const trace: Trace = simulate(built.input);
  const last = trace.steps.at(-1)!;
  const apply = last.terminal.filter((l) => l.terminal === 'apply').map((l) => `${l.stream}: ${l.text}`);
  const watch = last.terminal.filter((l) => l.terminal === 'watch' && l.stream === 'stdout').map((l) => l.text);
  const events = last.events.map((e) => `${e.type} ${e.reason}: ${e.message}`);
  const podKey = Object.keys(last.stored).find((k) => k.startsWith('/registry/pods/') && k.endsWith('/example-pod'));
  const pod = podKey ? (last.stored[podKey] as StoredPod) : undefined;
  const condition = (type: string) => pod?.status?.conditions?.find((c) => c.type === type);
  /** The component of the last step that said no (or the last step's, when nothing did). */
  const refusedBy = trace.steps.find((s) => s.outcome === 'fail')?.component;
  return { trace, apply, watch, events, pod, condition, refusedBy };
}

describe('every preset builds and ends', () => {
  it.each(PRESETS.map((p) => p.id))('%s', (id) => {
    const { trace } = run(id);
    expect(trace.steps.length).toBeGreaterThanOrEqual(1);
    expect(trace.steps.every((s) => s.narration.summary.length > 0)).toBe(true);
  });

  it('has at least 16 presets, each with its own address', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(16);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) expect(p.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});

const forbidden = (name: string, why: string) =>
  `stderr: Error from server (Forbidden): error when creating "pod.yaml": pods "${name}" is forbidden: ${why}`;

describe('where each journey stops, in v1.33 words', () => {
  it('happy-path: Running', () => {
    const r = run('happy-path');
    expect(r.apply).toEqual(['command: kubectl apply -f pod.yaml', 'stdout: pod/example-pod created']);
    expect(r.pod?.status?.phase).toBe('Running');
    expect(r.watch.at(-1)).toMatch(/^example-pod\s+1\/1\s+Running\s+0\s+/);
  });

  it('yaml-syntax-error: kubectl stops before sending anything', () => {
    const r = run('yaml-syntax-error');
    expect(r.apply).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stderr: error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key',
    ]);
    expect(r.trace.steps.some((s) => s.component === 'kube-apiserver')).toBe(false);
  });

  it.each([['unknown-token'], ['foreign-certificate'], ['expired-certificate']])('%s: 401 at authentication', (id) => {
    const r = run(id);
    expect(r.refusedBy).toBe('kube-apiserver');
    expect(r.trace.steps.find((s) => s.outcome === 'fail')?.place).toBe('authentication');
    expect(r.apply.join('\n')).toContain('error: You must be logged in to the server (');
    expect(r.apply.at(-1)).toMatch(/Unauthorized\)$/);
    expect(r.pod).toBeUndefined();
  });

  it('forbidden: jane fails at apply’s GET with the RBAC 403', () => {
    const r = run('forbidden');
    expect(r.apply).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stderr: Error from server (Forbidden): error when retrieving current configuration of:',
      'stderr: Resource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"',
      'stderr: Name: "example-pod", Namespace: "default"',
      'stderr: from server for: "pod.yaml": pods "example-pod" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"',
    ]);
    expect(r.trace.steps.find((s) => s.outcome === 'fail')?.place).toBe('authorization');
  });

  it('anonymous: system:anonymous is authenticated and then forbidden', () => {
    const r = run('anonymous');
    expect(r.apply.at(-1)).toBe(
      'stderr: from server for: "pod.yaml": pods "example-pod" is forbidden: User "system:anonymous" cannot get resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('create-not-get: apply fails at the GET for a user who may only create', () => {
    const r = run('create-not-get');
    expect(r.apply.at(-1)).toBe(
      'stderr: from server for: "pod.yaml": pods "example-pod" is forbidden: User "system:serviceaccount:default:ci-bot" cannot get resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('namespace-missing: NamespaceLifecycle answers 404', () => {
    const r = run('namespace-missing');
    expect(r.apply.at(-1)).toBe(
      'stderr: Error from server (NotFound): error when creating "pod.yaml": namespaces "staging" not found',
    );
  });

  it('podsecurity-baseline: 403 with the privileged check', () => {
    const r = run('podsecurity-baseline');
    expect(r.apply.at(-1)).toBe(
      forbidden(
        'example-pod',
        'violates PodSecurity "baseline:latest": privileged (container "example-pod" must not set securityContext.privileged=true)',
      ),
    );
  });

  it('podsecurity-restricted: 403 with the four restricted checks in order', () => {
    const r = run('podsecurity-restricted');
    expect(r.apply.at(-1)).toBe(
      forbidden(
        'example-pod',
        'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "example-pod" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "example-pod" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "example-pod" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "example-pod" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
      ),
    );
  });

  it('podsecurity-warn: the warning, then the pod is created', () => {
    const r = run('podsecurity-warn');
    expect(r.apply[1]).toMatch(
      /^stderr: Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false/,
    );
    expect(r.apply[2]).toBe('stdout: pod/example-pod created');
  });

  it('resource-quota: failed quota names every missing resource', () => {
    const r = run('resource-quota');
    expect(r.apply.at(-1)).toBe(
      forbidden(
        'example-pod',
        'failed quota: compute-quota: must specify limits.cpu for: example-pod; limits.memory for: example-pod; requests.cpu for: example-pod; requests.memory for: example-pod',
      ),
    );
  });

  it('limitrange-defaults: the pod runs with the defaults and the limit-ranger annotation', () => {
    const r = run('limitrange-defaults');
    const pod = r.pod as StoredPod & {
      metadata: { annotations: Record<string, string> };
      spec: { containers: { resources: unknown }[] };
    };
    expect(pod.metadata.annotations['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container example-pod; cpu, memory limit for container example-pod',
    );
    expect(pod.spec.containers[0]!.resources).toEqual({
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '250m', memory: '128Mi' },
    });
    expect(pod.status?.phase).toBe('Running');
  });

  it('unknown-priorityclass: Priority admission says no', () => {
    const r = run('unknown-priorityclass');
    expect(r.apply.at(-1)).toBe(forbidden('example-pod', 'no PriorityClass with name high-priority was found'));
  });

  it('strict-decoding: 400 with the field path', () => {
    const r = run('strict-decoding');
    expect(r.apply.at(-1)).toBe(
      'stderr: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
  });

  it('invalid-name: 422 rendered inline, without "Error from server"', () => {
    const r = run('invalid-name');
    expect(r.apply.at(-1)).toBe(
      `stderr: The Pod "Example_Pod" is invalid: metadata.name: Invalid value: "Example_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  });

  const failedScheduling = (r: ReturnType<typeof run>) => r.events.filter((e) => e.includes('FailedScheduling'));

  it('insufficient-cpu: FailedScheduling with the preemption suffix, PodScheduled=False', () => {
    const r = run('insufficient-cpu');
    expect(failedScheduling(r)[0]).toBe(
      'Warning FailedScheduling: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(r.condition('PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(r.pod?.spec?.nodeName).toBeUndefined();
  });

  it('nodeselector-mismatch: node affinity/selector', () => {
    const r = run('nodeselector-mismatch');
    expect(failedScheduling(r)[0]).toBe(
      "Warning FailedScheduling: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it('untolerated-taint: every node has a taint the pod does not tolerate', () => {
    const r = run('untolerated-taint');
    expect(failedScheduling(r)[0]).toBe(
      'Warning FailedScheduling: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
});
