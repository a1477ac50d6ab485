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

  it('label-node-later: the kubelet admits against the labelled Node its watch delivered; Running on worker-2', () => {
    const r = run('label-node-later');
    expect(r.apply).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stdout: pod/example-pod created',
      'command: kubectl apply -f what-if.yaml   # administrator (kubernetes-admin): label worker-2 disktype=ssd',
      'stderr: Warning: resource nodes/worker-2 is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
      'stdout: node/worker-2 configured',
    ]);
    expect(r.events).toEqual([
      "Warning FailedScheduling: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
      'Normal Scheduled: Successfully assigned default/example-pod to worker-2',
      'Normal Pulling: Pulling image "sonasingh46/node-web-app:latest"',
      'Normal Pulled: Successfully pulled image "sonasingh46/node-web-app:latest" in 11.833s (11.833s including waiting). Image size: 345112384 bytes.',
      'Normal Created: Created container: example-pod',
      'Normal Started: Started container example-pod',
    ]);
    expect(r.pod?.spec?.nodeName).toBe('worker-2');
    expect(r.pod?.status?.phase).toBe('Running');
    expect(r.watch.at(-1)).toMatch(/^example-pod\s+1\/1\s+Running\s+0\s+33s$/);
  });

  it('reapply-new-image: the kubelet kills the container whose image changed and starts the new one', () => {
    const r = run('reapply-new-image');
    expect(r.apply).toEqual(['command: kubectl apply -f pod.yaml', 'stdout: pod/example-pod configured']);
    expect(r.events).toEqual([
      'Normal Killing: Container example-pod definition changed, will be restarted',
      'Normal Pulling: Pulling image "sonasingh46/node-web-app:v2"',
      'Normal Pulled: Successfully pulled image "sonasingh46/node-web-app:v2" in 12.04s (12.04s including waiting). Image size: 345120768 bytes.',
      'Normal Created: Created container: example-pod',
      'Normal Started: Started container example-pod',
    ]);
    expect(r.watch.at(-1)).toMatch(/^example-pod\s+1\/1\s+Running\s+1 \(12s ago\)\s+60m$/);
    const status = (
      r.pod as StoredPod & {
        status: { containerStatuses: { image: string; restartCount: number; lastState: unknown }[] };
      }
    ).status;
    expect(status.phase).toBe('Running');
    expect(status.containerStatuses[0]).toMatchObject({
      image: 'docker.io/sonasingh46/node-web-app:v2',
      restartCount: 1,
      lastState: { terminated: { exitCode: 137, reason: 'Error' } },
    });
  });
});

describe('more gates, in v1.33 words', () => {
  const lastStatus = (r: ReturnType<typeof run>) => r.watch.at(-1)?.split(/\s+/)[2];
  const event = (r: ReturnType<typeof run>, reason: string) => r.events.filter((e) => e.includes(` ${reason}: `));

  it('namespace-terminating: NamespaceLifecycle 403', () => {
    expect(run('namespace-terminating').apply.at(-1)).toBe(
      forbidden('example-pod', 'unable to create new content in namespace old-team because it is being terminated'),
    );
  });

  it('serviceaccount-missing: ServiceAccount admission 403', () => {
    expect(run('serviceaccount-missing').apply.at(-1)).toBe(
      forbidden(
        'example-pod',
        'error looking up service account brand-new/default: serviceaccount "default" not found',
      ),
    );
  });

  it('quota-exceeded: requested, used and limited', () => {
    expect(run('quota-exceeded').apply.at(-1)).toBe(
      forbidden(
        'example-pod',
        'exceeded quota: team-quota, requested: requests.cpu=1, used: requests.cpu=1500m, limited: requests.cpu=2',
      ),
    );
  });

  it('limitrange-max: LimitRanger validation, no trailing period', () => {
    expect(run('limitrange-max').apply.at(-1)).toBe(
      forbidden('example-pod', 'maximum cpu usage per Container is 1, but limit is 2'),
    );
  });

  it('many-invalid: several causes, one per line after the prefix', () => {
    expect(run('many-invalid').apply.slice(1)).toEqual([
      'stderr: The Pod "example-pod" is invalid: ',
      `stderr: * spec.containers[0].name: Invalid value: "Web_Server": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      'stderr: * spec.containers[0].ports[0].containerPort: Invalid value: 80000: must be between 1 and 65535, inclusive',
      'stderr: * spec.containers[1].image: Required value',
    ]);
  });

  it('create-twice: 409 AlreadyExists', () => {
    expect(run('create-twice').apply).toEqual([
      'command: kubectl create -f pod.yaml',
      'stderr: Error from server (AlreadyExists): error when creating "pod.yaml": pods "example-pod" already exists',
    ]);
  });

  it('reapply-unchanged: no PATCH is sent', () => {
    const r = run('reapply-unchanged');
    expect(r.apply).toEqual(['command: kubectl apply -f pod.yaml', 'stdout: pod/example-pod unchanged']);
    expect(r.trace.steps.some((s) => s.http?.request.method === 'PATCH')).toBe(false);
    expect(r.trace.result.outcome).toBe('running');
  });

  it('configmap-and-pod: two documents, two lines, and the pod runs with the ConfigMap', () => {
    const r = run('configmap-and-pod');
    expect(r.apply).toEqual([
      'command: kubectl apply -f pod.yaml',
      'stdout: configmap/app-config created',
      'stdout: pod/example-pod created',
    ]);
    expect(lastStatus(r)).toBe('Running');
  });

  it('pvc-missing: the VolumeBinding pre-filter message', () => {
    expect(event(run('pvc-missing'), 'FailedScheduling')[0]).toBe(
      'Warning FailedScheduling: 0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('scheduling-gated: the scheduler never tries; STATUS SchedulingGated', () => {
    const r = run('scheduling-gated');
    expect(lastStatus(r)).toBe('SchedulingGated');
    expect(r.condition('PodScheduled')).toMatchObject({ status: 'False', reason: 'SchedulingGated' });
    expect(r.trace.steps.some((s) => s.component === 'kube-scheduler' && s.place === 'filter')).toBe(false);
  });

  it('image-not-found: ErrImagePull and ImagePullBackOff alternate', () => {
    const r = run('image-not-found');
    expect(r.watch.map((l) => l.split(/\s+/)[2]).slice(4, 8)).toEqual([
      'ErrImagePull',
      'ImagePullBackOff',
      'ErrImagePull',
      'ImagePullBackOff',
    ]);
    expect(event(r, 'BackOff')[0]).toBe('Normal BackOff: Back-off pulling image "sonasingh46/node-web-ap:latest"');
  });

  it('invalid-image-name: InspectFailed, no pull', () => {
    const r = run('invalid-image-name');
    expect(lastStatus(r)).toBe('InvalidImageName');
    expect(event(r, 'InspectFailed')[0]).toBe(
      'Warning InspectFailed: Failed to apply default image tag "SonaSingh46/Node-Web-App:latest": couldn\'t parse image name "SonaSingh46/Node-Web-App:latest": invalid reference format: repository name (Node-Web-App) must be lowercase',
    );
    expect(event(r, 'Pulling')).toEqual([]);
  });

  it('crashloop: the exact BackOff event and CrashLoopBackOff', () => {
    const r = run('crashloop');
    expect(r.watch.some((l) => /\sCrashLoopBackOff\s/.test(l))).toBe(true);
    expect(event(r, 'BackOff')[0]).toMatch(
      /^Warning BackOff: Back-off restarting failed container example-pod in pod example-pod_default\([0-9a-f-]{36}\)$/,
    );
  });

  it('oom-killed: OOMKilled, exit 137', () => {
    const r = run('oom-killed');
    expect(r.watch.some((l) => /\sOOMKilled\s/.test(l))).toBe(true);
    expect(r.trace.result.summary).toContain('OOMKilled, code 137');
  });

  it('missing-configmap: CreateContainerConfigError', () => {
    const r = run('missing-configmap');
    expect(lastStatus(r)).toBe('CreateContainerConfigError');
    expect(event(r, 'Failed')[0]).toBe('Warning Failed: Error: configmap "app-config" not found');
  });

  it('missing-secret-volume: FailedMount, still ContainerCreating', () => {
    const r = run('missing-secret-volume');
    expect(lastStatus(r)).toBe('ContainerCreating');
    expect(event(r, 'FailedMount')[0]).toBe(
      'Warning FailedMount: MountVolume.SetUp failed for volume "tls" : secret "web-tls" not found',
    );
  });

  it('init-container: Init:0/1 → PodInitializing → Running', () => {
    const statuses = run('init-container').watch.map((l) => l.split(/\s+/)[2]);
    expect(statuses.slice(3)).toEqual(['Init:0/1', 'Init:0/1', 'PodInitializing', 'Running']);
  });

  it('readiness-failing: Running but 0/1, with the probe’s words', () => {
    const r = run('readiness-failing');
    expect(r.watch.at(-1)).toMatch(/^example-pod\s+0\/1\s+Running\s/);
    expect(event(r, 'Unhealthy')[0]).toBe(
      'Warning Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404',
    );
    expect(r.condition('Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
  });

  it('liveness-failing: Killing, then a restart', () => {
    const r = run('liveness-failing');
    expect(event(r, 'Killing')[0]).toBe(
      'Normal Killing: Container example-pod failed liveness probe, will be restarted',
    );
    expect(r.watch.some((l) => /\s1 \(\d+s ago\)\s/.test(l))).toBe(true);
  });

  it('run-to-completion: Completed, phase Succeeded', () => {
    const r = run('run-to-completion');
    expect(lastStatus(r)).toBe('Completed');
    expect(r.pod?.status?.phase).toBe('Succeeded');
  });
});

describe('what does not fail', () => {
  it('duplicate-key: kubectl keeps the last value, so the pod runs nginx and no one complains', () => {
    const r = run('duplicate-key');
    expect(r.apply).toEqual(['command: kubectl apply -f pod.yaml', 'stdout: pod/example-pod created']);
    const pod = r.pod as StoredPod & { spec: { containers: { image: string }[] } };
    expect(pod.spec.containers.map((c) => c.image)).toEqual(['nginx:1.27']);
    expect(r.events).toContain('Normal Pulling: Pulling image "nginx:1.27"');
  });
});
